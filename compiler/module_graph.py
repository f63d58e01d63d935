"""The import edges among the modules discovery found, each with its file and line: why a module
is in the program (`tpy2wasm compile --why`), and which stdlib C module an import cannot do
without.

Stdlib modules are read as discovery followed them (see lazy_imports.py), so the graph has
exactly the edges that put modules in the program.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from tpy2wasm.compiler.imports import ImportSite, import_sites, is_stdlib_name


@dataclass
class ModuleGraph:
    #: name -> (file, is_package) of every module found as Python source, `__main__` included
    sources: dict[str, tuple[Path, bool]]
    #: modules found nowhere: neither as source nor as a built-in C module of the WASI build
    missing: frozenset[str]
    #: the stdlib modules as discovery read them, without the imports it does not follow
    stdlib_trees: dict[str, ast.Module]
    _sites: dict[str, list[ImportSite]] = field(default_factory=dict)

    def sites(self, name: str) -> list[ImportSite]:
        """The imports of module `name` (none for a built-in or missing one)."""
        if name not in self._sites:
            source = self.sources.get(name)
            if source is None:
                self._sites[name] = []
            else:
                path, is_package = source
                package = name if is_package else name.rpartition(".")[0]
                self._sites[name] = import_sites(path, package, as_main=name == "__main__",
                                                 tree=self.stdlib_trees.get(name))
        return self._sites[name]

    def imported_modules(self, site: ImportSite) -> list[str]:
        """The modules an import runs: `import a.b.c` imports a, a.b and a.b.c."""
        if site.maybe_attribute:
            return [site.module] if site.module in self.sources or site.module in self.missing else []
        parts = site.module.split(".")
        return [".".join(parts[:length]) for length in range(1, len(parts) + 1)]

    def missing_c_module(self, name: str) -> str | None:
        """The stdlib module, missing from CPython for WASI, that importing `name` always
        imports (through top-level imports that are neither conditional nor guarded), if any."""
        parts = name.split(".")
        pending = [".".join(parts[:length]) for length in range(len(parts), 0, -1)]  # packages run first
        seen = set(pending)
        while pending:
            module = pending.pop()
            for site in self.sites(module):
                if site.optional or site.conditional or site.dynamic:
                    continue
                for imported in self.imported_modules(site):
                    if imported in self.missing and is_stdlib_name(imported):
                        return imported
                    if imported not in seen:
                        seen.add(imported)
                        pending.append(imported)
        return None

    def import_chain(self, target: str, roots: list[str]) -> list[ImportSite] | None:
        """The shortest chain of imports from one of `roots` to `target`, or None if none reaches it."""
        previous: dict[str, tuple[str, ImportSite] | None] = {root: None for root in roots}
        queue = deque(roots)
        while queue:
            module = queue.popleft()
            if module == target:
                chain = []
                step = previous[module]
                while step is not None:
                    importer, site = step
                    chain.append(site)
                    step = previous[importer]
                return chain[::-1]
            for site in self.sites(module):
                for imported in self.imported_modules(site):
                    if imported not in previous and (imported in self.sources or imported == target):
                        previous[imported] = (module, site)
                        queue.append(imported)
        return None
