"""textwrap, enum, datetime, decimal, fractions, typing and itertools together."""

import datetime
import decimal
import enum
import fractions
import itertools
import textwrap
from typing import NamedTuple, TypedDict


class Color(enum.Flag):
    RED = enum.auto()
    GREEN = enum.auto()
    BLUE = enum.auto()


class Reading(NamedTuple):
    when: datetime.date
    value: decimal.Decimal


class Summary(TypedDict):
    total: decimal.Decimal
    ratio: fractions.Fraction


start = datetime.date(2024, 2, 27)
readings = [Reading(start + datetime.timedelta(days=i), decimal.Decimal(i) / 7) for i in range(6)]
decimal.getcontext().prec = 10
summary: Summary = {"total": sum((r.value for r in readings), decimal.Decimal(0)),
                    "ratio": fractions.Fraction(3, 7) + fractions.Fraction(1, 3)}
print(summary, Color.RED | Color.BLUE, list(Color), Color(3))
for day, group in itertools.groupby(readings, key=lambda r: r.when.month):
    print(day, [str(r.value.quantize(decimal.Decimal("0.001"))) for r in group])
print(list(itertools.accumulate(itertools.chain.from_iterable(itertools.combinations(range(5), 2)))))
print(list(itertools.islice(itertools.cycle("abc"), 7)), list(itertools.pairwise("wasm")),
      list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.product("ab", repeat=2)))
print(textwrap.fill(" ".join(str(r.when) for r in readings), width=30, initial_indent="> ", subsequent_indent="  "))
print(textwrap.dedent("    one\n      two\n"), textwrap.shorten("The quick brown fox jumps", 15))
print(datetime.datetime(2024, 3, 1, 12, 30).isoformat(), datetime.date(2024, 3, 1).strftime("%A %j"))
