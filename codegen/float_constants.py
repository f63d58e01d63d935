"""Float literals that LLVM cannot fold: the host computes every float operation, as in CPython.

Wasm leaves the sign of a NaN made by an invalid operation (`inf - inf`, `0.0 * inf`) to the
host: x86 hosts give the sign bit set, and CPython-in-Wasm, which folds `1e309 - 1e309` when it
compiles the program, gets the host's NaN. LLVM folds the same expression at our compile time to
its own default NaN, sign bit clear, and `math.copysign(1.0, ...)` then differs. Folding only
non-finite literals is not enough: `1e308 * 10` folds to inf and a later `x - x` to that NaN.

So a float literal reaches LLVM as a load from a mutable global named by its bits, which LLVM
must not assume unchanged; with `linkonce_odr` the objects compiled in parallel share one
definition. The load sits once in the function's entry block, so loops pay nothing for it.
"""

from __future__ import annotations

import struct

from llvmlite import ir

from tpy2wasm.codegen.runtime_api import F64


def float_literal(builder: ir.IRBuilder, entry: ir.Block, value: float) -> ir.Value:
    """The literal's value, loaded in `entry` from the module's global for these bits."""
    module = builder.module
    (bits,) = struct.unpack("<Q", struct.pack("<d", value))
    name = f"tpy2wasm.float_literal.{bits:016x}"
    try:
        literal = module.get_global(name)
    except KeyError:
        literal = ir.GlobalVariable(module, F64, name)
        literal.linkage = "linkonce_odr"
        literal.initializer = ir.Constant(F64, value)
    assert isinstance(literal, ir.GlobalVariable)
    with builder.goto_block(entry):
        if entry.terminator is not None:
            builder.position_before(entry.terminator)
        return builder.load(literal, name="float_literal")
