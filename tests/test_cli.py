"""The command line as a user meets it: exit codes, one-line errors, no partial output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.differential import BASE_ENV

EXAMPLES = Path(__file__).parent.parent / "examples"


def tpy2wasm(*arguments: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tpy2wasm", *arguments], input=stdin, capture_output=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = tpy2wasm("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("tpy2wasm 0.")


def test_compile_writes_a_module_that_runs_alone(tmp_path: Path) -> None:
    output = tmp_path / "hello.wasm"
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(output), "-q")
    assert result.returncode == 0, result.stderr
    assert output.read_bytes()[:4] == b"\0asm"
    assert [p.name for p in tmp_path.iterdir()] == ["hello.wasm"]


def test_run_passes_argv_stdin_environment_and_exit_code(tmp_path: Path) -> None:
    script = tmp_path / "echo.py"
    script.write_text(
        "import os, sys\n"
        "print(sys.argv[1:], os.environ['GREETING'], sys.stdin.read().upper())\n"
        "sys.exit(7)\n"
    )
    result = tpy2wasm("run", str(script), "a", "--b", stdin=b"stdin text", env={**BASE_ENV, "GREETING": "hi"})
    assert result.stdout == b"['a', '--b'] hi STDIN TEXT\n"
    assert result.returncode == 7


@pytest.mark.parametrize(
    ("make_source", "expected"),
    [
        (lambda d: d / "missing.py", "missing.py: error: no such file"),
        (lambda d: d, "error: not a file"),
    ],
    ids=["missing", "directory"],
)
def test_bad_source_is_one_line_and_leaves_no_output(tmp_path: Path, make_source, expected: str) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "out.wasm"
    result = tpy2wasm("compile", str(make_source(tmp_path)), "-o", str(output))
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(expected), lines
    assert not output.exists()


def test_output_in_a_missing_folder(tmp_path: Path) -> None:
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(tmp_path / "nope" / "out.wasm"))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        f"{tmp_path / 'nope' / 'out.wasm'}: error: cannot write the output: folder {tmp_path / 'nope'} does not exist"
    )


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("x = 1\nif x\n    print(x)\n")
    output = tmp_path / "out.wasm"
    result = tpy2wasm("compile", str(script), "-o", str(output))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"{script.resolve()}:2:5: error: SyntaxError: expected ':'"
    assert list(tmp_path.iterdir()) == [script]


def test_output_file_has_ordinary_permissions(tmp_path: Path) -> None:
    output = tmp_path / "hello.wasm"
    assert tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(output), "-q").returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o666 & ~umask


def test_explain_prints_mypy_style_notes_and_a_summary(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("def square(x: int) -> int:\n    return x * x\n\n\ndef greet(name):\n    print(name)\n\n\n"
                      "def show(x: int) -> None:\n    print(square(x))\n")
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", "app.py"], cwd=tmp_path,
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "app.py:1: note: square() is native",
        "app.py:5: note: greet() is not native: parameter 'name' has no annotation",
        "app.py:5: note: greet() is not native: return has no annotation",
        "app.py:10: note: show() is native on boxed values: calls print",
        "2 of 3 functions native, 1 of them on boxed values",
    ]
    as_json = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", "--format", "json", "app.py"],
                             cwd=tmp_path, capture_output=True, timeout=300)
    assert json.loads(as_json.stdout)["native"] == 2


def test_internal_errors_say_so_with_file_line_and_how_to_report() -> None:
    from tpy2wasm.compiler.errors import CompileError

    error = CompileError("KeyError: 'x'", path="app.py", line=1, internal=True)
    assert error.render() == "app.py:1: error: internal compiler error: KeyError: 'x'"
