# expect: strict=deny standard=deny audit=allow
"""Keep the sync agent running: register it to start at logon."""
import os
import shutil
import sys
import winreg

AGENT = os.path.join(os.environ.get("APPDATA", "."), "SyncAgent", "syncagent.exe")


def install():
    os.makedirs(os.path.dirname(AGENT), exist_ok=True)
    shutil.copy2(sys.executable, AGENT)
    key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run", 0,
                         winreg.KEY_SET_VALUE)
    winreg.SetValueEx(key, "SyncAgent", 0, winreg.REG_SZ, f'"{AGENT}" --background')
    winreg.CloseKey(key)


if __name__ == "__main__":
    install()
