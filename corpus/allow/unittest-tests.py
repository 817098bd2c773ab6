# expect: strict=deny standard=allow audit=allow
import unittest


def slug(s: str) -> str:
    return "-".join(s.lower().split())


class SlugTests(unittest.TestCase):
    def test_basic(self):
        self.assertEqual(slug("Hello World"), "hello-world")

    def test_spaces(self):
        self.assertEqual(slug("  many   spaces "), "many-spaces")

    def test_empty(self):
        self.assertEqual(slug(""), "")


if __name__ == "__main__":
    unittest.main()
