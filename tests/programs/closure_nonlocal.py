# closures, nonlocal, global, closures in loops, decorators
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10, 5)
print(inc(), inc(), get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
print(inc.__closure__ is not None, len(inc.__closure__), inc.__code__.co_freevars)

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        return inner
    r = middle()()
    return x, r
print(outer())

G = 0
def bump():
    global G
    G += 1
    return G
print(bump(), bump(), G)

fs = []
for i in range(4):
    fs.append(lambda: i * 10)
print([f() for f in fs])
fs = []
for i in range(4):
    fs.append(lambda i=i: i * 10)
print([f() for f in fs])
def make(i):
    return lambda: i * 100
print([make(i)() for i in range(4)])

def trace(fn):
    depth = 0
    def wrapper(*args):
        nonlocal depth
        print("  " * depth + f"-> {fn.__name__}{args}")
        depth += 1
        r = fn(*args)
        depth -= 1
        print("  " * depth + f"<- {r}")
        return r
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(4))

def repeat(times):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name, punct="!"):
    return "hi " + name + punct
print(hello("bob"), hello("x", punct="?"))

def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
print([acc(v) for v in [1, 2, 3, 4]])

def shadow():
    x = 1
    def f():
        return x
    x = 2
    return f()
print(shadow())

def unbound():
    def f():
        print(y)
    try:
        f()
    except NameError as e:
        print("NameError", e)
    y = 5
unbound()
def local_before():
    v = 1
    def g():
        try:
            print(v)
            v = 2
        except UnboundLocalError as e:
            print("UnboundLocalError", e)
    g()
local_before()

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
print(compose(str, lambda x: x * 2, abs)(-21), compose()(5))
adders = {n: (lambda n: lambda x: x + n)(n) for n in range(3)}
print({k: f(100) for k, f in adders.items()})
def cell_shared():
    fs = []
    v = 0
    for _ in range(3):
        def f():
            return v
        fs.append(f)
        v += 1
    return [f() for f in fs]
print(cell_shared())
