# expect: strict=deny standard=deny audit=allow
import ast

tree = ast.parse("print('patched')")
tree.body[0].value.args[0].value = "__import__('os').getcwd()"
exec(compile(tree, "<ast>", "exec"))
