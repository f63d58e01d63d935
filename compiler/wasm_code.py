"""Writes the padded LEB128 numbers of a linked module's code section in their shortest form.

wasm-ld patches each relocated immediate in place (function indices of calls, addresses in
`i32.const`, load and store offsets, global and type indices), so it leaves them 5 bytes long
whatever their value: about 7 % of hello world's code. Its `--compress-relocations` would write
them short, but `zig cc` does not pass that flag on. This module decodes every instruction
and re-encodes the immediates that are longer than they need be; nothing else changes.

The module has no debug information (the link strips it), so nothing else points into the
code section. Only the instructions of the features the link enables are known (MVP,
sign extension, saturating conversions, bulk memory, reference types); a function with any
other opcode (SIMD, atomics, ...) leaves the module as it was.
"""

from __future__ import annotations

from tpy2wasm.compiler.wasm_binary import MAGIC, encode_section, leb128, read_leb, sections, sleb128

_CODE_SECTION = 10

# What follows each opcode (the byte before a prefixed instruction's sub-opcode).
_NONE, _U32, _S32, _S64, _BLOCK, _MEMARG, _BYTES4, _BYTES8, _BR_TABLE, _TWO_U32, _SELECT_TYPES, _BYTE, \
    _PREFIX_FC = range(13)
_IMMEDIATES = [-1] * 256  # -1: an opcode this module does not know
for _opcode in (0x00, 0x01, 0x05, 0x0B, 0x0F, 0x1A, 0x1B, 0xD1, *range(0x45, 0xC5)):
    _IMMEDIATES[_opcode] = _NONE
for _opcode in (0x0C, 0x0D, 0x10, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40, 0xD2):
    _IMMEDIATES[_opcode] = _U32
for _opcode in (0x02, 0x03, 0x04):
    _IMMEDIATES[_opcode] = _BLOCK
for _opcode in range(0x28, 0x3F):
    _IMMEDIATES[_opcode] = _MEMARG
_IMMEDIATES[0x11] = _IMMEDIATES[0x13] = _TWO_U32  # call_indirect, return_call_indirect: type, table
_IMMEDIATES[0x0E] = _BR_TABLE
_IMMEDIATES[0x1C] = _SELECT_TYPES
_IMMEDIATES[0x41] = _S32
_IMMEDIATES[0x42] = _S64
_IMMEDIATES[0x43] = _BYTES4
_IMMEDIATES[0x44] = _BYTES8
_IMMEDIATES[0xD0] = _BYTE  # ref.null: a reference type
_IMMEDIATES[0xFC] = _PREFIX_FC
#: 0xFC sub-opcode -> how many u32 immediates follow (0-7: saturating conversions; 8-17: bulk
#: memory and table instructions)
_FC_IMMEDIATES = {**dict.fromkeys(range(8), 0), 8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1}
#: Block types of one byte: empty (0x40) and the value types; any other is a signed type index.
_ONE_BYTE_BLOCK_TYPES = frozenset({0x40, 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F})


class UnknownInstruction(Exception):
    """An opcode outside the features this module decodes."""


def _shortened_body(code: bytes, start: int, end: int) -> bytes:
    """The function body code[start:end] with every LEB128 immediate in its shortest form."""
    out = bytearray()
    copied = start  # code[copied:position] is still to be copied as it is

    def shorten(position: int, signed: bool) -> int:
        """Re-encodes the LEB at `position` if it is padded; returns the position after it."""
        nonlocal copied
        if code[position] < 0x80:  # one byte: most are
            return position + 1
        value, after = read_leb(code, position, signed)
        short = sleb128(value) if signed else leb128(value)
        if len(short) < after - position:
            out.extend(code[copied:position])
            out.extend(short)
            copied = after
        return after

    groups, position = read_leb(code, start)
    for _ in range(groups):  # locals: (count, type) pairs
        position = read_leb(code, position)[1] + 1
    immediates = _IMMEDIATES
    while position < end:
        kind = immediates[code[position]]
        position += 1
        if kind == _NONE:
            continue
        if kind == _U32:
            position = shorten(position, False)
        elif kind == _MEMARG:
            position = shorten(shorten(position, False), False)
        elif kind == _S32 or kind == _S64:
            position = shorten(position, True)
        elif kind == _BLOCK:
            position = position + 1 if code[position] in _ONE_BYTE_BLOCK_TYPES else shorten(position, True)
        elif kind == _TWO_U32:
            position = shorten(shorten(position, False), False)
        elif kind == _BYTES4:
            position += 4
        elif kind == _BYTES8:
            position += 8
        elif kind == _BYTE:
            position += 1
        elif kind == _BR_TABLE:
            count, position = read_leb(code, position)
            for _ in range(count + 1):
                position = shorten(position, False)
        elif kind == _SELECT_TYPES:
            count, position = read_leb(code, position)
            position += count
        elif kind == _PREFIX_FC:
            sub_opcode, position = read_leb(code, position)
            if sub_opcode not in _FC_IMMEDIATES:
                raise UnknownInstruction(f"0xFC {sub_opcode}")
            for _ in range(_FC_IMMEDIATES[sub_opcode]):
                position = shorten(position, False)
        else:
            raise UnknownInstruction(hex(code[position - 1]))
    if position != end:
        raise UnknownInstruction("a body does not end where its size says")
    out.extend(code[copied:end])
    return bytes(out)


def shorten_code_immediates(module: bytes) -> bytes:
    """`module` with the padded immediates of its code section shortened (see the module doc);
    the module unchanged if it holds an instruction this module does not know."""
    if not module.startswith(MAGIC):
        return module
    code_section = next((section for section in sections(module) if section.id == _CODE_SECTION), None)
    if code_section is None:
        return module
    count, position = read_leb(module, code_section.body)
    body = bytearray(leb128(count))
    try:
        for _ in range(count):
            size, start = read_leb(module, position)
            position = start + size
            shortened = _shortened_body(module, start, position)
            body += leb128(len(shortened))
            body += shortened
    except UnknownInstruction:
        return module
    return module[:code_section.start] + encode_section(_CODE_SECTION, bytes(body)) + module[code_section.end:]
