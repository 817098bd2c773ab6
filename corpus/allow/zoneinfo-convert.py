# expect: strict=allow standard=allow audit=allow
from datetime import datetime
from zoneinfo import ZoneInfo

meeting = datetime(2024, 6, 3, 15, 30, tzinfo=ZoneInfo("America/New_York"))
for tz in ("Europe/London", "Asia/Tokyo", "Australia/Sydney"):
    local = meeting.astimezone(ZoneInfo(tz))
    print(f"{tz:20} {local:%Y-%m-%d %H:%M}")
