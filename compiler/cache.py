"""A content-addressed store of build products (objects, linked modules) in the user cache.

An entry's key is a hash of everything that went into it, so a hit is always safe to reuse. Every
changed program adds products (a linked module and its machine code are ~15 MB), so the products
are trimmed to a budget, least recently used first; the toolchain (CPython build, zig's C library,
mypy's stub analysis) is kept whole.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.toolchain import cache_root

#: Bump when the layout or meaning of cached products changes.
_CACHE_FORMAT = "1"
#: Hex digits of a key: every product's file name starts with its key.
_KEY_LENGTH = 32
#: The cache folders that hold build products (recomputable); the others hold the toolchain.
PRODUCT_KINDS = ("modules", "machine-code", "native", "program", "stdlib", "inittab", "bootstrap", "runtime",
                 "c-twins")
#: The products' budget in MB when TPY2WASM_CACHE_MAX_MB is not set.
_DEFAULT_BUDGET_MB = 1024
#: A product used this recently may be in use by another build or run, so it is never removed.
IN_USE_SECONDS = 3600.0
#: How stale a used product's time may be: it stays protected IN_USE_SECONDS less this.
_USE_RENEWAL_SECONDS = 600.0
_UMASK = os.umask(0)
os.umask(_UMASK)


def digest(*parts: bytes | str) -> str:
    """A stable hash of the parts, each length-prefixed so boundaries cannot blur."""
    hasher = hashlib.sha256(_CACHE_FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:_KEY_LENGTH]


def file_fingerprint(path: Path) -> str:
    status = path.stat()
    return f"{path}:{status.st_size}:{status.st_mtime_ns}"


def atomic_write(path: Path, data: bytes) -> None:
    """Writes by rename so no reader (and no interrupted build) ever sees a partial file.

    A failure (a read-only or full disk, a folder without write permission) is a CompileError
    naming `path` and the cause, never the temporary file, which is gone.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:
        raise CompileError(f"cannot write the file: {error.strerror}", path=path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; give what open() would
        os.replace(temporary, path)
    except BaseException as error:
        os.unlink(temporary)
        if isinstance(error, OSError):
            raise CompileError(f"cannot write the file: {error.strerror}", path=path) from None
        raise


def cache_folder(name: str) -> Path:
    """The folder `name` in the user cache, created if need be (a CompileError naming it if not)."""
    path = cache_root() / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CompileError(f"cannot create the folder: {error.strerror}", path=path) from None
    return path


def cached_file(kind: str, key: str, suffix: str, produce: Callable[[], bytes]) -> Path:
    """The cached product `kind/key+suffix`, produced and stored on a miss."""
    path = cache_root() / kind / f"{key}{suffix}"
    if not mark_used(path):
        atomic_write(path, produce())
    return path


def mark_used(path: Path) -> bool:
    """Whether the product exists; if it does, it counts as used now, so no trim removes it for
    most of an hour. Its time is renewed only when older than `_USE_RENEWAL_SECONDS`, so a module
    built and run again and again keeps its stat (the runner's key memo) and costs no write (nor
    does a cache we may read but not write)."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        return False
    if modified < time.time() - _USE_RENEWAL_SECONDS:
        try:
            os.utime(path)
        except OSError:
            pass
    return True


def products_budget() -> int:
    """The products' budget in bytes: TPY2WASM_CACHE_MAX_MB, or 1 GB."""
    configured = os.environ.get("TPY2WASM_CACHE_MAX_MB", "").strip()
    megabytes = int(configured) if configured.isdigit() else _DEFAULT_BUDGET_MB
    return megabytes * 1024 * 1024


def trim_products(budget: int | None = None) -> None:
    """Removes the least recently used products until they fit the budget, but none in use.

    An entry is all files of one kind sharing a key (a native build's objects and the marker that
    says they are complete); its recency is its newest file's. The marker goes first, so a build
    that stops halfway leaves objects no one will trust, never a marker naming missing objects.
    """
    entries: dict[tuple[str, str], list[Path]] = {}
    sizes: dict[tuple[str, str], int] = {}
    recency: dict[tuple[str, str], float] = {}
    root = cache_root()
    for kind in PRODUCT_KINDS:
        try:
            listing = list(os.scandir(root / kind))
        except OSError:
            continue
        for item in listing:
            try:
                status = item.stat(follow_symlinks=False)
            except OSError:
                continue
            entry = (kind, item.name.lstrip(".")[:_KEY_LENGTH])
            entries.setdefault(entry, []).append(Path(item.path))
            sizes[entry] = sizes.get(entry, 0) + status.st_size
            recency[entry] = max(recency.get(entry, 0.0), status.st_mtime)
    total = sum(sizes.values())
    allowed = products_budget() if budget is None else budget
    in_use_since = time.time() - IN_USE_SECONDS
    for entry in sorted(entries, key=recency.__getitem__):
        if total <= allowed or recency[entry] >= in_use_since:
            return
        paths = sorted(entries[entry], key=lambda path: path.suffix != ".json")
        for path in paths:
            try:
                os.unlink(path)
            except OSError:
                pass
        total -= sizes[entry]
