"""Fixtures for the Python WASM host tests: real modules compiled by the real Portalis compiler."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PYROOT = HERE.parent
REPO = PYROOT.parent.parent
sys.path.insert(0, str(PYROOT))


def compile_py(src: Path, out_dir: Path) -> tuple[Path, dict]:
    """Compiles `src` with runtime/python/tools/compile-module.mjs; returns (wasm path, spec dict)."""
    if not (REPO / "actors" / "dist" / "index.js").exists():
        pytest.skip("actors/dist is missing: run `npx tsc -b` first")
    proc = subprocess.run(
        ["node", str(PYROOT / "tools" / "compile-module.mjs"), str(src), str(out_dir)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"compiling {src} failed:\n{proc.stderr}")
    stem = src.stem
    return out_dir / f"{stem}.wasm", json.loads((out_dir / f"{stem}.spec.json").read_text())


@pytest.fixture(scope="session")
def hostmod(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return compile_py(HERE / "fixtures" / "hostmod.py", tmp_path_factory.mktemp("hostmod"))
