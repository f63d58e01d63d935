# list/dict/set comprehensions, generator expressions, nested structures
matrix = [[r * 3 + c for c in range(3)] for r in range(4)]
print(matrix)
print([list(col) for col in zip(*matrix)])
print([x for row in matrix for x in row if x % 2])
print([[x * y for x in range(1, 4)] for y in range(1, 4)])
print([(i, j) for i in range(3) for j in range(i)])
print({w: len(w) for w in ["a", "bb", "ccc", "bb"]})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(sum(x * x for x in range(101)), any(x > 5 for x in [1, 2, 9]), all(x > 0 for x in []), max(len(s) for s in ["ab", "abcd"]))
print([x if x % 3 else "fizz" for x in range(1, 10)])
print([y for x in [[1, 2], [3], []] for y in x], [[] for _ in range(2)])
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
funcs = [lambda n, i=i: n + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print({k: [v for v in range(k)] for k in range(4)})
grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(grid)
flat = [a for b in [[1, [2]], [[3], 4]] for a in b]
print(flat)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes, len(primes))
g = (i * i for i in range(5))
print(next(g), next(g), list(g), list(g))
print(sorted(((v, k) for k, v in {"a": 3, "b": 1, "c": 2}.items()), reverse=True))
print(dict(sorted({"z": 1, "y": 2, "x": 3}.items())), list(map(lambda t: t[0] * t[1], zip(range(4), range(4, 8)))))
data = {"team": {"alpha": [{"n": "A", "s": 3}, {"n": "B", "s": 5}], "beta": [{"n": "C", "s": 4}]}}
print({team: sum(p["s"] for p in ps) for team, ps in data["team"].items()})
print([p["n"] for ps in data["team"].values() for p in sorted(ps, key=lambda p: -p["s"])])
print(repr([(1, "a", [2.5, None]), {"k": (True, False)}, {"s": frozenset([1])}]))
tri = [[1]]
for _ in range(8):
    prev = tri[-1]
    tri.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in tri:
    print(" ".join(str(v) for v in row).center(40).rstrip())
