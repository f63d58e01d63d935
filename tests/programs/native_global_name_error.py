"""An undefined global read in a native function raises NameError at the read, as LOAD_GLOBAL
does, whatever takes the value: an assignment (not an UnboundLocalError later), a return, an
f-string, an operand, an argument; and the traceback points at the name."""


def assigned(flag: bool) -> str:
    if flag:
        s = missing_text  # type: ignore[name-defined]  # noqa: F821
        return "x" + s
    return "ok"


def returned() -> str:
    return missing_text  # type: ignore[name-defined]  # noqa: F821


def formatted(n: int) -> str:
    return f"{n} and {missing_text}"  # type: ignore[name-defined]  # noqa: F821


def operand(n: int) -> bool:
    return n == missing_number  # type: ignore[name-defined]  # noqa: F821


def argument(n: int) -> str:
    return str(missing_number + n)  # type: ignore[name-defined]  # noqa: F821


def later_defined() -> str:
    return defined_later


for function in (lambda: assigned(True), returned, lambda: formatted(3), lambda: operand(2), lambda: argument(1),
                 later_defined):
    try:
        print(function())
    except NameError as error:
        print(type(error).__name__, error)
print(assigned(False))
defined_later = "now defined"
print(later_defined())
assigned(True)
