"""The str methods, conversions and math functions the fuzzer's generator now puts in typed
(native) functions, at the edges where they raise or round: each through a typed
function's parameters, so the native code passes i64 edges, big ints, nan, inf and -0.0."""

import math


def text_ops(s: str, t: str, k: int) -> str:
    return f"{s.find(t)} {t in s} {s.startswith(t)} {s.isdigit()} {s.replace('a', '_')} {s * k}|{s.casefold()}|{s.swapcase()}|{s.title()}"


def index_of(s: str, i: int) -> str:
    return s[i]


def to_int(s: str) -> int:
    return int(s) + ord(s[0]) if s else len(s)


def to_float(s: str) -> float:
    return float(s)


def float_ops(x: float, y: float) -> str:
    return f"{round(x, 2)!r} {math.copysign(x, y)!r} {math.isnan(x)} {math.isinf(x)} {x.is_integer()} {x.hex()} {format(x, '.3g')} {format(x, '>9')}"


def float_to_int(x: float) -> int:
    return round(x) + math.trunc(x)


def fmod(x: float, y: float) -> float:
    return math.fmod(x, y)


def int_ops(n: int, e: int, m: int) -> str:
    return f"{n.bit_length()} {hex(n)} {bin(n)[:12]} {oct(n)} {pow(n, e, m)}"


def show(label: str, thunk: object) -> None:
    try:
        print(label, repr(thunk()))  # type: ignore[operator]
    except Exception as error:
        print(label, "raised", type(error).__name__, error)


for s, t in (("", ""), ("a", "a"), ("xyz", "y"), ("héllo", "l"), ("-12", "-"), (" 3 ", " "), ("nan", "n"),
             ("1_0", "_"), ("ß", "ß"), ("-0.0", "0")):
    show("text_ops", lambda: text_ops(s, t, 2))
    show("text_ops neg", lambda: text_ops(s, t, -1))
    for i in (-4, -1, 0, 3):
        show(f"index_of {i}", lambda: index_of(s, i))
    show("to_int", lambda: to_int(s))
    show("to_float", lambda: to_float(s))
for x in (0.0, -0.0, 2.5, -0.5, 1.5, 1e308, 5e-324, 9.223372036854776e18, 1e16, float("inf"), float("-inf"), float("nan")):
    show("float_ops", lambda: float_ops(x, -1.0))
    show("float_to_int", lambda: float_to_int(x))
    show("fmod", lambda: fmod(x, 0.75))
    show("fmod by 0", lambda: fmod(x, 0.0))
for n in (0, -1, 7, 2**63 - 1, -(2**63), 2**63, 2**64, -(2**100), 10**20):
    for e, m in ((-1, 7), (39, 10), (2, 0), (0, 1), (-1, 2**64)):
        show(f"int_ops {e} {m}", lambda: int_ops(n, e, m))
