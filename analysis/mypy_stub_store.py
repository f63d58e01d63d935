"""mypy's analysis of the stub modules a program imports, kept between compiles.

Type-checking even hello world re-analyses about fifty typeshed modules (builtins, typing, os,
...): over a second, most of a warm compile. mypy's incremental cache would keep them, but a
module loaded from that cache has no syntax tree and no expression types, and the compiler needs
both for the user's own modules. So each build runs mypy in a fresh cache folder seeded, by hard
links, with the store's entries for stub modules only: the user's modules are always analysed
from source, the stubs are loaded from the store. mypy validates every entry it loads (source
path, mtime, hash, options, its dependencies' interfaces) and rewrites the stale ones.

After the build, the entries mypy wrote for stub modules go into the store. mypy replaces a cache
file by rename and so do we, so a linked store file is never changed in place and concurrent
compiles never see a partial file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from mypy.build import BuildResult, get_cache_names
from mypy.options import Options


@contextmanager
def seeded_cache_dir(store: Path) -> Iterator[str]:
    """A temporary mypy cache folder holding links to the store's files (next to the store, so
    that links work)."""
    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=store.parent) as cache_dir:
        for folder, _, names in os.walk(store):
            target = Path(cache_dir) / Path(folder).relative_to(store)
            target.mkdir(exist_ok=True)
            for name in names:
                if not name.startswith("."):  # another compile's file being stored
                    _link_or_copy(Path(folder) / name, target / name)
        yield cache_dir


def keep_stub_entries(result: BuildResult, options: Options, store: Path,
                      is_user_module: Callable[[str], bool]) -> None:
    """Moves the cache entries mypy wrote for modules that are not the user's into the store."""
    version_folder = Path(options.cache_dir) / f"{options.python_version[0]}.{options.python_version[1]}"
    written = [version_folder / "@plugins_snapshot.json"]
    for module, state in result.graph.items():
        if state.path is None or is_user_module(state.path):
            continue
        meta_name = get_cache_names(module, state.path, options)[0]
        entry = version_folder / meta_name[: -len(".meta.ff")]
        written += entry.parent.glob(entry.name + ".*.ff")
    for path in written:
        stored = store / path.relative_to(options.cache_dir)
        if path.exists() and not (stored.exists() and os.path.samefile(path, stored)):
            stored.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(path, stored)


def _link_or_copy(source: Path, target: Path) -> None:
    """Places `source` at `target` by rename of a fresh link (or copy), replacing what was there.
    A source another compile replaced meanwhile is skipped: mypy then analyses that module afresh."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    with suppress(FileNotFoundError):
        os.unlink(temporary)  # left by an interrupted compile
    try:
        try:
            os.link(source, temporary)
        except FileNotFoundError:
            raise
        except OSError:  # a file system without hard links
            shutil.copy2(source, temporary)  # keeps the mtime mypy validates
    except FileNotFoundError:
        return
    os.replace(temporary, target)
