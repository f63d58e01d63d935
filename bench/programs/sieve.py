"""Measures list indexing and stores: sieve of Eratosthenes over a list[bool]."""


def sieve(limit: int) -> list[bool]:
    is_prime: list[bool] = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i: int = 2
    while i * i <= limit:
        if is_prime[i]:
            j: int = i * i
            while j <= limit:
                is_prime[j] = False
                j += i
        i += 1
    return is_prime


def count_primes(flags: list[bool]) -> int:
    count: int = 0
    for f in flags:
        if f:
            count += 1
    return count


def main() -> None:
    flags: list[bool] = sieve(5_000_000)
    print(count_primes(flags))


if __name__ == "__main__":
    main()
