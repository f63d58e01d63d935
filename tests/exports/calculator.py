"""Exports of every ABI type, state across calls, exceptions, and host imports.

Under CPython the decorators change nothing and the host-import stubs run their Python bodies,
which do what the test hosts do: CPython's results are the expected ones.
"""
import tpy2wasm
from tpy2wasm import host_import

RECORDED: list[tuple[str, int]] = []
calls = 0


@tpy2wasm.host_import("env", "record")
def record(message: str, number: int) -> None:
    RECORDED.append((message, number))


@host_import("env", "twice")
def twice(x: float) -> float:
    return 2 * x


@host_import("env", "shout")
def shout(text: str) -> str:
    return text.upper() + "!"


def add(a: int, b: int) -> int:
    return a + b


def scale(x: float, factor: int) -> float:
    return x * factor


def is_even(n: int) -> bool:
    return n % 2 == 0


@tpy2wasm.export
def greet(name: str) -> str:
    return f"héllo {name} ✓"


@tpy2wasm.export
def reverse(data: bytes) -> bytes:
    return data[::-1]


@tpy2wasm.export
def cube(x: float) -> float:
    return x * x * x


@tpy2wasm.export
def kind_of_cube() -> str:
    return type(cube).__name__


def fails(n: int) -> int:
    if n > 3:
        raise ValueError(f"{n} is too big")
    return n


def power(base: int, exponent: int) -> int:
    return base ** exponent


def count() -> int:
    global calls
    calls += 1
    print("count", calls)
    return calls


def negate(flag: bool) -> bool:
    return not flag


def use_host(message: str, x: float) -> str:
    record(message, len(message))
    return shout(message) + " " + str(twice(x))


def nothing(n: int) -> None:
    record("nothing", n)


print("ready")
