"""Typed lists in native code: items read, stored and iterated in place, exactly as CPython does
when hints lie, indices are negative, big or out of range, lists alias, and code run by a store
(a finalizer) or a loop's body mutates the list."""
import math
import struct
import sys


class Noisy:
    """An item whose finalizer appends to a list: a store that drops it runs Python code."""

    def __init__(self, sink: list[int]) -> None:
        self.sink = sink

    def __del__(self) -> None:
        self.sink.append(99)


class Sized:
    def __len__(self) -> int:
        return 7


class Shorter(list[float]):
    def __len__(self) -> int:
        return 1


class Doubling(list[int]):
    def __getitem__(self, index: object) -> int:
        return 2 * list.__getitem__(self, index)  # type: ignore[call-overload, no-any-return]


def read_float(xs: list[float], i: int) -> float:
    return xs[i]


def read_int(xs: list[int], i: int) -> int:
    return xs[i]


def read_bool(xs: list[bool], i: int) -> bool:
    return xs[i]


def read_object(xs: list[str], i: int) -> str:
    return xs[i]


def store_float(xs: list[float], i: int, value: float) -> None:
    xs[i] = value


def store_bool(xs: list[bool], i: int, value: bool) -> None:
    xs[i] = value


def try_read(xs: list[float], i: int) -> str:
    try:
        return repr(xs[i])
    except (IndexError, TypeError, KeyError) as error:
        return f"{type(error).__name__}: {error}"


def try_store(xs: list[int], i: int, value: int) -> str:
    try:
        xs[i] = value
        return repr(xs)
    except (IndexError, TypeError) as error:
        return f"{type(error).__name__}: {error}"


def sum_floats(xs: list[float]) -> float:
    total: float = 0.0
    for x in xs:
        total += x
    return total


def count_true(flags: list[bool]) -> int:
    count: int = 0
    for flag in flags:
        if flag:
            count += 1
    return count


def scale_in_place(xs: list[float], factor: float) -> None:
    for i in range(len(xs)):
        xs[i] *= factor


def bump(xs: list[int], i: int) -> None:
    xs[i] += 1


def grow_while_iterating(xs: list[int]) -> int:
    seen: int = 0
    for x in xs:
        seen += 1
        if x < 3:
            xs.append(x + 10)
    return seen


def remove_while_iterating(xs: list[int]) -> list[int]:
    kept: list[int] = []
    for x in xs:
        kept.append(x)
        if x % 2 == 0:
            xs.remove(x)
    return kept


def replace_while_iterating(xs: list[float]) -> float:
    total: float = 0.0
    i: int = 0
    for x in xs:
        total += x
        if i + 1 < len(xs):
            xs[i + 1] = 100.0
        i += 1
    return total


def sieve(limit: int) -> list[bool]:
    flags: list[bool] = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i: int = 2
    while i * i <= limit:
        if flags[i]:
            j: int = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return flags


def size(xs: list[float]) -> int:
    return len(xs)


def indexed_total(xs: list[float]) -> float:
    total: float = 0.0
    for i in range(len(xs)):
        total += xs[i]
    return total


def root(x: float) -> float:
    return math.sqrt(x)


def roots(xs: list[float]) -> float:
    total: float = 0.0
    for x in xs:
        total += math.sqrt(x)
    return total


def build(n: int) -> list[float]:
    out: list[float] = []
    for i in range(n):
        out.append(i * 0.5)
    return out


def drain(xs: list[int]) -> int:
    total: int = 0
    while len(xs) > 0:
        total = total * 10 + xs.pop()
    return total


def pop_one(xs: list[int]) -> int:
    return xs.pop()


def append_order(xs: list[int], log: list[str]) -> None:
    xs.append(len(log) + noted(log))


def noted(log: list[str]) -> int:
    log.append("argument")
    return 0


class Appender:
    def __init__(self) -> None:
        self.items: list[object] = []

    def append(self, item: object) -> None:
        self.items.append(("wrapped", item))

    def pop(self) -> str:
        return "custom pop"


def swap_ends(xs: list[float]) -> None:
    xs[0], xs[-1] = xs[-1], xs[0]


def main() -> None:
    floats: list[float] = [1.5, -0.0, float("inf"), 2]
    print(read_float(floats, 0), read_float(floats, -1), read_float(floats, -4), read_float(floats, 1))
    print(repr(read_float(floats, 3)), type(read_float(floats, 3)).__name__)
    payload = struct.unpack("<d", struct.pack("<Q", 0x7FF8_0000_0000_0001))[0]
    nans: list[float] = [payload, float("nan")]
    print(struct.pack("<d", read_float(nans, 0)).hex(), read_float(nans, 1))
    ints: list[int] = [0, -1, 2**62 - 1, -(2**62), 2**62, -(2**100), 7]
    print([read_int(ints, i) for i in range(len(ints))])
    flags: list[bool] = [True, False]
    print(read_bool(flags, 0), read_bool(flags, -1))
    print(read_object(["a", "b"], -2))
    # Hints that lie: whatever the list holds comes back as CPython holds it.
    print(read_float([3, 2**70, "x"], 0), read_float([3, 2**70, "x"], 1), read_float([3, 2**70, "x"], 2))  # type: ignore[list-item]
    print(read_int([1.5, None], 0), read_int([1.5, None], 1), read_bool([0, 1, "y"], 2))  # type: ignore[list-item]
    print(read_float((4.5, 5.5), 1), read_int(Doubling([1, 2, 3]), -1), read_int({7: 8}, 7))  # type: ignore[arg-type]
    # Past 32 bits (wasm32's Py_ssize_t) an index is out of a list's range, as on a 64-bit CPython.
    for xs, i in (([1.0], 1), ([1.0], -2), ([], 0), ([1.0], 2**40), ([1.0], -(2**62) - 5), ([1.0], 2**70),
                  ([1.0], -(2**70)), ({}, 3), ("ab", 5)):
        print(try_read(xs, i))  # type: ignore[arg-type]
    for i in (0, -1, 3, -4, 2**40, 2**63 - 1, 2**64):
        print(try_store([1, 2, 3], i, 9))
    print(try_store((1, 2), 0, 5))  # type: ignore[arg-type]
    # Stores box words: small ints, big ints, floats, bools.
    grid: list[float] = [0.0] * 3
    store_float(grid, 0, 2.5)
    store_float(grid, -1, 1e300 * 10)
    store_float(grid, 1, 3)
    print(grid, [type(x).__name__ for x in grid])
    bools: list[bool] = [False] * 3
    store_bool(bools, 1, True)
    store_bool(bools, -1, 1 == 1)
    print(bools, bools[1] is True)
    counters: list[int] = [0, 2**62 - 1, -5]
    bump(counters, 0)
    bump(counters, 1)
    bump(counters, -1)
    print(counters)
    # Aliasing: a store through one name is seen through the other.
    alias: list[float] = grid
    store_float(alias, 0, -7.25)
    print(grid[0], alias is grid)
    scale_in_place(alias, 2.0)
    print(grid)
    # A store whose replaced item's finalizer mutates the list.
    sink: list[int] = []
    holder = [Noisy(sink), 1]
    try_store(holder, 0, 5)  # type: ignore[arg-type]
    print(holder, sink)
    # Iteration sees mutation as CPython's list iterator does.
    print(sum_floats([1.0, 2.5, 3]), sum_floats([]), count_true([True, False, True, 1, 0, "x"]))  # type: ignore[list-item]
    growing: list[int] = [1, 2, 5]
    print(grow_while_iterating(growing), growing)
    shrinking: list[int] = [1, 2, 4, 5, 6, 7]
    print(remove_while_iterating(shrinking), shrinking)
    print(replace_while_iterating([1.0, 2.0, 3.0, 4.0]))
    print(sum(1 for flag in sieve(1000) if flag), count_true(sieve(10_000)))
    # len: a list's or tuple's size inline, anything else (and a rebound `len`) through CPython.
    print(size([1.0, 2.0]), size((1, 2, 3)), size("four"), size({1: 2}), size(Sized()), size(Shorter([1, 2])))  # type: ignore[arg-type]
    print(indexed_total([0.5, 1.5, 2]), indexed_total(Shorter([4.0, 5.0])))
    globals()["len"] = lambda sized: 2
    print(size([1.0, 2.0, 3.0]), indexed_total([1.0, 2.0, 3.0]))
    del globals()["len"]
    print(size([1.0, 2.0, 3.0]))
    try:
        size(5)  # type: ignore[arg-type]
    except TypeError as error:
        print("TypeError:", error)
    # math.sqrt: a double's root inline while the name holds the builtin, else CPython's call.
    print(root(2.0), root(0.0), root(-0.0), root(float("inf")), root(float("nan")), root(4), root(True))  # type: ignore[arg-type]
    print(roots([1.0, 4.0, 9.0, 2]), root(2**1000))
    for bad in (-1.0, -float("inf"), "x"):
        try:
            root(bad)  # type: ignore[arg-type]
        except (ValueError, TypeError) as error:
            print(type(error).__name__, error)
    real_sqrt = math.sqrt
    math.sqrt = lambda x: -x  # type: ignore[assignment]
    print(root(9.0), roots([1.0, 4.0]))
    math.sqrt = real_sqrt
    print(root(9.0))
    # append and pop in place on exact lists (sys.getsizeof as CPython's), else CPython's methods.
    built = build(40)
    print(built[:3], built[-1], len(built), sys.getsizeof(built) == sys.getsizeof(list(built)) or "sizes")
    grown: list[float] = []
    allocated = []  # the room list_resize keeps, from sys.getsizeof (pointers are 4 bytes on wasm32)
    for i in range(20):
        grown.append(float(i))
        allocated.append((sys.getsizeof(grown) - sys.getsizeof([])) // struct.calcsize("P"))
    print(allocated)
    digits: list[int] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(drain(digits), digits, (sys.getsizeof(digits) - sys.getsizeof([])) // struct.calcsize("P"))
    try:
        pop_one([])
    except IndexError as error:
        print("IndexError:", error)
    appender = Appender()
    append_order(appender, [])  # type: ignore[arg-type]
    print(appender.items, pop_one(appender))  # type: ignore[arg-type]
    try:
        append_order((1, 2), ["x"])  # type: ignore[arg-type]
    except AttributeError as error:
        print("AttributeError:", error)
    log: list[str] = []
    target: list[int] = []
    append_order(target, log)
    print(target, log)
    pair: list[float] = [1.0, 2.0, 3.0]
    swap_ends(pair)
    print(pair)
    try:
        swap_ends([])
    except IndexError as error:
        print("IndexError:", error)


if __name__ == "__main__":
    main()
