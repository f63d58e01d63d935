"""The import statements of a module, with their lines and the context they run in: what a
bad import is blamed on, which imports warn that WASI preview 1 cannot do what the module is
for, and which imports of the stdlib run only when a function is called.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tpy2wasm.compiler.errors import CompileError, display_path

#: Modules that import under WASI preview 1 but raise when used for their purpose.
WASI_UNSUPPORTED = {
    "threading": "WASI preview 1 has no threads: starting one raises RuntimeError",
    "_thread": "WASI preview 1 has no threads: starting one raises RuntimeError",
    "concurrent.futures": "WASI preview 1 has no threads or processes for executors",
    "multiprocessing": "WASI preview 1 has no processes",
    "subprocess": "WASI preview 1 has no processes: running one raises OSError",
    "socket": "WASI preview 1 cannot open sockets: creating one raises OSError",
    "asyncio": "WASI preview 1 has no sockets or subprocesses for asyncio to drive",
}
#: Handlers that make an import optional: the program copes with its absence, as CPython's would.
_OPTIONAL_IMPORT_HANDLERS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
#: Calls that import the module their first argument names: `importlib.import_module("x")`.
_DYNAMIC_IMPORT_FUNCTIONS = {"import_module", "__import__"}


@dataclass(frozen=True)
class ImportSite:
    module: str
    path: Path
    line: int
    #: inside a try whose handlers catch ImportError: the program copes if it fails
    optional: bool
    #: inside a function (def or lambda): it runs only when the function is called
    deferred: bool = False
    #: under an if, a loop, a with or a try, or deferred: it may not run when the module is imported
    conditional: bool = False
    #: a call such as importlib.import_module("x") with a literal name, not an import statement
    dynamic: bool = False
    #: `from package import name`: `package.name` may be a submodule or only an attribute
    maybe_attribute: bool = False

    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


def _catches_import_errors(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in _OPTIONAL_IMPORT_HANDLERS for name in names)


def is_main_guard(node: ast.If) -> bool:
    """`if __name__ == "__main__":`, whose body runs only when the module is the script."""
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return (any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides)
            and any(isinstance(side, ast.Constant) and side.value == "__main__" for side in sides))


def _dynamic_import_name(node: ast.Call) -> str | None:
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else function.id if isinstance(function, ast.Name) else None
    if name in _DYNAMIC_IMPORT_FUNCTIONS and len(node.args) == 1 and not node.keywords:
        argument = node.args[0]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and argument.value.isascii():
            return argument.value
    return None


@dataclass(frozen=True)
class _Walk:
    """How to read one file: where its relative imports start, and whether it runs as __main__."""

    package: str
    path: Path
    as_main: bool

    def sites(self, node: ast.AST, context: ImportSite) -> Iterator[ImportSite]:
        if isinstance(node, ast.Try):
            guarded = context.optional or any(_catches_import_errors(handler) for handler in node.handlers)
            inside = replace(context, optional=guarded, conditional=True)
            for statement in node.body:
                yield from self.sites(statement, inside)
            for rest in (*node.handlers, *node.orelse, *node.finalbody):
                yield from self.sites(rest, replace(context, conditional=True))
            return
        if isinstance(node, ast.If) and not self.as_main and is_main_guard(node):
            for statement in node.orelse:
                yield from self.sites(statement, replace(context, conditional=True))
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            context = replace(context, deferred=True, conditional=True)
        elif isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Match)):
            context = replace(context, conditional=True)
        line = getattr(node, "lineno", context.line)
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield replace(context, module=alias.name, line=line)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = self.package.rsplit(".", node.level - 1)[0] if node.level > 1 else self.package
                base = f"{parent}.{base}".strip(".") if base else parent
            yield replace(context, module=base, line=line)
            for alias in node.names:
                yield replace(context, module=f"{base}.{alias.name}", line=line, maybe_attribute=True)
        elif isinstance(node, ast.Call) and (name := _dynamic_import_name(node)) is not None:
            yield replace(context, module=name, line=line, optional=True, dynamic=True)
        for child in ast.iter_child_nodes(node):
            yield from self.sites(child, context)


def import_sites(path: Path, package: str, as_main: bool = True, tree: ast.Module | None = None) -> list[ImportSite]:
    """Every module the file imports (`package`: where its relative imports start). A module
    that is not the script (`as_main` false) never runs its `if __name__ == "__main__":` body."""
    if tree is None:
        tree = ast.parse(path.read_bytes(), str(path))
    walk = _Walk(package, path, as_main)
    return list(walk.sites(tree, ImportSite("", path, 0, False)))


def missing_c_module_message(module: str, c_module: str) -> str:
    return (f"cannot import '{module}': it needs the C module '{c_module}', "
            "which CPython for WASI does not have")


def is_stdlib_name(name: str) -> bool:
    """A module of CPython's standard library on any platform (sys.stdlib_module_names)."""
    return name.partition(".")[0] in sys.stdlib_module_names


def check_imports(modules: Iterable[tuple[str, Path, bool]], missing: set[str], extensions: dict[str, Path],
                  missing_c_module: Callable[[str], str | None]) -> list[str]:
    """Raises for the first import nothing can provide; returns warnings for WASI's limits.

    `modules`: (name, path, is_package) of the user's modules; `missing`: modules found nowhere;
    `extensions`: C extension modules found on the host (they have no WASI build);
    `missing_c_module`: the stdlib C module a stdlib module cannot import without, if any.
    """
    warnings = []
    for name, path, is_package in modules:
        package = name if is_package else name.rpartition(".")[0]
        for site in import_sites(path, package, as_main=name == "__main__"):
            if not (site.optional or site.dynamic or site.maybe_attribute):
                _check_certain_import(site, missing, extensions, missing_c_module)
            if site.module in WASI_UNSUPPORTED:
                warnings.append(f"{site.location()}: warning: '{site.module}' imports, but "
                                f"{WASI_UNSUPPORTED[site.module]}")
    return warnings


def _check_certain_import(site: ImportSite, missing: set[str], extensions: dict[str, Path],
                          missing_c_module: Callable[[str], str | None]) -> None:
    """Raises if the import, which the program cannot do without, fails under WASI."""
    top_level = site.module.partition(".")[0]
    needed_extensions = sorted(e for e in extensions if e.partition(".")[0] == top_level)
    if site.module in missing and is_stdlib_name(site.module):
        raise CompileError(missing_c_module_message(site.module, site.module), path=site.path, line=site.line)
    if site.module in missing:
        raise CompileError(
            f"cannot import '{site.module}': it is not a local module, not in the stdlib of "
            "CPython for WASI, and not installed here as pure Python", path=site.path, line=site.line)
    if needed_extensions:
        raise CompileError(
            f"cannot import '{site.module}': it needs the C extension '{needed_extensions[0]}', "
            "which has no WASI build", path=site.path, line=site.line)
    c_module = missing_c_module(site.module)
    if c_module is not None:
        raise CompileError(missing_c_module_message(site.module, c_module), path=site.path, line=site.line)
