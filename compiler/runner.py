"""Runs a WASI command module under wasmtime, as `tpy2wasm run` and the tests do.

Compiling a multi-megabyte module to machine code takes seconds, so the machine code is
cached (wasmtime's serialize) by the module's hash; start-up then costs milliseconds.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import wasmtime

from tpy2wasm.compiler.cache import atomic_write
from tpy2wasm.compiler.toolchain import cache_root

#: wasmtime's own stack for Wasm frames (default 512 KiB; at most its async stack size, 2 MiB): deep C recursion inside
#: CPython must meet RecursionError, not exhaust this first.
MAX_WASM_STACK = 2 * 1024 * 1024


@dataclass(frozen=True)
class Invocation:
    """What the program sees: argv (argv[0] included), environment, and optional files for stdio."""

    argv: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)
    preopened: Mapping[str, Path] = field(default_factory=dict)
    #: Files standing in for the standard streams; None inherits this process's stream.
    stdin: Path | None = None
    stdout: Path | None = None
    stderr: Path | None = None


def _engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    config.max_wasm_stack = MAX_WASM_STACK
    return wasmtime.Engine(config)


def load_module(engine: wasmtime.Engine, wasm: Path) -> wasmtime.Module:
    data = wasm.read_bytes()
    key = hashlib.sha256(data + version("wasmtime").encode()).hexdigest()[:32]
    compiled = cache_root() / "machine-code" / f"{key}.cwasm"
    if compiled.exists():
        return wasmtime.Module.deserialize_file(engine, str(compiled))
    module = wasmtime.Module(engine, data)
    atomic_write(compiled, bytes(module.serialize()))
    return module


def run_wasi(wasm: Path, invocation: Invocation) -> int:
    """Runs the module to its end; returns its exit code."""
    engine = _engine()
    module = load_module(engine, wasm)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = list(invocation.argv)
    wasi.env = list(invocation.env.items())
    for guest, host in invocation.preopened.items():
        wasi.preopen_dir(str(host), guest)
    if invocation.stdin is None:
        wasi.inherit_stdin()
    else:
        wasi.stdin_file = str(invocation.stdin)
    if invocation.stdout is None:
        wasi.inherit_stdout()
    else:
        wasi.stdout_file = str(invocation.stdout)
    if invocation.stderr is None:
        wasi.inherit_stderr()
    else:
        wasi.stderr_file = str(invocation.stderr)
    store.set_wasi(wasi)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    assert isinstance(start, wasmtime.Func)
    try:
        start(store)
    except wasmtime.ExitTrap as exit_trap:
        return exit_trap.code
    return 0
