"""Golden tests of every message for bad or doubtful input, as the user sees it.

tests/diagnostics/NAME[.VARIANT].expected holds the command on its first line (`compile`,
`compile --strict`, `explain` or `mypy`, then the expected exit code), then the exact lines
printed (stderr for compile, stdout for explain and mypy). Each runs in a scratch folder
holding a copy of NAME.py, so paths print as the user typed them and no output is left over.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DIAGNOSTICS = Path(__file__).parent / "diagnostics"
EXPECTATIONS = sorted(DIAGNOSTICS.glob("*.expected"))


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=[path.stem for path in EXPECTATIONS])
def test_message(expectation: Path, tmp_path: Path) -> None:
    command_line, *expected_lines = expectation.read_text().splitlines()
    *command, expected_exit = command_line.split()
    source = DIAGNOSTICS / f"{expectation.name.split('.')[0]}.py"
    shutil.copy(source, tmp_path / source.name)
    if command[0] == "mypy":
        (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = tpy2wasm.mypy_plugin\n")
        arguments = [sys.executable, "-m", "mypy", "--no-incremental", source.name]
    elif command[0] == "compile":
        arguments = [sys.executable, "-m", "tpy2wasm", "compile", "-q", *command[1:], source.name, "-o", "out.wasm"]
    else:
        arguments = [sys.executable, "-m", "tpy2wasm", *command, source.name]
    result = subprocess.run(arguments, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "TERM": "dumb"})
    printed = result.stderr if command[0] == "compile" else result.stdout
    assert printed.splitlines() == expected_lines, f"exit {result.returncode}, stderr:\n{result.stderr}"
    assert result.returncode == int(expected_exit)
    assert (tmp_path / "out.wasm").exists() == (command[0] == "compile" and expected_exit == "0")
