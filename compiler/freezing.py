"""Turns modules into frozen entries: source compiled by this CPython 3.11 and marshalled.

Marshalled 3.11 code runs on the WASI build's 3.11 (same bytecode magic number), which is
why tpy2wasm itself requires Python 3.11.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from tpy2wasm.codegen.tables import FrozenModule
from tpy2wasm.compiler.discovery import ProgramModules, SourceModule
from tpy2wasm.compiler.errors import EXIT_SYNTAX_ERROR, CompileError, syntax_error

#: Where the WASI build's stdlib sits inside the module, as CPython-in-Wasm shows it.
GUEST_STDLIB_DIR = "/usr/local/lib/python3.11"
#: The boot module's frames count as import machinery: see wasm_runtime/boot.py.
_BOOT_FILENAME = "<frozen importlib._bootstrap_external>"


def compile_source(source: bytes, filename: str, path_for_errors: Path) -> bytes:
    """Marshalled code of one module; a syntax error becomes `path:line:col: error: ...`."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    except SyntaxError as error:
        raise syntax_error(error, path_for_errors) from None
    except ValueError as error:  # e.g. a null byte in the source
        raise CompileError(str(error), path=path_for_errors, exit_code=EXIT_SYNTAX_ERROR) from None
    return marshal.dumps(code)


def freeze_stdlib(modules: Iterable[SourceModule], stdlib_dir: Path) -> list[FrozenModule]:
    frozen = []
    for module in modules:
        guest_path = f"{GUEST_STDLIB_DIR}/{module.path.relative_to(stdlib_dir).as_posix()}"
        frozen.append(FrozenModule(module.name, compile_source(module.path.read_bytes(), guest_path, module.path),
                                   module.is_package))
    return frozen


def freeze_program(program: ProgramModules) -> list[FrozenModule]:
    """The user's modules, `__main__`, and the two start-up modules of the runtime."""
    frozen = [_freeze_user_module(program.main)]
    frozen += [_freeze_user_module(module) for module in program.user_modules]
    boot = files("tpy2wasm.wasm_runtime").joinpath("boot.py").read_bytes()
    frozen.append(FrozenModule("_tpy2wasm_boot", compile_source(boot, _BOOT_FILENAME, Path("boot.py")), False))
    manifest = _manifest_source(program).encode("utf-8")
    frozen.append(FrozenModule("_tpy2wasm_manifest", compile_source(manifest, "<tpy2wasm manifest>", Path("manifest")), False))
    return frozen


def _freeze_user_module(module: SourceModule) -> FrozenModule:
    path = module.path
    try:
        source = path.read_bytes()
    except OSError as error:
        raise CompileError(f"cannot read the source file: {error.strerror}", path=path) from None
    return FrozenModule(module.name, compile_source(source, str(path), path), module.is_package)


def _manifest_source(program: ProgramModules) -> str:
    user_modules = {module.name: (str(module.path), module.is_package) for module in program.user_modules}
    return f"MAIN_FILE = {str(program.main.path)!r}\nUSER_MODULES = {user_modules!r}\n"
