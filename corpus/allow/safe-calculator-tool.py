# expect: strict=allow standard=allow audit=allow
"""A calculator tool for an agent: arithmetic only, by walking the syntax tree."""
import ast
import math
import operator

OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
       ast.Pow: operator.pow, ast.USub: operator.neg}
NAMES = {"pi": math.pi, "e": math.e}
FUNCS = {"sqrt": math.sqrt, "log": math.log}


def _eval(node):
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPS:
        if isinstance(node.op, ast.Pow) and abs(_eval(node.right)) > 100:
            raise ValueError("exponent too large")
        return OPS[type(node.op)](_eval(node.left), _eval(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in OPS:
        return OPS[type(node.op)](_eval(node.operand))
    if isinstance(node, ast.Name) and node.id in NAMES:
        return NAMES[node.id]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCS:
        return FUNCS[node.func.id](*[_eval(a) for a in node.args])
    raise ValueError(f"not allowed: {type(node).__name__}")


def calculate(expression: str) -> float:
    return _eval(ast.parse(expression, mode="eval"))


if __name__ == "__main__":
    for sample in ["1 + 2 * 3", "sqrt(16) + pi", "__import__('os').system('id')", "2 ** 10000"]:
        try:
            print(sample, "->", calculate(sample))
        except ValueError as exc:
            print(sample, "-> refused:", exc)
