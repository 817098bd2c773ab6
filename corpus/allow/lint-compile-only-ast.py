# expect: strict=deny standard=allow audit=allow
"""List the functions each module defines; compile() is asked for an AST only."""
import ast
import sys
from pathlib import Path


def functions(path):
    source = Path(path).read_text(encoding="utf-8")
    tree = compile(source, str(path), "exec", flags=ast.PyCF_ONLY_AST)
    return [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]


for p in sys.argv[1:]:
    print(p, ", ".join(functions(p)))
