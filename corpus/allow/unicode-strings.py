# expect: strict=allow standard=allow audit=allow
greetings = {
    "ja": "こんにちは世界",
    "zh": "你好，世界",
    "ar": "مرحبا بالعالم",
    "ru": "Привет, мир",
    "emoji": "Hello 👋🌍 — ship it 🚀",
}

for lang, text in greetings.items():
    print(f"{lang:5} {len(text):3} chars  {text}")

print("東京".encode("utf-8"))
print("naïve café".upper())
