"""The import statements of the user's modules, with their lines: what a bad import is blamed
on, and which imports warn that WASI preview 1 cannot do what the module is for.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ImportSite:
    module: str
    path: Path
    line: int
    #: inside a try whose handlers catch ImportError: the program copes if it fails
    optional: bool

    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


def _catches_import_errors(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in _OPTIONAL_IMPORT_HANDLERS for name in names)


def _walk(node: ast.AST, package: str, path: Path, optional: bool) -> Iterator[ImportSite]:
    if isinstance(node, ast.Try):
        guarded = optional or any(_catches_import_errors(handler) for handler in node.handlers)
        for statement in node.body:
            yield from _walk(statement, package, path, guarded)
        for rest in (*node.handlers, *node.orelse, *node.finalbody):
            yield from _walk(rest, package, path, optional)
        return
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield ImportSite(alias.name, path, node.lineno, optional)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            base = f"{parent}.{base}".strip(".") if base else parent
        yield ImportSite(base, path, node.lineno, optional)
        for alias in node.names:
            yield ImportSite(f"{base}.{alias.name}", path, node.lineno, True)  # maybe an attribute
    for child in ast.iter_child_nodes(node):
        yield from _walk(child, package, path, optional)


def import_sites(path: Path, package: str) -> list[ImportSite]:
    """Every module the file imports (`package`: where its relative imports start)."""
    tree = ast.parse(path.read_bytes(), str(path))
    return list(_walk(tree, package, path, False))


def check_imports(modules: Iterable[tuple[str, Path, bool]], missing: set[str],
                  extensions: dict[str, Path]) -> list[str]:
    """Raises for the first import nothing can provide; returns warnings for WASI's limits.

    `modules`: (name, path, is_package) of the user's modules; `missing`: modules found nowhere;
    `extensions`: C extension modules found on the host (they have no WASI build).
    """
    warnings = []
    for name, path, is_package in modules:
        package = name if is_package else name.rpartition(".")[0]
        for site in import_sites(path, package):
            top_level = site.module.partition(".")[0]
            needed_extensions = sorted(e for e in extensions if e.partition(".")[0] == top_level)
            if not site.optional and site.module in missing:
                raise CompileError(
                    f"cannot import '{site.module}': it is not a local module, not in the stdlib of "
                    "CPython for WASI, and not installed here as pure Python", path=path, line=site.line)
            if not site.optional and needed_extensions:
                raise CompileError(
                    f"cannot import '{site.module}': it needs the C extension '{needed_extensions[0]}', "
                    "which has no WASI build", path=path, line=site.line)
            if site.module in WASI_UNSUPPORTED:
                warnings.append(f"{site.location()}: warning: '{site.module}' imports, but "
                                f"{WASI_UNSUPPORTED[site.module]}")
    return warnings
