"""Measures a typed hot loop in a function that also prints and calls the stdlib: a Collatz
search that reports each new longest chain as it finds it, with the gcd of start and length.
Issue #10's case: the loop must stay native although its function does I/O."""

import math


def search(limit: int) -> int:
    best_len: int = 1
    reports: int = 0
    for start in range(1, limit):
        n: int = start
        length: int = 1
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            length += 1
        if length > best_len:
            best_len = length
            reports += 1
            print(f"start {start}: {length} steps, gcd {math.gcd(start, length)}")
    return reports


def main() -> None:
    print(search(100_000), "reports")


if __name__ == "__main__":
    main()
