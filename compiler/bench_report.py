"""What `tpy2wasm bench` shows and writes: the rich table, the JSON snapshot, the PNG chart,
and the build figures (compile time cold and warm, module size, start-up time).
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from rich.table import Table

from tpy2wasm.compiler.benchmark import C_WASM, CPYTHON_WASM, NATIVE_CPYTHON, TPY2WASM, VARIANTS, ProgramResult
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import WasiPython

_LABELS = {
    NATIVE_CPYTHON: "CPython (native)",
    CPYTHON_WASM: "CPython-in-Wasm",
    TPY2WASM: "tpy2wasm",
    C_WASM: "C → Wasm",
}
_HELLO = 'print("Hello, WebAssembly!")\n'


@dataclass(frozen=True)
class BuildFigures:
    compile_cold_seconds: float
    compile_warm_edit_seconds: float
    hello_wasm_bytes: int
    startup_seconds: float


def measure_build(build: WasiPython) -> BuildFigures:
    """Compile times for hello world with an empty tpy2wasm cache, then after an edit; start-up
    (instantiate and run an empty program, machine code cached) best of five."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        script = folder / "hello.py"
        script.write_text(_HELLO)
        previous = {name: os.environ.get(name) for name in ("TPY2WASM_CACHE", "TPY2WASM_WASI_PYTHON")}
        os.environ.update(TPY2WASM_CACHE=str(folder / "cache"), TPY2WASM_WASI_PYTHON=str(build.root))
        try:
            cold = _seconds(lambda: build_module(script, CompileOptions(), SilentSteps()))
            script.write_text(_HELLO + 'print("edited")\n')
            started = time.perf_counter()
            wasm = build_module(script, CompileOptions(), SilentSteps())
            warm = time.perf_counter() - started
            size = wasm.stat().st_size
            script.write_text("")
            empty = build_module(script, CompileOptions(), SilentSteps())
            invocation = Invocation(["empty.py"], stdout=Path(os.devnull))
            run_wasi(empty, invocation)  # caches the machine code
            startup = min(_seconds(lambda: run_wasi(empty, invocation)) for _ in range(5))
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return BuildFigures(cold, warm, size, startup)


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def results_table(results: Sequence[ProgramResult]) -> Table:
    table = Table(title="Seconds (best / median) and speed-up over CPython-in-Wasm")
    table.add_column("benchmark")
    for variant in VARIANTS:
        table.add_column(_LABELS[variant], justify="right")
    for result in results:
        cells = [result.name]
        for variant in VARIANTS:
            timing = result.timings.get(variant)
            if timing is None:
                cells.append("—")
            elif timing.mismatch is not None:
                cells.append(f"[red]failed: {timing.mismatch}[/red]")
            else:
                speedup = result.speedup(variant)
                ratio = "" if speedup is None or variant == CPYTHON_WASM else f" ({speedup:.1f}x)"
                cells.append(f"{timing.best:.3f} / {timing.median:.3f}{ratio}")
        table.add_row(*cells)
    return table


def build_table(figures: BuildFigures) -> Table:
    table = Table(title="Build figures (hello world)")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("compile, cold tpy2wasm cache", f"{figures.compile_cold_seconds:.2f} s")
    table.add_row("compile after an edit (warm)", f"{figures.compile_warm_edit_seconds:.2f} s")
    table.add_row(".wasm size", f"{figures.hello_wasm_bytes / 1e6:.2f} MB")
    table.add_row("start-up (empty program, wasmtime)", f"{figures.startup_seconds * 1000:.0f} ms")
    return table


def snapshot(results: Sequence[ProgramResult], figures: BuildFigures | None) -> dict[str, object]:
    benchmarks = []
    for result in results:
        entry: dict[str, object] = {"name": result.name}
        for variant, timing in result.timings.items():
            entry[variant] = {"output_matches": False, "failed": timing.mismatch} if timing.mismatch else {
                "best_seconds": timing.best, "median_seconds": timing.median,
                "runs": list(timing.seconds), "output_matches": True,
                "speedup_over_cpython_wasm": result.speedup(variant),
            }
        benchmarks.append(entry)
    return {
        "benchmarks": benchmarks,
        "build": asdict(figures) if figures else None,
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cores": os.cpu_count(),
                    "python": platform.python_version()},
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def write_outputs(folder: Path, results: Sequence[ProgramResult], figures: BuildFigures | None,
                  with_chart: bool = True) -> list[Path]:
    """results.json, and the speedup chart unless told not to (matplotlib is an optional extra)."""
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "results.json"
    json_path.write_text(json.dumps(snapshot(results, figures), indent=2) + "\n")
    if not with_chart:
        return [json_path]
    chart_path = folder / "speedup.png"
    _write_chart(chart_path, results)
    return [json_path, chart_path]


def _write_chart(path: Path, results: Sequence[ProgramResult]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = [NATIVE_CPYTHON, TPY2WASM, C_WASM]
    colours = {NATIVE_CPYTHON: "#4c72b0", TPY2WASM: "#dd8452", C_WASM: "#55a868"}
    figure, axes = plt.subplots(figsize=(max(8.0, 1.1 * len(results)), 5))
    width = 0.8 / len(shown)
    for offset, variant in enumerate(shown):
        for index, result in enumerate(results):
            speedup = result.speedup(variant)
            if speedup is None:
                continue
            x = index + (offset - (len(shown) - 1) / 2) * width
            axes.bar(x, speedup, width, color=colours[variant], label=_LABELS[variant])
            if variant == C_WASM:
                axes.hlines(speedup, index - 0.4, index + 0.4, colors="#2d6a3e", linestyles="dashed", linewidth=1)
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    axes.legend(unique.values(), unique.keys(), loc="upper left")
    axes.axhline(1.0, color="grey", linewidth=0.8)
    axes.set_yscale("log")
    axes.set_ylabel("speed-up over CPython-in-Wasm (log scale)")
    axes.set_xticks(range(len(results)), [result.name for result in results], rotation=30, ha="right")
    axes.set_title("tpy2wasm vs CPython-in-Wasm; dashed: the hand-written C ceiling")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
