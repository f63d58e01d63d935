"""Runs a WASI command module under wasmtime, as `tpy2wasm run` and the tests do.

Compiling a multi-megabyte module to machine code takes seconds, so the machine code is
cached (wasmtime's serialize) by the module's hash; start-up then costs milliseconds.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib.metadata import version
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import wasmtime

from tpy2wasm.compiler.cache import atomic_write, mark_used, trim_products
from tpy2wasm.compiler.toolchain import cache_root
from tpy2wasm.compiler.wasi_host import ProgramExit, define_process_functions

#: wasmtime's own stack for Wasm frames (default 512 KiB; at most its async stack size, 2 MiB): deep C recursion inside
#: CPython must meet RecursionError, not exhaust this first.
MAX_WASM_STACK = 2 * 1024 * 1024


@dataclass(frozen=True)
class Invocation:
    """What the program sees: argv (argv[0] included), environment, and optional files for stdio.

    Strings are encoded as the OS encodes them (os.fsencode: UTF-8 with surrogateescape), so the
    `sys.argv` and `os.environ` of this process pass through byte for byte, as do bytes.
    """

    argv: Sequence[str | bytes]
    env: Mapping[str, str] | Mapping[bytes, bytes] = field(default_factory=dict)
    preopened: Mapping[str, Path] = field(default_factory=dict)
    #: Files standing in for the standard streams; None inherits this process's stream.
    stdin: Path | None = None
    stdout: Path | None = None
    stderr: Path | None = None


def _engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    config.max_wasm_stack = MAX_WASM_STACK
    return wasmtime.Engine(config)


@cache
def _wasmtime_version() -> bytes:
    return version("wasmtime").encode()


#: Machine-code key of each module file this process has hashed, by the file's identity and
#: stamps: any write or replacement changes them, so only an unchanged file skips the hash.
_keys_by_stat: dict[tuple[str, int, int, int, int, int], str] = {}


def _file_identity(wasm: Path) -> tuple[str, int, int, int, int, int]:
    stat = os.stat(wasm)
    return str(wasm.resolve()), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def load_module(engine: wasmtime.Engine, wasm: Path) -> wasmtime.Module:
    identity = _file_identity(wasm)
    key = _keys_by_stat.get(identity)
    data = None
    if key is None:
        data = wasm.read_bytes()
        digest = hashlib.sha256(data)
        digest.update(_wasmtime_version())
        key = digest.hexdigest()[:32]
    compiled = cache_root() / "machine-code" / f"{key}.cwasm"
    if mark_used(compiled):
        module = wasmtime.Module.deserialize_file(engine, str(compiled))
    else:
        module = wasmtime.Module(engine, wasm.read_bytes() if data is None else data)
        atomic_write(compiled, bytes(module.serialize()))
        trim_products()
    if _file_identity(wasm) == identity:  # unchanged while it was read: the key is its content's
        _keys_by_stat[identity] = key
    return module


def run_wasi(wasm: Path, invocation: Invocation) -> int:
    """Runs the module to its end; returns its exit code."""
    engine = _engine()
    module = load_module(engine, wasm)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    environ = [os.fsencode(name) + b"=" + os.fsencode(value) for name, value in invocation.env.items()]
    define_process_functions(linker, [os.fsencode(argument) for argument in invocation.argv], environ)
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
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
    except ProgramExit as program_exit:
        return program_exit.code
    return 0
