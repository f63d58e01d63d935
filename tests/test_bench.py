"""`tpy2wasm bench` end to end on a tiny program: every variant runs, outputs are checked,
and the JSON and the chart are written. Speed itself is measured in bench/, never here."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import tpy2wasm
from tpy2wasm.compiler.bench_report import snapshot
from tpy2wasm.compiler.benchmark import CPYTHON_WASM, TPY2WASM, ProgramResult, RunOutput, Timing

TINY = Path(__file__).parent / "bench_data" / "tiny.py"


def test_bench_writes_json_and_chart(tmp_path: Path) -> None:
    result = tpy2wasm("bench", "--quick", "--out", str(tmp_path), str(TINY))
    assert result.returncode == 0, result.stderr
    snapshot = json.loads((tmp_path / "results.json").read_text())
    assert set(snapshot) == {"benchmarks", "build", "machine", "date"}
    [tiny] = snapshot["benchmarks"]
    assert tiny["name"] == "tiny"
    for variant in ("cpython", "cpython_wasm", "tpy2wasm", "c_wasm"):
        assert tiny[variant]["output_matches"], variant
        assert len(tiny[variant]["runs"]) == 2
    assert tiny["c_wasm"]["speedup_over_cpython_wasm"] > 0
    assert snapshot["build"]["hello_wasm_bytes"] > 1_000_000
    assert (tmp_path / "speedup.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_mismatch_is_a_failure_not_a_time() -> None:
    expected = RunOutput(b"1\n", b"", 0)
    assert RunOutput(b"1\n", b"", 0).differences(expected) == []
    assert RunOutput(b"1\n", b"warning\n", 3).differences(expected) == ["stderr", "exit status"]
    result = ProgramResult("p", {CPYTHON_WASM: Timing((2.0,)), TPY2WASM: Timing((0.5,), "stderr not as CPython's")})
    assert result.speedup(TPY2WASM) is None
    benchmarks = snapshot([result], None)["benchmarks"]
    assert isinstance(benchmarks, list)
    [entry] = benchmarks
    assert entry[TPY2WASM] == {"output_matches": False, "failed": "stderr not as CPython's"}
    assert entry[CPYTHON_WASM]["best_seconds"] == 2.0
