"""The whole compiler on one screen: from a script to one standalone WASI module.

    find the toolchain -> discover the program's modules -> compile typed functions natively
    (compiler/native.py: mypy -> nativeness -> typed IR -> per function, the exceptions pass,
    the refcount pass and LLVM) -> freeze the modules (native defs decorated) -> emit the data
    objects -> build the C runtime -> link

Every product is cached by a hash of its inputs, so an edited program rebuilds only what
its edit touched, and an unchanged one is a cache hit down to the linked module.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tpy2wasm import __version__
from tpy2wasm.codegen import tables
from tpy2wasm.compiler import freezing
from tpy2wasm.codegen.tables import BuiltinModule, frozen_table_object, inittab_object, libpython_frozen_object
from tpy2wasm.compiler.cache import (atomic_write, cached_file, digest, file_fingerprint, mark_used,
                                     trim_products)
from tpy2wasm.compiler.deep_recursion import with_deep_recursion
from tpy2wasm.compiler.discovery import BOOTSTRAP_MODULES, ProgramModules, StdlibMode, discover
from tpy2wasm.compiler.errors import CompileError, display_path
from tpy2wasm.compiler.exports import Interop, find_exports, find_host_imports
from tpy2wasm.compiler.freezing import freeze_bootstrap, freeze_program, freeze_stdlib, is_deflated
from tpy2wasm.compiler.interop_source import EXPORTS_SECTION, custom_section, exports_section, interop_c_source
from tpy2wasm.compiler.linker import LINK_RECIPE, interop_objects, link, prepare_c_library, runtime_objects
from tpy2wasm.compiler.native import compile_native
from tpy2wasm.compiler.progress import Steps
from tpy2wasm.compiler.toolchain import WasiPython, cache_root, find_wasi_python


#: The C module of the native core (wasm_runtime/native_function.c), built into every module.
RUNTIME_MODULE = BuiltinModule("_tpy2wasm", "PyInit__tpy2wasm")
#: The C module behind tpy2wasm.host_import (wasm_runtime/interop.c), in modules with host imports.
HOST_IMPORT_MODULE = BuiltinModule("_tpy2wasm_host", "PyInit__tpy2wasm_host")
#: The code that writes the frozen tables and the inittab: part of their cache keys, so a new
#: version of it (an upgrade, an edit) never reuses an object the old one wrote.
_TABLE_WRITERS = digest(*(Path(str(module.__file__)).read_bytes() for module in (tables, freezing)))


@dataclass(frozen=True)
class CompileOptions:
    include_modules: tuple[str, ...] = ()
    stdlib: StdlibMode = StdlibMode.AUTO
    wasi_python: Path | None = None
    #: a type error that keeps a function out of native code is an error, not a warning
    strict: bool = False
    #: functions of the main script to export (then the module is a reactor)
    exports: tuple[str, ...] = ()
    #: export the defs decorated with @tpy2wasm.export too (`run` wants a command: it does not)
    decorated_exports: bool = True


@dataclass(frozen=True)
class BuiltModule:
    """A linked module in the cache, and the source files it was built from."""

    path: Path
    sources: tuple[Path, ...]


def build_module(script: Path, options: CompileOptions, steps: Steps,
                 warn: Callable[[str], None] = lambda warning: None) -> Path:
    """Compiles `script` and returns the linked module in the cache; `warn` gets each warning."""
    return build_program(script, options, steps, warn).path


def build_program(script: Path, options: CompileOptions, steps: Steps,
                  warn: Callable[[str], None] = lambda warning: None) -> BuiltModule:
    """`build_module`, also saying which source files went in."""
    return with_deep_recursion(lambda: _build_program(script, options, steps, warn))


def _build_program(script: Path, options: CompileOptions, steps: Steps, warn: Callable[[str], None]) -> BuiltModule:
    script = checked_script(script)
    build = find_wasi_python(options.wasi_python, steps)
    exports = find_exports(script, options.exports, options.decorated_exports)
    program = discover(script, build, options.include_modules, options.stdlib)
    interop = Interop(exports, find_host_imports(program))
    for warning in program.warnings:
        warn(warning)
    native = compile_native(program, steps)
    for note in native.type_errors:
        if options.strict:
            raise CompileError(note.description, path=note.path, line=note.line)
        warn(note.render("warning"))
    objects = [
        *runtime_objects(build),
        _libpython_frozen_object(build),
        _stdlib_object(program, build, steps),
        _program_object(program, native.native_defs),
        *native.object_paths,
        _inittab_object(program, build, interop),
        *(interop_objects(build, interop_c_source(interop), interop.is_reactor) if interop.needs_glue else ()),
    ]
    sections = custom_section(EXPORTS_SECTION, exports_section(interop)) if interop.is_reactor else b""
    module_key = digest(__version__, *LINK_RECIPE, sections, *(str(path) for path in objects))
    linked = cache_root() / "modules" / f"{module_key}.wasm"
    if not mark_used(linked):
        linked.parent.mkdir(parents=True, exist_ok=True)
        prepare_c_library(steps)
        with steps.step(f"Linking {script.name} with CPython 3.11"):
            link(objects, build, linked, interop.is_reactor, sections)
        trim_products()
    modules = (program.main, *program.user_modules, *program.stdlib_modules)
    return BuiltModule(linked, tuple(module.path for module in modules))


def compile_to(script: Path, output: Path, options: CompileOptions, steps: Steps,
               warn: Callable[[str], None] = lambda warning: None) -> Path:
    """`tpy2wasm compile`: builds, then writes `output` atomically, never over one of the program's files."""
    if output.is_dir():
        raise CompileError("cannot write the output: it is a folder", path=output)
    if not output.parent.is_dir():
        raise CompileError(f"cannot write the output: folder {output.parent} does not exist", path=output)
    built = build_program(script, options, steps, warn)
    source = next((source for source in built.sources if _same_file(source, output)), None)
    if source is not None:
        raise CompileError(f"cannot write the output over {display_path(source)}, a source file of the program",
                           path=output)
    atomic_write(output, built.path.read_bytes())
    return output


def _same_file(first: Path, second: Path) -> bool:
    """Whether both name one file (through links too); False when either does not exist."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def checked_script(script: Path) -> Path:
    if not script.exists():
        raise CompileError("no such file", path=script)
    if not script.is_file():
        raise CompileError("not a file", path=script)
    try:
        script.open("rb").close()
    except OSError as error:
        raise CompileError(f"cannot read the file: {error.strerror}", path=script) from None
    return script.resolve()


def _stdlib_object(program: ProgramModules, build: WasiPython, steps: Steps) -> Path:
    key = digest(_TABLE_WRITERS, *(f"{module.name}={file_fingerprint(module.path)}:{is_deflated(module.name)}"
                                   for module in program.stdlib_modules))

    def produce() -> bytes:
        with steps.step(f"Freezing {len(program.stdlib_modules)} stdlib modules"):
            return frozen_table_object("tpy2wasm_frozen_stdlib", freeze_stdlib(program.stdlib_modules, build.stdlib_dir))

    return cached_file("stdlib", key, ".o", produce)


def _libpython_frozen_object(build: WasiPython) -> Path:
    """What replaces libpython's deep-frozen modules (codegen/tables.py); the same for every program."""
    paths = [build.stdlib_dir.joinpath(*name.split(".")).with_suffix(".py") for name in BOOTSTRAP_MODULES.values()]
    key = digest(_TABLE_WRITERS, *(file_fingerprint(path) for path in paths))
    aliases = [(name, stdlib_name) for name, stdlib_name in BOOTSTRAP_MODULES.items() if name != stdlib_name]
    return cached_file("bootstrap", key, ".o",
                       lambda: libpython_frozen_object(freeze_bootstrap(build.stdlib_dir), aliases))


def _program_object(program: ProgramModules, native_defs: frozenset[tuple[str, str, int]]) -> Path:
    frozen = freeze_program(program, native_defs)
    key = digest(_TABLE_WRITERS, *(f"{module.name}:{module.is_package}:{module.deflated}" for module in frozen),
                 *(module.code for module in frozen))
    return cached_file("program", key, ".o", lambda: frozen_table_object("tpy2wasm_frozen_program", frozen))


def _inittab_object(program: ProgramModules, build: WasiPython, interop: Interop) -> Path:
    builtins = [BuiltinModule(name, build.builtin_modules[name]) for name in program.builtin_modules]
    builtins.append(RUNTIME_MODULE)
    if interop.host_imports:
        builtins.append(HOST_IMPORT_MODULE)
    key = digest(_TABLE_WRITERS, *(f"{module.name}={module.init_function}" for module in builtins))
    return cached_file("inittab", key, ".o", lambda: inittab_object(builtins))


