"""Every float function of math and cmath on a deterministic grid of arguments, edge values included.

Each result is printed with repr(), so a difference in the last bit of any libm function (exp, log2,
cosh, pow, ...) between the module and CPython shows up as a differing line.
"""

import cmath
import math

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1e-300, -1e-300, 5e-324, 2.2250738585072014e-308,
           1e-10, 1e-5, 0.1, 0.7, 0.9999999999999999, 1.0000000000000002, 3.0, 10.0, 100.0, 700.0, 709.78,
           710.0, -745.0, 1e100, 1e300, 1.7976931348623157e308, -1e300, math.pi, math.pi / 2, math.pi / 4,
           math.e, math.tau, 1e22, 2.0 ** 52, 2.0 ** 53 + 2, 123456.789, math.inf, -math.inf, math.nan]
GRID = [k / 7 for k in range(-70, 71)] + [1.37 ** k for k in range(-40, 41, 3)] + [-(1.37 ** k) for k in range(-40, 41, 5)]
ARGUMENTS = SPECIAL + GRID
PAIR_VALUES = SPECIAL[:24] + [k / 3 for k in range(-9, 10, 2)] + [math.inf, -math.inf, math.nan]

UNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "cosh", "sinh", "tanh", "acosh", "asinh",
         "atanh", "sin", "cos", "tan", "asin", "acos", "atan", "sqrt", "cbrt", "erf", "erfc", "gamma", "lgamma",
         "fabs", "floor", "ceil", "trunc", "frexp", "modf", "degrees", "radians", "ulp", "isfinite"]
BINARY = ["atan2", "pow", "hypot", "fmod", "remainder", "copysign", "nextafter", "ldexp_int", "dist2"]
COMPLEX_UNARY = ["exp", "log", "log10", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos",
                 "atan", "asinh", "acosh", "atanh", "phase", "polar"]


def show(label: str, compute: object) -> None:
    try:
        result = compute() if callable(compute) else compute
        print(label, repr(result))
    except (ValueError, OverflowError, ZeroDivisionError) as error:
        print(label, type(error).__name__, error)


def binary(name: str, x: float, y: float) -> object:
    if name == "ldexp_int":
        return math.ldexp(x, int(y) if math.isfinite(y) else 3)
    if name == "dist2":
        return math.dist((x, y), (y, -x))
    return getattr(math, name)(x, y)


def main() -> None:
    for name in UNARY:
        function = getattr(math, name)
        for x in ARGUMENTS:
            show(f"{name}({x!r})", lambda: function(x))
    for name in BINARY:
        for x in PAIR_VALUES:
            for y in PAIR_VALUES:
                show(f"{name}({x!r}, {y!r})", lambda: binary(name, x, y))
    for x in PAIR_VALUES:
        for y in PAIR_VALUES:
            show(f"{x!r} ** {y!r}", lambda: x ** y)
            show(f"complex({x!r}, {y!r}) ** 0.5", lambda: complex(x, y) ** 0.5)
    values = [complex(x, y) for x in PAIR_VALUES[::3] for y in PAIR_VALUES[::4]]
    for name in COMPLEX_UNARY:
        function = getattr(cmath, name)
        for z in values:
            show(f"cmath.{name}({z!r})", lambda: function(z))
    show("fsum", math.fsum(GRID))
    show("prod", math.prod(GRID[:60]))
    show("sum of squares", sum(x * x for x in GRID))


main()
