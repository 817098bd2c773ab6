# Tests for rules/quality.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import json

items = ["1", "x", "3"]

# ruleid: assert-used
assert items, "no items"


def parse(text):
    try:
        return json.loads(text)
    # ruleid: try-except-pass
    except Exception:
        pass


def parse_quietly(text):
    try:
        return json.loads(text)
    # ruleid: try-except-pass
    except:
        pass


def parse_logged(text):
    try:
        return json.loads(text)
    # ruleid: try-except-pass
    except BaseException as error:
        pass


def parse_specific(text):
    try:
        return json.loads(text)
    # todook: try-except-pass
    except json.JSONDecodeError:
        pass


def parse_handled(text):
    try:
        return json.loads(text)
    # ok: try-except-pass
    except Exception as error:
        print("bad input:", error)


numbers = []
for item in items:
    try:
        numbers.append(int(item))
    # ruleid: try-except-continue
    except Exception:
        continue

for item in items:
    try:
        numbers.append(int(item))
    # todook: try-except-continue
    except ValueError:
        continue
