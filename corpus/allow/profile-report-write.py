# expect: strict=deny standard=allow audit=allow
"""Write a profile of the dataset to the working directory."""
import json
import shutil
import statistics

values = [3.2, 4.8, 5.1, 2.9, 4.4]
profile = {"mean": statistics.mean(values), "stdev": statistics.stdev(values)}
shutil.rmtree("out/old-profiles", ignore_errors=True)
with open("out/profile.json", "w") as fh:
    json.dump(profile, fh, indent=2)
