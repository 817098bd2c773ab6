# expect: strict=allow standard=allow audit=allow
"""A calculator that walks the AST; the self-test checks that a payload is rejected."""
import ast
import operator

OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def safe_eval(expr):
    tree = ast.parse(expr, mode="eval")

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](ev(node.left), ev(node.right))
        raise ValueError("unsupported expression")

    return ev(tree)


if __name__ == "__main__":
    assert safe_eval("2 + 3 * 4") == 14
    try:
        safe_eval("__import__('os').system('id')")
    except ValueError:
        print("payload rejected")
