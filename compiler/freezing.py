"""Turns modules into frozen entries: source compiled by this CPython 3.11 and marshalled.

Marshalled 3.11 code runs on the WASI build's 3.11 (same bytecode magic number), which is
why tpy2wasm itself requires Python 3.11.
"""

from __future__ import annotations

import ast
import marshal
import tokenize
import unicodedata
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from tpy2wasm.codegen.tables import FrozenModule
from tpy2wasm.compiler.discovery import (
    BOOTSTRAP_MODULES, LIBPYTHON_FROZEN, STARTUP_FROZEN_MODULES, STARTUP_MODULES, ProgramModules, SourceModule,
)
from tpy2wasm.compiler.deep_recursion import compile_as_cpython
from tpy2wasm.compiler.errors import EXIT_SYNTAX_ERROR, CompileError, syntax_error

#: Where the WASI build's stdlib sits inside the module, as CPython-in-Wasm shows it.
GUEST_STDLIB_DIR = "/usr/local/lib/python3.11"
#: The boot module's frames count as import machinery: see wasm_runtime/boot.py.
_BOOT_FILENAME = "<frozen importlib._bootstrap_external>"
#: The builtin that boot.py installs and native `def`s are decorated with.
NATIVE_DECORATOR = "__tpy2wasm_native__"


def compile_source(source: bytes | ast.Module, filename: str, path_for_errors: Path) -> bytes:
    """Marshalled code of one module; a syntax error becomes `path:line:col: error: ...`."""
    try:
        # A tree is the source's own with decorators added, which compile_source has already
        # checked as CPython would; converting it back to C recurses more than the parser.
        code = compile(source, filename, "exec", dont_inherit=True, optimize=0) if isinstance(source, ast.Module) \
            else compile_as_cpython(source, filename)
    except SyntaxError as error:
        raise syntax_error(error, path_for_errors) from None
    except RecursionError as error:  # python3.11 fails the same way, before running anything
        raise CompileError(f"RecursionError: {error}", path=path_for_errors, line=1) from None
    except ValueError as error:  # e.g. a null byte in the source
        raise CompileError(str(error), path=path_for_errors, exit_code=EXIT_SYNTAX_ERROR) from None
    return marshal.dumps(code)


def is_deflated(stdlib_module: str) -> bool:
    """Whether a stdlib module is stored deflated: all but those CPython imports while it starts,
    so start-up inflates nothing (codegen/tables.py)."""
    return stdlib_module not in STARTUP_MODULES and stdlib_module not in STARTUP_FROZEN_MODULES


def freeze_stdlib(modules: Iterable[SourceModule], stdlib_dir: Path) -> list[FrozenModule]:
    frozen = []
    for module in modules:
        frozen.append(FrozenModule(module.name, _compile_stdlib_module(module.name, module.path, stdlib_dir),
                                   module.is_package, is_deflated(module.name)))
    return frozen


def freeze_bootstrap(stdlib_dir: Path) -> list[FrozenModule]:
    """The import system's own modules, under the names CPython's bootstrap table gives them."""
    frozen = []
    for name, stdlib_name in BOOTSTRAP_MODULES.items():
        path = stdlib_dir.joinpath(*stdlib_name.split(".")).with_suffix(".py")
        frozen.append(FrozenModule(name, _compile_stdlib_module(stdlib_name, path, stdlib_dir), False))
    return frozen


def _compile_stdlib_module(name: str, path: Path, stdlib_dir: Path) -> bytes:
    """A module CPython deep-freezes gets the file name its code has there (`<frozen os>`), which
    tracebacks show and importlib's frame trimming looks for; the others their guest path."""
    filename = f"<frozen {name}>" if name in LIBPYTHON_FROZEN else \
        f"{GUEST_STDLIB_DIR}/{path.relative_to(stdlib_dir).as_posix()}"
    return compile_source(path.read_bytes(), filename, path)


def freeze_program(program: ProgramModules, native_defs: frozenset[tuple[str, str, int]]) -> list[FrozenModule]:
    """The user's modules, `__main__`, the two start-up modules of the runtime, the program's
    source lines and the stand-ins for traceback.py's imports (both imported only when a
    traceback is printed), and the `tpy2wasm` a program imports its decorators from
    (wasm_runtime/guest_tpy2wasm.py)."""
    frozen = [_freeze_user_module(module, native_defs) for module in (program.main, *program.user_modules)]
    boot = files("tpy2wasm.wasm_runtime").joinpath("boot.py").read_bytes()
    frozen.append(FrozenModule("_tpy2wasm_boot", compile_source(boot, _BOOT_FILENAME, Path("boot.py")), False))
    manifest = _manifest_source(program).encode("utf-8")
    frozen.append(FrozenModule("_tpy2wasm_manifest", compile_source(manifest, "<tpy2wasm manifest>", Path("manifest")), False))
    sources = _sources_source(program).encode("utf-8")
    frozen.append(FrozenModule("_tpy2wasm_sources", compile_source(sources, "<tpy2wasm sources>", Path("sources")), False,
                               deflated=True))
    traceback_imports = files("tpy2wasm.wasm_runtime").joinpath("traceback_imports.py").read_bytes()
    frozen.append(FrozenModule("_tpy2wasm_traceback", compile_source(traceback_imports, "<frozen _tpy2wasm_traceback>",
                                                                     Path("traceback_imports.py")), False, deflated=True))
    guest = files("tpy2wasm.wasm_runtime").joinpath("guest_tpy2wasm.py").read_bytes()
    frozen.append(FrozenModule("tpy2wasm", compile_source(guest, "<frozen tpy2wasm>", Path("guest_tpy2wasm.py")), False))
    return frozen


def _freeze_user_module(module: SourceModule, native_defs: frozenset[tuple[str, str, int]]) -> FrozenModule:
    path = module.path
    try:
        source = path.read_bytes()
    except OSError as error:
        raise CompileError(f"cannot read the source file: {error.strerror}", path=path) from None
    native_names = {(qualname, line) for module_name, qualname, line in native_defs if module_name == module.name}
    if native_names:
        compile_source(source, str(path), path)  # its errors, as python3.11 reports them
        source_or_tree: bytes | ast.Module = _with_native_decorators(ast.parse(source, str(path)), module.name,
                                                                     native_names)
    else:
        source_or_tree = source
    return FrozenModule(module.name, compile_source(source_or_tree, str(path), path), module.is_package)


def _with_native_decorators(tree: ast.Module, module_name: str, native_names: set[tuple[str, int]]) -> ast.Module:
    """Decorates each native `def` of a function or of a method of a module-level class (by
    qualified name and line: another `def` of the name is another function) with
    `@__tpy2wasm_native__("module.qualname")`, which swaps the function for its native version
    as the `def` runs (see wasm_runtime/native_function.c). The decorator is the innermost, so
    a staticmethod or property holds the native function (analysis/nativeness.py:
    NATIVE_DECORATORS); it sits on the `def` line, so line numbers stay the source's."""
    definitions = [("", statement) for statement in tree.body]
    definitions += [(f"{statement.name}.", member) for statement in tree.body if isinstance(statement, ast.ClassDef)
                    for member in statement.body]
    for owner, statement in definitions:
        qualname = f"{owner}{getattr(statement, 'name', '')}"
        if isinstance(statement, ast.FunctionDef) and (qualname, statement.lineno) in native_names:
            decorator = ast.Call(ast.Name(NATIVE_DECORATOR, ast.Load()), [ast.Constant(f"{module_name}.{qualname}")], [])
            statement.decorator_list.append(ast.fix_missing_locations(ast.copy_location(decorator, statement)))
    return ast.fix_missing_locations(tree)


def _manifest_source(program: ProgramModules) -> str:
    user_modules = {module.name: (str(module.path), module.is_package) for module in program.user_modules}
    return f"MAIN_FILE = {str(program.main.path)!r}\nUSER_MODULES = {user_modules!r}\n"


def _sources_source(program: ProgramModules) -> str:
    """`LINES = {filename: lines}` for the program's own files, split as linecache splits a file
    it reads (decoded per PEP 263, universal newlines), under the names the code objects carry;
    `WIDE_CHARACTERS`: those of their characters that traceback.py's carets count as two columns
    (East Asian width W or F; unicodedata 14.0.0 here as in the WASI build), for a program without
    unicodedata (wasm_runtime/traceback_imports.py)."""
    lines: dict[str, list[str]] = {}
    for module in (program.main, *program.user_modules):
        with tokenize.open(module.path) as source:
            lines[str(module.path)] = source.readlines()
    characters = {character for file_lines in lines.values() for line in file_lines for character in line}
    wide = "".join(sorted(character for character in characters if unicodedata.east_asian_width(character) in "WF"))
    return f"LINES = {lines!r}\nWIDE_CHARACTERS = {wide!r}\n"
