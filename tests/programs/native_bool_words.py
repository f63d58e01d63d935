"""Bool words in functions that print: bool locals, True/False, `not` and
comparisons of numbers as values and in branches; and values whose hints lie (an int, a str,
None, a list, an object whose __bool__ raises, a comparison that returns no bool) where a bool
is declared, answered as CPython answers."""


def flags(limit: int, threshold: float) -> int:
    found: bool = False
    count: int = 0
    for i in range(limit):
        big: bool = i * 0.5 > threshold
        even: bool = i % 2 == 0
        if big and not even:
            count += 1
        if not found and big:
            found = True
            print("first big", i, found, big, even, not big)
        print(i, big, even, big == even, type(big).__name__, big + even)
    print("found", found, not found, not not found)
    return count


def lied_to(flag: bool, other: bool) -> None:
    try:
        print("flag", repr(flag))
        print("not", repr(not flag))
        if flag:
            print("truthy")
        else:
            print("falsy")
        copy: bool = flag
        print("copy", repr(copy), repr(other))
        both: bool = flag and other
        print("both", repr(both))
        if not other:
            print("not other")
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)


def compares(a: float, b: int) -> bool:
    lt: bool = a < b
    eq: bool = a == b
    print(repr(lt), repr(eq), repr(not lt), repr(b >= a))
    if lt:
        print("lt holds")
    return eq


def main() -> None:
    class Falsy:
        def __bool__(self) -> bool:
            raise ValueError("no truth here")

        def __repr__(self) -> str:
            return "Falsy()"

    class Meters:  # its comparisons return no bool
        def __lt__(self, other: object) -> str:
            return "not a bool"

        def __eq__(self, other: object) -> bool:
            return True

        def __le__(self, other: object) -> list[int]:
            return []

        def __repr__(self) -> str:
            return "Meters()"

    print(flags(12, 2.5))
    for flag in [True, False, 0, 1, 2, "", "x", None, [], [1], Falsy()]:
        lied_to(flag, False)  # type: ignore[arg-type]
        lied_to(True, flag)  # type: ignore[arg-type]
    for a in [0.5, 2.0, float("nan"), 2**60, Meters()]:
        for b in [0, 2, 2**60 + 1]:
            print("compares", a, b, compares(a, b))  # type: ignore[arg-type]


main()
