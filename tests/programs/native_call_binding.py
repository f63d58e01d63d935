"""Calls into native functions bind their arguments as CPython does: trailing defaults left
out, keywords in any order, more parameters than fit in a register file, positional-only
parameters; calls that do not bind raise CPython's TypeError, word for word."""


def scaled(x: int, factor: int = 3, offset: float = 0.5) -> float:
    return x * factor + offset


def clamp(value: int, low: int = 0, high: int = 100) -> int:
    if value < low:
        return low
    if value > high:
        return high
    return value


def area(width: float, height: float = 2) -> float:
    return width * height


def positional(a: int, b: int = 2, /, c: int = 3) -> int:
    return a * 100 + b * 10 + c


def flagged(n: int, negate: bool = False) -> int:
    return -n if negate else n


def wide(a0: int, a1: int, a2: int, a3: int, a4: int, a5: int, a6: int, a7: int, a8: int, a9: int,
         a10: int, a11: int, a12: int, a13: int, a14: int, a15: int, a16: int, a17: int, a18: int = 18,
         a19: int = 19) -> int:
    return (a0 - a1 + a2 - a3 + a4 - a5 + a6 - a7 + a8 - a9 + a10 - a11 + a12 - a13 + a14 - a15 + a16 - a17
            + a18 * a19)


def show(label: str, call: object) -> None:
    try:
        print(label, call())  # type: ignore[operator]
    except TypeError as error:
        print(label, "TypeError:", error)


show("scaled(2)", lambda: scaled(2))
show("scaled(2, 5)", lambda: scaled(2, 5))
show("scaled(2, offset=0.25)", lambda: scaled(2, offset=0.25))
show("scaled(offset=1.5, x=4)", lambda: scaled(offset=1.5, x=4))
show("scaled(x=1, factor=2, offset=3.0)", lambda: scaled(x=1, factor=2, offset=3.0))
show("clamp(-5)", lambda: clamp(-5))
show("clamp(500)", lambda: clamp(500))
show("clamp(50, high=10)", lambda: clamp(50, high=10))
show("clamp(5, 10, high=20)", lambda: clamp(5, 10, high=20))
show("area(1.5)", lambda: area(1.5))
show("area(width=3.0)", lambda: area(width=3.0))
show("positional(1)", lambda: positional(1))
show("positional(1, 5, c=7)", lambda: positional(1, 5, c=7))
show("flagged(4)", lambda: flagged(4))
show("flagged(4, negate=True)", lambda: flagged(4, negate=True))
show("wide(*range(18))", lambda: wide(*range(18)))
show("wide(*range(20))", lambda: wide(*range(20)))
show("wide(*range(18), a19=2)", lambda: wide(*range(18), a19=2))
print(sum(clamp(i, high=50) for i in range(100)), sum(scaled(i) for i in range(10)))

# What does not bind: CPython's TypeError, raised by the Python version.
show("scaled()", lambda: scaled())  # type: ignore[call-arg]
show("scaled(1, 2, 3.0, 4)", lambda: scaled(1, 2, 3.0, 4))  # type: ignore[call-arg]
show("scaled(1, x=2)", lambda: scaled(1, x=2))  # type: ignore[misc]
show("scaled(1, size=2)", lambda: scaled(1, size=2))  # type: ignore[call-arg]
show("positional(1, b=5)", lambda: positional(1, b=5))  # type: ignore[call-arg]
show("clamp(high=3)", lambda: clamp(high=3))  # type: ignore[call-arg]
show("wide(*range(17))", lambda: wide(*range(17)))  # type: ignore[call-arg]
# Values that do not fit the hints still run in Python, bound the same way.
show("clamp(2**70, high=5)", lambda: clamp(2**70, high=5))
show("scaled('ab', factor=2, offset='!')", lambda: scaled("ab", factor=2, offset="!"))  # type: ignore[arg-type]
