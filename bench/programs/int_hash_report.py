"""Measures masked integer arithmetic in a function that also prints: the int_hash loop, which
reports its state every million steps. Its products pass 63 bits before the mask brings them
back, so the loop stays fast only if those stay exact machine integers (codegen/wide_words.py)."""

MASK: int = 0xFFFFFFFF


def hash_loop(n: int) -> int:
    h: int = 2166136261
    for i in range(n):
        h = ((h * 31) + i) & MASK
        h = h ^ (h >> 13)
        h = (h ^ (h << 7)) & MASK
        h = (h * 0x5BD1E995) & MASK
        if i % 1_000_000 == 999_999:
            print(f"step {i + 1}: {h:08x}")
    return h


def main() -> None:
    print(hash_loop(8_000_000))


if __name__ == "__main__":
    main()
