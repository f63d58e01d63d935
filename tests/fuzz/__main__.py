"""`python -m tests.fuzz --count 10000 --out fuzz-failures/`: run generated functions in batches,
compare each program under CPython 3.11 and compiled, and write every failing program, minimised,
with both outputs, to the output folder. Progress goes to stdout, one line per program; the
statistics go to results.json in the output folder after each program, and running the same
command again resumes where it stopped (so `--stop-after` cuts a long run into sessions)."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.typed_ast import build_typed_program

from tests.fuzz.generator import generate_program
from tests.fuzz.harness import Comparison, compare
from tests.fuzz.minimise import minimise
from tests.fuzz.run_stats import RunStats, Session, cpu_seconds, source_revision


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="generated functions in all, over every session of the run")
    parser.add_argument("--per-program", type=int, default=40, help="functions batched into one program")
    parser.add_argument("--seed", type=int, default=1, help="seed of a new run's first program; the next ones count up")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="folder for failing programs and results.json")
    parser.add_argument("--minimise-seconds", type=float, default=600, help="time budget to minimise one failure")
    parser.add_argument("--stop-after", type=float, default=None, help="stop starting new programs after this many seconds")
    parser.add_argument("--native-share", action="store_true",
                        help="only measure which share of the typed functions is native (no compiling)")
    arguments = parser.parse_args()
    if arguments.native_share:
        return _measure_native_share(arguments.seed, arguments.count, arguments.per_program)
    stats = RunStats.load_or_start(arguments.out, arguments.per_program, arguments.seed)
    stats.sessions.append(Session(source_revision(), stats.next_seed))
    started = time.monotonic()
    while stats.functions < arguments.count:
        if arguments.stop_after is not None and time.monotonic() - started > arguments.stop_after:
            break
        status = _check_seed(stats, arguments.out, arguments.minimise_seconds)
        elapsed = time.monotonic() - started
        print(f"[{elapsed:7.0f}s] seed {stats.next_seed - 1}: {stats.functions_per_program} functions, {status} "
              f"({stats.functions}/{arguments.count} done, {len(stats.failed_seeds)} failed)", flush=True)
    print(stats.summary(), flush=True)


def _check_seed(stats: RunStats, out: Path, minimise_seconds: float) -> str:
    """Checks the program of `stats.next_seed`, records its outcome in `stats` (saved) and says it."""
    seed, wall, cpu = stats.next_seed, time.monotonic(), cpu_seconds()
    program = generate_program(seed, stats.functions_per_program)
    folder = out / f"seed_{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "program.py"
    script.write_text(program.source)
    comparison = compare(script)
    if not comparison.valid:
        stats.skipped_seeds.append(seed)
        status = "skipped: CPython timed out"
    elif comparison.platform_difference:
        stats.platform_seeds.append(seed)
        status = f"skipped: a 32-bit platform difference: {comparison.first_difference()}"
    elif comparison.failed:
        stats.failed_seeds.append(seed)
        status = f"FAILED ({comparison.kind}): {comparison.first_difference()}"
        _record_failure(folder, program.source, comparison, minimise_seconds)
    else:
        status = "ok"
    if not comparison.failed:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
    stats.next_seed += 1
    stats.programs += 1
    stats.functions += stats.functions_per_program
    stats.wall_seconds += time.monotonic() - wall
    stats.cpu_seconds += cpu_seconds() - cpu
    stats.sessions[-1].programs += 1
    stats.save(out)
    return status


def _measure_native_share(first_seed: int, count: int, per_program: int) -> None:
    native = typed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(first_seed, first_seed + max(1, count // per_program)):
            program = generate_program(seed, per_program)
            script = Path(scratch) / f"fuzz_{seed}.py"
            script.write_text(program.source)
            verdicts = {verdict.name: verdict for verdict in check_program(build_typed_program(str(script))).functions}
            for name in program.typed_functions:
                typed += 1
                native += verdicts[name].native
    print(f"{native} of {typed} typed generated functions native ({100 * native / typed:.1f}%)")


def _record_failure(folder: Path, source: str, comparison: Comparison, budget: float) -> None:
    """Writes the minimised program beside the original, with both outputs of each."""
    _write_outputs(folder / "program", comparison)

    def still_fails(candidate: str) -> bool:
        trial = folder / "candidate.py"
        trial.write_text(candidate)
        return compare(trial).same_failure_as(comparison)

    minimised = minimise(source, still_fails, comparison.first_difference(), budget)
    (folder / "candidate.py").unlink(missing_ok=True)
    script = folder / "minimised.py"
    script.write_text(minimised)
    _write_outputs(folder / "minimised", compare(script))


def _write_outputs(stem: Path, comparison: Comparison) -> None:
    if comparison.expected is not None:
        stem.with_name(stem.name + ".cpython.txt").write_text(comparison.expected.describe())
    compiled = comparison.build_error or (comparison.actual.describe() if comparison.actual else "timed out")
    stem.with_name(stem.name + ".compiled.txt").write_text(f"{comparison.first_difference()}\n{compiled}")


if __name__ == "__main__":
    main()
