# expect: strict=allow standard=allow audit=allow
from datetime import datetime, timedelta, timezone

stamps = ["2024-03-10T08:30:00+00:00", "2024-03-10T17:45:00+00:00"]
start, end = (datetime.fromisoformat(s) for s in stamps)
worked = end - start
print(f"worked {worked.total_seconds() / 3600:.2f} hours")

now = datetime(2024, 3, 10, 12, tzinfo=timezone.utc)
print((now + timedelta(weeks=2)).isoformat())
print(datetime.strptime("17/05/2024", "%d/%m/%Y").date())
