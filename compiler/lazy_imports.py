"""Which imports inside the stdlib's own functions discovery does not follow, and why.

An import at a module's top level runs whenever the module is imported, so its target is
always included. An import inside a function runs only if the function is called; following
every one of them is what made `import os` pull in asyncio, email, http and unittest (about
290 modules, 14 MB): dataclasses -> functools.singledispatch -> typing -> warnings ->
traceback -> ast.main -> argparse -> shutil.unpack_archive -> zipfile -> py_compile ->
importlib's find_distributions -> importlib.metadata -> email, ... -> doctest -> unittest ->
asyncio. Nothing tells statically whether a function runs, so only the edges listed here are
cut, each because the function that imports is one a program run by tpy2wasm does not call
(or cannot use under WASI). Everything else a function imports is still included.

A module is left out only when nothing but such an edge reaches it: a program that imports
it itself (anywhere, even inside a function or via importlib.import_module("name")) gets it,
and `--include-module NAME` adds one by hand. `tpy2wasm compile --why NAME app.py` tells
which applies.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tpy2wasm.compiler.imports import is_main_guard

#: Targets of function-level imports in the stdlib that are not followed: module -> why the
#: functions importing it do not run in a tpy2wasm program. A package covers its submodules.
LAZY_ONLY_MODULES = {
    "importlib.metadata": "only PathFinder.find_distributions imports it: a frozen program has no "
                          "installed distributions on disk",
    "importlib.readers": "only file loaders' get_resource_reader imports it: a frozen program has no "
                         "file loaders",
    "py_compile": "only zipfile.PyZipFile.writepy imports it, to write .pyc files",
    "zipfile": "only shutil's archive functions import it: a module gets no pre-opened folders to archive",
    "tarfile": "only shutil's archive functions import it: a module gets no pre-opened folders to archive",
    "doctest": "only the _test() helpers of pickle, heapq, ... import it",
    "pdb": "only debugging hooks (breakpoint helpers, doctest) import it: WASI has no interactive console",
    "pydoc": "only help() and pdb import it: an interactive help viewer",
    "unittest": "only test helpers import it",
    "test": "only the regression test helpers import it",
    "concurrent.futures.process": "only concurrent.futures.ProcessPoolExecutor imports it: WASI has no processes",
}
#: Functions that are a stdlib module's command line, called only from its
#: `if __name__ == "__main__":` block (`python -m module`), which a program never runs:
#: their imports (mostly argparse) are not followed.
COMMAND_LINE_FUNCTIONS = frozenset({"main", "_main", "_test", "test"})


def lazy_only_reason(module: str) -> str | None:
    """Why function-level imports of `module` in the stdlib are not followed, if they are not."""
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        reason = LAZY_ONLY_MODULES.get(".".join(parts[:length]))
        if reason is not None:
            return reason
    return None


class _Pruner(ast.NodeTransformer):
    """Removes from a stdlib module the imports a program never runs (see the module docstring)."""

    def __init__(self, package: str) -> None:
        self._package = package
        self._function_depth = 0

    def visit_If(self, node: ast.If) -> ast.AST:
        if is_main_guard(node):
            node.body = [ast.copy_location(ast.Pass(), node)]
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        return self._visit_function(node)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self._visit_function(node)

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> ast.AST:
        if self._function_depth == 0 and not isinstance(node, ast.Lambda) and node.name in COMMAND_LINE_FUNCTIONS:
            return _without_imports(node)
        self._function_depth += 1
        try:
            return self.generic_visit(node)
        finally:
            self._function_depth -= 1

    def visit_Import(self, node: ast.Import) -> ast.AST:
        if self._function_depth:
            node.names = [alias for alias in node.names if lazy_only_reason(alias.name) is None]
        return node if node.names else ast.copy_location(ast.Pass(), node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST:
        if self._function_depth and lazy_only_reason(self._absolute(node)) is not None:
            return ast.copy_location(ast.Pass(), node)
        return node

    def _absolute(self, node: ast.ImportFrom) -> str:
        base = node.module or ""
        if not node.level:
            return base
        parent = self._package.rsplit(".", node.level - 1)[0] if node.level > 1 else self._package
        return f"{parent}.{base}".strip(".")


def _without_imports(node: ast.AST) -> ast.AST:
    for child in ast.walk(node):
        for field, value in ast.iter_fields(child):
            if isinstance(value, list) and any(isinstance(item, (ast.Import, ast.ImportFrom)) for item in value):
                kept = [item if not isinstance(item, (ast.Import, ast.ImportFrom))
                        else ast.copy_location(ast.Pass(), item) for item in value]
                setattr(child, field, kept)
    return node


def pruned_stdlib_tree(path: Path, package: str) -> ast.Module:
    """The stdlib module at `path` without the imports a program never runs (lines unchanged);
    `package`: where its relative imports start."""
    pruned = _Pruner(package).visit(ast.parse(path.read_bytes(), str(path)))
    assert isinstance(pruned, ast.Module)
    return ast.fix_missing_locations(pruned)
