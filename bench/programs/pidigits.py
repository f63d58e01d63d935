"""Measures arbitrary-precision integer arithmetic: the unbounded spigot for pi digits."""


def pidigits(limit: int) -> None:
    i: int = 0
    k: int = 0
    ns: int = 0
    k1: int = 1
    n: int = 1
    a: int = 0
    d: int = 1
    while i < limit:
        k += 1
        t: int = n << 1
        n *= k
        a += t
        k1 += 2
        a *= k1
        d *= k1
        if a >= n:
            q: int = (n * 3 + a) // d
            u: int = (n * 3 + a) % d + n
            if d > u:
                ns = ns * 10 + q
                i += 1
                if i % 10 == 0:
                    print(f"{ns:010d}\t:{i}")
                    ns = 0
                a -= d * q
                a *= 10
                n *= 10
    if i % 10 != 0:
        digits: str = str(ns).rjust(i % 10, "0")
        print(digits.ljust(10) + "\t:" + str(i))


def main() -> None:
    pidigits(5000)


if __name__ == "__main__":
    main()
