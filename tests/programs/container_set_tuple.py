# sets, frozensets and tuples
s = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
print(sorted(s), len(s), 4 in s, 7 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {1, 2} < a, a >= {1}, a.isdisjoint({9}))
print(sorted(a.union([7], (8,))), sorted(a.intersection(range(3))), sorted(a.difference({1}, {2})), a.issubset(range(10)))
c = set()
c.add(1); c.add(1); c.update([2, 3], {4}); c.discard(100); c.remove(2)
print(sorted(c), c.pop() in {1, 3, 4}, len(c))
try:
    c.remove(999)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), sorted(words, key=len), len(words))
fs = frozenset([1, 2, 3])
print(sorted(fs), fs | {4} == {1, 2, 3, 4}, type(fs | {4}).__name__, hash(fs) == hash(frozenset([3, 2, 1])))
print({fs: "frozen"}[frozenset({1, 2, 3})], {frozenset(): 0}, set(), frozenset())
print({1, 2} == {2, 1}, {1} == frozenset({1}), {1, 2, 3} - {2} == {1, 3}, {x % 4 for x in range(10)})
print(repr({5}), repr(frozenset({7})), {True, 1, 1.0}, {0, False, 0.0, -0.0})
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError", e)
t = (1, "two", 3.0, None, (4, 5))
print(t, t[1], t[-1][0], t[1:3], t[::-1], len(t), t.count(1), t.index(3.0), (1,), (), tuple())
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 100), () < (0,))
x, y, z = 1, 2, 3
x, y = y, x
print(x, y, z)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
h, *mid, tl = range(6)
p, *q = [9]
print(first, rest, init, last, h, mid, tl, p, q)
(aa, bb), [cc, (dd, *ee)] = (1, 2), [3, (4, 5, 6)]
print(aa, bb, cc, dd, ee)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
print([*range(3), *"ab", *(9,)], {*"abc"} == set("abc"), {**{"a": 1}, "b": 2, **{"a": 3}}, (*[1, 2],))
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], 3, *(4,), k=1, **{"z": 26}))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)], sorted([(2, "b"), (1, "z"), (2, "a")]))
print(tuple(sorted({3: 0, 1: 0})), tuple(x * 2 for x in range(3)), max((1, 2), (1, 3)), min([(3, 'a'), (3, 'A')]))
