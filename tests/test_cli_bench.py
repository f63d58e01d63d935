"""`tpy2wasm bench --out` after a plain install: matplotlib (an optional extra) is not there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.test_bench import TINY

#: tpy2wasm started with matplotlib made unimportable, as in an install without the `bench` extra.
WITHOUT_MATPLOTLIB = "import sys; sys.modules['matplotlib'] = None; from tpy2wasm.compiler.cli import main; main()"


def test_bench_out_without_matplotlib_writes_the_json_and_says_why_no_chart(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WITHOUT_MATPLOTLIB, "bench", "--quick", "--out", str(tmp_path),
                             str(TINY)], capture_output=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    stderr = result.stderr.decode()
    assert stderr.startswith(f"note: matplotlib is not installed (pip install 'tpy2wasm[bench]'): {tmp_path} gets "
                             "results.json, no speedup.png\n"), stderr
    assert [path.name for path in tmp_path.iterdir()] == ["results.json"]
    assert json.loads((tmp_path / "results.json").read_text())["benchmarks"][0]["name"] == "tiny"


def test_bench_help_says_the_chart_needs_matplotlib() -> None:
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "bench", "--help"], capture_output=True, timeout=60,
                            env={"COLUMNS": "200", "PATH": ""})
    assert "speedup.png if matplotlib is installed" in result.stdout.decode()
