# iterator protocol classes, __iter__/__next__, __getitem__ iteration, iter(callable, sentinel), reversed
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Range2:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __iter__(self):
        v = self.lo
        while v < self.hi:
            yield v
            v += 2
    def __len__(self):
        return max(0, (self.hi - self.lo + 1) // 2)
    def __reversed__(self):
        return iter(list(self)[::-1])
    def __contains__(self, x):
        print("contains check", x)
        return self.lo <= x < self.hi and (x - self.lo) % 2 == 0

class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

cd = Countdown(5)
print(list(cd), list(cd))
for x in Countdown(3):
    print("tick", x)
r = Range2(1, 10)
print(list(r), list(r), len(r), list(reversed(r)), 5 in r, 4 in r, sum(r))
print(list(Seq()), 9 in Seq(), list(zip(Seq(), "abc")))
it1 = iter([1, 2, 3])
print(next(it1), list(it1), next(it1, None))
vals = iter([5, 4, 0, 3])
print(list(iter(lambda: next(vals), 0)))
state = {"n": 0}
def tick():
    state["n"] += 1
    return state["n"]
print(list(iter(tick, 5)))
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def depth_first(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t))
for d, v in t.depth_first():
    print("  " * d + str(v))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), type(di).__name__, list(di))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed("abc")), list(reversed({"x": 1, "y": 2})))
class Peek:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []
    def peek(self):
        if not self.buf:
            self.buf.append(next(self.it))
        return self.buf[0]
    def __iter__(self):
        return self
    def __next__(self):
        return self.buf.pop() if self.buf else next(self.it)
p = Peek("xyz")
print(p.peek(), p.peek(), next(p), list(p))
e = enumerate(["a", "b"])
print(next(e), list(e), list(map(len, ["aa", "b"])), type(zip()).__name__, list(zip()))
m = map(int, "123")
print(next(m), sum(m))
