"""The data-segment packing after the link: memory after instantiation is byte for byte what it
was, with fewer bytes in the module; layouts it does not know stay untouched."""

from __future__ import annotations

import wasmtime

from tpy2wasm.compiler.wasm_binary import leb128
from tpy2wasm.compiler.wasm_data import MIN_ZERO_RUN, pack_data_segments

_HEADER = b"\0asm\x01\0\0\0"
#: One page of memory, defined by the module (limits: no maximum, 1 page), exported as "memory".
_MEMORY = b"\x05\x03\x01\x00\x01"
_EXPORT = b"\x07\x0a\x01\x06memory\x02\x00"
_IMPORTED_MEMORY = b"\x02\x0b\x01\x01m\x06memory\x02\x00\x01"


def _section(section_id: int, body: bytes) -> bytes:
    return bytes([section_id]) + leb128(len(body)) + body


def _data(*segments: tuple[int, bytes]) -> bytes:
    body = leb128(len(segments))
    for address, data in segments:
        body += b"\0\x41" + leb128(address) + b"\x0b" + leb128(len(data)) + data
    return _section(11, body)


def _memory_image(module: bytes) -> bytes:
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    instance = wasmtime.Instance(store, wasmtime.Module(engine, module), [])
    memory = instance.exports(store)["memory"]
    assert isinstance(memory, wasmtime.Memory)
    return bytes(memory.read(store, 0, 65536))


SEGMENTS = (
    (16, b"head" + b"\0" * 40 + b"middle" + b"\0" * (MIN_ZERO_RUN - 1) + b"short run kept" + b"\0" * 100),
    (1000, b"\0" * 64 + b"starts with zeros" + b"\0\0\0x"),
    (3000, b"\0" * 50),
)


def test_packing_keeps_memory_and_drops_the_long_zero_runs() -> None:
    module = _HEADER + _MEMORY + _EXPORT + _data(*SEGMENTS)
    packed = pack_data_segments(module)
    assert _memory_image(packed) == _memory_image(module)
    dropped = 40 + 100 + 64 + 50
    assert len(module) - len(packed) > dropped - 3 * 8
    assert b"\0" * (MIN_ZERO_RUN - 1) + b"short run kept" in packed


def test_a_module_that_imports_its_memory_is_left_as_it_is() -> None:
    module = _HEADER + _IMPORTED_MEMORY + _data(*SEGMENTS)
    assert pack_data_segments(module) == module


def test_a_passive_segment_leaves_the_module_as_it_is() -> None:
    passive = _section(11, b"\x01\x01" + leb128(60) + b"\0" * 60)
    module = _HEADER + _MEMORY + passive
    assert pack_data_segments(module) == module
