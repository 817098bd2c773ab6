# expect: strict=allow standard=allow audit=allow
"""A formula cell evaluator that never calls eval(): it parses and walks an AST."""
import ast
import operator

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class FormulaError(ValueError):
    pass


class Formula:
    def __init__(self, source):
        self.source = source.lstrip("=").strip()
        try:
            self.tree = ast.parse(self.source, mode="eval")
        except SyntaxError as exc:
            raise FormulaError(f"invalid formula: {exc.msg}") from exc

    def eval(self, env):
        return self._visit(self.tree.body, env)

    def _visit(self, node, env):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](self._visit(node.left, env), self._visit(node.right, env))
        raise FormulaError(f"unsupported syntax: {type(node).__name__}")


if __name__ == "__main__":
    print(Formula("=price * qty").eval({"price": 2.5, "qty": 4}))
    try:
        Formula("__import__('os').system('ls')").eval({})
    except FormulaError as e:
        print("rejected:", e)
