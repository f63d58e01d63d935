"""A 1,200-line generated typed program (bench/gen_large_program.py; 50,000 lines is the
measured case) compiles and runs exactly as under CPython."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.differential import assert_same, load_case, run_cpython, run_wasmtime
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps

GENERATOR = Path(__file__).parent.parent / "bench" / "gen_large_program.py"


def test_a_large_generated_program_compiles_and_runs_as_cpython(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_large_program", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    script = tmp_path / "large.py"
    script.write_text(generator.generate(1200))
    assert len(script.read_text().splitlines()) >= 1100
    case = load_case(script)
    expected = run_cpython(case)
    assert expected.exit_code == 0 and expected.stdout.count(b"\n") > 20
    wasm = build_module(script, CompileOptions(), SilentSteps())
    assert_same(expected, run_wasmtime(wasm, case))
