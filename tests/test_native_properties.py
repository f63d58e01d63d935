"""Property tests: native int and float operations, and native reads, stores and iteration of
list items, agree with CPython on generated operands and operation sequences.

One compiled module evaluates a batch read from stdin; CPython runs the same program on the
same stdin. i64 edges, float specials, index edges and items of other types are drawn often on
purpose.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.differential import Case, load_case, run_cpython, run_wasmtime
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps

PROGRAM = Path(__file__).parent / "property_data" / "native_ops.py"
LIST_PROGRAM = Path(__file__).parent / "property_data" / "native_list_ops.py"
I64_EDGES = [0, 1, -1, 2**31, 2**53, 2**62, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1]
INTS = st.one_of(st.sampled_from(I64_EDGES), st.integers(-(2**64), 2**64), st.integers(-100, 100))
FLOATS = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -0.0, 5e-324, 1e308]))
LINES = st.one_of(
    st.tuples(st.just("i"), INTS, INTS).map(lambda t: f"i {t[1]} {t[2]}"),
    st.tuples(st.just("f"), FLOATS, FLOATS).map(lambda t: f"f {t[1].hex()} {t[2].hex()}"),
    st.tuples(st.just("m"), INTS, FLOATS).map(lambda t: f"m {t[1]} {t[2].hex()}"),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=50, max_size=200))
def test_native_operations_match_cpython(lines: list[str]) -> None:
    base = load_case(PROGRAM)
    case = Case(base.name, base.script, (), ("\n".join(lines) + "\n").encode(), {}, base.options, None)
    wasm = build_module(PROGRAM, CompileOptions(), SilentSteps())
    expected, actual = run_cpython(case), run_wasmtime(wasm, case)
    assert actual == expected


INDICES = st.one_of(st.integers(-6, 6), st.sampled_from([2**31, -(2**31) - 1, 2**62, -(2**62) - 1, 2**64]))
ITEMS = st.one_of(
    st.integers(-300, 300).map(str), st.sampled_from(["4611686018427387904", "-99999999999999999999", "sx"]),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda x: x.hex()),
)
LIST_OPERATIONS = st.one_of(
    st.tuples(st.sampled_from(["get", "geti"]), st.sampled_from("xy"), INDICES).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    st.tuples(st.sampled_from(["set", "add"]), st.sampled_from("xy"), INDICES, ITEMS).map(
        lambda t: f"{t[0]} {t[1]} {t[2]} {t[3]}"),
    st.tuples(st.just("append"), st.sampled_from("xy"), ITEMS).map(lambda t: f"append {t[1]} {t[2]}"),
    st.tuples(st.sampled_from(["pop", "total", "truth", "indexed"]), st.sampled_from("xy")).map(" ".join),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["alias", "separate"]), st.lists(LIST_OPERATIONS, min_size=20, max_size=120))
def test_native_list_items_match_cpython(aliasing: str, operations: list[str]) -> None:
    base = load_case(LIST_PROGRAM)
    stdin = "\n".join([aliasing, *operations]) + "\n"
    case = Case(base.name, base.script, (), stdin.encode(), {}, base.options, None)
    wasm = build_module(LIST_PROGRAM, CompileOptions(), SilentSteps())
    expected, actual = run_cpython(case), run_wasmtime(wasm, case)
    assert actual == expected
