"""The native step of the pipeline: analyse the program with mypy, lower what can be native to
the typed IR, and compile it with llvmlite (codegen/function_emitter.py runs the passes over
each function's IR first: analysis/exceptions.py, then analysis/refcounts.py). Cached by the program's sources, so an unchanged
program skips mypy entirely.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TypeVar
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path

import mypy
from mypy.version import __version__ as mypy_version

from tpy2wasm import __version__
from tpy2wasm.analysis.ir import FunctionIR
from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import COMPILER_FAILURE_REASON, TYPE_ERROR_REASON, check_program
from tpy2wasm.analysis.report import NativenessReport
from tpy2wasm.analysis.typed_ast import TypedProgram, build_typed_program
from tpy2wasm.codegen.native_module import FunctionEmitError, check_emission, native_objects
from tpy2wasm.compiler.cache import atomic_write, cache_folder, cached_file, digest
from tpy2wasm.compiler.discovery import ProgramModules
from tpy2wasm.compiler.errors import display_path
from tpy2wasm.compiler.progress import Steps
from tpy2wasm.compiler.toolchain import cache_root

_Result = TypeVar("_Result")

#: The packages whose code decides what the native object holds: part of its cache key.
_COMPILER_PACKAGES = ("tpy2wasm.analysis", "tpy2wasm.codegen")


@dataclass(frozen=True)
class TypeErrorNote:
    """A function that a mypy type error keeps out of native code."""

    path: str
    line: int
    qualname: str
    message: str

    @property
    def description(self) -> str:
        return f"{self.qualname}() is not native: {self.message}"

    def render(self, severity: str) -> str:
        return f"{display_path(self.path)}:{self.line}: {severity}: {self.description}"


@dataclass(frozen=True)
class NativeCode:
    object_paths: tuple[Path, ...]
    #: (module, qualname, line of its `def`) of every function and method compiled natively: a
    #: later `def` of the same name in the module or class is another function.
    native_defs: frozenset[tuple[str, str, int]]
    type_errors: tuple[TypeErrorNote, ...]


@cache
def _compiler_fingerprint() -> tuple[bytes, ...]:
    """The compiler's sources, read once, when the first build needs them (all of it is
    imported by then): a process whose sources are edited while it runs keeps keying its
    products by the code it runs, not by the code on disk. This module is one of them: it
    writes the stored products' format."""
    sources: list[bytes] = [Path(__file__).read_bytes()]
    for package in _COMPILER_PACKAGES:
        folder = Path(str(files(package)))
        sources += [path.read_bytes() for path in sorted(folder.glob("*.py"))]
    return tuple(sources)


def _typed_program(script: Path) -> TypedProgram:
    """mypy's analysis of the program, with the stubs' analysis kept in the user cache."""
    mypy_install = digest(str(Path(mypy.__file__).parent))[:8]  # the stub files' paths are in the entries
    return build_typed_program(str(script), stub_store=cache_folder(f"mypy-{mypy_version}-{mypy_install}"))


@dataclass(frozen=True)
class LoweredProgram:
    """A program as compiling sees it before optimisation: the verdicts, and the IR of the
    native functions (the operations `tpy2wasm explain` reports)."""

    typed: TypedProgram
    report: NativenessReport
    functions: list[FunctionIR]


def lowered_program(script: Path) -> LoweredProgram:
    """The analysis's verdicts, plus the functions the compiler failed to lower or emit (short
    of optimising them), exactly as compiling decides; and the IR it emits."""
    typed = _typed_program(script)
    report = check_program(typed)
    functions, _ = _emitted(typed, report, {}, lambda functions, filenames: check_emission(functions, filenames))
    return LoweredProgram(typed, report, functions)


def native_report(script: Path) -> NativenessReport:
    """The verdicts `tpy2wasm explain` shows (see `lowered_program`)."""
    return lowered_program(script).report


def _emitted(typed: TypedProgram, report: NativenessReport, filenames: dict[str, str],
             emit: Callable[[list[FunctionIR], dict[str, str]], _Result]) -> tuple[list[FunctionIR], _Result]:
    """Lowers and emits the native functions; a function either step fails on stays in the
    interpreter (its verdict says why), and the rest are lowered and emitted again."""
    while True:
        functions = lower_program(typed, report)
        names = {module: filenames.get(module, typed.modules[module].path) for module in typed.modules}
        try:
            return functions, emit(functions, names)
        except FunctionEmitError as failure:
            verdict = report.verdict(failure.function.module, failure.function.qualname)
            verdict.reject(verdict.line, f"{COMPILER_FAILURE_REASON}: {failure}")


def compile_native(program: ProgramModules, steps: Steps) -> NativeCode:
    modules = [program.main, *program.user_modules]
    key = digest(__version__, *_compiler_fingerprint(),
                 *(f"{module.name}={module.path}" for module in modules),
                 *(module.path.read_bytes() for module in modules))

    def object_path(index: int) -> Path:
        return cache_root() / "native" / f"{key}.{index}.o"

    def produce() -> bytes:
        """Writes the objects, then returns the keys, stored last: their presence means all are."""
        with steps.step(f"Compiling the typed functions of {program.main.path.name} natively"):
            typed = _typed_program(program.main.path)
            report = check_program(typed)
            filenames = {module.name: str(module.path) for module in modules}
            functions, objects = _emitted(typed, report, filenames, native_objects)
            for index, code in enumerate(objects):
                atomic_write(object_path(index), code)
        type_errors = [
            asdict(TypeErrorNote(verdict.path, reason.line, verdict.qualname, reason.message))
            for verdict in report.functions for reason in sorted(verdict.reasons)
            if reason.message.startswith(TYPE_ERROR_REASON)
        ]
        defs = sorted((function.module, function.qualname, function.line) for function in functions)
        return json.dumps({"native_defs": defs, "type_errors": type_errors, "objects": len(objects)}).encode()

    built = json.loads(cached_file("native", key, ".json", produce).read_text())
    return NativeCode(tuple(object_path(index) for index in range(built["objects"])),
                      frozenset((module, qualname, line) for module, qualname, line in built["native_defs"]),
                      tuple(TypeErrorNote(**note) for note in built["type_errors"]))
