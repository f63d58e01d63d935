"""Int words in functions that print (boxed functions): typed loops that overflow into big ints
while printing (each line once), every int operator at the 63-bit edges of the small form,
errors with CPython's messages, and values whose hints lie (a str, a float, a list, an object
with its own operators where an int is declared)."""


def grow(start: int, factor: int, steps: int) -> int:
    value: int = start
    for step in range(steps):
        value = value * factor + step
        print(step, value)
    return value


EDGES = [0, 1, -1, 2, -2, 3, 7, -7, 2**31, -(2**31), 2**61, 2**62 - 1, -(2**62), 2**62, -(2**62) - 1,
         2**63 - 1, -(2**63), 2**64 + 5]


def grid(a: int, b: int) -> None:
    print("+", a + b, "-", a - b, "*", a * b, "&", a & b, "|", a | b, "^", a ^ b)
    try:
        print("//", a // b, "%", a % b)
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error)
    count: int = b % 70
    print("<<", a << count, ">>", a >> count, ">> b", a >> (b & 127) if b >= 0 else "neg")
    try:
        print("<< b", a << b if b < 200 else "big")
    except ValueError as error:
        print("ValueError", error)
    print("cmp", a < b, a <= b, a == b, a != b, a > b, a >= b)
    if a < b:
        print("branch <")
    if a == b:
        print("branch ==")
    print("unary", -a, +a, ~a)


def accumulate(limit: int) -> int:
    total: int = 0
    i: int = 0
    while i < limit:
        total += i * i * i * 1_000_003
        i += 1
    return total


def lied_to(x: int, y: int) -> None:
    total: int = x + y
    print("total", repr(total))
    x += y
    print("inplace", repr(x))
    if x < y:
        print("lt holds")
    try:
        print("mod", repr(x % y))
    except TypeError as error:
        print("TypeError", error)


def divide(a: int, b: int) -> int:
    return a // b


def main() -> None:
    class Meters:  # an object with operators of its own, where an int is declared
        def __init__(self, value: float) -> None:
            self.value = value

        def __add__(self, other: object) -> "Meters":
            return Meters(self.value + 1000)

        def __lt__(self, other: object) -> str:
            return "not a bool"

        def __repr__(self) -> str:
            return f"Meters({self.value})"

    print(grow(3, 1_000_000_007, 6))
    print(grow(-(2**61), 2, 4))
    for a in EDGES:
        for b in EDGES:
            print("case", a, b)
            grid(a, b)
    print(accumulate(5000))
    lied_to("ab", "cd")  # type: ignore[arg-type]
    lied_to(2.5, 0.5)  # type: ignore[arg-type]
    items = [1]
    lied_to(items, [2])  # type: ignore[arg-type]
    print(items)
    lied_to(Meters(1.5), 3)  # type: ignore[arg-type]
    lied_to(True, True)
    try:
        divide(7, 0)
    except ZeroDivisionError as error:
        print("caught", error)
    print(divide(2**70, -3), divide(-7, 2), divide(-(2**62), -1))


main()
