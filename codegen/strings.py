"""C strings of a generated module (names, file names, signatures), each emitted once."""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.codegen.runtime_api import I8, PTR


class StringPool:
    def __init__(self, module: ir.Module) -> None:
        self._module = module
        self._strings: dict[str, ir.GlobalVariable] = {}

    def pointer(self, text: str) -> ir.Constant:
        """An i8* to the NUL-terminated UTF-8 bytes of `text` (lone surrogates kept, as
        the runtime decodes them with "surrogatepass")."""
        variable = self._strings.get(text)
        if variable is None:
            data = bytearray(text.encode("utf-8", "surrogatepass") + b"\0")
            array_type = ir.ArrayType(I8, len(data))
            variable = ir.GlobalVariable(self._module, array_type, self._module.get_unique_name("str"))
            variable.linkage = "private"
            variable.global_constant = True
            variable.initializer = ir.Constant(array_type, data)
            self._strings[text] = variable
        return variable.bitcast(PTR)
