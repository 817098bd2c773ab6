# expect: strict=allow standard=allow audit=allow
"""Security guidance generator.

Never call eval() or exec() on user input, and never use os.system()
or subprocess with shell=True. Avoid pickle.loads on untrusted data.
"""

# This comment mentions __import__("os").system("id") but it is only a comment.
ADVICE = {
    "eval": "Use ast.literal_eval for literals.",
    "exec": "Restructure code instead of exec().",
    "os.system": "Use subprocess.run([...]) with a list.",
    "__subclasses__": "Sandbox-escape trick; do not rely on it.",
}


def advise(topic: str) -> str:
    return ADVICE.get(topic, "No advice for " + topic)


for key in ADVICE:
    print(f"{key:>15}: {advise(key)}")
