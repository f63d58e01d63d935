"""`tpy2wasm compile --why MODULE app.py`: why a module is in the program, as the chain of
imports from the script (each with its file and line), or why it is left out."""

from __future__ import annotations

from tpy2wasm.compiler.discovery import (
    STARTUP_BUILTINS, STARTUP_FROZEN_MODULES, STARTUP_MODULES, TRACEBACK_BUILTINS, TRACEBACK_MODULES,
)
from tpy2wasm.compiler.lazy_imports import lazy_only_reason
from tpy2wasm.compiler.module_graph import ModuleGraph


def explain_inclusion(graph: ModuleGraph, module: str, include_modules: tuple[str, ...]) -> tuple[bool, list[str]]:
    """(whether `module` is in the program, the lines that say why)."""
    chain = graph.import_chain(module, ["__main__"])
    if chain is not None:
        lines = [f"'{module}' is included: the script imports it through this chain:"]
        lines += [f"  {site.location()}: imports '{site.module}'{' (inside a function)' if site.deferred else ''}"
                  for site in chain]
        return True, lines
    if graph.import_chain(module, list(STARTUP_MODULES)) is not None or module in STARTUP_BUILTINS \
            or module in STARTUP_FROZEN_MODULES:
        return True, [f"'{module}' is included: CPython imports it at start-up"]
    if module in TRACEBACK_MODULES or module in TRACEBACK_BUILTINS:
        return True, [f"'{module}' is included: the runtime's excepthook imports it to quote source lines "
                      "in tracebacks (wasm_runtime/boot.py)"]
    for root in include_modules:
        if graph.import_chain(module, [root]) is not None:
            return True, [f"'{module}' is included: --include-module {root} asks for it"]
    lazy_reason = lazy_only_reason(module)
    if lazy_reason is not None:
        return False, [f"'{module}' is left out: the stdlib imports it only inside functions a program does "
                       f"not run ({lazy_reason}); import it in the program or compile with --include-module {module}"]
    return False, [f"'{module}' is not included: nothing the program runs imports it"]
