# datetime with fixed dates: arithmetic, timedelta, strftime, isoformat, parsing
from datetime import date, datetime, time, timedelta, timezone
d = date(2024, 2, 28)
print(d, repr(d), d.isoformat(), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar())
print(d + timedelta(days=1), d + timedelta(days=2), date(2023, 2, 28) + timedelta(days=1), d - date(2000, 1, 1))
print(d.replace(day=1), d.toordinal(), date.fromordinal(738000), date.fromisoformat("1999-12-31"), d.timetuple().tm_yday)
print(d.strftime("%Y/%m/%d %A %B %j %U %a %b %y"), d.ctime(), f"{d:%d.%m.%Y}")
dt = datetime(2021, 12, 31, 23, 59, 30, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), dt.date(), dt.time())
print(dt + timedelta(seconds=45), dt + timedelta(days=365, hours=1), dt - timedelta(weeks=52), dt.strftime("%H:%M:%S.%f %p %I"))
print(datetime(2024, 3, 10, 12) - datetime(2024, 1, 1), (datetime(2024, 1, 1) - datetime(2024, 3, 10, 12)))
td = timedelta(days=1, hours=25, minutes=61, seconds=3661, milliseconds=1500)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(hours=-1), timedelta(days=-1, seconds=1), -timedelta(minutes=30), abs(timedelta(hours=-3)))
print(timedelta(hours=3) * 2.5, timedelta(hours=3) / 4, timedelta(days=1) // timedelta(hours=5), timedelta(days=1) % timedelta(hours=5))
print(timedelta(days=7) / timedelta(days=2), timedelta(0), timedelta(microseconds=1), timedelta(weeks=1) == timedelta(days=7))
print(max(timedelta(1), timedelta(hours=23)), sorted([timedelta(minutes=5), timedelta(seconds=-1), timedelta(0)]))
print(datetime.strptime("2020-02-29 13:45", "%Y-%m-%d %H:%M"), datetime.fromisoformat("2011-11-04T00:05:23"))
print(datetime(2020, 1, 1) < datetime(2020, 1, 1, 0, 0, 1), date(2020, 1, 1) == date(2020, 1, 1), date.min, date.max)
utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
plus5 = timezone(timedelta(hours=5, minutes=30), "IST")
print(utc, utc.isoformat(), utc.astimezone(plus5), utc.astimezone(plus5).tzname(), utc.utcoffset(), plus5)
print(utc == utc.astimezone(plus5), datetime(2024, 6, 1, 17, 30, tzinfo=plus5) - utc, timezone(timedelta(hours=-8)))
print(utc.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000, timezone.utc))
t = time(9, 5, 7, 500)
print(t, t.isoformat(), t.strftime("%H-%M-%S"), t.replace(hour=23), time(), time(12, 30) < time(13))
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError", e)
try:
    datetime.strptime("31/13/2020", "%d/%m/%Y")
except ValueError as e:
    print("ValueError", e)
cur = date(2024, 1, 29)
for _ in range(6):
    print(cur.strftime("%a %d %b %Y"), end=" | ")
    cur += timedelta(days=9)
print()
def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    import calendar
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))
print([str(add_months(date(2024, 1, 31), k)) for k in range(-2, 6)])
import calendar
print(calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.weekday(2000, 1, 1))
print(calendar.month(2024, 2))
years = [date(y, 1, 1).strftime("%A") for y in range(2020, 2026)]
print(years)
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), {date(2020, 1, 1): "ny"}[date(2020, 1, 1)])
