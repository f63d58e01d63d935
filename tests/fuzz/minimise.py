"""Shrinks a failing program while it still fails: a simple delta-debugging loop over statements.

First it keeps only the driver calls of the first function whose output differs (and what they
reach), then removes chunks of module-level statements, halving the chunk size, then single
statements inside function bodies (an emptied body becomes `pass`). Each try compiles and runs
the candidate, so the loop stops at a time budget and returns the smallest program so far.
"""

from __future__ import annotations

import ast
import re
import time
from collections.abc import Callable

#: a source -> whether it still fails the same way
Predicate = Callable[[str], bool]


def minimise(source: str, still_fails: Predicate, first_difference: str, budget_seconds: float) -> str:
    deadline = time.monotonic() + budget_seconds
    best = source
    focused = _focused_on_label(best, first_difference)
    if focused is not None and still_fails(focused):
        best = focused
    best = _drop_top_level_chunks(best, still_fails, deadline)
    return _drop_nested_statements(best, still_fails, deadline)


def _focused_on_label(source: str, first_difference: str) -> str | None:
    """Only the check() calls for the function named in the first differing line, and the
    definitions they reach."""
    match = re.search(r"expected b'(f\d+)", first_difference)
    if match is None:
        return None
    label = match.group(1)
    module = ast.parse(source)
    kept = [statement for statement in module.body if not _is_driver_call(statement)
            or re.search(f"""['"]{label}['" ]""", ast.unparse(statement))]
    reached = _reached_functions([statement for statement in kept if _is_driver_call(statement)], kept)
    module.body = [statement for statement in kept if not isinstance(statement, ast.FunctionDef)
                   or not re.fullmatch(r"f\d+", statement.name) or statement.name in reached]
    return ast.unparse(module) + "\n"


def _reached_functions(roots: list[ast.stmt], body: list[ast.stmt]) -> set[str]:
    """The names of the module's functions that the statements `roots` call, directly or not."""
    definitions = {statement.name: statement for statement in body if isinstance(statement, ast.FunctionDef)}
    reached: set[str] = set()
    pending: list[ast.AST] = list(roots)
    while pending:
        for node in ast.walk(pending.pop()):
            if isinstance(node, ast.Name) and node.id in definitions and node.id not in reached:
                reached.add(node.id)
                pending.append(definitions[node.id])
    return reached


def _is_driver_call(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)


def _drop_top_level_chunks(source: str, still_fails: Predicate, deadline: float) -> str:
    module = ast.parse(source)
    body = module.body
    chunk = max(1, len(body) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        start = 0
        while start < len(body) and time.monotonic() < deadline:
            candidate = body[:start] + body[start + chunk:]
            module.body = candidate
            if candidate and still_fails(ast.unparse(module) + "\n"):
                body = candidate
            else:
                start += chunk
        chunk //= 2
    module.body = body
    return ast.unparse(module) + "\n"


def _statement_lists(tree: ast.AST) -> list[list[ast.stmt]]:
    """Every statement list nested inside a definition or compound statement."""
    lists = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module):
            continue
        for field in ("body", "orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                lists.append(value)
        if isinstance(node, ast.Try):
            lists.extend(handler.body for handler in node.handlers)
    return lists


def _drop_nested_statements(source: str, still_fails: Predicate, deadline: float) -> str:
    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        module = ast.parse(source)
        positions = [(list_index, index) for list_index, statements in enumerate(_statement_lists(module))
                     for index in range(len(statements))]
        for list_index, index in reversed(positions):
            if time.monotonic() >= deadline:
                break
            candidate_tree = ast.parse(source)
            statements = _statement_lists(candidate_tree)[list_index]
            if index >= len(statements):
                continue
            del statements[index]
            if not statements:
                statements.append(ast.Pass())
            candidate = ast.unparse(candidate_tree) + "\n"
            if candidate != source and still_fails(candidate):
                source, changed = candidate, True
    return source
