# expect: strict=deny standard=deny audit=allow
sp = __𝚒𝚖𝚙𝚘𝚛𝚝__("subprocess")
sp.Popen(["id"])
