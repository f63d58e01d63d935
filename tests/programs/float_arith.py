# float //, %, divmod with signs, ZeroDivisionError, int/float mixing, comparisons with inf/nan
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.1), (-5.0, 0.1), (1e20, 3.0), (0.0, -3.0), (-0.0, 3.0), (3, 0.7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
inf = float("inf")
nan = float("nan")
print(inf * 2, 5.0 % inf, -5.0 % inf, 5.0 // inf, -5.0 // inf)
for a, b in [(1.0, 0.0), (1, 0.0), (1.0, 0), (0.0, 0.0), (-2.5, -0.0)]:
    for name, fn in [("truediv", lambda x, y: x / y), ("floordiv", lambda x, y: x // y),
                     ("mod", lambda x, y: x % y), ("divmod", divmod)]:
        try:
            print(fn(a, b))
        except ZeroDivisionError as e:
            print(name, type(e).__name__, e)
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 7 / 7, 9 ** 0.5 * 0.5 ** 2, 1.1 * 3, 10 ** 16 + 1.0)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > inf, -(10 ** 400) < -inf, 10 ** 400 < inf, inf > 1e308, -inf < -1e308)
print(inf == inf, inf - inf, inf * 0, inf + 1, -inf * -1, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan >= nan, 1.0 in [nan], nan in [nan])
print(max(1.0, 2), min(3, 2.5), max([1, 2.0, 2]), sorted([3, 1.5, -inf, inf, 0, -0.0]))
print(abs(-3.5), abs(-0.0), abs(-inf), -(-0.0))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(int(2.5), int(-2.5), int(1e10), float(7), 7 // 2.0, 7 % 2.5, -7 % 2.5)
print(True + 0.5, 3.0 * True, 1 < 1.5 < 2, 2.0 > 1 > 0.5)
x = 0.0
for i in range(1000):
    x += 0.001
print(x, round(x, 10))
print(divmod(-1e-30, 1.0), -1e-30 % 1.0, 1e-30 % -1.0)
