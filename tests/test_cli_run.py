"""`tpy2wasm run` as a process, side by side with `python3.11`: argv and environment bytes, exit
statuses, the program's own options, Ctrl-C, and the folders it may use."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.differential import BASE_ENV

PYTHON = shutil.which("python3.11") or sys.executable
#: The program of most tests: prints what it got, then exits as argv[1] says (a number, or a message).
ECHO_PROGRAM = """\
import os, sys
print(repr(sys.argv))
print(repr(sorted((k, v) for k, v in os.environb.items() if k.startswith(b"T2W_"))))
print(repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("T2W_"))))
if len(sys.argv) > 1 and sys.argv[1].startswith("exit="):
    status = sys.argv[1][5:]
    sys.exit(int(status) if status.isdigit() else status)
"""


def _env(extra: dict[bytes, bytes] | None = None) -> dict[bytes, bytes]:
    env = {**os.environb, **{k.encode(): v.encode() for k, v in BASE_ENV.items()}}
    return {**env, **(extra or {})}


def side_by_side(folder: Path, script: str, *arguments: bytes, env: dict[bytes, bytes] | None = None,
                 run_options: tuple[bytes, ...] = ()) -> tuple[subprocess.CompletedProcess[bytes], ...]:
    """(python3.11 script args, tpy2wasm run [options] script args), both run in `folder`."""
    python = subprocess.run([PYTHON, script, *arguments], cwd=folder, env=_env(env), capture_output=True, timeout=60)
    tpy2wasm = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", *run_options, script, *arguments],
                              cwd=folder, env=_env(env), capture_output=True, timeout=300)
    return python, tpy2wasm


@pytest.fixture(scope="module")
def echo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the echo program's tests, which only read it: it is compiled once (per
    worker), and each other test runs the cached build."""
    folder = tmp_path_factory.mktemp("echo")
    (folder / "echo.py").write_text(ECHO_PROGRAM)
    return folder


def test_undecodable_argv_and_environment_pass_through_as_bytes(echo: Path) -> None:
    env = {b"T2W_BAD": b"\xff\xfe", b"T2W_\xe9": b"latin-1 name", b"T2W_GOOD": "ünïcode".encode()}
    python, tpy2wasm = side_by_side(echo, "echo.py", b"\xff", "é".encode(), b"a\x80b", env=env)
    assert python.returncode == 0, python.stderr
    assert b"\\udcff" in python.stdout and b"b'\\xff\\xfe'" in python.stdout
    assert (tpy2wasm.stdout, tpy2wasm.stderr, tpy2wasm.returncode) == (python.stdout, python.stderr, 0)


@pytest.mark.parametrize("status", ["0", "1", "2", "125", "126", "127", "128", "130", "255", "256", "goodbye"])
def test_every_exit_status_is_the_programs(echo: Path, status: str) -> None:
    python, tpy2wasm = side_by_side(echo, "echo.py", f"exit={status}".encode())
    assert (tpy2wasm.stdout, tpy2wasm.stderr, tpy2wasm.returncode) == (python.stdout, python.stderr, python.returncode)


@pytest.mark.parametrize("arguments", [
    (b"x", b"-q", b"y"), (b"--help",), (b"--", b"-q"), (b"--no-quiet", b"--dir", b"/"), (b"-",),
], ids=["short-option", "help", "double-dash", "run-options", "dash"])
def test_everything_after_the_script_is_the_programs(echo: Path, arguments: tuple[bytes, ...]) -> None:
    python, tpy2wasm = side_by_side(echo, "echo.py", *arguments)
    assert python.returncode == 0
    assert (tpy2wasm.stdout, tpy2wasm.stderr, tpy2wasm.returncode) == (python.stdout, python.stderr, 0)


#: Programs that say "ready" and then never end on their own: compute, and a host call (poll_oneoff).
ENDLESS = {
    "busy-loop": "print('ready', flush=True)\nwhile True:\n    pass\n",
    "sleep": "import time\nprint('ready', flush=True)\ntime.sleep(60)\n",
    "stdin-read": "import sys\nprint('ready', flush=True)\nsys.stdin.read()\n",
}


def _interrupted(command: list[str], folder: Path) -> tuple[int, bytes, float]:
    """Starts `command`, sends SIGINT once it says ready: (exit status, stderr, seconds to end)."""
    process = subprocess.Popen(command, cwd=folder, env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 300)
        assert ready and process.stdout.readline() == b"ready\n", process.stderr.read()
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        interrupted_at = time.monotonic()
        status = process.wait(timeout=10)
        return status, process.stderr.read(), time.monotonic() - interrupted_at
    finally:
        if process.poll() is None:
            process.kill()
        process.stdin.close()  # type: ignore[union-attr]
        process.stdout.close()
        process.stderr.close()


@pytest.mark.parametrize("name", ENDLESS)
def test_ctrl_c_stops_the_program_at_once_as_it_stops_python(tmp_path: Path, name: str) -> None:
    (tmp_path / "endless.py").write_text(ENDLESS[name])
    python_status, python_stderr, _ = _interrupted([PYTHON, "endless.py"], tmp_path)
    status, stderr, seconds = _interrupted([sys.executable, "-m", "tpy2wasm", "run", "endless.py"], tmp_path)
    assert python_status == -signal.SIGINT and python_stderr.endswith(b"\nKeyboardInterrupt\n")
    assert status == python_status
    assert stderr == b"KeyboardInterrupt\n"
    assert seconds < 2


DIR_PROGRAM = """\
import sys
try:
    with open("/data/in.txt") as source:
        text = source.read()
except OSError as error:
    sys.exit(f"cannot read: {type(error).__name__}")
with open("/data/out.txt", "w") as target:
    target.write(text.upper())
print("copied", len(text))
"""


def test_dir_grants_a_folder_to_read_and_write(tmp_path: Path) -> None:
    (tmp_path / "copy_upper.py").write_text(DIR_PROGRAM)
    data = tmp_path / "data"
    data.mkdir()
    (data / "in.txt").write_text("hello, folder\n")
    env = {k.encode(): v.encode() for k, v in BASE_ENV.items()}

    granted = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", "--dir", f"{data}:/data", "copy_upper.py"],
                             cwd=tmp_path, env=_env(env), capture_output=True, timeout=300)
    assert (granted.stdout, granted.stderr, granted.returncode) == (b"copied 14\n", b"", 0)
    assert (data / "out.txt").read_text() == "HELLO, FOLDER\n"

    (data / "out.txt").unlink()
    denied = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", "copy_upper.py"],
                            cwd=tmp_path, env=_env(env), capture_output=True, timeout=300)
    assert (denied.stderr, denied.returncode) == (b"cannot read: FileNotFoundError\n", 1)
    assert not (data / "out.txt").exists()


def test_dir_guest_path_defaults_to_the_host_path_as_given(tmp_path: Path) -> None:
    (tmp_path / "show.py").write_text("print(open('data/in.txt').read(), end='')\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "in.txt").write_text("relative\n")
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", "--dir", "data", "show.py"],
                            cwd=tmp_path, env=_env(), capture_output=True, timeout=300)
    assert (result.stdout, result.returncode) == (b"relative\n", 0), result.stderr


def test_dir_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "show.py").write_text("print(1)\n")
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", "--dir", "nope:/data", "show.py"],
                            cwd=tmp_path, env=_env(), capture_output=True, timeout=300)
    assert (result.stderr, result.returncode) == (b"nope: error: --dir: no such folder\n", 1)


def test_tracebacks_quote_source_lines_of_files_in_a_granted_folder(tmp_path: Path) -> None:
    """A file the program runs from a folder granted with --dir is quoted as python3.11 quotes it
    (its coding cookie, CRLF line ends), though it is none of the program's own sources."""
    (tmp_path / "main.py").write_text("import sys\npath = sys.argv[1]\nexec(compile(open(path, 'rb').read(), path, 'exec'))\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "plugin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\r\ndef fail(word):\r\n    raise ValueError('caf\xe9 ' + word)  # \xe9\r\nfail('x')\r\n")
    expected = subprocess.run([PYTHON, "main.py", "data/plugin.py"], cwd=tmp_path, env=_env(), capture_output=True)
    compiled = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", "--dir", "data", "main.py", "data/plugin.py"],
                              cwd=tmp_path, env=_env(), capture_output=True, timeout=300)
    assert b"raise ValueError('caf\xc3\xa9 ' + word)" in expected.stderr
    assert (compiled.stdout, compiled.stderr, compiled.returncode) == (
        expected.stdout, expected.stderr, expected.returncode)
