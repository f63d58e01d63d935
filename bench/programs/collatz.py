"""Measures a pure integer loop: longest Collatz chain for starts below a bound."""


def chain_length(n: int) -> int:
    length: int = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        length += 1
    return length


def main() -> None:
    best_start: int = 1
    best_len: int = 1
    for n in range(1, 300_001):
        length: int = chain_length(n)
        if length > best_len:
            best_len = length
            best_start = n
    print(best_start)
    print(best_len)


if __name__ == "__main__":
    main()
