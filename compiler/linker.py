"""Builds the C runtime and links everything into one WASI command module with zig cc.

One fixed set of flags, so zig's own cache of wasi-libc and compiler-rt stays warm.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from tpy2wasm.compiler.cache import atomic_write, cached_file, digest, file_fingerprint
from tpy2wasm.compiler.progress import Steps
from tpy2wasm.compiler.toolchain import WasiPython, cache_root, run_tool, zig_command

TARGET = ("-target", "wasm32-wasi")
OPTIMIZE = "-O2"
#: Linear-memory stack for C frames. The WASI build's default (512 KiB) is why it lowers the
#: recursion limit to 600; 8 MiB carries CPython's default limit of 1000 with room to spare.
STACK_SIZE = 8 * 1024 * 1024
_LINK_FLAGS = (*TARGET, OPTIMIZE, "-s", f"-Wl,-z,stack-size={STACK_SIZE}")
_WASI_EMULATION = ("-lwasi-emulated-signal", "-lwasi-emulated-getpid", "-lwasi-emulated-process-clocks")
_RUNTIME_SOURCES = ("main.c", "native.c", "native_ops.c", "native_function.c", "native_objects.c")


def runtime_objects(build: WasiPython) -> list[Path]:
    """The compiled C runtime, plus libpython's thread.o (see _thread_object)."""
    objects = [_compile_runtime_source(build, name) for name in _RUNTIME_SOURCES]
    objects.append(_thread_object(build))
    return objects


def _compile_runtime_source(build: WasiPython, name: str) -> Path:
    folder = Path(str(files("tpy2wasm.wasm_runtime")))
    flags = [*TARGET, OPTIMIZE, "-I", str(build.include_dir), "-I", str(folder)]
    headers = [path.read_bytes() for path in sorted(folder.glob("*.h"))]
    key = digest((folder / name).read_bytes(), *headers, *flags, file_fingerprint(build.include_dir / "Python.h"))

    def compile_object() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            object_path = Path(scratch) / "out.o"
            run_tool(zig_command("cc", *flags, "-c", str(folder / name), "-o", str(object_path)), f"compiling {name}")
            return object_path.read_bytes()

    return cached_file("runtime", key, f"-{Path(name).stem}.o", compile_object)


def _thread_object(build: WasiPython) -> Path:
    """libpython's thread.o, put first on the link line as a plain object.

    Linked from the archive it clashes with zig's wasi-libc pthread stubs (duplicate
    pthread_mutex_* symbols); as an object it wins, and CPython keeps its own stubs.
    """
    libpython = build.static_libraries[0]

    def extract() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            run_tool(zig_command("ar", "x", str(libpython), "thread.o", f"--output={scratch}"), "extracting thread.o")
            return (Path(scratch) / "thread.o").read_bytes()

    return cached_file("runtime", digest("thread.o", file_fingerprint(libpython)), "-thread.o", extract)


def prepare_c_library(steps: Steps) -> None:
    """Has zig build wasi-libc and compiler-rt for the link flags, as its own step, once.

    zig builds them into its cache the first time it links with a flag set (about 30 s); inside
    "Linking" that looked like a hang. A trivial program linked with the same flags builds them (61 s on a loaded 2-core machine);
    a marker in the tpy2wasm cache, keyed by zig's version, its cache folder and the flags, says
    it was done (if zig's cache is wiped later, the next link just takes longer).
    """
    zig_cache = os.environ.get("ZIG_GLOBAL_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home())
    marker = cache_root() / "zig-libc" / digest(version("ziglang"), zig_cache, *_LINK_FLAGS, *_WASI_EMULATION)
    if marker.exists():
        return
    with steps.step("Building the C library for wasm32-wasi (once, 30-60 s)"), \
            tempfile.TemporaryDirectory() as scratch:
        program = Path(scratch) / "empty.c"
        program.write_text("int main(void) { return 0; }\n")
        run_tool(zig_command("cc", *_LINK_FLAGS, str(program), *_WASI_EMULATION, "-o", str(Path(scratch) / "empty.wasm")),
                 "building the C library for wasm32-wasi")
    atomic_write(marker, b"")


def link(objects: Sequence[Path], build: WasiPython, output: Path) -> None:
    """Links into `output` through a temporary file, so a failed link leaves nothing behind."""
    descriptor, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".wasm")
    os.close(descriptor)
    try:
        run_tool(
            zig_command(
                "cc", *_LINK_FLAGS, *map(str, objects), *map(str, build.static_libraries), *_WASI_EMULATION,
                "-o", temporary,
            ),
            "linking the module",
        )
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

