"""Frozen into every module as `tpy2wasm`, in place of the compiler's own package: the two
decorators a program may import from it, doing inside the module what they mean there.

`export` marks a function the compiler exports; at run time it changes nothing.
`host_import(module, name)` replaces a typed stub by a callable of the Wasm import
module.name, which the compiler generated for it (see compiler/interop_source.py).
"""


def export(function):
    return function


def host_import(module, name):
    def bind(stub):
        try:
            import _tpy2wasm_host
        except ImportError:
            raise RuntimeError(
                f"tpy2wasm.host_import({module!r}, {name!r}): the compiler saw no such import; write it "
                "as a decorator with two string literals on a module-level def") from None
        return _tpy2wasm_host.bind(module, name, stub)

    return bind
