"""Untyped code costs no more Wasm instructions in a tpy2wasm module than in CPython-in-Wasm.

Both run the same CPython; what differs is what tpy2wasm links around it (C library,
allocator). Time on a shared machine is too noisy to test, so this counts instructions:
wasmtime's fuel, one unit per Wasm operator, is exact and the same on every run. Each count is
that of `work.py KIND 1` less that of `work.py KIND 0`, so start-up (files read by
CPython-in-Wasm, frozen modules in ours) is left out. Found this way: zig's libc filled and
copied memory in Wasm loops (copies), and every object went through three calls to dlmalloc
(objects); bench/ shows the time each cost.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import wasmtime

from tests.differential import BASE_ENV
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import MAX_WASM_STACK
from tpy2wasm.compiler.toolchain import find_wasi_python
from tpy2wasm.compiler.wasi_host import ProgramExit, define_process_functions

WORK = Path(__file__).parent / "parity" / "work.py"
_PLENTY = 2**62


class FuelCounter:
    """Runs modules under wasmtime with fuel on, each compiled once."""

    def __init__(self) -> None:
        config = wasmtime.Config()
        config.consume_fuel = True
        config.max_wasm_stack = MAX_WASM_STACK
        self.engine = wasmtime.Engine(config)
        self.modules: dict[Path, wasmtime.Module] = {}

    def count(self, wasm: Path, argv: Sequence[str], env: Mapping[str, str], preopened: Mapping[str, Path]) -> int:
        module = self.modules.get(wasm)
        if module is None:
            module = self.modules[wasm] = wasmtime.Module.from_file(self.engine, str(wasm))
        linker = wasmtime.Linker(self.engine)
        linker.define_wasi()
        define_process_functions(linker, [os.fsencode(argument) for argument in argv],
                                 [f"{name}={value}".encode() for name, value in env.items()])
        store = wasmtime.Store(self.engine)
        store.set_fuel(_PLENTY)
        wasi = wasmtime.WasiConfig()
        for guest, host in preopened.items():
            wasi.preopen_dir(str(host), guest)
        with tempfile.TemporaryDirectory() as scratch:
            wasi.stdout_file = str(Path(scratch) / "stdout")
            wasi.stderr_file = str(Path(scratch) / "stderr")
            store.set_wasi(wasi)
            start = linker.instantiate(store, module).exports(store)["_start"]
            assert isinstance(start, wasmtime.Func)
            try:
                start(store)
                status = 0
            except ProgramExit as program_exit:
                status = program_exit.code
            assert status == 0, (Path(scratch) / "stderr").read_text()
            assert (Path(scratch) / "stdout").read_text().strip().isdigit()
        return _PLENTY - store.get_fuel()


@pytest.fixture(scope="module")
def counts() -> dict[tuple[str, str], int]:
    """Instructions of each kind of work: {(variant, kind): count}."""
    counter = FuelCounter()
    build = find_wasi_python(None, SilentSteps())
    ours = build_module(WORK, CompileOptions(), SilentSteps())
    result = {}
    for kind in ("objects", "copies"):
        rounds = []
        for count in ("0", "1"):
            rounds.append((
                counter.count(ours, [WORK.name, kind, count], BASE_ENV, {}),
                counter.count(build.interpreter, ["python3.11", "-B", str(WORK), kind, count],
                              {**BASE_ENV, "PYTHONHOME": "/usr/local"},
                              {"/usr/local": build.root, str(WORK.parent): WORK.parent}),
            ))
        (ours_start, baseline_start), (ours_end, baseline_end) = rounds
        result["tpy2wasm", kind] = ours_end - ours_start
        result["cpython_wasm", kind] = baseline_end - baseline_start
    return result


def test_the_work_is_mostly_work(counts: dict[tuple[str, str], int]) -> None:
    """Some hundred million instructions each, so that start-up noise cannot decide."""
    assert all(count > 100_000_000 for count in counts.values()), counts


def test_memory_is_copied_and_filled_in_bulk(counts: dict[tuple[str, str], int]) -> None:
    """With zig's memset/memcpy loops this was 1.09 times CPython-in-Wasm's count; 0.87 now."""
    assert counts["tpy2wasm", "copies"] <= 0.95 * counts["cpython_wasm", "copies"], counts


def test_objects_allocate_in_fewer_instructions(counts: dict[tuple[str, str], int]) -> None:
    """Through malloc to dlmalloc, as CPython-in-Wasm does, this was 0.98 times its count;
    0.93 with the small-object pools."""
    assert counts["tpy2wasm", "objects"] <= 0.95 * counts["cpython_wasm", "objects"], counts
