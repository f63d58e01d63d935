"""Finds what a program shares with its host, and checks it can cross the Wasm boundary:
the functions it exports (`--export NAME`, or `@tpy2wasm.export` in the main script) and the
Wasm imports it calls (`@tpy2wasm.host_import("env", "log")` on a typed stub).

Only scalars, str and bytes have a Wasm ABI (see wasm_runtime/interop.h), so a signature with
anything else is an error at compile time, with its line, rather than a failure at run time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tpy2wasm.compiler.discovery import ProgramModules, SourceModule
from tpy2wasm.compiler.errors import CompileError, syntax_error

#: Python types with a Wasm ABI, as parameters; a result may also be None.
PARAMETER_TYPES = ("int", "float", "bool", "str", "bytes")
RESULT_TYPES = (*PARAMETER_TYPES, "None")
#: Export names the reactor itself uses.
RESERVED_EXPORTS = frozenset({"memory", "_initialize", "_start"})
_RESERVED_PREFIX = "tpy2wasm_"


@dataclass(frozen=True)
class Signature:
    """A typed module-level function, as the host sees it."""

    name: str
    parameters: tuple[tuple[str, str], ...]  # (name, Python type)
    result: str


@dataclass(frozen=True)
class HostImport:
    module: str
    name: str
    signature: Signature


@dataclass(frozen=True)
class Interop:
    exports: tuple[Signature, ...] = ()
    host_imports: tuple[HostImport, ...] = ()

    @property
    def is_reactor(self) -> bool:
        return bool(self.exports)

    @property
    def needs_glue(self) -> bool:
        return bool(self.exports or self.host_imports)


@dataclass
class _Aliases:
    """How a module spells tpy2wasm's decorators: `tpy2wasm.export`, or `export` imported from it."""

    modules: set[str]
    export: set[str]
    host_import: set[str]

    @staticmethod
    def of(tree: ast.Module) -> _Aliases:
        aliases = _Aliases(set(), set(), set())
        for statement in tree.body:
            if isinstance(statement, ast.Import):
                aliases.modules.update(a.asname or a.name for a in statement.names if a.name == "tpy2wasm")
            elif isinstance(statement, ast.ImportFrom) and statement.module == "tpy2wasm" and not statement.level:
                for alias in statement.names:
                    if alias.name == "export":
                        aliases.export.add(alias.asname or alias.name)
                    elif alias.name == "host_import":
                        aliases.host_import.add(alias.asname or alias.name)
        return aliases

    def names(self, node: ast.expr, decorator: str) -> bool:
        """Whether `node` is tpy2wasm's `decorator` (export or host_import)."""
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return node.attr == decorator and node.value.id in self.modules
        spelled = self.export if decorator == "export" else self.host_import
        return isinstance(node, ast.Name) and node.id in spelled


def find_exports(script: Path, requested: Sequence[str], decorated: bool) -> tuple[Signature, ...]:
    """The main script's exports: the requested ones, then (if `decorated`) the decorated ones."""
    return tuple(_exports(_parse(script), script, requested, decorated))


def find_host_imports(program: ProgramModules) -> tuple[HostImport, ...]:
    """The Wasm imports the program's modules declare, one per (module, name)."""
    host_imports: dict[tuple[str, str], HostImport] = {}
    for module in _modules_naming_host_import((program.main, *program.user_modules)):
        for host_import in _host_imports(_parse(module.path), module.path):
            key = (host_import.module, host_import.name)
            known = host_imports.setdefault(key, host_import)
            if known.signature.parameters != host_import.signature.parameters or (
                    known.signature.result != host_import.signature.result):
                raise CompileError(f"host import {key[0]}.{key[1]} is declared twice with different types",
                                   path=module.path, line=1)
    return tuple(host_imports.values())


def _parse(path: Path) -> ast.Module:
    try:
        return ast.parse(path.read_bytes(), str(path))
    except SyntaxError as error:
        raise syntax_error(error, path) from None


def _modules_naming_host_import(modules: Iterable[SourceModule]) -> Iterable[SourceModule]:
    return (module for module in modules if b"host_import" in module.path.read_bytes())


def _exports(tree: ast.Module, path: Path, requested: Sequence[str], with_decorated: bool) -> list[Signature]:
    functions: dict[str, ast.FunctionDef] = {}
    other_bindings: dict[str, int] = {}
    aliases = _Aliases.of(tree)
    decorated: list[str] = []
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef):
            functions[statement.name] = statement
            if with_decorated and any(aliases.names(decorator, "export") for decorator in statement.decorator_list):
                decorated.append(statement.name)
        elif isinstance(statement, (ast.AsyncFunctionDef, ast.ClassDef)):
            other_bindings[statement.name] = statement.lineno
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            other_bindings.update((t.id, statement.lineno) for t in targets if isinstance(t, ast.Name))
    signatures = []
    for name in dict.fromkeys((*requested, *decorated)):
        function = functions.get(name)
        if function is None:
            if name in other_bindings:
                raise CompileError(f"cannot export '{name}': it is not a module-level def",
                                   path=path, line=other_bindings[name])
            raise CompileError(f"cannot export '{name}': the script defines no module-level function of that name",
                               path=path, line=1)
        if name in RESERVED_EXPORTS or name.startswith(_RESERVED_PREFIX):
            raise CompileError(f"cannot export '{name}': the name is reserved for the module's runtime",
                               path=path, line=function.lineno)
        signatures.append(_signature(function, path, "export"))
    return signatures


def _host_imports(tree: ast.Module, path: Path) -> list[HostImport]:
    aliases = _Aliases.of(tree)
    found = []
    for statement in tree.body:
        if not isinstance(statement, ast.FunctionDef):
            continue
        for decorator in statement.decorator_list:
            if isinstance(decorator, ast.Call) and aliases.names(decorator.func, "host_import"):
                arguments = decorator.args
                if decorator.keywords or len(arguments) != 2 or not all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in arguments):
                    raise CompileError("host_import takes two string literals: the Wasm import's module and name",
                                       path=path, line=decorator.lineno)
                module, name = (str(a.value) for a in arguments if isinstance(a, ast.Constant))
                found.append(HostImport(module, name, _signature(statement, path, "host import")))
    return found


def _signature(function: ast.FunctionDef, path: Path, role: str) -> Signature:
    arguments = function.args
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs:
        raise CompileError(f"{role} {function.name}() may have positional parameters only",
                           path=path, line=function.lineno)
    parameters = []
    for argument in (*arguments.posonlyargs, *arguments.args):
        where = f"{role} {function.name}(): parameter '{argument.arg}'"
        parameters.append((argument.arg, _hinted_type(argument.annotation, where, PARAMETER_TYPES, path,
                                                      argument.lineno)))
    result = _hinted_type(function.returns, f"{role} {function.name}(): the result", RESULT_TYPES, path,
                          function.lineno)
    return Signature(function.name, tuple(parameters), result)


def _hinted_type(annotation: ast.expr | None, where: str, allowed: tuple[str, ...], path: Path, line: int) -> str:
    if annotation is None:
        raise CompileError(f"{where} has no type hint", path=path, line=line)
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        spelled = annotation.value.strip()
    elif isinstance(annotation, ast.Constant) and annotation.value is None:
        spelled = "None"
    else:
        spelled = ast.unparse(annotation)
    if spelled not in allowed:
        raise CompileError(f"{where} is {spelled}; it may be {', '.join(allowed[:-1])} or {allowed[-1]}",
                           path=path, line=annotation.lineno)
    return spelled
