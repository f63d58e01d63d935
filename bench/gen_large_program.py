"""Writes a large, deterministic typed program, to measure how the compiler scales with size.

Usage: python bench/gen_large_program.py LINES OUT.py

The program is many small module-level functions of the kinds real typed code has: int and
float kernels with loops and branches, typed ones that print and format strings, and
untyped ones that stay in the interpreter; `main()` calls a sample of them and prints results,
so a compiled module can be checked against python3.11.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable


def _int_kernel(name: str, rng: random.Random) -> list[str]:
    a, b, m = rng.randint(1, 9), rng.randint(1, 9), rng.randint(50, 999)
    return [f"def {name}(n: int) -> int:",
            f"    total = {a}",
            "    for i in range(n):",
            f"        if i % {b + 1} == 0:",
            f"            total = (total * {a} + i) % {m}",
            "        else:",
            f"            total += i // {b}",
            "    return total"]


def _float_kernel(name: str, rng: random.Random) -> list[str]:
    scale = rng.randint(2, 20)
    return [f"def {name}(x: float, steps: int) -> float:",
            "    acc = 0.0",
            "    k = 0",
            "    while k < steps:",
            f"        acc += x / (k + {scale}.0)",
            "        k += 1",
            "    return acc"]


def _printer(name: str, rng: random.Random) -> list[str]:
    word = rng.choice(["alpha", "beta", "gamma", "delta"])
    return [f"def {name}(n: int, label: str) -> str:",
            f"    text = label + \"-{word}-\" + str(n)",
            "    if n % 2 == 0:",
            "        print(text.upper())",
            "    return text[:12]"]


def _untyped(name: str, rng: random.Random) -> list[str]:
    offset = rng.randint(0, 9)
    return [f"def {name}(items):",
            f"    return sorted(item + {offset} for item in items)"]


_KINDS: list[tuple[Callable[[str, random.Random], list[str]], str]] = [
    (_int_kernel, "print({name}({arg}))"),
    (_float_kernel, "print(round({name}(1.5, {arg}), 6))"),
    (_printer, "print({name}({arg}, 'x'))"),
    (_untyped, "print({name}([{arg}, 1, 2]))"),
]


def generate(lines: int, seed: int = 12) -> str:
    """About `lines` lines of source; the same text for the same arguments."""
    rng = random.Random(seed)
    body: list[str] = []
    calls: list[str] = []
    index = 0
    while len(body) + len(calls) < lines - 4:
        make, call = _KINDS[index % len(_KINDS)]
        name = f"{make.__name__.strip('_')}_{index}"
        body += [*make(name, rng), ""]
        if index % 7 == 0:
            calls.append("    " + call.format(name=name, arg=index % 13 + 3))
        index += 1
    return "\n".join([*body, "def main() -> None:", *calls, "", "main()", ""])


if __name__ == "__main__":
    target_lines, out_path = int(sys.argv[1]), sys.argv[2]
    with open(out_path, "w") as out:
        out.write(generate(target_lines))
