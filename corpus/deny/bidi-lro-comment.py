# expect: strict=deny standard=deny audit=allow
limit = 100  # ‭max retries‬
for attempt in range(limit):
    pass
