"""The loader's reactor ABI (wasm_runtime/web/reactor.mjs) on a hand-made module, under Node.

tests/web/reactor_fixture.c implements the `--export` ABI in C (alloc/free/error and a few typed
functions); here it is built with zig cc, given its `tpy2wasm.exports` section, and called
from JS by tests/web/check_reactor.mjs, which asserts every conversion and that all blocks are freed.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tpy2wasm.compiler.toolchain import zig_command

WEB_TESTS = Path(__file__).parent / "web"
#: What reactor_fixture.c's functions take and give, as `tpy2wasm compile --export` describes them.
DESCRIBED = {"functions": [
    {"name": "scale", "params": ["int", "float", "bool"], "result": "float"},
    {"name": "twice", "params": ["int"], "result": "int"},
    {"name": "is_big", "params": ["int"], "result": "bool"},
    {"name": "shout", "params": ["str"], "result": "str"},
    {"name": "reverse", "params": ["bytes", "str"], "result": "bytes"},
    {"name": "fail", "params": ["str"], "result": "None"},
    {"name": "live_blocks", "params": [], "result": "int"},
]}


def _leb128(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def custom_section(name: str, payload: bytes) -> bytes:
    """A Wasm custom section (id 0): appended to a module, WebAssembly.Module.customSections finds it."""
    body = _leb128(len(name.encode())) + name.encode() + payload
    return b"\x00" + _leb128(len(body)) + body


def test_reactor_functions_convert_arguments_results_and_errors(tmp_path: Path, node: str) -> None:
    plain = tmp_path / "plain.wasm"
    subprocess.run(zig_command("cc", "-target", "wasm32-wasi", "-O2", "-mexec-model=reactor",
                               str(WEB_TESTS / "reactor_fixture.c"), "-o", str(plain)), check=True)
    module = tmp_path / "reactor.wasm"
    module.write_bytes(plain.read_bytes() + custom_section("tpy2wasm.exports", json.dumps(DESCRIBED).encode()))
    result = subprocess.run([node, str(WEB_TESTS / "check_reactor.mjs"), str(module)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "reactor ABI: ok\n"
