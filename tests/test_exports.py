"""Exports and host imports (wasm_runtime/interop.h): a reactor's functions called again and
again from wasmtime-py and from Node with the native ABI, host imports that record what they got,
and compile-time errors for what cannot cross the boundary.

The expectation is CPython's: tests/exports/calculator.py run as plain Python, where the
decorators do nothing and the host-import stubs do what the test hosts do.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import shutil
import struct
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import wasmtime

from tpy2wasm.compiler.pipeline import CompileOptions, compile_to
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.wasm_binary import read_leb, sections

FOLDER = Path(__file__).parent / "exports"
CALCULATOR = FOLDER / "calculator.py"
NODE_HOST = FOLDER / "node_host.mjs"
I64 = range(-2**63, 2**63)

#: (export, arguments): repeated calls, every ABI type, an exception then good calls, i64 edges.
CALLS: list[tuple[str, list[object]]] = [
    ("add", [2, 3]), ("add", [2, 3]), ("add", [2, 3]), ("add", [-7, 10**12]),
    ("scale", [1.5, 3]), ("is_even", [4]), ("is_even", [7]), ("negate", [True]),
    ("greet", ["wörld 🌍"]), ("greet", [""]), ("reverse", [b"\x00\xffab"]),
    ("fails", [2]), ("fails", [9]), ("add", [1, 1]), ("fails", [3]),
    ("power", [2, 62]), ("power", [2, 63]), ("power", [-2, 63]), ("add", [2**62, 2**62]),
    ("count", []), ("count", []), ("use_host", ["hi ü", 1.25]), ("nothing", [5]), ("count", []),
    ("cube", [1.5]), ("cube", [-2]),
]


def encoded(value: object) -> dict[str, object]:
    """A value as the hosts pass it in JSON: {"int": "12"}, {"bytes": "00ff"}, ..."""
    if value is None:
        return {"None": None}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    return {type(value).__name__: value}


def _last_line(text: str) -> str:
    return text.rstrip("\n").rpartition("\n")[2]


def cpython_expectation() -> tuple[list[dict[str, object]], list[list[object]], str]:
    """Per call: {"result": value} or {"error": last traceback line}; what `record` got; stdout."""
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        spec = importlib.util.spec_from_file_location("calculator_under_cpython", CALCULATOR)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        results: list[dict[str, object]] = []
        for name, arguments in CALLS:
            try:
                value = getattr(module, name)(*arguments)
            except Exception as error:
                results.append({"error": _last_line("".join(traceback.format_exception_only(error)))})
                continue
            if getattr(module, name).__annotations__["return"] is float:
                value = float(value)  # an int where float is declared crosses as f64
            if isinstance(value, int) and not isinstance(value, bool) and value not in I64:
                results.append({"error": f"OverflowError: {name}() result does not fit in a 64-bit signed integer (i64)"})
            else:
                results.append({"result": encoded(value)})
    return results, [list(entry) for entry in module.RECORDED], stdout.getvalue()


@pytest.fixture(scope="module")
def calculator(tmp_path_factory: pytest.TempPathFactory) -> Path:
    exports = tuple(json.loads(CALCULATOR.with_suffix(".tpy2wasm.json").read_text())["exports"])
    output = tmp_path_factory.mktemp("exports") / "calculator.wasm"
    return compile_to(CALCULATOR, output, CompileOptions(exports=exports), SilentSteps())


def _custom_section(wasm: bytes, wanted: str) -> bytes:
    for section in sections(wasm):
        if section.id == 0:
            name_length, name_start = read_leb(wasm, section.body)
            if wasm[name_start:name_start + name_length].decode() == wanted:
                return wasm[name_start + name_length:section.end]
    raise AssertionError(f"no custom section {wanted}")


class WasmtimeHost:
    """The ABI from the host's side, under wasmtime-py, with env.record/twice/shout."""

    def __init__(self, wasm: Path, stdout: Path) -> None:
        engine = wasmtime.Engine()
        self.store = wasmtime.Store(engine)
        wasi = wasmtime.WasiConfig()
        wasi.argv = ["calculator"]
        wasi.stdout_file = str(stdout)
        self.store.set_wasi(wasi)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        self.recorded: list[list[object]] = []
        i32, i64, f64 = wasmtime.ValType.i32(), wasmtime.ValType.i64(), wasmtime.ValType.f64()
        linker.define_func("env", "record", wasmtime.FuncType([i32, i32, i64], []), self._record)
        linker.define_func("env", "twice", wasmtime.FuncType([f64], [f64]), lambda x: 2 * x)
        linker.define_func("env", "shout", wasmtime.FuncType([i32, i32], [i32]), self._shout)
        module = wasmtime.Module(engine, wasm.read_bytes())
        self.exports = linker.instantiate(self.store, module).exports(self.store)
        memory = self.exports["memory"]
        assert isinstance(memory, wasmtime.Memory)
        self.memory = memory
        self.signatures = {f["name"]: f for f in json.loads(_custom_section(wasm.read_bytes(), "tpy2wasm.exports"))["functions"]}
        self.export("_initialize")()

    def export(self, name: str) -> Callable[..., Any]:
        function = self.exports[name]
        assert isinstance(function, wasmtime.Func), name
        return lambda *arguments: function(self.store, *arguments)

    def _read(self, pointer: int, length: int) -> bytes:
        return bytes(self.memory.read(self.store, pointer, pointer + length))

    def _copy_in(self, data: bytes) -> int:
        pointer: int = self.export("tpy2wasm_alloc")(len(data))
        self.memory.write(self.store, data, pointer)
        return pointer

    def _take_buffer(self, pointer: int) -> bytes:
        (length,) = struct.unpack("<I", self._read(pointer, 4))
        data = self._read(pointer + 4, length)
        self.export("tpy2wasm_free")(pointer)
        return data

    def _record(self, pointer: int, length: int, number: int) -> None:
        self.recorded.append([self._read(pointer, length).decode(), number])

    def _shout(self, pointer: int, length: int) -> int:
        text = (self._read(pointer, length).decode().upper() + "!").encode()
        return self._copy_in(struct.pack("<I", len(text)) + text)

    def call(self, name: str, arguments: list[object]) -> dict[str, object]:
        wasm_arguments: list[object] = []
        for argument, python_type in zip(arguments, self.signatures[name]["params"], strict=True):
            if isinstance(argument, (str, bytes)):
                data = argument.encode() if isinstance(argument, str) else argument
                wasm_arguments += [self._copy_in(data), len(data)]
            else:
                assert isinstance(argument, (int, float))
                wasm_arguments.append(float(argument) if python_type == "float" else int(argument))
        value = self.export(name)(*wasm_arguments)
        error = self.export("tpy2wasm_error")()
        if error:
            return {"error": self._take_buffer(error).decode()}
        result = self.signatures[name]["result"]
        if result in ("str", "bytes"):
            data = self._take_buffer(value)
            value = data.decode() if result == "str" else data
        elif result == "bool":
            value = bool(value)
        return {"result": encoded(value)}


def comparable(results: list[dict[str, object]]) -> list[dict[str, object]]:
    """A traceback compares by its last line (CPython's shows the lines of this test too)."""
    return [{"error": _last_line(str(r["error"]))} if "error" in r else r for r in results]


@pytest.fixture(scope="module")
def expectation() -> tuple[list[dict[str, object]], list[list[object]], str]:
    return cpython_expectation()


def test_wasmtime_calls_match_cpython(calculator: Path, expectation: Any, tmp_path: Path) -> None:
    host = WasmtimeHost(calculator, tmp_path / "stdout")
    results = [host.call(name, arguments) for name, arguments in CALLS]
    expected_results, expected_recorded, expected_stdout = expectation
    assert comparable(results) == expected_results
    assert host.recorded == expected_recorded
    assert (tmp_path / "stdout").read_text() == expected_stdout


def test_node_calls_match_cpython(calculator: Path, expectation: Any, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    out = tmp_path / "results.json"
    calls = [[name, [encoded(a) for a in arguments]] for name, arguments in CALLS]
    request = json.dumps({"wasm": str(calculator), "out": str(out), "calls": calls})
    run = subprocess.run([node, "--no-warnings", str(NODE_HOST), request], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    reply = json.loads(out.read_text())
    expected_results, expected_recorded, expected_stdout = expectation
    assert comparable(reply["results"]) == expected_results
    assert reply["recorded"] == expected_recorded
    assert run.stdout.decode() == expected_stdout


def test_an_exception_is_a_python_traceback_and_the_instance_goes_on(calculator: Path, tmp_path: Path) -> None:
    host = WasmtimeHost(calculator, tmp_path / "stdout")
    error = str(host.call("fails", [9])["error"])
    assert error.startswith("Traceback (most recent call last):\n")
    line = CALCULATOR.read_text().splitlines().index('        raise ValueError(f"{n} is too big")') + 1
    assert f'File "{CALCULATOR}", line {line}, in fails\n' in error
    assert error.endswith("ValueError: 9 is too big\n")
    assert host.call("add", [2, 3]) == {"result": {"int": "5"}}
    assert host.export("tpy2wasm_error")() == 0
    not_utf8 = str(host.call("greet", [b"\xff"])["error"])  # a str argument is strict UTF-8
    assert _last_line(not_utf8).startswith("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff")
    assert host.call("greet", ["ok"]) == {"result": {"str": "héllo ok ✓"}}


def test_the_section_describes_each_export(calculator: Path) -> None:
    description = json.loads(_custom_section(calculator.read_bytes(), "tpy2wasm.exports"))
    functions = {f["name"]: f for f in description["functions"]}
    assert functions["scale"] == {"name": "scale", "params": ["float", "int"], "param_names": ["x", "factor"],
                                  "result": "float"}
    assert functions["nothing"]["result"] == "None"
    assert set(functions) == {*json.loads(CALCULATOR.with_suffix(".tpy2wasm.json").read_text())["exports"],
                              "greet", "reverse", "cube", "kind_of_cube"}
    assert [(i["module"], i["import"]) for i in description["host_imports"]] == [
        ("env", "record"), ("env", "twice"), ("env", "shout")]


def test_a_decorated_export_is_native(calculator: Path, tmp_path: Path) -> None:
    host = WasmtimeHost(calculator, tmp_path / "stdout")
    assert host.call("kind_of_cube", []) == {"result": {"str": "native_function"}}


def test_a_module_without_exports_stays_a_command(tmp_path: Path) -> None:
    script = tmp_path / "plain.py"
    script.write_text("import tpy2wasm\n@tpy2wasm.host_import('env', 'f')\ndef f() -> None: ...\nprint('hi')\n")
    output = compile_to(script, tmp_path / "plain.wasm", CompileOptions(), SilentSteps())
    module = wasmtime.Module(wasmtime.Engine(), output.read_bytes())
    names = {export.name for export in module.exports}
    assert "_start" in names and "_initialize" not in names and "tpy2wasm_error" not in names
    assert [(i.module, i.name) for i in module.imports if i.module == "env"] == [("env", "f")]


@pytest.mark.parametrize(
    ("source", "arguments", "expected"),
    [
        ("def f(x: int) -> int:\n    return x\n", ["--export", "g"],
         "lib.py:1: error: cannot export 'g': the script defines no module-level function of that name"),
        ("x = 1\n\n\nclass C: pass\n", ["--export", "C"], "lib.py:4: error: cannot export 'C': it is not a module-level def"),
        ("def f(xs: list[int]) -> int:\n    return 0\n", ["--export", "f"],
         "lib.py:1: error: export f(): parameter 'xs' is list[int]; it may be int, float, bool, str or bytes"),
        ("def f(x) -> int:\n    return 0\n", ["--export", "f"], "lib.py:1: error: export f(): parameter 'x' has no type hint"),
        ("import tpy2wasm\n\n@tpy2wasm.export\ndef f(x: int):\n    return 0\n", [],
         "lib.py:4: error: export f(): the result has no type hint"),
        ("def f(*xs: int) -> None:\n    pass\n", ["--export", "f"],
         "lib.py:1: error: export f() may have positional parameters only"),
        ("def memory() -> None:\n    pass\n", ["--export", "memory"],
         "lib.py:1: error: cannot export 'memory': the name is reserved for the module's runtime"),
        ("import tpy2wasm\nNAME = 'f'\n\n@tpy2wasm.host_import('env', NAME)\ndef f() -> None: ...\n", [],
         "lib.py:4: error: host_import takes two string literals: the Wasm import's module and name"),
        ("from tpy2wasm import host_import\n\n@host_import('env', 'f')\ndef f(x: dict) -> None: ...\n", [],
         "lib.py:4: error: host import f(): parameter 'x' is dict; it may be int, float, bool, str or bytes"),
    ],
    ids=["missing", "not-a-def", "list-parameter", "no-hint", "no-result-hint", "varargs", "reserved", "import-name",
         "import-type"],
)
def test_what_cannot_cross_is_one_line_and_no_output(tmp_path: Path, source: str, arguments: list[str],
                                                      expected: str) -> None:
    (tmp_path / "lib.py").write_text(source)
    output = tmp_path / "lib.wasm"
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "compile", "lib.py", "-o", str(output), "-q", *arguments],
                            capture_output=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 1
    assert result.stderr.decode() == expected + "\n"
    assert not output.exists()


def test_the_decorators_change_nothing_under_cpython() -> None:
    import tpy2wasm

    def stub(x: int) -> int:
        return x + 1

    assert tpy2wasm.export(stub) is stub
    assert tpy2wasm.host_import("env", "stub")(stub) is stub


@pytest.mark.parametrize(("top_level", "status", "stderr_end"),
                         [("raise KeyError('k')", 1, "KeyError: 'k'\n"), ("raise SystemExit(3)", 3, "")],
                         ids=["exception", "system-exit"])
def test_a_failing_top_level_exits_from_initialize_as_python_does(tmp_path: Path, top_level: str, status: int,
                                                                   stderr_end: str) -> None:
    script = tmp_path / "broken.py"
    script.write_text(f"def f() -> int:\n    return 1\n\n{top_level}\n")
    output = compile_to(script, tmp_path / "broken.wasm", CompileOptions(exports=("f",)), SilentSteps())
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.stderr_file = str(tmp_path / "stderr")
    store.set_wasi(wasi)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    instance = linker.instantiate(store, wasmtime.Module(engine, output.read_bytes()))
    with pytest.raises(wasmtime.ExitTrap) as exit_trap:
        initialize = instance.exports(store)["_initialize"]
        assert isinstance(initialize, wasmtime.Func)
        initialize(store)
    assert exit_trap.value.code == status
    assert (tmp_path / "stderr").read_text().endswith(stderr_end)


def test_run_builds_a_command_even_with_decorated_exports(tmp_path: Path) -> None:
    script = tmp_path / "both.py"
    script.write_text("import sys\nimport tpy2wasm\n\n@tpy2wasm.export\ndef f(x: int) -> int:\n    return x + 1\n\n"
                      "print(f(41))\nsys.exit(3)\n")
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "run", str(script)], capture_output=True, timeout=600)
    assert (result.stdout, result.returncode) == (b"42\n", 3), result.stderr
