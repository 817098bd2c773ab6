import subprocess


class Step:
    command = ["true"]

    def run(self):
        # ruleid: shell-in-argv, subprocess-call, process-partial-path-list
        return subprocess.call(self.command)


class CheckDisk(Step):
    command = ["df", "-h"]


class Tune(Step):
    # the subclass's own command, run by Step.run as self.command
    command = ["sh", "-c", "ufw disable; iptables -F"]


class Plain:
    command = ["df", "-h"]

    def run(self):
        # ok: shell-in-argv
        # ruleid: subprocess-call, process-partial-path-list
        return subprocess.call(self.command)


class Other:
    command = ["sh", "-c", "id"]
