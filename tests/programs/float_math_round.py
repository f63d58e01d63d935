# math functions and round() with banker's rounding
import math
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e308))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(-0.5))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.trunc(-3.9), math.trunc(3.9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isnan(float("nan")), math.isnan(1.0), math.isinf(float("-inf")), math.isfinite(1e308))
print(math.pi, math.e, math.tau, math.inf, -math.inf)
r = lambda v: round(v, 12)  # transcendental results rounded: libm may differ in the last ulp
print(r(math.exp(1)), r(math.log(math.e)), r(math.log(100, 10)), r(math.log10(1000)), math.log2(1024), r(math.log1p(1e-10) * 1e10))
print(math.sin(0), math.cos(0), r(math.tan(math.pi / 4)), r(math.atan2(1, 1)), r(math.atan2(-1, -1)))
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.pow(16, 0.25), math.pow(2, -1), math.fabs(-3), math.fmod(-7, 3), -7 % 3, math.fmod(7, -3))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.factorial(20), math.prod([1, 2, 3, 4.5]), math.copysign(3, -0.0))
print(math.dist((0, 0), (3, 4)), math.erf(0), r(math.gamma(5)), math.lgamma(1), r(math.erf(0.5)), r(math.sinh(1)))
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5, 5.5]:
    print("round", v, round(v), type(round(v)).__name__, round(v, 0))
for v, nd in [(2.675, 2), (1.005, 2), (0.125, 2), (0.135, 2), (123.456, -1), (123.456, -2), (-123.456, 1), (1.23456789, 5)]:
    print("round", v, nd, round(v, nd))
print(round(7), round(7, 2), round(-7.0), round(float("inf"), 2))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
