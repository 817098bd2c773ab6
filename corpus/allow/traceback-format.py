# expect: strict=allow standard=allow audit=allow
import traceback


def parse_int(s: str) -> int:
    return int(s)


results = []
for raw in ["10", "x", "30"]:
    try:
        results.append(parse_int(raw))
    except ValueError:
        print("could not parse", repr(raw))
        print(traceback.format_exc(limit=1))
print(results)
