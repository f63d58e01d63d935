"""The `tpy2wasm` command line: compile, run, explain, bench.

`main` is the entry point: it ends the process with os._exit once every output is written and
flushed, since the interpreter's shutdown after mypy ran costs over a second and does nothing useful.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from tpy2wasm import __version__
from tpy2wasm.compiler.cli_common import (
    IncludeOption, StdlibOption, WasiPythonOption, build, ending_cleanly_on_ctrl_c, fail, steps_for,
)
from tpy2wasm.compiler.cli_run import RUN_CONTEXT, run
from tpy2wasm.compiler.discovery import StdlibMode
from tpy2wasm.compiler.errors import CompileError, syntax_error
from tpy2wasm.compiler.pipeline import CompileOptions
from tpy2wasm.compiler.progress import RichSteps

app = typer.Typer(
    name="tpy2wasm",
    help="Compile Python 3.11 programs into standalone WASI modules.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Show no progress.")]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="A mypy type error that keeps a function out of native code is an error."),
]
ExportOption = Annotated[
    Optional[list[str]],
    typer.Option("--export", help="A typed function of the script to export; the module becomes a reactor (repeatable)."),
]
WhyOption = Annotated[
    Optional[str],
    typer.Option("--why", metavar="MODULE",
                 help="Say why MODULE is in the program (the chain of imports), or why not; write nothing."),
]


def main() -> NoReturn:
    """The `tpy2wasm` command: runs it, flushes its output, and ends the process without interpreter shutdown."""
    try:
        app()
        status = 0
    except SystemExit as exit_request:
        status = _exit_status(exit_request.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: python3.11 ends with 120 then
        status = status or 120
    os._exit(status)


def _exit_status(code: object) -> int:
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tpy2wasm {__version__}")
        raise typer.Exit()


@app.callback()
def commands(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Compile Python 3.11 programs into standalone WASI modules."""


@app.command("compile")
def compile_command(
    source: Annotated[Path, typer.Argument(help="The program's main script.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="The .wasm file to write.",
                                                  show_default=False)] = None,
    html: Annotated[Optional[Path], typer.Option(
        "--html", help="A folder for a web page that runs the program: index.html, the module, our WASI loader.")] = None,
    include_module: IncludeOption = None,
    stdlib: StdlibOption = StdlibMode.AUTO,
    wasi_python: WasiPythonOption = None,
    strict: StrictOption = False,
    export: ExportOption = None,
    why: WhyOption = None,
    quiet: QuietOption = False,
) -> None:
    """Compile SOURCE into one standalone WASI module: a command, or a reactor with exports."""
    options = CompileOptions(tuple(include_module or ()), stdlib, wasi_python, strict, tuple(export or ()))
    if why is not None:
        _explain_inclusion(source, why, options)
    if output is None and html is None:
        fail(CompileError("nothing to write: give -o FILE.wasm, --html DIR, or both"))
    if output is not None and not output:
        fail(CompileError("-o: the output path is empty"))
    module = build(source, None if output is None else Path(output), options, steps_for(quiet), show_warnings=True)
    if html is not None:
        from tpy2wasm.compiler.web import write_site

        try:
            page = write_site(html, module, source.name)
        except CompileError as error:
            fail(error)
        if not quiet:
            typer.echo(f"wrote {page} (tpy2wasm serve {html} shows it)", err=True)
    if output is not None and not quiet:
        typer.echo(f"wrote {output} ({module.stat().st_size / 1e6:.1f} MB)", err=True)


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
        fail(error)
    typer.echo(f"serving {folder} at {web.url_of(server)} (Ctrl-C stops)", err=True)
    web.serve_forever(server)


def _explain_inclusion(source: Path, module: str, options: CompileOptions) -> NoReturn:
    from tpy2wasm.compiler.discovery import find_program_graph
    from tpy2wasm.compiler.pipeline import checked_script
    from tpy2wasm.compiler.toolchain import find_wasi_python
    from tpy2wasm.compiler.why import explain_inclusion

    try:
        script = checked_script(source)
        graph = find_program_graph(script, find_wasi_python(options.wasi_python, RichSteps()),
                                   options.include_modules, options.stdlib)
    except CompileError as error:
        fail(error)
    included, lines = explain_inclusion(graph, module, options.include_modules)
    typer.echo("\n".join(lines))
    raise typer.Exit(0 if included else 1)


app.command(context_settings=RUN_CONTEXT)(run)


class ExplainFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@app.command()
def explain(
    source: Annotated[Path, typer.Argument(help="The program's main script.")],
    output_format: Annotated[ExplainFormat, typer.Option("--format", help="text (mypy-style notes) or json.")] = (
        ExplainFormat.TEXT),
    html: Annotated[Optional[Path], typer.Option(
        "--html", help="Also write FILE: the source annotated, each line shaded by its generic work.")] = None,
) -> None:
    """Say which operations of the native functions take CPython's generic path and why, and why
    the other functions stay interpreted."""
    from tpy2wasm.compiler import explain as explaining

    _check_syntax(source)
    with ending_cleanly_on_ctrl_c():
        explanation = explaining.explain(source)
    if html is not None:
        from tpy2wasm.compiler.explain_html import write_page

        try:
            write_page(html, explanation, source)
        except CompileError as error:
            fail(error)
    typer.echo(explaining.as_json(explanation) if output_format is ExplainFormat.JSON
               else explaining.as_text(explanation), nl=False)


def _check_syntax(source: Path) -> None:
    """The script's syntax error (or unreadable file), reported exactly as `compile` reports it."""
    if not source.is_file():
        fail(CompileError("no such file" if not source.exists() else "not a file", path=source))
    try:
        compile(source.read_bytes(), str(source.resolve()), "exec", dont_inherit=True)
    except SyntaxError as error:
        fail(syntax_error(error, source))
    except OSError as error:
        fail(CompileError(f"cannot read the file: {error.strerror}", path=source))


def _repository_bench() -> Path:
    """bench/programs of the source tree tpy2wasm runs from (a clone, installed editable)."""
    return Path(__file__).resolve().parent.parent / "bench" / "programs"


@app.command()
def bench(
    programs: Annotated[Optional[list[Path]], typer.Argument(help="Programs to measure (default: the suite in bench/).")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="Fewer repetitions: a few minutes on 2 cores.")] = False,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Folder for results.json, and speedup.png if matplotlib is installed ('tpy2wasm[bench]').")] = None,
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
        fail(CompileError("no programs to measure: pass some, or run from a clone with bench/programs/"))
    repetitions = 2 if quick else 5
    console = Console(stderr=True)
    with_chart = importlib.util.find_spec("matplotlib") is not None
    if out is not None and not with_chart:
        typer.echo(f"note: matplotlib is not installed (pip install 'tpy2wasm[bench]'): "
                   f"{out} gets results.json, no speedup.png", err=True)
    try:
        wasi_build = find_wasi_python(wasi_python, RichSteps())
        results = []
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("benchmarks", total=len(scripts) + 1)
            for script in scripts:
                progress.update(task, description=f"measuring {script.stem}")
                results.append(measure(script, wasi_build, repetitions))
                progress.advance(task)
            progress.update(task, description="compile time, size, start-up")
            figures = bench_report.measure_build(wasi_build)
            progress.advance(task)
    except CompileError as error:
        fail(error)
    output = Console()
    output.print(bench_report.results_table(results))
    output.print(bench_report.build_table(figures))
    if out is not None:
        for path in bench_report.write_outputs(out, results, figures, with_chart):
            output.print(f"wrote {path}")
