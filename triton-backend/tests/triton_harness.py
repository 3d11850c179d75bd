"""Helpers shared by the Triton backend tests (a module of its own: test files cannot import conftest reliably)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    if not (REPO / "actors" / "dist" / "index.js").exists():
        pytest.skip("actors/dist is missing: run `npx tsc -b` first")
    return subprocess.run(["node", str(REPO / "actors" / "bin" / "portalis.js"), *args], cwd=REPO, capture_output=True, text=True, timeout=180)
