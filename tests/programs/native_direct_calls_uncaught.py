"""An exception raised three direct calls deep between native functions, with a
conversion of a lying argument on the way, ends the program: the traceback shows every frame."""


def parse(text: str, base: int) -> int:
    print("parse", text, base)
    return int(text, base)


def scaled(text: str, factor: float) -> float:
    value = parse(text, 10)
    print("scaled", value)
    return value * factor


def total(items: str, factor: float) -> float:
    result = 0.0
    for item in items.split(","):
        result = result + scaled(item, factor)
        print("total so far", result)
    return result


print(total("1,2,3", 2))
print(total("4,x5,6", 0.5))
