# expect: strict=allow standard=allow audit=allow
import random

rng = random.Random(42)
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
rng.shuffle(deck)
hand = deck[:5]
print("hand:", hand)
print("sample:", rng.sample(range(100), 5))
print("gauss:", round(rng.gauss(0, 1), 4))
