"""Boxed native functions on containers and objects: items read, stored and updated in place,
slices, dict and list displays, attributes stored and updated, and their errors."""


class Counter:
    count: int = 0
    label: str = ""


def histogram(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def sieve(limit: int) -> list[int]:
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    for i in range(2, limit + 1):
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
    primes: list[int] = []
    for i in range(limit + 1):
        if flags[i]:
            primes.append(i)
    return primes


def windows(text: str, size: int) -> list[str]:
    parts: list[str] = []
    for start in range(0, len(text), size):
        parts.append(text[start:start + size])
    return parts + [text[::-1], text[1:], text[:-1], text[::2], text[-3:], text[2:8:3]]


def bump(counter: Counter, by: int) -> int:
    counter.count += by
    counter.label = "n=" + str(counter.count)
    return counter.count


def grid_sum(rows: list[list[int]]) -> int:
    total = 0
    for r in range(len(rows)):
        for c in range(len(rows[r])):
            rows[r][c] *= 2
            total += rows[r][c]
    return total


def lookups(table: dict[str, int], key: str) -> str:
    try:
        return "found " + str(table[key])
    except KeyError as error:
        return "missing " + repr(error.args[0])


print(histogram(["a", "b", "a", "c", "b", "a"]))
print(sieve(60))
print(windows("abcdefghij", 3))
c = Counter()
print(bump(c, 5), bump(c, -2), c.count, c.label)
grid = [[1, 2, 3], [4, 5], []]
print(grid_sum(grid), grid)
print(lookups({"x": 1}, "x"), lookups({"x": 1}, "y"))
try:
    sieve(-5)
except IndexError as error:
    print("IndexError:", error)
try:
    bump(None, 1)  # type: ignore[arg-type]
except AttributeError as error:
    print("AttributeError:", error)
