"""Native int arithmetic against CPython on a grid of boundary values (i64 edges, signs, zero)."""

I64_MAX = 2**63 - 1
VALUES = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 2**31, -(2**31), 2**53 + 1, I64_MAX, I64_MAX - 1,
          -I64_MAX, -I64_MAX - 1, -I64_MAX - 2 + 1, I64_MAX + 1, -(2**64)]


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def mul(a: int, b: int) -> int:
    return a * b


def floordiv(a: int, b: int) -> int:
    return a // b


def mod(a: int, b: int) -> int:
    return a % b


def truediv(a: int, b: int) -> float:
    return a / b


def shl(a: int, b: int) -> int:
    return a << b


def shr(a: int, b: int) -> int:
    return a >> b


def bits(a: int, b: int) -> int:
    return (a & b) ^ (a | b) ^ ~a


def neg_abs(a: int) -> int:
    return -a + abs(a) * 3


def power(a: int, b: int) -> int:
    return a ** 3 + b ** 2


def compare(a: int, b: int) -> int:
    return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b)


def chained(a: int, b: int, c: int) -> bool:
    return a < b <= c != a


def show(name: str, function, *args) -> None:  # type: ignore[no-untyped-def]
    try:
        print(name, args, repr(function(*args)))
    except Exception as error:
        print(name, args, type(error).__name__, error)


for a in VALUES:
    show("neg_abs", neg_abs, a)
    for b in VALUES:
        for function in (add, sub, mul, floordiv, mod, truediv, bits, compare):
            show(function.__name__, function, a, b)
        show("chained", chained, a, b, 3)
for a in VALUES[:12]:
    for b in [0, 1, 3, 31, 62, 63, 64, 65, 100, -1]:
        show("shl", shl, a, b)
        show("shr", shr, a, b)
for a in [0, 1, -1, 2, -2, 10, 3037000499, 3037000500, 2**21, -(2**21) - 1]:
    for b in [0, 1, 2, 5]:
        show("power", power, a, b)
print(divmod(-7, 2), [floordiv(x, 3) for x in range(-6, 7)], [mod(x, -3) for x in range(-6, 7)])
