# control flow: match statement patterns, walrus, for/while-else, chained comparisons, conditional expressions
def classify(x):
    match x:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as num:
            return f"number {num}"
        case "quit" | "exit":
            return "command: leave"
        case str(s) if s.startswith("#"):
            return f"comment {s[1:]!r}"
        case [] :
            return "empty list"
        case [single]:
            return f"one item {single!r}"
        case [first, *rest] if len(rest) > 2:
            return f"long sequence starting {first!r} (+{len(rest)})"
        case (a, b):
            return f"pair {a!r},{b!r}"
        case {"type": "point", "x": px, "y": py}:
            return f"point dict ({px}, {py})"
        case {"type": kind, **others}:
            return f"typed {kind} with {sorted(others)}"
        case Point(x=0, y=0):
            return "origin Point"
        case Point(x=px, y=py) if px == py:
            return f"diagonal Point {px}"
        case Point(px, py):
            return f"Point({px}, {py})"
        case None:
            return "None"
        case _:
            return f"other {type(x).__name__}"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for v in [0, -5, 7, 2.5, "quit", "#note", "hello", [], ["a"], [1, 2, 3, 4], (1, 2), [3, 4], {"type": "point", "x": 1, "y": 2},
          {"type": "circle", "r": 3, "c": 0}, Point(0, 0), Point(3, 3), Point(1, 2), None, {1, 2}, True]:
    print(repr(v) if not isinstance(v, Point) else f"Point{(v.x, v.y)}", "->", classify(v))
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
chunks = []
it = iter(data)
while (x := next(it, None)) is not None:
    chunks.append(x * 2)
print(chunks, [y for v in data if (y := v % 4) != 0])
for p in [7, 9, 11, 15]:
    for d in range(2, p):
        if p % d == 0:
            print(p, "composite, divisor", d)
            break
    else:
        print(p, "prime (for-else)")
i = 0
while i < 3:
    i += 1
else:
    print("while-else ran, i =", i)
while True:
    break
else:
    print("never")
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5 > 4, x == 5 == 5.0, 1 < 2 < 3 < 2, "a" < "b" < "c")
print("big" if x > 3 else "small", ("neg" if x < 0 else "zero" if x == 0 else "pos"), x and "truthy", 0 or "fallback", None or 0 or [] or "last")
print([("even" if k % 2 == 0 else "odd") for k in range(4)], not x, not not x, x is not None)
total = 0
for k in range(10):
    if k % 2:
        continue
    if k > 6:
        break
    total += k
print("total", total)
def early(items):
    for it_ in items:
        if it_ < 0:
            return f"negative found: {it_}"
    return "all non-negative"
print(early([1, 2, -3, 4]), early([]), early([0]))
match (1, [2, 3]):
    case (1, [2, *tail]):
        print("nested sequence match, tail =", tail)
match {"a": 1, "b": {"c": [1, 2]}}:
    case {"b": {"c": [_, second]}}:
        print("nested mapping match, second =", second)
