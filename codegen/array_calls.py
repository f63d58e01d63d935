"""Runtime calls that take their values as an array (`tpy2wasm_call(callee, args, ...)`), made
through a helper of the module per runtime function and count: the helper holds the array on
its own stack, so the native function that calls it keeps no stack frame.

An array on the native function's stack, even allocated only where the call is made, makes the
function save the stack pointer on entry and restore it on every return: per call of a native
recursive fib, five more Wasm instructions, one of them a store of the global stack pointer.
"""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.codegen.runtime_api import I32, PTR, PTR_PTR, declare


def call_with_array(builder: ir.IRBuilder, name: str, values: list[ir.Value], before: tuple[ir.Value, ...],
                    after: tuple[ir.Value, ...]) -> ir.Value:
    """`name(*before, array, *after)`, `array` holding `values` for the call."""
    return builder.call(_helper(builder.module, name, len(before), len(values)), [*before, *values, *after])


def _helper(module: ir.Module, name: str, at: int, count: int) -> ir.Function:
    """`name.array<count>(*before, v0, ..., *after)`: the runtime function's parameters with
    `count` values in place of its array, parameter `at`; never inlined."""
    helper_name = f"{name}.array{count}"
    existing = module.globals.get(helper_name)
    if isinstance(existing, ir.Function):
        return existing
    runtime = declare(module, name)
    parameters = list(runtime.function_type.args)
    assert parameters[at] == PTR_PTR, (name, at)
    helper = ir.Function(module, ir.FunctionType(runtime.function_type.return_type,
                                                 [*parameters[:at], *[PTR] * count, *parameters[at + 1:]]), helper_name)
    helper.linkage = "internal"
    helper.attributes.add("noinline")
    builder = ir.IRBuilder(helper.append_basic_block("entry"))
    array = builder.alloca(PTR, size=ir.Constant(I32, max(count, 1)), name="array")
    arguments = list(helper.args)
    for index, value in enumerate(arguments[at:at + count]):
        builder.store(value, builder.gep(array, [ir.Constant(I32, index)], inbounds=True))
    builder.ret(builder.call(runtime, [*arguments[:at], array, *arguments[at + count:]]))
    return helper
