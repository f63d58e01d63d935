"""The per-site caches of a function: globals of its module, zero at first, that the runtime fills
as the program runs (an interned name, a constant, a global's lookup, an attribute's place, a
call's callee) and generated code reads. A site that both versions of a function emit
(codegen/fast_version.py) can share one, so that what the generic version's lookup fills, the
fast version reads."""

from __future__ import annotations

from collections.abc import Hashable

from llvmlite import ir

from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.codegen.runtime_api import DIRECT_SITE, PTR


class SiteCaches:
    module: ir.Module

    def __init__(self) -> None:
        self.shared_caches: dict[Hashable, ir.GlobalVariable] = {}

    def cache(self, cache_type: ir.Type = PTR) -> ir.GlobalVariable:
        """A cache of its own (a PyObject* for interned names, constants and keyword names; a
        NameCache for a global's lookup)."""
        variable = ir.GlobalVariable(self.module, cache_type, self.module.get_unique_name("cache"))
        variable.linkage = "internal"
        variable.initializer = ir.Constant(cache_type, None)
        return variable

    def shared_cache(self, key: Hashable, cache_type: ir.Type) -> ir.GlobalVariable:
        """The one cache of `key` (its kind and site) in both versions."""
        if key not in self.shared_caches:
            self.shared_caches[key] = self.cache(cache_type)
        return self.shared_caches[key]

    def direct_site(self, call: tob.CallDirect) -> ir.GlobalVariable:
        """The DIRECT_SITE of a CallDirect: its callee's load and the call share it."""
        return self.shared_cache(("direct", call.callee.number), DIRECT_SITE)
