"""The command line as a user meets it: exit codes, one-line errors, no partial output."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
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
        "app.py:5: note: greet() stays interpreted: parameter 'name' has no annotation",
        "app.py:5: note: greet() stays interpreted: return has no annotation",
        "app.py:9: note: show() is native",
        "app.py:10: note: print(...) takes the generic path: a call into CPython",
        "2 of 3 functions native, 1 operation in them on the generic path",
    ]
    as_json = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", "--format", "json", "app.py"],
                             cwd=tmp_path, capture_output=True, timeout=300)
    assert json.loads(as_json.stdout)["native"] == 2


def test_internal_errors_say_so_with_file_line_and_how_to_report() -> None:
    from tpy2wasm.compiler.errors import CompileError

    error = CompileError("KeyError: 'x'", path="app.py", line=1, internal=True)
    assert error.render() == "app.py:1: error: internal compiler error: KeyError: 'x'"


#: The steps of a first setup, which the first compile on an empty cache prints before anything
#: else (in a test run, whichever test comes first): done steps, not errors.
_FIRST_SETUP_STEPS = ("✓ Downloading CPython 3.11 for WASI", "✓ Fetching CPython 3.11 for WASI",
                      "✓ Extracting CPython 3.11 for WASI", "✓ Building the C library")


def _one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = [line for line in result.stderr.decode().splitlines() if not line.startswith(_FIRST_SETUP_STEPS)]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("target", ["script", "module", "hard-link", "symlink"])
def test_output_never_replaces_a_source_file(tmp_path: Path, target: str) -> None:
    script = tmp_path / "app.py"
    script.write_text("import helper\nhelper.greet()\n")
    module = tmp_path / "helper.py"
    module.write_text("def greet() -> None:\n    print('hi')\n")
    sources = {path: path.read_bytes() for path in (script, module)}
    output = {"script": script, "module": module, "hard-link": tmp_path / "linked.wasm",
              "symlink": tmp_path / "pointer.wasm"}[target]
    if target == "hard-link":
        os.link(module, output)
    elif target == "symlink":
        output.symlink_to(script)
    result = tpy2wasm("compile", str(script), "-o", str(output), "-q")
    assert result.returncode == 1
    assert "error: cannot write the output over" in _one_error_line(result)
    assert {path: path.read_bytes() for path in sources} == sources
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["app.py", "helper.py", *([output.name] if target in ("hard-link", "symlink") else [])])


def test_output_that_is_a_folder_or_empty(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    as_folder = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(folder), "-q")
    assert (as_folder.returncode, _one_error_line(as_folder)) == (
        1, f"{folder}: error: cannot write the output: it is a folder")
    empty = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", "", "-q")
    assert (empty.returncode, _one_error_line(empty)) == (1, "error: -o: the output path is empty")
    assert list(folder.iterdir()) == []


def test_output_in_a_folder_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    as_root = os.geteuid() == 0  # root writes to any folder, except an immutable one
    if as_root:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(folder / "h.wasm"), "-q")
        assert list(folder.iterdir()) == []
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    cause = "Operation not permitted" if as_root else "Permission denied"
    assert (result.returncode, _one_error_line(result)) == (
        1, f"{folder / 'h.wasm'}: error: cannot write the file: {cause}")


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1) for a private read-only mount")
def test_output_on_a_read_only_file_system(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    if subprocess.run(["unshare", "-rm", "mount", "-t", "tmpfs", "-o", "ro", "tmpfs", str(folder)]).returncode != 0:
        pytest.skip("no private mounts here")
    command = (f"mount -t tmpfs -o ro tmpfs {folder} && exec {sys.executable} -m tpy2wasm compile "
               f"{EXAMPLES / 'hello.py'} -o {folder / 'h.wasm'} -q")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", command], capture_output=True, timeout=300)
    assert (result.returncode, _one_error_line(result)) == (
        1, f"{folder / 'h.wasm'}: error: cannot write the file: Read-only file system")


def test_output_larger_than_the_disk_allows(tmp_path: Path) -> None:
    """A full disk, as far as one process can tell: the file-size limit makes writes fail (EFBIG)."""
    output = tmp_path / "h.wasm"
    assert tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(output), "-q").returncode == 0  # cache warm
    output.unlink()

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    result = subprocess.run(
        [sys.executable, "-m", "tpy2wasm", "compile", str(EXAMPLES / "hello.py"), "-o", str(output), "-q"],
        capture_output=True, timeout=300, preexec_fn=limit_file_size,
    )
    assert (result.returncode, _one_error_line(result)) == (1, f"{output}: error: cannot write the file: File too large")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_cache_is_one_line_naming_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file, not a folder")
    script = tmp_path / "app.py"
    script.write_text("print('cache')\n")
    result = tpy2wasm("compile", str(script), "-o", str(tmp_path / "app.wasm"), "-q",
                      env={"TPY2WASM_CACHE": str(cache), "TPY2WASM_WASI_PYTHON": str(_wasi_python())})
    line = _one_error_line(result)
    assert result.returncode == 1
    assert line.startswith(f"{cache}/"), line
    assert line.endswith((": error: cannot write the file: Not a directory",
                          ": error: cannot create the folder: Not a directory")), line


def _wasi_python() -> Path:
    from tpy2wasm.compiler.progress import SilentSteps
    from tpy2wasm.compiler.toolchain import find_wasi_python

    return find_wasi_python(None, SilentSteps()).root


def test_missing_wasi_python_folder_is_one_line(tmp_path: Path) -> None:
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "-o", str(tmp_path / "h.wasm"),
                      "--wasi-python", str(tmp_path / "nope"))
    assert (result.returncode, _one_error_line(result)) == (
        1, f"error: the CPython-for-WASI build at {tmp_path / 'nope'} does not exist")


def test_ctrl_c_during_compile_leaves_nothing_and_says_so(tmp_path: Path) -> None:
    """The compile blocks reading a file of the CPython build that is a FIFO, so Ctrl-C surely lands mid-compile."""
    stalled_build = _build_with_a_fifo_for_config_c(_wasi_python(), tmp_path / "wasi-python")
    output = tmp_path / "app.wasm"
    process = subprocess.Popen([sys.executable, "-m", "tpy2wasm", "compile", str(EXAMPLES / "hello.py"),
                                "-o", str(output), "--wasi-python", str(stalled_build)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        writer = _writer_once_read(stalled_build / "lib/python3.11/config-3.11-wasm32-wasi/config.c", process)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        os.close(writer)
    finally:
        if process.poll() is None:
            process.kill()
    assert (process.returncode, stderr) == (130, b"tpy2wasm: interrupted; nothing was written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wasi-python"]


def _build_with_a_fifo_for_config_c(build: Path, copy: Path) -> Path:
    """A stand-in for `build` made of links to its files, except config.c, which is a FIFO."""
    config_c = Path("lib/python3.11/config-3.11-wasm32-wasi/config.c")
    for part in reversed(config_c.parents):
        (copy / part).mkdir(parents=True, exist_ok=True)
        for entry in (build / part).iterdir():
            if not (copy / part / entry.name).exists() and Path(part / entry.name) not in config_c.parents:
                (copy / part / entry.name).symlink_to(entry)
    (copy / config_c).unlink(missing_ok=True)
    os.mkfifo(copy / config_c)
    return copy


def _writer_once_read(fifo: Path, reader: subprocess.Popen[bytes]) -> int:
    """Opens `fifo` for writing once `reader` opened it to read; it then blocks reading (until EOF)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            assert time.monotonic() < deadline and reader.poll() is None
            time.sleep(0.05)


@pytest.mark.parametrize("source", [b"x = 1\nif x\n    print(x)\n", b"\x7fELF\x02\x01\x00\x00binary", b"print('\xff')\n"],
                         ids=["syntax-error", "binary", "not-utf-8"])
def test_explain_reports_bad_source_as_compile_does(tmp_path: Path, source: bytes) -> None:
    (tmp_path / "app.py").write_bytes(source)
    compiled = subprocess.run([sys.executable, "-m", "tpy2wasm", "compile", "app.py", "-o", "app.wasm"],
                              cwd=tmp_path, capture_output=True, timeout=300)
    explained = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", "app.py"],
                               cwd=tmp_path, capture_output=True, timeout=300)
    assert compiled.returncode == 2 and _one_error_line(compiled).startswith("app.py:")
    assert (explained.returncode, explained.stdout) == (2, b"")
    assert explained.stderr.decode().splitlines() == [_one_error_line(compiled)]
