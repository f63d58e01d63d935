"""The native_* differential programs and the property-test program exercise native code, not
CPython: every module-level function in them is native, except the dynamic drivers named
`show` and `main` (they print), and at run time every native function is entered natively,
falling back to its Python version only where the program makes it (EXPECTED_FALLBACKS).

The run-time counts come from `_tpy2wasm.stats()` (wasm_runtime/native_function.c), which the
module prints to stderr as it ends when TPY2WASM_NATIVE_STATS is set: the program runs as the
differential tests build it, so their build serves both.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.differential import compiled, load_case, run_wasmtime
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.typed_ast import build_typed_program

TESTS = Path(__file__).parent
NATIVE_PROGRAMS = [*sorted((TESTS / "programs").glob("native_*.py")), TESTS / "property_data" / "native_ops.py"]
DYNAMIC_HELPERS = {"show", "main"}
#: The fallbacks each program provokes on purpose, per function: "arguments" (a call that does
#: not bind: the Python version raises CPython's TypeError), "depth" (recursion deeper than
#: native code goes, or to the recursion limit: CPython raises there), "rebound" (a name its
#: native code calls without looking it up was rebound, or its code was set: the Python version
#: runs). Any other fallback fails the test.
EXPECTED_FALLBACKS: dict[str, dict[str, set[str]]] = {
    "native_bigint_globals": {"dive": {"depth"}, "typed_dive": {"depth"}},
    "native_deep_mixed": {"countdown": {"depth"}, "through": {"depth"}, "runaway": {"depth"}},
    # Recursion through direct calls past the native depth cap goes on in Python.
    "native_direct_calls": {"depth": {"depth"}, "runaway": {"depth"}},
    "native_depth_register": {"depth_of": {"depth"}},
    # Past the native depth cap, tail loop or not.
    "native_closed_tail_loop": {name: {"depth"} for name in ("factorial", "sum_to", "count_down")},
    # `through_python` alternates with a Python frame: each level's entry from CPython costs more.
    "native_recursion_limit_traceback": {"count": {"depth"}, "through_python": {"depth"}},
    # Called after their code was set, or that of a function they call, on purpose.
    "native_altered_functions": {name: {"rebound"} for name in ("scaled", "with_both")},
    # Called while a name their fast version calls without looking it up was rebound, on purpose.
    "native_rebound_names": {name: {"rebound"} for name in ("fib", "is_even")},
    # Entered while a name their direct calls do not test was rebound or recoded, on purpose;
    # `depth` recurses past native depth.
    "native_closed_calls": {**{name: {"rebound"} for name in ("middle", "top", "fib", "is_even")},
                            "depth": {"depth"}},
    # The calls that do not bind, on purpose; the others bind natively.
    "native_call_binding": {name: {"arguments"} for name in ("scaled", "clamp", "positional", "wide")},
    # Wrong arities, on purpose.
    "native_exact_arity_calls": {name: {"arguments"} for name in ("add", "pick", "keep")},
}
NO_CALLS = {"native": 0, "arguments": 0, "depth": 0, "direct": 0, "rebound": 0}
#: Native functions the program never enters natively, and why. The test fails once they are
#: entered, so that this list shrinks when the runtime learns more.
NEVER_ENTERED = {
    # Its only caller is the native `outer`, which calls it directly, past the counters.
    ("native_interop", "inner"): NO_CALLS,
    # Its only caller is the native `outer`, which calls it directly, past the counters.
    ("native_traceback_carets", "through"): NO_CALLS,
    # Likewise: called only from the native `shaped`.
    ("native_traceback_carets", "call_native"): NO_CALLS,
}
#: Per program, the native functions that other native functions call through their direct entry
#: (counted as native entries too), and those they never do: a call whose global was rebound to
#: another function's native object goes through CPython.
DIRECT_CALLS: dict[str, tuple[set[str], set[str]]] = {
    "native_direct_calls": (
        {"add", "scale", "both", "greet", "nothing", "half", "twice", "divide", "ratio", "depth", "runaway", "target"},
        {"alternative"},
    ),
    "native_direct_calls_uncaught": ({"parse", "scaled"}, set()),
    # `other` is only called where `target` was loaded before the arguments rebound it.
    "native_callee_loads": ({"target", "abs", "bump", "walk"}, {"other"}),
}
#: Functions of these programs that stay in the interpreter on purpose, and why. The test fails
#: once they become native, so that this list shrinks as the compiler learns more.
STAYS_INTERPRETED = {
    ("native_function_attributes", "describe"): "a decorated function",
    **{("native_callee_loads", name): "rebinds or deletes a global function"
       for name in ("rebinding", "deleting", "rebind_walk")},
    **{("native_deep_expressions", name): "more IR operations than the native cap"
       for name in ("unboxed", "deep_unboxed", "too_large_for_boxed")},
    ("native_lambdas_comprehensions", "two_on_a_line"): "two lambdas on a line: which code is whose",
    # The generators, iterators and objects whose lifetimes the native functions show.
    ("native_early_close", "numbers"): "a generator",
    ("native_finally_with", "watched"): "a generator",
    ("native_lifetimes", "make"): "no annotations: the object factory",
    ("native_lifetimes", "things"): "no return annotation: a generator of objects",
    ("native_fast_version", "make"): "no return annotation: values of any type for a typed local",
    **{("native_closed_tail_loop", name): "reads the traceback" for name in ("show_exception", "show_limit")},
    ("native_recursion_limit_traceback", "python_step"): "untyped: a Python frame between native ones",
    ("native_recursion_limit_traceback", "describe"): "untyped: reads the traceback",
    # Untyped on purpose: Python code that rebinds the globals the native functions read.
    **{("native_global_reloads", name): "no return annotation: rebinds a global"
       for name in ("bump", "bump_to_big")},
}
#: Standard input for programs that read theirs and have no .stdin sidecar (one i64 overflow).
STDIN = {"native_ops": b"i 7 -3\ni 9223372036854775807 2\nf 0x1.8p+1 -0x1p-1\nm 5 0x1p+2\n"}
STATS_MARKER = "tpy2wasm-stats:"


@pytest.mark.parametrize("program", NATIVE_PROGRAMS, ids=[path.stem for path in NATIVE_PROGRAMS])
def test_every_kernel_is_native(program: Path) -> None:
    assert _kernels(program), "the program defines no functions"
    kernels = set(_kernels(program))  # module-level functions: the classes that show lifetimes are not kernels
    verdicts = [verdict for verdict in _verdicts(program) if verdict.qualname in kernels]
    not_native = [line for verdict in verdicts if not verdict.native
                  and (program.stem, verdict.name) not in STAYS_INTERPRETED for line in verdict.render()]
    assert not_native == []
    now_native = [verdict.name for verdict in verdicts if verdict.native
                  and (program.stem, verdict.name) in STAYS_INTERPRETED]
    assert now_native == [], "native now: take them off STAYS_INTERPRETED"


@pytest.mark.parametrize("program", NATIVE_PROGRAMS, ids=[path.stem for path in NATIVE_PROGRAMS])
def test_every_kernel_runs_natively(program: Path) -> None:
    stats = _run_with_stats(program)
    expected = EXPECTED_FALLBACKS.get(program.stem, {})
    for name in _kernels(program):
        if (program.stem, name) in STAYS_INTERPRETED:
            assert f"__main__.{name}" not in stats, name
            continue
        counts = stats[f"__main__.{name}"]
        if (program.stem, name) in NEVER_ENTERED:
            assert counts == NEVER_ENTERED[program.stem, name], name
            continue
        assert counts["native"] > 0, f"{name} never entered its native code: {counts}"
        fallbacks = {kind for kind in ("arguments", "depth", "rebound") if counts[kind] > 0}
        assert fallbacks == expected.get(name, set()), f"{name}: {counts}"
    called_directly, never_directly = DIRECT_CALLS.get(program.stem, (set(), set()))
    for name in called_directly:
        assert stats[f"__main__.{name}"]["direct"] > 0, f"{name} was never called directly"
    for name in never_directly:
        assert stats[f"__main__.{name}"]["direct"] == 0, f"{name} was called directly"


def test_there_are_native_programs() -> None:
    assert len(NATIVE_PROGRAMS) >= 4


def _verdicts(program: Path) -> list:  # type: ignore[type-arg]
    report = check_program(build_typed_program(str(program)))
    return [verdict for verdict in report.functions if verdict.name not in DYNAMIC_HELPERS]


def _kernels(program: Path) -> list[str]:
    tree = ast.parse(program.read_text())
    return [node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name not in DYNAMIC_HELPERS]


def _run_with_stats(program: Path) -> dict[str, dict[str, int]]:
    """Runs the program under wasmtime with TPY2WASM_NATIVE_STATS set; the counts it printed."""
    case = load_case(program)
    stdin = STDIN.get(program.stem, case.stdin)
    outcome = run_wasmtime(compiled(case), case, env={**case.full_env, "TPY2WASM_NATIVE_STATS": "1"},
                           stdin=stdin)
    lines = [line for line in outcome.stderr.decode().splitlines() if line.startswith(STATS_MARKER)]
    assert len(lines) == 1, outcome.stderr.decode()
    stats: dict[str, dict[str, int]] = ast.literal_eval(lines[0].removeprefix(STATS_MARKER))
    return stats
