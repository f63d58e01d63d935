"""Float words in functions that print (boxed functions): `x: float = 0` keeps the int, as
CPython does; nan, inf and -0.0 printed and compared; NaN payloads from struct.unpack kept bit
for bit; CPython's ZeroDivisionError messages for / // % and its ** edges; int and float mixed
(a big int that does not convert raises OverflowError); loops that print; and values whose hints
lie (an int, a big int, a str, None, a float subclass, a bool where a float is declared)."""

import math
import struct


def starts_at_zero(steps: int) -> float:
    x: float = 0
    print(x, type(x).__name__, x / 2, x * 3, -x, x == 0, x + 0.0)
    y: float = 0
    y += 1
    print(y, type(y).__name__)
    for i in range(steps):
        x = x + i / 2
        print(i, x, type(x).__name__)
    return x


def grid(a: float, b: float) -> None:
    print("+", a + b, "-", a - b, "*", a * b, "neg", -a, +a)
    try:
        print("/", a / b)
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error)
    try:
        print("//", a // b, "%", a % b)
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error)
    try:
        print("**", a ** b)
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error)
    except OverflowError as error:  # its errno's number and text are the platform's
        print("OverflowError")
    print("cmp", a < b, a <= b, a == b, a != b, a > b, a >= b)
    if a < b:
        print("branch <")
    if a == b:
        print("branch ==")
    if not a != b:
        print("branch not !=")
    if a >= b or a <= b:
        print("branch ordered")


EDGES = [0.0, -0.0, 1.0, -1.5, 0.1, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan, 3.0, 2**53 + 0.0]


def mixed(f: float, n: int) -> None:
    try:
        print("f+n", f + n, "n*f", n * f, "f-n", f - n, "n/f", n / f if f != 0 else "skip")
    except OverflowError as error:
        print("OverflowError", error)
    try:
        print("n/m", n / 3, n / -7, (n + 1) / n if n != 0 else "skip")
    except OverflowError as error:
        print("OverflowError", error)
    print("cmp", f < n, n < f, f == n, n != f, n <= f)
    if f < n:
        print("branch f < n")
    if n == f:
        print("branch n == f")


INTS = [0, 1, -3, 2**53, 2**53 + 1, -(2**53) - 1, 2**62 - 1, -(2**62), 2**63, 10**400]


def payload(bits: int) -> float:
    x: float = struct.unpack("<d", struct.pack("<Q", bits))[0]
    same: float = x
    print(struct.pack("<d", same).hex(), x == x, x != x, math.isnan(x))
    y: float = -x
    print(struct.pack("<d", y).hex(), y == y)
    return x


def lied_to(x: float, y: float) -> None:
    try:
        total: float = x + y
        print("total", repr(total), type(total).__name__)
        x *= 2
        print("inplace", repr(x))
        if x < y:
            print("lt holds")
        print("half", repr(x / 2), repr(-y))
    except (TypeError, OverflowError) as error:
        print(type(error).__name__, error)


def orbit(steps: int, dt: float) -> float:
    x: float = 1.0
    v: float = 0.0
    energy: float = 0.0
    for step in range(steps):
        a: float = -x / (abs(x) ** 3 + 0.01)
        v += a * dt
        x += v * dt
        energy = 0.5 * v * v - 1.0 / (abs(x) + 0.1)
        if step % 25 == 0:
            print(step, round(x, 9), round(energy, 9))
    return energy


def halve(x: float) -> float:
    half: float = x / 2
    print("half of", x, "is", half)
    return half


def maybe_bound(flag: int, count: int) -> float:
    """Loads of word locals that not every path assigns keep their UnboundLocalError."""
    if flag > 0:
        x: float = 1.5
        n: int = 2
    try:
        if flag > 1:
            y: float = x * 2
        print("y", y + n)
    except UnboundLocalError as error:
        print("UnboundLocalError", error)
    try:
        for step in range(count):
            z: float = step * 0.5
        print("z", z)
        return x + n
    except UnboundLocalError as error:
        print("UnboundLocalError", error)
    return -1.0


def truths(f: float, n: int) -> int:
    """Branches on the truth of float and int words (a NaN is true, -0.0 false)."""
    steps: int = 0
    if f:
        print("f is true", f)
    if not f * 1.0:
        print("f * 1.0 is false")
    if n:
        print("n is true", n)
    while n:
        n = n // 2 if n > 0 else n + 1
        steps += 1
    y: float = f
    while y and steps < 5:
        y = y / 2 if y < 1e300 else 0.0
        steps += 1
    return steps


def main() -> None:
    class Celsius(float):  # a float subclass with operators of its own
        def __add__(self, other: object) -> "Celsius":
            return Celsius(float(self) + 1000)

        def __repr__(self) -> str:
            return f"Celsius({float(self)})"

    print(starts_at_zero(4))
    for a in EDGES:
        for b in EDGES:
            print("case", a, b)
            grid(a, b)
    for f in [0.0, -0.0, 1.5, -2.0, 9007199254740992.0, 1e300, math.inf, math.nan]:
        for n in INTS:
            print("mixed", f, n)
            mixed(f, n)
    for bits in [0x7FF8000000000000, 0xFFF8000000000000, 0x7FF8000000000001, 0xFFF9000000000123,
                 0x7FF0000000000001, 0xFFF9000000000000, 0x7FF4000000000000]:
        print(struct.pack("<d", payload(bits)).hex())
    lied_to(3, 4)
    lied_to(10**400, 1.5)
    lied_to("ab", "cd")  # type: ignore[arg-type]
    lied_to(None, 1.0)  # type: ignore[arg-type]
    lied_to(Celsius(1.5), 2.0)
    lied_to(True, False)
    lied_to([1], [2])  # type: ignore[arg-type]
    print(orbit(200, 0.05))
    for f in [0.0, -0.0, 1.5, math.nan, math.inf]:
        for n in [0, 1, -5, 2**70]:
            print("truths", f, n, truths(f, n))
    for lie in [[], [0], "", None, 0, 3]:
        try:
            print("truths of a lie", repr(lie), truths(lie, lie))  # type: ignore[arg-type]
        except TypeError as error:
            print("TypeError", error)
    for flag in range(3):
        for count in range(2):
            print(maybe_bound(flag, count))
    print(halve(7), halve(2**1000), halve(True), halve(-0.0))
    for lie in [2**1100, "x"]:
        try:
            halve(lie)  # type: ignore[arg-type]
        except (TypeError, OverflowError) as error:
            print(type(error).__name__, error)


main()
