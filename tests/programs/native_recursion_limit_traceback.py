"""Found while testing tail calls: a boxed function that hits the recursion limit lost a frame
from the traceback, and its RecursionError became "... while calling a Python object": each
native frame adds its traceback entry by creating a traceback object, and calling the type
to do that counted against the limit the frame had just reached. Around the limit, the
message, the number of traceback entries and the last line all equal CPython's, whether the
limit trips at a native call, at a call of print, or in a Python frame the native one calls."""
import sys
import traceback


def count(n: int, total: int) -> int:
    if n == 0:
        print("bottom", total)
        return total
    return count(n - 1, total + n)


def through_python(n: int) -> int:
    if n == 0:
        print("bottom")
        return 0
    return python_step(n) + 1


def python_step(n):
    return through_python(n - 1)


def describe(error):
    entries = traceback.extract_tb(error.__traceback__)
    return f"RecursionError: {error} {len(entries)} {entries[-1].name} {entries[-1].lineno}"


def report_count(start: int) -> None:
    try:
        print(count(start, 0))
    except RecursionError as error:
        print(describe(error))


def report_through(start: int) -> None:
    try:
        print(through_python(start))
    except RecursionError as error:
        print(describe(error))


def main() -> None:
    sys.setrecursionlimit(200)
    for start in (150, 199, 200, 1000):
        report_count(start)
    for start in (50, 99, 100, 500):
        report_through(start)
    sys.setrecursionlimit(1000)
    try:
        count(5000, 0)
    except RecursionError as error:
        print(len(traceback.extract_tb(error.__traceback__)))
    count(5000, 0)


main()
