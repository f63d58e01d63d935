"""Rewriting the code section after the link (padded immediates written short, twin functions
merged): the module computes what it computed, is as long as the same code written with short
numbers, and one holding an instruction the rewriter does not know stays untouched
(test_module_size bounds what a linked hello world gains)."""

from __future__ import annotations

import wasmtime

from tpy2wasm.compiler.wasm_binary import MAGIC, encode_section, leb128, sleb128
from tpy2wasm.compiler.wasm_code import compact_code_section


def _padded(value: int) -> bytes:
    """`value` in the 5 bytes wasm-ld writes for a relocated immediate (sign-extended, so the
    same bytes read back as signed or unsigned for the values used here)."""
    return bytes(((value >> (7 * index)) & 0x7F) | (0x80 if index < 4 else 0) for index in range(5))


def _module(pad: bool, extra: bytes = b"") -> bytes:
    """`f(x) -> i32` calling `g` and using memory, br_table, a block type, memory.fill and a
    global, with every relocatable immediate padded when `pad`."""
    def u(value: int) -> bytes:
        return _padded(value) if pad else leb128(value)

    def s(value: int) -> bytes:
        return _padded(value) if pad else sleb128(value)

    g = b"\x00" + b"\x41" + s(-5) + b"\x0b"  # no locals; i32.const -5
    f = (b"\x01\x01\x7f"  # one i32 local
         + b"\x41" + s(64) + b"\x41" + s(7) + b"\x41" + s(4) + b"\xfc\x0b" + u(0)  # memory.fill(64, 7, 4)
         + b"\x02\x40\x02\x40" + b"\x20\x00" + b"\x0e\x02" + u(0) + u(1) + u(0) + b"\x0b\x0b"  # br_table 0 1 0
         + b"\x41" + s(0) + b"\x28\x02" + u(64)  # i32.load offset=64 of address 0
         + b"\x10" + u(0) + b"\x6a"  # + g()
         + b"\x23" + u(0) + b"\x6a"  # + global 0
         + extra + b"\x0b")
    code = leb128(2) + leb128(len(g)) + g + leb128(len(f)) + f
    return (MAGIC
            + encode_section(1, b"\x02\x60\x00\x01\x7f\x60\x01\x7f\x01\x7f")  # () -> i32, (i32) -> i32
            + encode_section(3, b"\x02\x00\x01")
            + encode_section(5, b"\x01\x00\x01")
            + encode_section(6, b"\x01\x7f\x00\x41\x90\x03\x0b")  # global i32 = 400
            + encode_section(7, b"\x01\x01f\x00\x01")
            + encode_section(10, code))


def _call_f(module: bytes, argument: int) -> object:
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    instance = wasmtime.Instance(store, wasmtime.Module(engine, module), [])
    function = instance.exports(store)["f"]
    assert isinstance(function, wasmtime.Func)
    return function(store, argument)


def test_padded_immediates_are_written_short_and_compute_the_same() -> None:
    padded, short = _module(pad=True), _module(pad=False)
    assert len(padded) > len(short)
    assert compact_code_section(padded) == short
    for argument in (0, 1, 5):
        assert _call_f(compact_code_section(padded), argument) == _call_f(padded, argument)
    assert _call_f(short, 0) == 0x07070707 - 5 + 400


def test_a_module_with_an_unknown_instruction_is_left_as_it_is() -> None:
    simd = b"\xfd\x0c" + bytes(16) + b"\x1a"  # v128.const 0; drop
    module = _module(pad=True, extra=simd)
    wasmtime.Module.validate(wasmtime.Engine(), module)
    assert compact_code_section(module) == module



def _module_with_twins(forwarder: bytes | None = None) -> bytes:
    """g and its twin h (same type and code); f(x) = h(x) + table[1](x), table = [g, h]; h exported.
    With `forwarder`, h's body is that and f calls g, as the rewrite should leave them."""
    twin = b"\x00\x20\x00\x41\x05\x6a\x0b"  # no locals; x + 5
    f = b"\x00\x20\x00\x10" + (b"\x00" if forwarder else b"\x01") + b"\x20\x00\x41\x01\x11\x00\x00\x6a\x0b"
    bodies = [twin, forwarder or twin, f]
    code = leb128(3) + b"".join(leb128(len(body)) + body for body in bodies)
    elements = b"\x01\x00\x41\x00\x0b\x02\x00" + (b"\x00" if forwarder else b"\x01")
    return (MAGIC
            + encode_section(1, b"\x01\x60\x01\x7f\x01\x7f")  # (i32) -> i32
            + encode_section(3, b"\x03\x00\x00\x00")
            + encode_section(4, b"\x01\x70\x00\x02")  # a funcref table of 2
            + encode_section(7, b"\x02\x01f\x00\x02\x01h\x00\x01")
            + encode_section(9, elements)
            + encode_section(10, code))


def test_a_function_whose_code_is_anothers_becomes_a_forwarder_and_its_uses_go_to_the_first() -> None:
    module = _module_with_twins()
    rewritten = compact_code_section(module)
    assert rewritten == _module_with_twins(forwarder=b"\x00\x20\x00\x10\x00\x0b")
    engine = wasmtime.Engine()
    for candidate in (module, rewritten):
        store = wasmtime.Store(engine)
        instance = wasmtime.Instance(store, wasmtime.Module(engine, candidate), [])
        f, h = instance.exports(store)["f"], instance.exports(store)["h"]
        assert isinstance(f, wasmtime.Func) and isinstance(h, wasmtime.Func)
        assert (f(store, 1), h(store, 2)) == (12, 7)
