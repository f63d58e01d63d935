"""A native function's builtins are those its `def` found, as CPython's function keeps the
builtins of its globals: rebinding the module's __builtins__ later changes nothing for it, even
where it first needs one afterwards; a function defined after the module's builtins became a
dict subclass with __missing__ looks names up through that mapping, as LOAD_GLOBAL does (found
by review)."""
import builtins


def early() -> int:
    return len([1, 2])


def late() -> int:
    return len([1, 2])


def through_missing() -> object:
    return abs(-3)


class Lenient(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> object:
        return lambda x: "missing " + key


print(early())
globals()["__builtins__"] = {"len": lambda x: 42, "abs": lambda x: 7}
print(early(), late(), through_missing())
lenient = Lenient(vars(builtins))
del lenient["abs"]
globals()["__builtins__"] = lenient


def after() -> object:
    return abs(-4)


print(early(), late(), after())
