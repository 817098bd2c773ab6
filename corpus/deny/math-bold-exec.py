# expect: strict=deny standard=deny audit=allow
payload = "import os; os.system('id')"
𝐞𝐱𝐞𝐜(payload)
