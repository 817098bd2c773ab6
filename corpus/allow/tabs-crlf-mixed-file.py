# expect: strict=allow standard=allow audit=allow
import re

WORD = re.compile(r"\w+")

def count_words(text):
	counts = {}
	for w in WORD.findall(text.lower()):
		counts[w] = counts.get(w, 0) + 1
	return counts

print(count_words("The cat and the hat"))
