# __repr__/__eq__/__hash__/__lt__, operator overloading, total ordering, container protocol
import functools

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __iadd__(self, o):
        print("iadd called")
        self.x += o.x
        self.y += o.y
        return self
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __lt__(self, o):
        return abs(self) < abs(o)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, repr(a - b), a * 3, 3 * a, a * b, -a, abs(b), bool(Vec(0, 0)), bool(a))
print(a == Vec(1, 2), a != b, a == (1, 2), a is Vec(1, 2), len({a, Vec(1, 2), b}))
c = a
c += b
print(c, a, c is a, list(a), a[0], len(a), sorted([b, a, Vec(0, 1)]), max([a, b]))
print(str([a]), f"{a}", f"{a!r}", "%s %r" % (a, a))
try:
    a < "text"
except TypeError as e:
    print("TypeError", e)
try:
    a + 1
except AttributeError as e:
    print("AttributeError", e)

@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(vs), Version("1.0") >= Version("0.99"), Version("2.0") <= Version("1.9"), Version("1.0") > Version("1.0"))
print(Version.__hash__ is None)
try:
    hash(Version("1.0"))
except TypeError as e:
    print("TypeError", e)

class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __contains__(self, v):
        return any(v in r for r in self.rows)
    def __iter__(self):
        for r in self.rows:
            yield from r
    def __call__(self, i, j):
        return self.rows[i][j]
m = Matrix([[1, 2], [3, 4]])
print(m @ m, 4 in m, 9 in m, list(m), m(1, 0), sum(m))

class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Num({self.v})"
    def __truediv__(self, o): return Num(self.v / o.v)
    def __floordiv__(self, o): return Num(self.v // o.v)
    def __mod__(self, o): return Num(self.v % o.v)
    def __pow__(self, o): return Num(self.v ** o.v)
    def __and__(self, o): return Num(self.v & o.v)
    def __or__(self, o): return Num(self.v | o.v)
    def __xor__(self, o): return Num(self.v ^ o.v)
    def __lshift__(self, o): return Num(self.v << o.v)
    def __invert__(self): return Num(~self.v)
    def __radd__(self, o): return Num(o + self.v)
    def __add__(self, o): return Num(self.v + o.v)
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
for p, q in [(Vec(1, 1), Vec(1, 1)), (Vec(0, 0), Vec(0, 0)), (Vec(-1, 2), Vec(2, -1))]:
    print(p, q, p + q, p - q, p * q, p == q, bool(p - q), abs(p - q))
x, y = Num(17), Num(5)
print(x / y, x // y, x % y, x ** y, x & y, x | y, x ^ y, x << y, ~x, 10 + x, sum([x, y], 0))
print([0, 1, 2, 3, 4, 5, 6][Num(3)], hex(Num(255)), int(x), float(y), bin(y), range(10)[Num(2)])
