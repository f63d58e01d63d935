# functools: reduce, lru_cache, partial, total_ordering, wraps, cached_property, singledispatch; operator module
import functools, operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 11)))
print(functools.reduce(operator.add, [], "empty"), functools.reduce(max, [3, 9, 2], 0))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@functools.lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info())

@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(50))

def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(9), two_to(10), two_to(10, mod=1000), square.func.__name__, square.keywords, two_to.args)
int2 = functools.partial(int, base=2)
print(int2("1011"), list(map(int2, ["1", "11", "111"])))

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        """wrapper doc"""
        return fn(*a, **k)
    return wrapper
@logged
def documented(x):
    """Original docstring."""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, o):
        return self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
ms = [Money(500), Money(99), Money(1000), Money(250)]
print(sorted(ms), max(ms), Money(1) <= Money(1), Money(2) > Money(1), Money(2) >= Money(3))

class Data:
    def __init__(self, v):
        self.v = v
    @functools.cached_property
    def expensive(self):
        print("computing expensive")
        return self.v * 100
d = Data(3)
print(d.expensive, d.expensive, "expensive" in vars(d))

@functools.singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
print(describe(5), describe([1, 2]), describe("s"), describe(True), describe(2.5))
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=functools.cmp_to_key(lambda a, b: (a[0] > b[0]) - (a[0] < b[0]) or (b[1] > a[1]) - (b[1] < a[1]))))

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 2))
print(operator.itemgetter(1)([10, 20, 30]), operator.itemgetter(0, 2)("xyz"), operator.attrgetter("real", "imag")(3 + 4j))
print(operator.methodcaller("upper")("abc"), operator.methodcaller("split", ",")("a,b"), operator.contains([1, 2], 2))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.truth([]), operator.index(7), operator.is_(None, None))
recs = [{"n": "b", "a": 3}, {"n": "a", "a": 3}, {"n": "c", "a": 1}]
print(sorted(recs, key=operator.itemgetter("a", "n")))
lst = [1, 2, 3]
operator.setitem(lst, 0, 99); operator.delitem(lst, 1)
print(lst, operator.getitem(lst, -1), operator.concat([1], [2]), operator.pow(2, 10), operator.xor(6, 3), operator.lshift(1, 4))
x = [1]
x = operator.iadd(x, [2])
print(x, list(map(operator.mul, [1, 2, 3], [4, 5, 6])), functools.reduce(operator.or_, [1, 2, 4, 8]))
