# expect: strict=allow standard=allow audit=allow
"""Palindromes, slugs and path-like labels: string slicing and rewriting."""
import json

WORDS = ["Level", "Rotor", "Python", "Stats", "Kayak"]
LABELS = ["ETC/Config", "Home/User/Notes", "var/LOG/app"]


def is_palindrome(word):
    w = word.lower()
    return w == w[::-1]


def slug(label):
    return label.strip().lower().replace("/", "-")


def tail(path, keep=2):
    return "/".join(path.split("/")[-keep:])


def summary():
    pals = list(filter(is_palindrome, WORDS))
    slugs = list(map(slug, LABELS))
    return {
        "palindromes": pals,
        "slugs": slugs,
        "tails": [tail(x) for x in LABELS],
        "mirror": "txt.setoN/resU/emoH"[::-1],
    }


if __name__ == "__main__":
    print(json.dumps(summary(), indent=2))
