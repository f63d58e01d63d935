"""The C library parts that python3.11.wasm was built with: musl's libm, dlmalloc, and memcpy,
memmove and memset on bulk-memory instructions.

zig's wasi-libc replaces them with Zig code (compiler_rt's exp/log/sin/..., lib/c's math and a
WasmAllocator malloc), which rounds some results differently from the CPython-in-Wasm baseline
(`math.exp(1)` ended in ...455, not ...45), allocates more slowly, and copies and fills memory
in Wasm loops where python3.11.wasm has one `memory.copy`/`memory.fill`. The sources in
wasm_runtime/libc (wasi-libc at wasi-sdk-21, and our own bulk-memory functions; see its README)
are compiled here with wasi-libc's own flags into one archive, linked whole ahead of zig's
libc: zig's libc symbols are weak, so these strong definitions win and the rest of zig's libc
stays as it is.
"""

from __future__ import annotations

import tempfile
from importlib.resources import files
from pathlib import Path

from tpy2wasm.compiler.cache import cached_file, digest
from tpy2wasm.compiler.toolchain import run_tool, zig_command

#: wasi-libc's Makefile flags for its sources (EXTRA_CFLAGS and the always-on ones).
_WASI_LIBC_FLAGS = ("-target", "wasm32-wasi", "-O2", "-DNDEBUG", "-fno-trapping-math", "-w")
#: wasi-libc's extra flags for its memcpy/memmove/memset; -fno-builtin keeps their short-copy
#: loops from becoming calls to themselves.
_BULK_MEMORY_FLAGS = ("-mbulk-memory", "-fno-builtin")


def _source_root() -> Path:
    return Path(str(files("tpy2wasm.wasm_runtime"))) / "libc"


def _compile_jobs(root: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """Each source with its own flags (include folder and extras), as wasi-libc's Makefile builds it."""
    math = root / "musl_math"
    dlmalloc = root / "dlmalloc"
    bulk_memory = root / "bulk_memory"
    jobs: list[tuple[Path, tuple[str, ...]]] = [(source, ("-I", str(math))) for source in sorted(math.glob("*.c"))]
    jobs.append((dlmalloc / "dlmalloc.c", ("-I", str(dlmalloc / "include"))))
    jobs.append((bulk_memory / "bulk_memory.c", _BULK_MEMORY_FLAGS))
    return jobs


def baseline_libc_archive() -> Path:
    """The cached archive; link it between -Wl,--whole-archive and -Wl,--no-whole-archive."""
    root = _source_root()
    jobs = _compile_jobs(root)
    inputs = sorted(path for path in root.rglob("*") if path.suffix in (".c", ".h"))
    key = digest("baseline-libc", *_WASI_LIBC_FLAGS, *_BULK_MEMORY_FLAGS,
                 *(p.relative_to(root).as_posix() for p in inputs),
                 *(path.read_bytes() for path in inputs))

    def build() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            objects = []
            for source, flags in jobs:
                obj = Path(scratch) / f"{source.parent.name}-{source.stem}.o"
                run_tool(zig_command("cc", *_WASI_LIBC_FLAGS, *flags, "-c", str(source), "-o", str(obj)),
                         f"compiling {source.name} of the baseline C library")
                objects.append(str(obj))
            archive = Path(scratch) / "baseline-libc.a"
            run_tool(zig_command("ar", "rcs", str(archive), *objects), "archiving the baseline C library")
            return archive.read_bytes()

    return cached_file("runtime", key, "-baseline-libc.a", build)
