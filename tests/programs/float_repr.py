# repr and str of many float values
import math
vals = [0.1 + 0.2, 0.1, 0.2, 0.3, 1e16, 1e15, 1e-7, 1e-4, 1e-5, 5e-324, -0.0, 0.0,
        float("inf"), float("-inf"), float("nan"), 1 / 3, 2 / 3, 1.0, 100.0, 1e22, 1e23,
        123456789012345678.0, 1.5e300, 2.5e-300, 1.7976931348623157e308, 2.2250738585072014e-308,
        3.141592653589793, 2.718281828459045, 0.5, 0.25, 1e100, 12345.6789, -1.5, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v))
print(float("1e500"), float("-1e500"), float("1e-500"))
print(float("  3.25 "), float("-0"), float("+inf"), float("-Infinity"), float("nAn"))
print(float("1_000.5"), float(".5"), float("5."), float("0x10" if False else "16"))
print(float(10 ** 20), float(2 ** 63), float(-2 ** 63), float(2 ** 53 + 1))
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(math.copysign(1.0, -0.0), -0.0 == 0.0, str(-0.0 + 0.0), str(0.0 * -1))
print((0.1).hex(), (1.0).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer())
print(1e308 * 10, -1e308 * 10, 5e-324 / 2, 1e-320)
print(sum([0.1] * 10), 0.1 * 3, 0.7 + 0.1, 1.1 * 1.1)
print(4.0 ** 0.5, 2.0 ** -2, (-8.0) ** 3, 0.25 ** 0.5, 4 ** -0.5, 1.5 ** 2, (-2.0) ** -1, 0.0 ** 0, 10.0 ** 22)
print([1.0, 2.5, -0.0], (0.1,), {"x": 1e-10})
print(hash(1.0) == hash(1), hash(2.0) == hash(2), hash(-0.0), hash(0.5) == hash(0.5))
