"""A content-addressed store of build products (objects, linked modules) in the user cache.

An entry's key is a hash of everything that went into it, so a hit is always safe to reuse.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.toolchain import cache_root

#: Bump when the layout or meaning of cached products changes.
_CACHE_FORMAT = "1"
_UMASK = os.umask(0)
os.umask(_UMASK)


def digest(*parts: bytes | str) -> str:
    """A stable hash of the parts, each length-prefixed so boundaries cannot blur."""
    hasher = hashlib.sha256(_CACHE_FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:32]


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
    if not path.exists():
        atomic_write(path, produce())
    return path
