# expect: strict=deny standard=allow audit=allow
import json

results = {"accuracy": 0.93, "loss": 0.21, "epochs": 10}

with open("results.json", "w", encoding="utf-8") as fh:
    json.dump(results, fh, indent=2)

with open("summary.txt", "w") as fh:
    fh.write(f"accuracy={results['accuracy']}\n")
print("wrote results.json and summary.txt")
