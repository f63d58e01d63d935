"""Measures dict[str, int] counting plus string join/split/slice/format and sorting."""

SYLLABLES: list[str] = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu"]


def make_word(x: int) -> str:
    parts: list[str] = []
    n: int = 1 + x % 3
    x = x // 3
    for _ in range(n):
        parts.append(SYLLABLES[min(x % 10, (x // 10) % 10)])
        x = x // 100
    return "".join(parts)


def generate_text(n: int) -> str:
    words: list[str] = []
    state: int = 12345
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        words.append(make_word(state >> 4))
    return " ".join(words)


def count_words(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def pairs(words: list[str]) -> list[str]:
    out: list[str] = []
    for i in range(1, len(words)):
        out.append(words[i - 1] + "+" + words[i])
    return out


def count_prefixes(counts: dict[str, int]) -> dict[str, int]:
    prefixes: dict[str, int] = {}
    for w in counts:
        p: str = w[:2].upper()
        if p in prefixes:
            prefixes[p] += counts[w]
        else:
            prefixes[p] = counts[w]
    return prefixes


def ranked(counts: dict[str, int]) -> list[str]:
    keys: list[str] = []
    for w in counts:
        keys.append(f"{10_000_000 - counts[w]:08d}:{w}")
    keys.sort()
    return keys


def main() -> None:
    text: str = generate_text(600_000)
    words: list[str] = text.split(" ")
    counts: dict[str, int] = count_words(words)
    pair_counts: dict[str, int] = count_words(pairs(words))
    print(f"chars={len(text)} distinct={len(counts)} pairs={len(pair_counts)}")
    top_pairs: list[str] = []
    for key in ranked(pair_counts)[:3]:
        top_pairs.append(key[9:] + "=" + str(pair_counts[key[9:]]))
    print(" ".join(top_pairs))
    for key in ranked(counts)[:5]:
        fields: list[str] = key.split(":")
        print(f"{fields[1]:>8} {10_000_000 - int(fields[0])}")
    prefixes: dict[str, int] = count_prefixes(counts)
    line: list[str] = []
    for key in ranked(prefixes)[:4]:
        line.append(f"{key.split(':')[1]}={prefixes[key[9:]]}")
    print(", ".join(line))


if __name__ == "__main__":
    main()
