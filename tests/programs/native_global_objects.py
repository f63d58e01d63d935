"""Native functions that declare `global` for names holding objects: rebinding a list, a dict,
a str, None or a function at module level, deleting one (NameError after), and reading them back,
while the functions still compute on words."""

history: list[int] = []
last_label: str = "none"
table: dict[str, int] = {}
maybe: int | None = None


def double(v: int) -> int:
    return v * 2


def triple(v: int) -> int:
    return v * 3


def record(n: int) -> int:
    global history, last_label, maybe
    total = 0
    for i in range(n):
        total += i * i
    history = history + [total]
    last_label = "record " + str(n)
    maybe = total if total % 2 == 0 else None
    print("recorded", n, total, last_label, maybe)
    return total


def reset() -> None:
    global history, table
    history = []
    table = {"reset": len(history)}
    print("reset", history, table)


def forget() -> None:
    global last_label
    del last_label
    print("forgot")


def describe() -> str:
    try:
        return "label " + last_label
    except NameError as error:
        print("NameError:", error)
        return "no label"


op = double


def swap_op() -> None:
    global op
    op = triple if op is double else double
    print("op is now", op.__name__)


def apply(v: int) -> int:
    r = op(v)
    print("apply", v, r)
    return r


print(record(3), record(4), history, last_label, maybe)
reset()
print(describe())
forget()
print(describe())
forget_error = None
try:
    forget()
except NameError as error:
    print("second forget:", error)
print(apply(5))
swap_op()
print(apply(5))
swap_op()
print(apply(5))
