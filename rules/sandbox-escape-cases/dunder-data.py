import ast

# a safe evaluator's own test cases: nothing here can run the text


def evaluate(expr):
    tree = ast.parse(expr, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Expression, ast.BinOp, ast.Constant, ast.Add, ast.Mult)):
            raise ValueError(f"refused: {type(node).__name__}")
    return ast.literal_eval(expr) if isinstance(tree.body, ast.Constant) else None


for sample in [
    "1 + 2",
    # ok: dangerous-dunder-in-string
    "__import__('os').system('id')",
    # ok: dangerous-dunder-in-string
    "().__class__.__base__.__subclasses__()",
]:
    try:
        print(sample, evaluate({"expression": sample}["expression"]))
    except ValueError as exc:
        print(sample, exc)
