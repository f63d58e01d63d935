"""The few pieces of the Wasm binary format that rewriting a linked module needs: LEB128
numbers and the list of sections (https://webassembly.github.io/spec/core/binary/)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

MAGIC = b"\0asm\x01\0\0\0"


def leb128(value: int) -> bytes:
    """Unsigned LEB128, as Wasm encodes sizes and counts."""
    encoded = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        encoded.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(encoded)


def sleb128(value: int) -> bytes:
    """Signed LEB128, as Wasm encodes constants."""
    encoded = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            encoded.append(byte)
            return bytes(encoded)
        encoded.append(byte | 0x80)


def read_leb(data: bytes, position: int, signed: bool = False) -> tuple[int, int]:
    """(the LEB128 number at `position`, the position after it)."""
    value = shift = 0
    while True:
        byte = data[position]
        value |= (byte & 0x7F) << shift
        position, shift = position + 1, shift + 7
        if not byte & 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, position


@dataclass(frozen=True)
class Section:
    id: int
    start: int  # of the section id byte
    body: int
    end: int


def sections(module: bytes) -> Iterator[Section]:
    position = len(MAGIC)
    while position < len(module):
        size, body = read_leb(module, position + 1)
        yield Section(module[position], position, body, body + size)
        position = body + size


def encode_section(section_id: int, body: bytes) -> bytes:
    return bytes([section_id]) + leb128(len(body)) + body
