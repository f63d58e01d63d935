# String constants of native functions keep every code point: lone surrogates (which UTF-8
# cannot encode), astral characters and NULs, in repr(), len(), comparisons and ord().


def lone_high() -> str:
    return "\ud800"


def lone_pair_parts() -> str:
    return "a\udfff\ud83d-\ude00z"


def astral() -> str:
    return "\U0001f600\U00010348"


def with_nuls() -> str:
    return "x\x00y\x00"


def describe(text: str) -> None:
    print(repr(text), len(text), [ord(c) for c in text])


def compare(text: str) -> bool:
    return text == "\ud800" or text < "\udc00" and text != "\U0001f600"


def code_point(n: int) -> int:
    return ord("\ud800") + ord("\U0001f600"[0]) + ord("\x00") + n


def joined(n: int) -> str:
    text = ""
    for i in range(n):
        text = text + "\udc80" + str(i) + "\0"
    return text


def formatted(n: int) -> str:
    return f"<{n}\udc80{n + 1:>3}\U0001f600>"


for make in (lone_high, lone_pair_parts, astral, with_nuls):
    value = make()
    describe(value)
    print(compare(value), value == make(), value.encode("utf-8", "surrogatepass"))
print(repr(formatted(7)), len(formatted(7)))
print(code_point(1), repr(joined(3)), len(joined(3)))
print("\ud800" + "\udc00" == "\ud800\udc00", len("\ud800\udc00"))
