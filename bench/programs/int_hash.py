"""Measures masked 32-bit integer arithmetic: a multiply/xor/shift hash loop."""

MASK: int = 0xFFFFFFFF


def hash_loop(n: int) -> int:
    h: int = 2166136261
    for i in range(n):
        h = ((h * 31) + i) & MASK
        h = h ^ (h >> 13)
        h = (h ^ (h << 7)) & MASK
        h = (h * 0x5BD1E995) & MASK
    return h


def main() -> None:
    print(hash_loop(8_000_000))


if __name__ == "__main__":
    main()
