"""WASI functions tpy2wasm defines itself, over wasmtime's, where wasmtime's differ from a native process.

- `proc_exit`: wasmtime refuses exit statuses of 126 and more (`exit with invalid exit status`), yet a
  process may exit with any status 0-255, and `sys.exit(255)` must give 255 as python3.11 does.
- `args_*` and `environ_*`: wasmtime keeps argv and the environment as UTF-8 strings (its C API
  refuses other bytes), yet a process gets bytes, and CPython passes undecodable ones through
  (surrogateescape); the guest must receive the original bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import wasmtime

_WASI = "wasi_snapshot_preview1"
_ERRNO_SUCCESS = 0
_I32 = wasmtime.ValType.i32()


class ProgramExit(Exception):
    """The program called proc_exit: raised through wasmtime out of `_start`, carrying the status."""

    def __init__(self, code: int) -> None:
        super().__init__(f"exit status {code}")
        self.code = code


def define_process_functions(linker: wasmtime.Linker, argv: Sequence[bytes], environ: Sequence[bytes]) -> None:
    """Shadows wasmtime's proc_exit, args_* and environ_* (call after `linker.define_wasi()`).

    `environ` holds `NAME=value` entries, as a C process's `environ` does.
    """
    linker.allow_shadowing = True
    linker.define_func(_WASI, "proc_exit", wasmtime.FuncType([_I32], []), _proc_exit)
    _define_string_list(linker, "args", argv)
    _define_string_list(linker, "environ", environ)


def _proc_exit(code: int) -> None:
    raise ProgramExit(code & 0xFF)  # what a native process's parent sees of exit(code)


def _define_string_list(linker: wasmtime.Linker, kind: str, items: Sequence[bytes]) -> None:
    """`{kind}_sizes_get(count*, size*)` and `{kind}_get(pointers*, buffer*)`, as WASI defines them."""
    terminated = [item + b"\0" for item in items]
    pair = wasmtime.FuncType([_I32, _I32], [_I32])

    def sizes_get(caller: wasmtime.Caller, count_at: int, size_at: int) -> int:
        _write(caller, count_at, struct.pack("<I", len(terminated)))
        _write(caller, size_at, struct.pack("<I", sum(map(len, terminated))))
        return _ERRNO_SUCCESS

    def get(caller: wasmtime.Caller, pointers_at: int, buffer_at: int) -> int:
        buffer_at &= 0xFFFFFFFF
        pointers = []
        for item in terminated:
            pointers.append(buffer_at)
            buffer_at += len(item)
        _write(caller, pointers_at, struct.pack(f"<{len(pointers)}I", *pointers))
        _write(caller, pointers[0] if pointers else buffer_at, b"".join(terminated))
        return _ERRNO_SUCCESS

    linker.define_func(_WASI, f"{kind}_sizes_get", pair, sizes_get, access_caller=True)
    linker.define_func(_WASI, f"{kind}_get", pair, get, access_caller=True)


def _write(caller: wasmtime.Caller, address: int, data: bytes) -> None:
    memory = caller["memory"]
    assert isinstance(memory, wasmtime.Memory)
    memory.write(caller, data, address & 0xFFFFFFFF)
