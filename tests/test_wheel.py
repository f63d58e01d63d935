"""The wheel is the product: built from the repository (whose top-level folders become
tpy2wasm.*), installed into a fresh venv, it compiles and runs a program from another folder."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

REPOSITORY = Path(__file__).parent.parent


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300,
                            env={key: value for key, value in os.environ.items() if key != "PYTHONPATH"})
    assert result.returncode == 0, result.stderr
    return result


def test_the_wheel_installs_and_compiles_a_program_elsewhere(tmp_path: Path) -> None:
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "dist", REPOSITORY)
    (wheel,) = (tmp_path / "dist").glob("tpy2wasm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"tpy2wasm/compiler/cli.py", "tpy2wasm/analysis/__init__.py", "tpy2wasm/codegen/tables.py",
            "tpy2wasm/wasm_runtime/main.c", "tpy2wasm/wasm_runtime/native.h", "tpy2wasm/wasm_runtime/boot.py",
            "tpy2wasm/py.typed"} <= set(names)
    assert not [name for name in names if name.split("/")[0] in {"compiler", "analysis", "codegen", "wasm_runtime"}]

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps", wheel)
    # The dependencies (llvmlite, mypy, ziglang, ...) come from this venv, whose own editable
    # tpy2wasm is not seen: a .pth path line adds the folder, not the .pth files inside it.
    (site_packages,) = (venv / "lib").glob("python3*/site-packages")
    (site_packages / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "app.py").write_text("import sys, json\nprint(json.dumps(sys.argv[1:]))\n")
    where = _run(venv / "bin" / "python", "-c", "import tpy2wasm.compiler.cli as cli; print(cli.__file__)",
                 cwd=elsewhere)
    assert Path(where.stdout.strip()).is_relative_to(site_packages)
    probe = _run(venv / "bin" / "python", "-c", "import importlib.util as u; print(u.find_spec('compiler'))",
                 cwd=elsewhere)
    assert probe.stdout.strip() == "None"
    result = _run(venv / "bin" / "tpy2wasm", "run", "app.py", "a", "b", cwd=elsewhere)
    assert result.stdout == '["a", "b"]\n'
