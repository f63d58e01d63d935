# context managers: class-based and contextlib
import contextlib

class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)
try:
    with Resource("x1"), Resource("x2", suppress=False):
        1 / 0
except ZeroDivisionError:
    print("zde propagated")

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except RuntimeError as e:
        print("tag handled", e)
    finally:
        print(f"</{name}>")

with tag("div") as t:
    print("body", t)
    with tag("span"):
        print("nested")
with tag("p"):
    raise RuntimeError("inside p")
print("after p")
try:
    with tag("q"):
        raise TypeError("not handled")
except TypeError as e:
    print("TypeError passed", e)

with contextlib.suppress(FileNotFoundError, KeyError):
    {}["nope"]
print("suppressed")

class Stack(contextlib.ExitStack):
    pass
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.enter_context(Resource(f"s{n}"))
    stack.callback(print, "callback run")
    print("stack body")

@contextlib.contextmanager
def counting():
    counts = {"n": 0}
    yield counts
    print("final count", counts["n"])
with counting() as c:
    for _ in range(5):
        c["n"] += 1

class Timer:
    def __enter__(self):
        self.log = ["start"]
        return self.log
    def __exit__(self, *args):
        self.log.append("stop")
tm = Timer()
with tm as log:
    log.append("work")
print(tm.log)

def func_with_return():
    with Resource("ret"):
        return "returned value"
print(func_with_return())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
cm = contextlib.nullcontext("null")
with cm as v:
    print(v)
@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
