"""Room for deeply nested programs: a 5,000-term `1 + 1 + ... + 1` is a 5,000-deep tree, and the
walks over it (the import scan, mypy, the lowering) recurse once per level. They run in a
worker thread with a large stack and a recursion limit to match, not in the main thread, whose
stack the OS fixed at start-up.

CPython's own compiler derives its depth limit from the recursion limit, so `compile()` is
run with the budget `python3.11 app.py` has: see `compile_as_cpython`.
"""

from __future__ import annotations

import ast
import sys
import threading
from collections.abc import Callable
from types import CodeType, FrameType
from typing import TypeVar

_Result = TypeVar("_Result")

#: Stack of the worker thread: virtual memory, touched only as deep as a program needs.
_STACK_BYTES = 1024 * 1024 * 1024
#: About 40 levels of nesting per MiB of stack in the deepest walk, mypy's (mypyc-compiled C).
_RECURSION_LIMIT = 40_000
#: What `python3.11 app.py` runs with (sys.getrecursionlimit() at start-up).
CPYTHON_RECURSION_LIMIT = 1000


def with_deep_recursion(work: Callable[[], _Result]) -> _Result:
    """`work()`, run in a thread with a large stack and recursion limit; its result or exception."""
    results: list[_Result] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # re-raised in the calling thread
            errors.append(error)

    previous_stack, previous_limit = threading.stack_size(_STACK_BYTES), sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
    try:
        worker = threading.Thread(target=run, name="tpy2wasm-compiler", daemon=True)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(previous_limit)
    if errors:
        raise errors[0]
    return results[0]


def compile_as_cpython(source: bytes | ast.Module, filename: str) -> CodeType:
    """compile(), failing with RecursionError exactly where `python3.11 app.py` does: its
    compiler's depth budget is the recursion limit minus the frames already on the stack, and
    running a script it has the default limit and none."""
    frames = 0
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        frames, frame = frames + 1, frame.f_back
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(CPYTHON_RECURSION_LIMIT + frames)
    try:
        return compile(source, filename, "exec", dont_inherit=True, optimize=0)
    finally:
        sys.setrecursionlimit(previous_limit)
