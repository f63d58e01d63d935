"""The one LLVM target every object of a tpy2wasm module is built for."""

from __future__ import annotations

from functools import cache

import llvmlite.binding as llvm

TRIPLE = "wasm32-unknown-wasi"


@cache
def target_machine(optimise: bool = True) -> llvm.TargetMachine:
    """The wasm32 machine; without `optimise`, instruction selection and register allocation
    are the fast ones (for functions too large for the optimising ones)."""
    llvm.initialize_all_targets()
    llvm.initialize_all_asmprinters()
    target = llvm.Target.from_triple(TRIPLE)
    return target.create_target_machine(opt=3 if optimise else 0, reloc="static")


def emit_object(llvm_ir: str) -> bytes:
    """Parses textual LLVM IR for wasm32 and returns the wasm object file's bytes."""
    module = llvm.parse_assembly(llvm_ir)
    module.triple = TRIPLE
    module.data_layout = str(target_machine().target_data)
    module.verify()
    return bytes(target_machine().emit_object(module))
