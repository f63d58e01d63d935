# //, %, divmod with all sign combinations, including boundaries
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (6, -3), (-6, -3),
         (0, 5), (0, -5), (1, 7), (-1, 7), (1, -7), (-1, -7)]
for a, b in pairs:
    print(f"{a:>3} {b:>3} | // {a // b:>3} | % {a % b:>3} | divmod {divmod(a, b)}")

MAX = 2 ** 63 - 1
MIN = -2 ** 63
edges = [(MAX, 2), (MIN, 2), (MIN, -1), (MIN, 3), (MAX, -3), (MIN, MAX), (MAX, MIN),
         (MIN + 1, -1), (MAX, MAX), (MIN, MIN), (10 ** 20, -7), (-(10 ** 20), 7)]
for a, b in edges:
    q, r = divmod(a, b)
    assert q * b + r == a
    print(a, b, q, r, a // b, a % b)

# True division of ints
print(7 / 2, -7 / 2, 7 / -2, 1 / 3, 10 / 5, type(10 / 5).__name__)
print(MAX / 1, MIN / -1)
print(2 ** 100 / 2 ** 50)
print(1 / 2 ** 60)

for a, b in [(1, 0), (0, 0), (-5, 0), (2 ** 100, 0)]:
    for name, fn in [("floordiv", lambda x, y: x // y), ("mod", lambda x, y: x % y),
                     ("truediv", lambda x, y: x / y), ("divmod", divmod)]:
        try:
            fn(a, b)
        except ZeroDivisionError as e:
            print(name, a, type(e).__name__, e)
