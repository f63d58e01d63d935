"""List indexes in native loops that codegen/nonnegative_words.py must not take for never
negative (and those it may): differences, negations, remainders and floor divisions by negative
numbers, `&` and `>>` of negative numbers, counted loops starting below zero or stepping down,
a parameter, a local a loop later decrements, and `range` rebound to yield negative numbers
(the fast version goes on in the generic one where a loop does not count)."""


def signs(xs: list[int], n: int, start: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(xs[i] + xs[i - 5] + xs[-1 - i] + xs[i % -3] + xs[i // -2] + xs[~i] + xs[i & -4])
        out.append(xs[(i - 6) >> 1] + xs[3 * i % 5] + xs[i // 2] + xs[i & 7] + xs[start])
    for j in range(-3, 3):
        out.append(xs[j])
    for k in range(n - 1, -1, -2):
        out.append(xs[k] * 10 + xs[k - n])
    m = n
    while m > -n:
        out.append(xs[m - 1])
        m -= 3
    return out


def squares(xs: list[float], n: int) -> float:
    total = 0.0
    i = 2
    while i * i < n:
        total += xs[i * i] + xs[i]
        i += 1
    return total


def attempt(label: str, thunk: object) -> None:
    try:
        print(label, repr(thunk()))  # type: ignore[operator]
    except Exception as error:
        print(label, type(error).__name__, error)


def main() -> None:
    xs = list(range(100, 120))
    attempt("signs", lambda: signs(xs, 8, -2))
    attempt("signs past the end", lambda: signs(xs, 12, 3))
    attempt("squares", lambda: squares([0.5 * k for k in range(30)], 30))
    globals()["range"] = lambda *args: [-1, -2, -3]  # a loop that does not count: negative items
    attempt("rebound range", lambda: signs(xs, 8, 0))
    del globals()["range"]
    attempt("range again", lambda: signs(xs, 4, 0)[:6])
    total = 0
    for rounds in range(300):
        total += sum(signs(xs, 8, rounds % 20))
    print(total)


main()
