# expect: strict=allow standard=allow audit=allow
import re

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
DATE_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")

text = """
Contact alice@example.com or bob.smith+news@mail.example.org.
Meeting on 2024-03-15, follow-up 2024-04-01.
"""

print("emails:", EMAIL_RE.findall(text))
for m in DATE_RE.finditer(text):
    print("date:", m.group("d"), m.group("m"), m.group("y"))
print(re.sub(r"\s+", " ", text).strip())
