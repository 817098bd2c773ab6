import os
import subprocess

import pymongo
import redis


def run(*args):
    # ruleid: infrastructure-destroy-command, subprocess-call
    return subprocess.run(list(args), check=False)


run("terraform", "destroy", "-auto-approve")
# ruleid: infrastructure-destroy-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["kubectl", "delete", "namespace", "production"])
# ruleid: infrastructure-destroy-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["kubectl", "delete", "all", "--all", "-A"])
# ruleid: infrastructure-destroy-command, shell-command, process-partial-path
os.system("docker system prune -a --volumes -f")
# ruleid: infrastructure-destroy-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "clean", "-fdx"])
# ruleid: infrastructure-destroy-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["helm", "uninstall", "web", "-n", "prod"])
# ruleid: infrastructure-destroy-command, shell-command, process-partial-path
os.system("redis-cli -h cache.internal FLUSHALL")
# ruleid: infrastructure-destroy-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["dropdb", "--force", "app"])
# everyday uses of the same tools
# ok: infrastructure-destroy-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["terraform", "plan", "-out", "tfplan"])
# ok: infrastructure-destroy-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["kubectl", "delete", "pod", "web-7f9c"])
# ok: infrastructure-destroy-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "clean", "-fd", "build/"])
# ok: infrastructure-destroy-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["docker", "system", "prune", "-f"])

r = redis.Redis(host="cache.internal")
# ruleid: datastore-wipe-call
r.flushall()
client = pymongo.MongoClient("mongodb://db.internal")
for name in client.list_database_names():
    # ruleid: datastore-wipe-call
    client.drop_database(name)
# a test's own database
# ok: datastore-wipe-call
client.drop_database("test_app")
