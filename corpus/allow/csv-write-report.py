# expect: strict=deny standard=allow audit=allow
import csv

rows = [("name", "score"), ("ana", 91), ("bo", 78)]
with open("report.csv", "w", newline="") as fh:
    csv.writer(fh).writerows(rows)
print("saved report.csv")
