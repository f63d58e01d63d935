"""The one LLVM target every object of a tpy2wasm module is built for."""

from __future__ import annotations

from functools import cache

import llvmlite.binding as llvm

TRIPLE = "wasm32-unknown-wasi"


@cache
def target_machine(optimise: bool = True) -> llvm.TargetMachine:
    """The wasm32 machine; without `optimise`, instruction selection and register allocation
    are the fast ones (for functions too large for the optimising ones).

    Loop strength reduction is off: Wasm has no addressing modes for it to feed, and it split a
    tail loop's depth into entry depth + a counter, one more local live across each call (a
    native fib(37): 7% fewer Wasm instructions without it; mandelbrot, int_hash, collatz and
    spectral_norm within 0.1%, collatz_report 1.7% more)."""
    llvm.initialize_all_targets()
    llvm.initialize_all_asmprinters()
    llvm.set_option("", "-disable-lsr")
    target = llvm.Target.from_triple(TRIPLE)
    return target.create_target_machine(opt=3 if optimise else 0, reloc="static")


def emit_object(llvm_ir: str) -> bytes:
    """Parses textual LLVM IR for wasm32 and returns the wasm object file's bytes."""
    module = llvm.parse_assembly(llvm_ir)
    module.triple = TRIPLE
    module.data_layout = str(target_machine().target_data)
    module.verify()
    return bytes(target_machine().emit_object(module))
