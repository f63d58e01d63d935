"""A native function's direct call loads its callee as LOAD_GLOBAL does, before the arguments:
arguments that rebind or delete the name (the call still goes to what was loaded), a name left
only in builtins, globals changed between calls, and a recursion whose name is rebound halfway."""


def target(v: int) -> int:
    print("target", v)
    return v + 1


def other(v: int) -> int:
    print("other", v)
    return v * 100


def rebinding(v):
    global target
    print("rebinding", v)
    target = other
    return v


def deleting(v):
    global target
    print("deleting", v)
    del target
    return v


def calls_target(v: int) -> int:
    first = target(rebinding(v))
    print("first", first)
    second = target(v)
    print("second", second)
    return first + second


def calls_deleted(v: int) -> int:
    first = target(deleting(v))
    print("first", first)
    try:
        return target(v)
    except NameError as error:
        print("NameError:", error)
        return -first


def abs(v: int) -> int:
    print("our abs", v)
    return v


def uses_abs(v: int) -> int:
    r = abs(v)
    print("uses_abs", r, type(r).__name__)
    return r


counter = 0


def bump(v: int) -> int:
    global counter
    counter += 1
    print("bump", v, counter)
    return v


def many(n: int) -> int:
    total = 0
    for i in range(n):
        total += bump(i)  # each call writes a global: the dict's version moves every time
    return total


def rebind_walk():
    global walk
    walk = loud


def walk(n: int) -> int:
    if n == 0:
        print("bottom")
        return 0
    if n == 3:
        rebind_walk()
    return walk(n - 1) + 1


def loud(n: int) -> int:
    print("loud", n)
    return walk_saved(n)


saved = target
print(calls_target(1))
target = saved
print(calls_target(2))
target = saved
print(calls_deleted(3))
target = saved
print(calls_target(4))
print(uses_abs(-5))
saved_abs = abs
del abs
print(uses_abs(-6))
abs = saved_abs
print(uses_abs(-7))
print(many(4))
walk_saved = walk
print(walk(6))
walk = walk_saved
print(walk(2))
