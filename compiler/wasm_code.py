"""Rewrites a linked module's code section smaller: padded LEB128 numbers in their shortest
form, and functions whose code is another's merged into it.

wasm-ld patches each relocated immediate in place (function indices of calls, addresses in
`i32.const`, load and store offsets, global and type indices), so it leaves them 5 bytes long
whatever their value: about 7 % of hello world's code. Its `--compress-relocations` would write
them short, but `zig cc` does not pass that flag on. This module decodes every instruction
and re-encodes the immediates that are longer than they need be; nothing else changes.

libpython also holds functions whose code is byte for byte another's of the same type (identical
deallocators, getters, clinic wrappers: 281 in hello world, 37 KB). Calls to such a duplicate and
its table entries go to the first one instead, and its body becomes a call forwarding its
arguments to that one, for any reference left (an export).

The module has no debug information (the link strips it), so nothing else points into the
code section. Only the instructions of the features the link enables are known (MVP,
sign extension, saturating conversions, bulk memory, reference types); a function with any
other opcode (SIMD, atomics, ...) leaves the module as it was.
"""

from __future__ import annotations

from tpy2wasm.compiler.wasm_binary import MAGIC, encode_section, leb128, read_leb, sections, sleb128

_TYPE_SECTION, _IMPORT_SECTION, _FUNCTION_SECTION, _ELEMENT_SECTION, _CODE_SECTION = 1, 2, 3, 9, 10
_FUNCTION_TYPE, _FUNCTION_IMPORT = 0x60, 0
_CALL, _LOCAL_GET, _I32_CONST, _END = 0x10, 0x20, 0x41, 0x0B

# What follows each opcode (the byte before a prefixed instruction's sub-opcode).
_NONE, _U32, _S32, _S64, _BLOCK, _MEMARG, _BYTES4, _BYTES8, _BR_TABLE, _TWO_U32, _SELECT_TYPES, _BYTE, \
    _PREFIX_FC, _FUNCTION = range(14)
_IMMEDIATES = [-1] * 256  # -1: an opcode this module does not know
for _opcode in (0x00, 0x01, 0x05, 0x0B, 0x0F, 0x1A, 0x1B, 0xD1, *range(0x45, 0xC5)):
    _IMMEDIATES[_opcode] = _NONE
for _opcode in (0x0C, 0x0D, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40):
    _IMMEDIATES[_opcode] = _U32
for _opcode in (0x10, 0x12, 0xD2):  # call, return_call, ref.func: a function index
    _IMMEDIATES[_opcode] = _FUNCTION
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


def _shortened_body(code: bytes, start: int, end: int, merged: dict[int, int]) -> bytes:
    """The function body code[start:end] with every LEB128 immediate in its shortest form, and
    a function index that is a key of `merged` replaced by its value."""
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

    def remap(position: int) -> int:
        """Writes the function index at `position` short, or the one it was merged into."""
        nonlocal copied
        index, after = read_leb(code, position)
        if index not in merged:
            return shorten(position, False)
        out.extend(code[copied:position])
        out.extend(leb128(merged[index]))
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
        elif kind == _FUNCTION:
            position = remap(position)
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


def _function_types(module: bytes) -> tuple[int, list[int], list[int]] | None:
    """(how many functions the module imports, the type of each function it defines, the number
    of parameters of each type), or None for a layout this module does not read."""
    imported, defined, parameters = 0, [], []
    for section in sections(module):
        if section.id == _TYPE_SECTION:
            count, position = read_leb(module, section.body)
            for _ in range(count):
                if module[position] != _FUNCTION_TYPE:
                    return None
                for index in range(2):  # parameters, then results
                    length, position = read_leb(module, position + 1 if index == 0 else position)
                    if index == 0:
                        parameters.append(length)
                    position += length
        elif section.id == _IMPORT_SECTION:
            count, position = read_leb(module, section.body)
            for _ in range(count):
                for _name in range(2):
                    length, position = read_leb(module, position)
                    position += length
                if module[position] != _FUNCTION_IMPORT:
                    return None  # a table, memory or global import: not what wasm-ld writes here
                imported += 1
                position = read_leb(module, position + 1)[1]
        elif section.id == _FUNCTION_SECTION:
            count, position = read_leb(module, section.body)
            for _ in range(count):
                type_index, position = read_leb(module, position)
                defined.append(type_index)
    return imported, defined, parameters


def _merged_functions(module: bytes, bodies: list[tuple[int, int]], imported: int,
                      types: list[int]) -> dict[int, int]:
    """Index of each function whose type and code equal an earlier one's -> that one's index."""
    first: dict[tuple[int, bytes], int] = {}
    merged = {}
    for number, (start, end) in enumerate(bodies):
        index = first.setdefault((types[number], module[start:end]), imported + number)
        if index != imported + number:
            merged[imported + number] = index
    return merged


def _forwarder(target: int, parameter_count: int) -> bytes:
    """A body that calls `target` with its own arguments and returns what it returns."""
    code = bytearray(b"\0")  # no locals
    for parameter in range(parameter_count):
        code += bytes([_LOCAL_GET]) + leb128(parameter)
    return bytes(code + bytes([_CALL]) + leb128(target) + bytes([_END]))


def _element_section(module: bytes, start: int, end: int, merged: dict[int, int]) -> bytes | None:
    """The element section's body with merged function indices replaced, or None if it has a
    segment kind other than wasm-ld's (active, table 0, function indices)."""
    count, position = read_leb(module, start)
    body = bytearray(leb128(count))
    for _ in range(count):
        flags, position = read_leb(module, position)
        if flags != 0 or module[position] != _I32_CONST:
            return None
        offset_end = read_leb(module, position + 1, signed=True)[1] + 1
        if module[offset_end - 1] != _END:
            return None
        body += leb128(flags) + module[position:offset_end]
        length, position = read_leb(module, offset_end)
        body += leb128(length)
        for _ in range(length):
            index, position = read_leb(module, position)
            body += leb128(merged.get(index, index))
    return bytes(body) if position == end else None


def compact_code_section(module: bytes) -> bytes:
    """`module` with the padded immediates of its code section shortened and duplicate functions
    merged (see the module doc); the module unchanged if it holds an instruction or a layout this
    module does not know."""
    if not module.startswith(MAGIC):
        return module
    found = {section.id: section for section in sections(module)}
    code_section, function_types = found.get(_CODE_SECTION), _function_types(module)
    if code_section is None:
        return module
    imported, types, parameters = function_types or (0, [], [])
    count, position = read_leb(module, code_section.body)
    bodies = []
    for _ in range(count):
        size, start = read_leb(module, position)
        position = start + size
        bodies.append((start, position))
    merged = {} if function_types is None else _merged_functions(module, bodies, imported, types)
    elements = found.get(_ELEMENT_SECTION)
    element_body = None if elements is None else _element_section(module, elements.body, elements.end, merged)
    if elements is not None and element_body is None:
        merged = {}  # table entries would still name the duplicates: keep their code then
    code = bytearray(leb128(count))
    try:
        for number, (start, end) in enumerate(bodies):
            target = merged.get(imported + number)
            shortened = _shortened_body(module, start, end, merged) if target is None \
                else _forwarder(target, parameters[types[number]])
            code += leb128(len(shortened))
            code += shortened
    except UnknownInstruction:
        return module
    rewritten = {_CODE_SECTION: encode_section(_CODE_SECTION, bytes(code))}
    if elements is not None and element_body is not None:
        rewritten[_ELEMENT_SECTION] = encode_section(_ELEMENT_SECTION, element_body)
    result = bytearray(module[:len(MAGIC)])
    for section in sections(module):
        result += rewritten.get(section.id, module[section.start:section.end])
    return bytes(result)
