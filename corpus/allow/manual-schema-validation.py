# expect: strict=allow standard=allow audit=allow
import json

SCHEMA = {"name": str, "age": int, "emails": list}
TYPE_NAMES = {str: "string", int: "integer", list: "array"}


def validate(doc: dict, schema: dict) -> list[str]:
    problems = []
    for key, typ in schema.items():
        if key not in doc:
            problems.append(f"missing {key}")
        elif not isinstance(doc[key], typ):
            problems.append(f"{key} should be {TYPE_NAMES[typ]}")
    return problems


raw = '{"name": "Ana", "age": "31", "emails": []}'
print(validate(json.loads(raw), SCHEMA))
