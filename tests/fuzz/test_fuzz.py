"""The CI share of the fuzzer: a few hundred generated functions, seeded, under CPython and compiled.

Each program costs about 6 s of CPU whatever its size (mypy, the link, wasmtime compiling the
whole module, two interpreter start-ups) and each function about 1 s more (LLVM optimises
most of them: they loop), so the functions go into two large programs, one for each of CI's two
pytest workers: 160 functions here and 100 in test_hypothesis.py (measured on a clean clone,
2 cores: 164 s and 199 s for two programs of 160 functions, which took the suite past 20 minutes;
at 220 and 140 it was 19 min 46 s, too near them). Longer runs are `python -m tests.fuzz`'s.
A failure names the seed; `python -m tests.fuzz --seed N --count 80 --per-program 80 --out fuzz-failures/`
reproduces it and writes the program minimised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.generator import generate_program
from tests.fuzz.harness import compare
from tests.fuzz.minimise import minimise
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.typed_ast import build_typed_program

SEEDS = range(1, 3)
FUNCTIONS_PER_PROGRAM = 80


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_program_matches_cpython(seed: int, tmp_path: Path) -> None:
    script = tmp_path / f"fuzz_{seed}.py"
    script.write_text(generate_program(seed, FUNCTIONS_PER_PROGRAM).source)
    comparison = compare(script)
    assert comparison.valid, "CPython did not finish the generated program: a generator bug"
    assert not comparison.failed, f"seed {seed}: {comparison.first_difference()}"


def test_generation_is_reproducible() -> None:
    assert generate_program(5, 10) == generate_program(5, 10)
    assert generate_program(5, 10).source != generate_program(6, 10).source


def test_generated_typed_functions_are_native(tmp_path: Path) -> None:
    """The programs test native code, not the interpreter: the typed functions compile natively."""
    program = generate_program(1, FUNCTIONS_PER_PROGRAM)
    script = tmp_path / "fuzz_native.py"
    script.write_text(program.source)
    verdicts = {verdict.name: verdict for verdict in check_program(build_typed_program(str(script))).functions}
    typed = [verdicts[name] for name in program.typed_functions]
    native = [verdict for verdict in typed if verdict.native]
    assert len(native) >= 0.9 * len(typed), [line for verdict in typed if not verdict.native for line in verdict.render()]


def test_minimise_keeps_only_what_the_failure_needs() -> None:
    """The delta-debugging loop, with a stand-in for "still fails" (a driver call of f3 and f3's
    definition are present): everything else goes, down to f3's body."""
    source = generate_program(3, 8).source

    candidates: list[str] = []

    def still_fails(candidate: str) -> bool:
        candidates.append(candidate)
        return "check('f3'" in candidate and "def f3(" in candidate

    minimised = minimise(source, still_fails, "stdout line 9: expected b'f3 1', got b'f3 2'", budget_seconds=30)
    assert still_fails(minimised)
    # the first try keeps only f3's driver calls and the functions they reach
    assert "check('f3'" in candidates[0] and "check('f5'" not in candidates[0] and "def f7(" not in candidates[0]
    assert "def f5(" not in minimised and "import math" not in minimised
    assert len(minimised.splitlines()) <= 4, minimised
