"""Boxed native functions: f-strings with specs and conversions, loops over any iterable,
identity and membership, str parameters, and values of any type in locals."""


def describe(name: str, value: float, width: int = 8) -> str:
    label = f"{name!r:>{width}}"
    return f"{label} = {value:.3f} ({value!s}) {{braces}} {value:+e} {width:#x}"


def total_length(text: str) -> int:
    total = 0
    for word in text.split():
        if word in ("skip", "ignore"):
            continue
        total += len(word)
    return total


def first_upper(text: str) -> str:
    for character in text:
        if character.isupper():
            return character
    return ""


def maybe(value: int) -> str:
    result = None if value < 0 else value * 2
    if result is None:
        return "none"
    if result is not None and result not in (0, 2):
        return f"{result:05d}"
    return "small"


def grid(rows: int, columns: int) -> None:
    for row in range(rows):
        line = ""
        for column in range(columns):
            line += f"{row * columns + column:3}"
        print(line, end="|\n")


print(describe("pi", 3.14159))
print(describe("e", 2.71828, 3))
print(total_length("alpha skip beta ignore gamma"))
print(repr(first_upper("hello World")), repr(first_upper("none")))
print(maybe(-1), maybe(0), maybe(7))
grid(3, 4)
try:
    total_length(5)  # type: ignore[arg-type]
except TypeError as error:
    print("TypeError:", error)
print(describe("big", 1e300 * 10))
