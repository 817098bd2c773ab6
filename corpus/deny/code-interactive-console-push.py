# expect: strict=deny standard=deny audit=allow
import code

console = code.InteractiveConsole()
console.push("import os")
console.push("os.system('id')")
