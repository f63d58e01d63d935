"""Boxed native functions printing (sep/end/flush/file), using stdlib and dynamic results, and given lying hints."""

import math
import sys

WIDTH: int = 3


class Box(Exception):
    size: int = 0
    label: str = "box"


def show(x, factor=2) -> int:
    return x * factor


def banner(title: str, fill: str, width: int = 10) -> str:
    line = fill * width
    print(line, title, line, sep="|", end="]\n")
    print(title.upper(), title.lower(), title.title(), sep=None, end=None)
    print("no newline;", end="")
    print(" then flushed", flush=True)
    print(file=sys.stderr)
    print("warn:", title, width, file=sys.stderr, sep="")
    return line + title


def mixed_arith(n: int) -> float:
    total = 0.0
    for i in range(n):
        scaled = show(i)
        tripled = show(i, factor=3)
        g = math.gcd(scaled * 6, 84)
        total = total + scaled / (tripled + 1) + g
        print(i, scaled, tripled, g, round(total, 6), sep=", ")
    print("sqrt", math.sqrt(total), math.floor(total), math.ceil(total), math.isclose(total, 0.5))
    return total


def writes(text: str, times: int) -> int:
    written = 0
    for k in range(times):
        written += sys.stdout.write(text + str(k) + "\n")
    return written * 10 + sys.stderr.write("wrote " + str(written) + "\n")


def formatted(x: float, n: int) -> str:
    s = "-".join(sorted(str(n) + "cab", reverse=n < 0))
    out = format(x, ".3f") + "|" + format(n, ">6") + "|" + hex(n) + "|" + bin(n) + "|" + s
    print(out, repr(x), int(x), float(n), abs(-x), min(n, 3, WIDTH), max(x, n), "b" in s, sep="; ")
    print(divmod(n, 7), pow(n, 3, 11), "%05d" % n, "%.2f" % x, "{0:>7}|{1!r}".format(n, x), end=" <\n")
    return out.replace("|", "/")


def report(label: str, value: float) -> None:
    sys.stdout.write(label.ljust(8, ".") + " " + str(value) + "\n")
    print("done", label, value, file=sys.stderr, flush=True)


def twice(x: int) -> int:
    return x + x


def describe(x: int) -> str:
    return type(x).__name__ + ":" + repr(x * 2) + ":" + str(x == 2) + ":" + str(x is True)


def fsum(a: float, b: float) -> float:
    return a + b


def launder(s: str) -> str:
    doubled = twice(show(s, 1))
    try:
        return repr(doubled) + " " + repr(doubled + 1)
    except TypeError as e:
        return repr(doubled) + " TypeError " + str(e)


def box_area(b: Box, factor: int = 1) -> int:
    setattr(b, "size", b.size + factor)
    print("box", b.label, b.size, isinstance(b, Box), end=" ")
    return b.size * 2 + show(b.size, factor)


print(banner("Hi", "="))
print(banner(title="kw", width=2, fill="~"))
report("mixed", mixed_arith(6))
report("writes", writes("line", 3))
print(formatted(3.14159, 255))
print(formatted(1e16, -17))
# hints that lie: bools, ints for floats, strs, floats and big ints for ints
report("bool", mixed_arith(True))
print(formatted(2, -3))
print(writes("t", True))
for bad in (2.5, "3"):
    try:
        banner("Bad", "-", bad)
    except TypeError as error:
        print("TypeError:", error)
    try:
        mixed_arith(bad)
    except TypeError as error:
        print("TypeError:", error)
print(twice(21), twice("ab"), twice(2.5), twice(True), twice(2 ** 64), twice(-0.0))
print(describe(2), describe("2"), describe(2.0), describe(True), sep="\n")
print(fsum(1, 2), fsum(2 ** 80, 1), fsum(0.1, 0.2), fsum(True, False), fsum("a", "b"))
print(launder("ab"), launder("z"), sep=" | ")
for size in (3, 2.5, 2 ** 63 - 1, "x"):
    box = Box()
    box.size = size
    try:
        print(box_area(box), box_area(box, factor=2))
    except TypeError as error:
        print("TypeError:", error)
report("end", 0.25)
