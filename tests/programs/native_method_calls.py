"""obj.name(...) in native code on objects other than the program's own native classes, made as
LOAD_METHOD and CALL make it: builtin types' methods called unbound; an attribute of the
instance, a classmethod, a staticmethod, __getattr__ and __getattribute__ found otherwise; the
method looked up before the arguments are evaluated (a missing method and a raising argument,
a method deleted while the arguments run); list methods in place and not."""
from collections.abc import Callable
from typing import Any


class Flexible:
    def __init__(self) -> None:
        self.hook: Any = None

    @classmethod
    def make(cls, n: int) -> str:
        return f"{cls.__name__}.make({n})"

    @staticmethod
    def plain(n: int) -> int:
        return n * 10

    def __getattr__(self, name: str) -> Any:
        return lambda *args: f"dynamic {name}{args}"


class Watched:
    def __getattribute__(self, name: str) -> Any:
        print("looking up", name)
        return object.__getattribute__(self, name)

    def greet(self, who: str) -> str:
        return "hello " + who


class Doomed:
    @staticmethod
    def vanish(x: int) -> int:
        return x + 1


class Loud(list):  # type: ignore[type-arg]
    def append(self, item: object) -> None:
        print("Loud.append", item)
        super().append(item)


def say(label: str) -> int:
    print("argument", label)
    return len(label)


def builtin_methods(text: str, items: list[int]) -> str:
    words = text.split(" ")
    joined = "-".join(words)
    items.sort()
    items.append(words.index("b"))
    position = items.index(3)
    upper = text.upper().replace("A", "a")
    return f"{joined} {items} {position} {upper} {text.count('b')}"


def unusual(flexible: Flexible, watched: Watched) -> list[object]:
    flexible.hook = lambda *args: ("hook", args)
    return [flexible.make(2), flexible.plain(3), flexible.hook(6), watched.greet("you")]


def dynamic(s: str) -> str:
    return s.strip("x")


def order_missing(s: str) -> list[str]:
    return s.split(str(say("evaluated?")))


def order_deleted(obj: Doomed) -> int:
    return obj.vanish(forget())


def forget() -> int:
    delattr(Doomed, "vanish")
    return 41


def appended(xs: list[int], value: int) -> list[int]:
    xs.append(value)
    xs.append(value + 1)
    xs.pop()
    return xs


def attempt(label: str, thunk: Callable[[], object]) -> None:
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__, error)


def main() -> None:
    attempt("builtin", lambda: builtin_methods("a b c b", [3, 1, 2]))
    attempt("lying items", lambda: builtin_methods("a b", (3,)))  # type: ignore[arg-type]
    attempt("lying text", lambda: builtin_methods(5, [3]))  # type: ignore[arg-type]
    attempt("unusual", lambda: unusual(Flexible(), Watched()))
    attempt("dynamic getattr", lambda: dynamic(Flexible()))  # type: ignore[arg-type]
    attempt("dynamic getattribute", lambda: dynamic(Watched()))  # type: ignore[arg-type]
    attempt("dynamic str", lambda: dynamic("xxaxx"))
    attempt("missing first", lambda: order_missing(object()))  # type: ignore[arg-type]
    attempt("present", lambda: order_missing("a11b"))
    attempt("deleted while evaluating", lambda: order_deleted(Doomed()))
    attempt("after delete", lambda: order_deleted(Doomed()))
    attempt("exact list", lambda: appended([1], 2))
    attempt("subclass list", lambda: appended(Loud([1]), 2))
    attempt("lying list", lambda: appended((1,), 2))  # type: ignore[arg-type]
    total = 0
    for i in range(3000):
        total += len(builtin_methods("x b y " + str(i % 7), [3, i % 5]))
    print(total)


main()
