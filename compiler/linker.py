"""Builds the C runtime and links everything into one WASI module with zig cc: a command, or a
reactor when the program has exports.

One fixed set of flags, so zig's own cache of wasi-libc and compiler-rt stays warm.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from tpy2wasm.compiler.baseline_libc import baseline_libc_archive
from tpy2wasm.compiler.cache import atomic_write, cached_file, digest, file_fingerprint
from tpy2wasm.compiler.progress import Steps
from tpy2wasm.compiler.toolchain import WasiPython, cache_root, run_tool, zig_command
from tpy2wasm.compiler.wasm_code import compact_code_section
from tpy2wasm.compiler.wasm_data import pack_data_segments

TARGET = ("-target", "wasm32-wasi")
OPTIMIZE = "-O2"
#: Linear-memory stack for C frames. The WASI build's default (512 KiB) is why it lowers the
#: recursion limit to 600; 8 MiB carries CPython's default limit of 1000 with room to spare.
STACK_SIZE = 8 * 1024 * 1024
_LINK_FLAGS = (*TARGET, OPTIMIZE, "-s", f"-Wl,-z,stack-size={STACK_SIZE}")
_WASI_EMULATION = ("-lwasi-emulated-signal", "-lwasi-emulated-getpid", "-lwasi-emulated-process-clocks")
_REACTOR = ("-mexec-model=reactor",)
#: What `link` does to the same objects; part of a linked module's cache key, so a change to
#: the flags or to the rewriting after the link never serves a module built the old way.
LINK_RECIPE = (*_LINK_FLAGS, *_WASI_EMULATION, "data zero runs packed", "code immediates shortened, twin functions merged")
_RUNTIME_SOURCES = ("main.c", "small_alloc.c", "frozen_code.c", "native.c", "native_function.c",
                    "native_objects.c", "native_depth.c", "native_bindings.c", "native_words.c", "native_float_words.c",
                    "native_bool_words.c", "native_statements.c",
                    "native_list_items.c", "native_builtins.c", "native_attributes.c", "native_methods.c", "native_globals.c")


def runtime_objects(build: WasiPython) -> list[Path]:
    """The compiled C runtime, libpython's thread.o (see _thread_object) and the archive of
    python3.11.wasm's own libm and malloc (see baseline_libc), which `link` takes whole."""
    objects = [_compile_runtime_source(build, name) for name in _RUNTIME_SOURCES]
    objects.append(_thread_object(build))
    objects.append(baseline_libc_archive())
    return objects


def interop_objects(build: WasiPython, generated_source: str, reactor: bool) -> list[Path]:
    """Exports and host imports: their runtime (with the reactor's start when `reactor`) and
    the program's generated glue (compiler/interop_source.py)."""
    objects = [_compile_runtime_source(build, "interop.c")]
    if reactor:
        objects.append(_compile_runtime_source(build, "reactor.c"))
    objects.append(compile_c_source(build, "interop-glue.c", generated_source.encode("utf-8"), "program"))
    return objects


def _compile_runtime_source(build: WasiPython, name: str) -> Path:
    folder = Path(str(files("tpy2wasm.wasm_runtime")))
    return compile_c_source(build, name, (folder / name).read_bytes(), "runtime")


def compile_c_source(build: WasiPython, name: str, source: bytes, cache_kind: str) -> Path:
    """An object of C `source` (with the runtime's headers), cached under `cache_kind`."""
    folder = Path(str(files("tpy2wasm.wasm_runtime")))
    flags = [*TARGET, OPTIMIZE, "-I", str(build.include_dir), "-I", str(folder)]
    headers = [path.read_bytes() for path in sorted(folder.glob("*.h"))]
    key = digest(source, *headers, *flags, file_fingerprint(build.include_dir / "Python.h"))

    def compile_object() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            source_path = Path(scratch) / name
            source_path.write_bytes(source)
            object_path = Path(scratch) / "out.o"
            run_tool(zig_command("cc", *flags, "-c", str(source_path), "-o", str(object_path)), f"compiling {name}")
            return object_path.read_bytes()

    return cached_file(cache_kind, key, f"-{Path(name).stem}.o", compile_object)


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


def link(objects: Sequence[Path], build: WasiPython, output: Path, reactor: bool = False,
         custom_sections: bytes = b"") -> None:
    """Links into `output` through a temporary file, so a failed link leaves nothing behind.

    `reactor`: a module whose host calls `_initialize`, then its exports (no `_start`);
    `custom_sections`: encoded sections appended to the module. Archives among `objects` are
    linked whole: their strong definitions replace zig's weak libc ones. The data segments lose
    their long zero runs (compiler/wasm_data.py), the code its padded immediates and twin
    functions (compiler/wasm_code.py).
    """
    plain = [str(path) for path in objects if path.suffix != ".a"]
    whole = [str(path) for path in objects if path.suffix == ".a"]
    descriptor, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".wasm")
    os.close(descriptor)
    try:
        run_tool(
            zig_command(
                "cc", *_LINK_FLAGS, *(_REACTOR if reactor else ()),
                *plain, "-Wl,--whole-archive", *whole, "-Wl,--no-whole-archive",
                *map(str, build.static_libraries), *_WASI_EMULATION,
                "-o", temporary,
            ),
            "linking the module",
        )
        linked = Path(temporary).read_bytes()
        Path(temporary).write_bytes(pack_data_segments(compact_code_section(linked)) + custom_sections)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

