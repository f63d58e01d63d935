"""`tpy2wasm run`: compile (cached), then run the module under wasmtime as the program's own process.

The process the user sees behaves as `python3.11 app.py ...` would: everything after the script
is the program's, verbatim (its `-q`, `--help`, `--`); argv and environment pass through as bytes;
the exit status is the program's; Ctrl-C ends it at once, as SIGINT ends python3.11.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
import wasmtime

from tpy2wasm.compiler.cli_common import IncludeOption, StdlibOption, WasiPythonOption, build, fail, steps_for
from tpy2wasm.compiler.discovery import StdlibMode
from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.pipeline import CompileOptions
from tpy2wasm.compiler.runner import Invocation, run_wasi

#: Everything after the script goes to the program untouched, options and `--` included.
RUN_CONTEXT = {"allow_extra_args": True, "ignore_unknown_options": True, "allow_interspersed_args": False}
#: Exit status when a module traps (a tpy2wasm bug: programs must never trap), as abort() gives.
EXIT_TRAP = 134
#: Native stack of the thread running the guest: wasmtime runs Wasm frames on it (up to
#: runner.MAX_WASM_STACK of them), with room for the host calls beneath; as much as a main thread gets.
GUEST_THREAD_STACK = 8 * 1024 * 1024

DirOption = Annotated[
    Optional[list[str]],
    typer.Option("--dir", metavar="HOST[:GUEST]",
                 help="Let the program use the host folder HOST, as GUEST (default: HOST as given); repeatable. "
                      "Nothing is granted by default."),
]


def run(
    context: typer.Context,
    source: Annotated[str, typer.Argument(help="The program's main script; all later arguments go to the program.",
                                          show_default=False)],
    include_module: IncludeOption = None,
    stdlib: StdlibOption = StdlibMode.AUTO,
    wasi_python: WasiPythonOption = None,
    directories: DirOption = None,
    quiet: Annotated[bool, typer.Option("--quiet/--no-quiet", "-q", help="Show no progress (the default).")] = True,
) -> None:
    """Compile SOURCE (cached) and run it under wasmtime with these arguments, stdin and environment.

    tpy2wasm's options go before SOURCE; everything after it is the program's.
    """
    preopened = dict(_granted_directory(spec) for spec in directories or ())
    options = CompileOptions(tuple(include_module or ()), stdlib, wasi_python, decorated_exports=False)
    wasm = build(Path(source), None, options, steps_for(quiet), show_warnings=not quiet)
    invocation = Invocation(argv=[source, *context.args], env=os.environb, preopened=preopened)
    sys.stdout.flush()
    sys.stderr.flush()
    raise typer.Exit(_run_until_interrupted(wasm, invocation))


def _granted_directory(spec: str) -> tuple[str, Path]:
    """`HOST`, `HOST:GUEST` or wasmtime's `HOST::GUEST` -> (guest path, host folder)."""
    host, separator, guest = spec.partition("::") if "::" in spec else spec.partition(":")
    if not Path(host).is_dir():
        fail(CompileError("--dir: no such folder", path=host))
    return (guest if separator else host), Path(host)


def _run_until_interrupted(wasm: Path, invocation: Invocation) -> int:
    """Runs the module on a thread of its own, so that Ctrl-C reaches this one at once.

    Python runs signal handlers only on the main thread, between bytecodes: while a Wasm call
    (compute, or a host call such as the poll_oneoff of time.sleep) runs on the main thread,
    Ctrl-C would wait for it to end. Here the main thread only waits, and SIGINT ends the process.
    """
    outcome: list[int | BaseException] = []

    def guest() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # delivered to the main thread only
        try:
            outcome.append(run_wasi(wasm, invocation))
        except wasmtime.Trap as trap:
            typer.echo(f"tpy2wasm: the module trapped (a tpy2wasm bug): {trap.message}", err=True)
            outcome.append(EXIT_TRAP)
        except BaseException as error:  # re-raised on the main thread
            outcome.append(error)

    default_stack = threading.stack_size(GUEST_THREAD_STACK)
    try:
        thread = threading.Thread(target=guest, name="wasm guest", daemon=True)
        thread.start()
    finally:
        threading.stack_size(default_stack)
    try:
        thread.join()
    except KeyboardInterrupt:
        _end_as_python_does_on_sigint()
    result = outcome[0]
    if isinstance(result, CompileError):
        fail(result)
    if isinstance(result, BaseException):
        raise result
    return result


def _end_as_python_does_on_sigint() -> NoReturn:
    """python3.11, on an uncaught KeyboardInterrupt, prints it and dies by SIGINT (shell status 130).

    The guest's traceback lines cannot be had (the guest is stopped, not unwound); the last line can.
    """
    sys.stderr.write("KeyboardInterrupt\n")
    sys.stderr.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)
    os._exit(128 + signal.SIGINT)  # only if SIGINT is blocked here
