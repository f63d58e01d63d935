"""The runtime's shortcuts for exact strs and tuples in native code (s[i], t[i], s + s, str
comparisons, str(x), len(s)) against what CPython does for the same source: negative and
out-of-range indexes (past 32 and 62 bits), subclasses overriding each operation, `str` and
`len` rebound, values whose hints lie (tuples where strs were declared), non-ASCII and empty
strings; builtins patched, and an exec with builtins of its own."""
import builtins


class Loud(str):
    def __getitem__(self, index: object) -> str:
        return "loud" + str(index)

    def __add__(self, other: object) -> str:
        return "added"

    def __eq__(self, other: object) -> bool:
        return True

    def __lt__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 1

    def __len__(self) -> int:
        return 99


class Pair(tuple):  # type: ignore[type-arg]
    def __getitem__(self, index: object) -> object:
        return ("pair", index)


class Shown:
    def __str__(self) -> str:
        return "shown"


def item(s: str, i: int) -> str:
    return s[i]


def joined(a: str, b: str) -> str:
    c = a + b
    c += a
    return c


def compared(a: str, b: str) -> list[bool]:
    return [a == b, a != b, a < b, a <= b, a > b, a >= b]


def text(x: int) -> str:
    return str(x)


def size(s: str) -> int:
    return len(s)


def attempt(label: str, thunk: object) -> None:
    try:
        print(label, repr(thunk()))  # type: ignore[operator]
    except Exception as error:
        print(label, type(error).__name__, error)


def main() -> None:
    for s in ["hello", "", "héllo wörld", "日本語テキスト", "\U0001f600x"]:
        for i in [0, 1, -1, -5, 4, 5, 7, -8, 2**31, -(2**31) - 1, 2**40, 2**61, -(2**62), 2**70]:
            attempt(f"item {s!r} {i}", lambda: item(s, i))
        attempt(f"size {s!r}", lambda: size(s))
    for t in [(1, 2, 3), (), (7,)]:  # a tuple where a str was declared: the runtime's tuple shortcut
        for i in [0, 2, -1, -3, 3, -4, 2**33, 2**63]:
            attempt(f"tuple {t} {i}", lambda: item(t, i))  # type: ignore[arg-type]
    attempt("pair", lambda: item(Pair((1, 2)), 1))  # type: ignore[arg-type]
    attempt("loud item", lambda: item(Loud("abc"), 1))
    attempt("loud size", lambda: size(Loud("abc")))
    for a, b in [("a", "b"), ("", ""), ("é", "e"), ("abc", "ab"), ("日", "本")]:
        attempt(f"joined {a!r} {b!r}", lambda: joined(a, b))
        attempt(f"compared {a!r} {b!r}", lambda: compared(a, b))
    attempt("loud joined", lambda: joined(Loud("x"), "y"))
    attempt("loud right", lambda: joined("x", Loud("y")))
    attempt("loud compared", lambda: compared(Loud("x"), "y"))
    attempt("loud compared right", lambda: compared("y", Loud("x")))
    attempt("lying joined", lambda: joined(3, 4))  # type: ignore[arg-type]
    attempt("lying compared", lambda: compared(3, 4.5))  # type: ignore[arg-type]
    attempt("mixed compared", lambda: compared("3", 4))  # type: ignore[arg-type]
    attempt("lying item", lambda: item([10, 20, 30], -1))  # type: ignore[arg-type]
    attempt("lying item dict", lambda: item({2: "two"}, 2))  # type: ignore[arg-type]
    attempt("lying size", lambda: size({1: 2}))  # type: ignore[arg-type]
    for x in [0, 7, -12, 2**62, -(2**62) - 1, 2**100, True]:
        attempt(f"text {x}", lambda: text(x))
    attempt("text float", lambda: text(2.5))  # type: ignore[arg-type]
    attempt("text shown", lambda: text(Shown()))  # type: ignore[arg-type]
    global str, len
    str = lambda x: f"<{x}>"  # type: ignore[assignment]  # noqa: E731
    len = lambda x: -1  # type: ignore[assignment]  # noqa: E731
    attempt("rebound text", lambda: text(5))
    attempt("rebound size", lambda: size("abc"))
    del str, len
    attempt("restored text", lambda: text(5))
    attempt("restored size", lambda: size("abc"))
    original_len = builtins.len
    builtins.len = lambda x: -2  # the builtins dict changes version: a site's cached builtin is not used
    attempt("patched builtins size", lambda: size("abc"))
    builtins.len = original_len
    attempt("unpatched builtins size", lambda: size("abc"))
    exec("print('exec size', size('ab'), text(3))", {"__builtins__": {"print": print, "len": lambda x: 42}, "size": size,
                                                     "text": text})
    total = 0
    for k in range(2000):
        total += len(text(k)) + len(joined(text(k % 7), "ab")) + int(compared(text(k), "500")[2])
    print(total)


main()
