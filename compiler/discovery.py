"""Finds every module a program can import: its local modules and packages, found as
`python3.11 app.py` finds them through sys.path[0], and the stdlib and built-in C modules
of the CPython-for-WASI build that their imports reach.

The import graph comes from the stdlib's modulefinder, pointed at the WASI build's stdlib
and told which C modules that build has built in (not the host's).
"""

from __future__ import annotations

import ast
import modulefinder
import site
from importlib.machinery import EXTENSION_SUFFIXES
from collections.abc import Iterable, Iterator
from encodings import normalize_encoding
from encodings.aliases import aliases as codec_aliases
from types import CodeType
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from tpy2wasm.compiler.errors import CompileError, syntax_error
from tpy2wasm.compiler.imports import check_imports, import_sites
from tpy2wasm.compiler.lazy_imports import pruned_stdlib_tree
from tpy2wasm.compiler.module_graph import ModuleGraph
from tpy2wasm.compiler.toolchain import WasiPython

#: Modules CPython imports while it starts (python3.11.wasm, with site): encodings and codecs,
#: plus the C modules the core uses; their imports are followed.
STARTUP_MODULES = ("encodings", "encodings.aliases", "encodings.utf_8", "encodings.latin_1", "encodings.ascii")
#: The other stdlib modules CPython imports while it starts, which its own build deep-freezes
#: into libpython: added as they are, like the frozen modules they replace (following the
#: imports inside their functions, os.popen's subprocess, site's sysconfig and rlcompleter, ...,
#: would add dozens of modules no program asked for).
STARTUP_FROZEN_MODULES = (
    "_collections_abc", "_sitebuiltins", "abc", "codecs", "genericpath", "io", "os", "posixpath", "site", "stat",
)
STARTUP_BUILTINS = (
    "builtins", "sys", "_imp", "_warnings", "_thread", "_weakref", "_io", "marshal", "posix",
    "_abc", "_codecs", "_signal", "_stat", "time", "gc", "atexit", "errno",
)
#: What the runtime's excepthook (wasm_runtime/boot.py) runs to quote source lines: traceback.py,
#: with stand-ins for the modules it imports (wasm_runtime/traceback_imports.py), and the C
#: modules those use.
TRACEBACK_MODULES = ("traceback",)
TRACEBACK_BUILTINS = ("_ast", "_collections", "itertools")
#: Programs import their decorators from it; the runtime provides its own (guest_tpy2wasm.py).
GUEST_TPY2WASM = "tpy2wasm"
#: Modules CPython's build deep-freezes into libpython3.11.a (`_imp._frozen_module_names()`).
#: tpy2wasm links its own marshalled copies instead (codegen/tables.py: libpython_frozen_object),
#: compiled under the same `<frozen NAME>` file names, which tracebacks show.
LIBPYTHON_FROZEN = frozenset({
    "_collections_abc", "_sitebuiltins", "abc", "codecs", "genericpath", "importlib._bootstrap",
    "importlib._bootstrap_external", "importlib.machinery", "importlib.util", "io", "ntpath", "os", "posixpath",
    "runpy", "site", "stat", "zipimport",
})
#: The import system's own modules, in CPython's bootstrap table (searched before any other),
#: under the names CPython gives them -> their stdlib modules. importlib/__init__.py puts the
#: first two into sys.modules under their stdlib names before anything imports those.
BOOTSTRAP_MODULES = {
    "_frozen_importlib": "importlib._bootstrap",
    "_frozen_importlib_external": "importlib._bootstrap_external",
    "zipimport": "zipimport",
}
#: What modulefinder cannot find and need not: os puts its path module into sys.modules itself,
#: and the bootstrap table serves the import system under CPython's names.
_NOT_A_FILE = frozenset({"os.path", *BOOTSTRAP_MODULES})
#: Parts of the stdlib that --stdlib=full still leaves out: tests, GUIs, installers, and
#: the WASI build's lib-dynload overrides that sys.path shadows anyway.
_FULL_STDLIB_EXCLUDED = frozenset({
    "test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "distutils", "venv",
    "site-packages", "lib-dynload", "__pycache__", "config-3.11-wasm32-wasi", "__phello__",
})


class StdlibMode(str, Enum):
    """auto: the stdlib modules the import graph reaches; full: all of it."""

    AUTO = "auto"
    FULL = "full"


@dataclass(frozen=True)
class SourceModule:
    name: str
    path: Path
    is_package: bool


@dataclass(frozen=True)
class ProgramModules:
    """Everything one program needs, split by where each module comes from."""

    main: SourceModule
    user_modules: tuple[SourceModule, ...]
    stdlib_modules: tuple[SourceModule, ...]
    builtin_modules: tuple[str, ...]
    #: `path:line: warning: ...` lines: imports of modules WASI preview 1 cannot serve.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _FoundModule:
    """The typed view of a modulefinder.Module (whose attributes typeshed does not declare)."""

    file: Path | None
    is_package: bool
    code: CodeType | None

    @staticmethod
    def of(module: modulefinder.Module) -> _FoundModule:
        file = getattr(module, "__file__", None)
        return _FoundModule(
            Path(file) if file else None,
            getattr(module, "__path__", None) is not None,
            getattr(module, "__code__", None),
        )


class _WasiModuleFinder(modulefinder.ModuleFinder):
    """A ModuleFinder whose built-in modules are those of the WASI build, not the host's, and
    which reads stdlib modules without the imports a program never runs (lazy_imports.py)."""

    def __init__(self, path: list[str], builtin_names: Iterable[str], stdlib_dir: Path) -> None:
        super().__init__(path=path, excludes=[GUEST_TPY2WASM])
        self._builtin_names = frozenset(builtin_names)
        self._stdlib_dir = stdlib_dir
        #: stdlib module name -> its source as scanned (pruned)
        self.stdlib_trees: dict[str, ast.Module] = {}

    def scan_code(self, co, m):  # type: ignore[no-untyped-def]
        found = _FoundModule.of(m)
        if co is found.code and found.file is not None and found.file.suffix == ".py" \
                and found.file.is_relative_to(self._stdlib_dir):
            package = m.__name__ if found.is_package else m.__name__.rpartition(".")[0]
            tree = pruned_stdlib_tree(found.file, package)
            self.stdlib_trees[m.__name__] = tree
            co = compile(tree, str(found.file), "exec", dont_inherit=True)
        super().scan_code(co, m)

    def find_module(self, name, path, parent=None):  # type: ignore[no-untyped-def]
        fullname = name if parent is None else f"{parent.__name__}.{name}"
        if fullname in self.excludes:
            raise ImportError(name)
        if path is None:
            if name in self._builtin_names:
                return None, None, ("", "", modulefinder._C_BUILTIN)  # type: ignore[attr-defined]
            path = self.path
        return modulefinder._find_module(name, path)  # type: ignore[attr-defined]


def _find_modules(script: Path, build: WasiPython, include: Iterable[str], stdlib: StdlibMode) -> _WasiModuleFinder:
    stdlib_dir = build.stdlib_dir
    search_path = [str(script.parent), str(stdlib_dir), *_host_package_dirs()]
    finder = _WasiModuleFinder(search_path, build.builtin_modules, stdlib_dir)
    try:
        finder.run_script(str(script))
    except SyntaxError as error:
        raise syntax_error(error, script) from None
    for name in _dynamic_imports(finder, stdlib_dir):
        try:
            finder.import_hook(name)
        except ImportError:
            continue  # CPython raises at run time too, where the program may catch it
    for name in include:
        try:
            finder.import_hook(name)
        except ImportError:
            raise CompileError(f"--include-module {name}: no such module beside the script or in the stdlib") from None
    optional = list(STARTUP_MODULES)
    if stdlib is StdlibMode.FULL:
        optional += _all_stdlib_module_names(stdlib_dir)
    for name in optional:
        try:
            finder.import_hook(name)
        except (ImportError, SyntaxError):
            continue  # a stdlib module that cannot work under WASI; importing it fails there too

    for name in _codec_modules_named(finder, stdlib_dir):
        finder.import_hook(name)
    return finder


def _module_graph(finder: _WasiModuleFinder) -> ModuleGraph:
    """The import edges among the modules `finder` found."""
    sources = {}
    for name, module in finder.modules.items():
        found = _FoundModule.of(module)
        if found.file is not None and found.file.suffix == ".py":
            sources[name] = (found.file, found.is_package)
    missing, _maybe_attributes = finder.any_missing_maybe()
    return ModuleGraph(sources, frozenset(missing) - _NOT_A_FILE, finder.stdlib_trees)


def find_program_graph(script: Path, build: WasiPython, include: Iterable[str], stdlib: StdlibMode) -> ModuleGraph:
    """The import graph of the program whose main script is `script` (an absolute path)."""
    return _module_graph(_find_modules(script, build, include, stdlib))


def discover(script: Path, build: WasiPython, include: Iterable[str], stdlib: StdlibMode) -> ProgramModules:
    """The modules of the program whose main script is `script` (an absolute path)."""
    stdlib_dir = build.stdlib_dir
    finder = _find_modules(script, build, include, stdlib)
    main: SourceModule | None = None
    user: list[SourceModule] = []
    library: list[SourceModule] = []
    builtins = set(STARTUP_BUILTINS)
    extensions: dict[str, Path] = {}
    for name, module in sorted(finder.modules.items()):
        found = _FoundModule.of(module)
        if found.file is None:
            if name in build.builtin_modules:
                builtins.add(name)
            continue
        if found.file.name.endswith(tuple(EXTENSION_SUFFIXES)):
            extensions[name] = found.file
            continue
        source = SourceModule(name, found.file, found.is_package)
        if name == "__main__":
            main = source
        elif source.path.is_relative_to(stdlib_dir):
            if name not in BOOTSTRAP_MODULES.values():
                library.append(source)
        else:
            user.append(source)
    found_names = {module.name for module in library}
    library += [_stdlib_module(name, stdlib_dir) for name in (*STARTUP_FROZEN_MODULES, *TRACEBACK_MODULES)
                if name not in found_names]
    builtins.update(TRACEBACK_BUILTINS)
    if stdlib is StdlibMode.FULL:
        builtins.update(build.builtin_modules)
    assert main is not None, "modulefinder always records the script as __main__"
    graph = _module_graph(finder)
    own_modules = [(m.name, m.path, m.is_package) for m in (main, *user) if m.path.is_relative_to(script.parent)]
    warnings = check_imports(own_modules, set(graph.missing), extensions, graph.missing_c_module)
    return ProgramModules(main, tuple(user), tuple(library), tuple(sorted(builtins)), tuple(warnings))


def _stdlib_module(name: str, stdlib_dir: Path) -> SourceModule:
    path = stdlib_dir.joinpath(*name.split("."))
    if (path / "__init__.py").is_file():
        return SourceModule(name, path / "__init__.py", True)
    return SourceModule(name, path.with_suffix(".py"), False)


def _host_package_dirs() -> list[str]:
    """Where pure-Python packages installed here live (site-packages), searched after the stdlib."""
    return [path for path in (*site.getsitepackages(), site.getusersitepackages()) if Path(path).is_dir()]


def _all_stdlib_module_names(stdlib_dir: Path) -> list[str]:
    names = []
    for path in sorted(stdlib_dir.rglob("*.py")):
        relative = path.relative_to(stdlib_dir)
        if _FULL_STDLIB_EXCLUDED.intersection(relative.parts) or not all(p.isidentifier() for p in relative.parts[:-1]):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts and all(part.isidentifier() for part in parts):
            names.append(".".join(parts))
    return names


def _dynamic_imports(finder: modulefinder.ModuleFinder, stdlib_dir: Path) -> list[str]:
    """Modules the program's own code imports by a literal name: importlib.import_module("x")."""
    names = []
    for name, module in list(finder.modules.items()):
        found = _FoundModule.of(module)
        if found.file is None or found.file.suffix != ".py" or found.file.is_relative_to(stdlib_dir):
            continue
        package = name if found.is_package else name.rpartition(".")[0]
        names += [site.module for site in import_sites(found.file, package, as_main=name == "__main__")
                  if site.dynamic]
    return names


def _codec_modules_named(finder: modulefinder.ModuleFinder, stdlib_dir: Path) -> list[str]:
    """encodings.* modules for the codec names that string literals of the program spell.

    Codecs are imported by name at run time ("x".encode("utf-16")), which no import statement
    shows; a literal naming a codec is the static evidence there is.
    """
    wanted = set()
    for module in list(finder.modules.values()):
        found = _FoundModule.of(module)
        if found.code is None or found.file is None or found.file.is_relative_to(stdlib_dir):
            continue
        for text in _string_constants(found.code):
            normalized = normalize_encoding(text.lower())
            codec = codec_aliases.get(normalized, normalized)
            if codec and (stdlib_dir / "encodings" / f"{codec}.py").is_file():
                wanted.add(f"encodings.{codec}")
    return sorted(wanted)


def _string_constants(code: CodeType) -> Iterator[str]:
    for constant in code.co_consts:
        if isinstance(constant, str) and len(constant) < 40:
            yield constant
        elif isinstance(constant, CodeType):
            yield from _string_constants(constant)
