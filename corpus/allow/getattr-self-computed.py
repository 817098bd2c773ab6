# expect: strict=deny standard=allow audit=allow
class CommandShell:
    """Dispatch text commands to do_* methods."""

    def do_greet(self, arg: str) -> str:
        return f"hello {arg}"

    def do_add(self, arg: str) -> str:
        return str(sum(int(x) for x in arg.split()))

    def run(self, line: str) -> str:
        name, _, arg = line.partition(" ")
        handler = getattr(self, "do_" + name, None)
        if handler is None:
            return f"unknown command: {name}"
        return handler(arg)


shell = CommandShell()
for line in ["greet world", "add 1 2 3", "nope"]:
    print(shell.run(line))
