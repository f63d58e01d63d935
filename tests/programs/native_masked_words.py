"""Boxed functions (they print) whose sums and products pass 63 bits before a mask brings them
back (codegen/wide_words.py): the fast version keeps them as exact 64-bit values, and where it
must go on in the generic version with one live (a mask that is no small int any more, a
negative mask, a product past 64 bits) that value becomes a word first."""

MASK: int = 0xFFFFFFFF
SHIFTED: int = 0x5BD1E995
LIMIT: int = 1000


def hash_loop(n: int) -> int:
    h: int = 2166136261
    for i in range(n):
        h = ((h * 31) + i) & MASK
        h = h ^ (h >> 13)
        h = (h ^ (h << 7)) & MASK
        h = (h * SHIFTED) & MASK
    print("hash", n, h)
    return h


def mask_first(n: int) -> int:
    h: int = 12345
    for i in range(n):
        h = MASK & (h * 0x5BD1E995 + i)
    print("mask first", h)
    return h


def past_64_bits(a: int, b: int, m: int) -> int:
    result: int = 0
    for k in range(2):  # a loop: the function gets a fast version
        result = (a * b + k) & m
    print("past 64 bits", result)
    return result


def negative_mask(a: int, b: int) -> int:
    low: int = 0
    for k in range(2):
        low = (a * b - k) & -16
    print("negative mask", low)
    return low


def sums(a: int, b: int) -> int:
    total: int = 0
    difference: int = 0
    for k in range(2):
        total = (a + b + k) & 0xFFFF
        difference = (a - b - k) & 0xFFFF
    print("sums", total, difference)
    return total + difference


def both_wide(a: int, b: int, c: int) -> int:
    both: int = 0
    for k in range(2):
        both = (a * b + k) & (c * c)
    print("both", both)
    return both


def rebinding(n: int) -> int:
    global MASK
    h: int = 7
    for i in range(n):
        if i == 3:
            MASK = 2**70 - 1
        if i == 6:
            MASK = 0xFFFF
        h = (h * 0x5BD1E995 + i) & MASK
        print("rebinding", i, h)
    MASK = 0xFFFFFFFF
    return h


def lying_mask(n: int) -> int:
    global MASK
    h: int = 3
    try:
        for i in range(n):
            if i == 2:
                MASK = 0.5  # type: ignore[assignment]
            h = (h * 0x5BD1E995) & MASK
            print("lying", i, h)
    except TypeError as error:
        print("TypeError:", error)
    MASK = 0xFFFFFFFF
    return h


def limited(n: int) -> int:
    total: int = 0
    for k in range(n):
        total = (total * 7 + k) & LIMIT
    print("limited", n, total)
    return total


def main() -> None:
    print(hash_loop(100_000))
    print(mask_first(1000))
    print(past_64_bits(2**61 + 12345, 2**61 + 999, 0xFFFF), past_64_bits(-(2**61), 2**61 + 3, 2**40 - 1))
    print(past_64_bits(3, 5, 2**80 - 1), past_64_bits(2**100, 3, 255))
    print(negative_mask(2**40 + 7, 2**20 + 3), negative_mask(2**61 - 1, 2**61 - 1), negative_mask(-(2**61), 3))
    print(sums(2**61 + 2**60, 2**61 + 2**60), sums(-(2**61), -(2**61)), sums(2**61, -(2**61)))
    print(both_wide(2**40 + 1, 2**22 + 5, 2**31 + 1), both_wide(-3, 2**61, 2**31))
    print(rebinding(9))
    print(lying_mask(4))
    print(limited(50))
    del globals()["LIMIT"]
    try:
        print(limited(3))
    except NameError as error:
        print("NameError:", error)


main()
