# expect: strict=allow standard=allow audit=allow
import calendar

print(calendar.month(2024, 2))
print("leap years 2000-2030:", [y for y in range(2000, 2031) if calendar.isleap(y)])
weekday = calendar.weekday(2024, 7, 4)
print("July 4, 2024 is a", calendar.day_name[weekday])
