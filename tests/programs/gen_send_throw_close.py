# generators: send, throw, close, return value, yield from, StopIteration
def echo():
    print("started")
    received = None
    try:
        while True:
            received = yield f"got {received}"
            if received == "stop":
                return "returned-value"
    except GeneratorExit:
        print("GeneratorExit caught")
        raise
    finally:
        print("echo finally")

g = echo()
print(next(g))
print(g.send("a"))
print(g.send(42))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration", e.value, e.args)

g2 = echo()
next(g2)
g2.close()
print("closed", g2.gi_frame is None)
g2.close()

def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("handled", e)
            n += 100
        n += 1
r = resilient()
print(next(r), next(r), r.throw(ValueError("boom")), next(r))
try:
    r.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
print(next(r, "exhausted"))

def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return x + y

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from range(3)
    yield from ["a", "b"]
    return "outer-done"

o = outer()
print(next(o))
print(o.send(10))
print(o.send(20))
print(list(o))

def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(counter(5)), sum(counter(101)), max(counter(7)), list(counter(0)))
c = counter(2)
print(next(c), next(c), next(c, "default"))
try:
    next(c)
except StopIteration:
    print("StopIteration raised")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def refuse_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
rc = refuse_close()
next(rc)
try:
    rc.close()
except RuntimeError as e:
    print("RuntimeError", e)

def bad_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def not_started():
    x = yield 1
try:
    not_started().send(5)
except TypeError as e:
    print("TypeError", e)

def gen_state():
    yield 1
gs = gen_state()
import inspect
print(inspect.getgeneratorstate(gs))
next(gs)
print(inspect.getgeneratorstate(gs))
list(gs)
print(inspect.getgeneratorstate(gs))

def delegate_throw():
    try:
        yield from resilient()
    finally:
        print("delegate finally")
d = delegate_throw()
print(next(d), d.throw(ValueError("via delegate")))
d.close()
print(type(fib()).__name__, hasattr(f, "__next__"), iter(f) is f)
