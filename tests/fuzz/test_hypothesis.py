"""Hypothesis makes the fuzz generator's choices: small typed functions (int, float and bool
arithmetic, comparisons, loops, calls, prints, exceptions, lying callers), run under CPython 3.11
and compiled, output compared byte for byte.

The strategy is the seeded generator's own (`program_from`), with hypothesis's Random for the
program's shape (which functions are typed, boxed or recursive, the arguments and lies of the
driver) and a drawn seed for each function's body: that keeps its choices within hypothesis's
budget for dozens of functions. A program is one compile (a link and a module: seconds), so
each example batches many functions, and there is no shrink phase, whose every step would be
such a compile; a failing example is replayed first on the next run (hypothesis's database),
and its program is kept in pytest's temporary folder for `tests.fuzz.minimise`.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.generator import Program, program_from
from tests.fuzz.harness import compare

FUNCTIONS_PER_PROGRAM = 50  # near 80 the choices outgrow what hypothesis lets one example draw
#: 2 in CI (measured: 6 min 15 s wall, both tests, on 2 cores shared with 5 other sessions);
#: FUZZ_HYPOTHESIS_PROGRAMS=50 for a longer run
PROGRAMS = int(os.environ.get("FUZZ_HYPOTHESIS_PROGRAMS", "2"))


@st.composite
def programs(draw: st.DrawFn, function_count: int) -> Program:
    rng = draw(st.randoms(use_true_random=False))
    return program_from(rng, function_count, "hypothesis",
                        lambda: random.Random(draw(st.integers(0, 2**32 - 1))))


@settings(max_examples=PROGRAMS, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example, HealthCheck.function_scoped_fixture])
@given(program=programs(FUNCTIONS_PER_PROGRAM))
def test_hypothesis_programs_match_cpython(program: Program, tmp_path: Path) -> None:
    # one file for every example: the last one written is the failing one, which hypothesis runs last
    script = tmp_path / "fuzz_hypothesis.py"
    script.write_text(program.source)
    comparison = compare(script)
    assert comparison.valid, "CPython did not finish the generated program: a generator bug"
    assert not comparison.failed, f"{script}: {comparison.first_difference()}"


def test_hypothesis_strategy_gives_typed_functions() -> None:
    """The examples are programs of typed functions (not all interpreted): the drawn shapes
    keep the generator's mix."""
    sources: list[Program] = []

    @settings(max_examples=5, deadline=None, database=None, phases=(Phase.generate,))
    @given(programs(20))
    def collect(program: Program) -> None:
        sources.append(program)

    collect()
    assert len(sources) == 5
    for program in sources:
        assert program.source.count("\ndef f") == 20
        assert program.typed_functions, program.source
