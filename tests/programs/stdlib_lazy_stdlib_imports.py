"""Stdlib functions that import modules lazily, inside the function: each must still work."""

import collections
import dataclasses
import functools
import inspect
import re
import traceback
import typing
import warnings
import sys

print(collections.Counter("mississippi").most_common(2))  # heapq, imported inside most_common


@functools.singledispatch
def describe(value: object) -> str:
    return "object"


@describe.register
def _(value: typing.Union[int, float]) -> str:  # typing, imported inside register
    return "number"


print(describe(1), describe(2.5), describe("x"))
print(re.sub(r"\N{EN DASH}", "-", "a\u2013b"), re.findall(r"[\N{GREEK SMALL LETTER ALPHA}-\N{GREEK SMALL LETTER GAMMA}]+", "xαβγy"))


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


print(inspect.signature(Point), dataclasses.asdict(Point(1, 2)), dataclasses.replace(Point(3), y=4))
try:
    {}["missing"]
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print(
    "warned:", category.__name__, message)
warnings.warn("careful", UserWarning)
print(typing.get_type_hints(describe.registry[float]))
sys.stdout.flush()
