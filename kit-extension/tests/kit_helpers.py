"""Helpers for the Kit extension tests: the Kit stand-ins on sys.path, real
modules compiled by the real Portalis compiler, extension folders laid out as
``portalis package --target kit`` lays them out, a stage of particle prims.
(A uniquely named module: several conftest.py files share one pytest run.)"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

HERE = Path(__file__).resolve().parent
EXT_SRC = HERE.parent
REPO = EXT_SRC.parent
for p in (HERE / "standins", REPO / "runtime" / "python"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import kit_standin  # noqa: E402

FIXTURES = HERE / "fixtures"


def compile_py(src: Path, out_dir: Path) -> tuple[Path, Dict[str, Any]]:
    """Compiles ``src`` with the Portalis compiler (actors/dist); returns (wasm path, spec)."""
    if not (REPO / "actors" / "dist" / "index.js").exists():
        pytest.skip("actors/dist is missing: run `npx tsc -b` first")
    proc = subprocess.run(
        ["node", str(REPO / "runtime" / "python" / "tools" / "compile-module.mjs"), str(src), str(out_dir)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"compiling {src} failed:\n{proc.stderr}")
    return out_dir / f"{src.stem}.wasm", json.loads((out_dir / f"{src.stem}.spec.json").read_text())


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def write_extension(exts_dir: Path, name: str, wasm: Path, spec: Dict[str, Any], settings: Dict[str, Any], version: str = "1") -> Path:
    """An extension folder as the packager writes it, with the repository's portalis.wasm sources."""
    root = exts_dir / name
    (root / "config").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    shutil.copytree(EXT_SRC / "portalis", root / "portalis", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    data = wasm.read_bytes()
    module = spec["module"]
    (root / "data" / f"{module}.wasm").write_bytes(data)
    meta = {"module": module, "version": version, "abiVersion": 1, "wasmSha256": hashlib.sha256(data).hexdigest(), "spec": spec}
    (root / "data" / f"{module}.portalis.json").write_text(json.dumps(meta))
    lines = ['[package]', 'version = "1.0.0"', f'title = "{name}"', "", "[dependencies]", '"omni.usd" = {}', '"omni.timeline" = {}', "",
             "[[python.module]]", 'name = "portalis.wasm"', ""]
    table = f'settings.exts."{name}"'
    scalars = {k: v for k, v in settings.items() if k != "bindings"}
    if scalars:
        lines.append(f"[{table}]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in scalars.items()]
        lines.append("")
    for binding in settings.get("bindings", []):
        lines.append(f"[[{table}.bindings]]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in binding.items()]
        lines.append("")
    (root / "config" / "extension.toml").write_text("\n".join(lines))
    return root


def particles(state: Any, count: int, vy: float = 0.0) -> List[Any]:
    """``count`` prims /World/Particles/p<i> with a double3 translate and a double ``motion:vy``."""
    from pxr import Sdf, UsdGeom

    state.usd_context.new_stage()
    stage = state.usd_context.get_stage()
    prims = []
    for i in range(count):
        xform = UsdGeom.Xform.Define(stage, f"/World/Particles/p{i}")
        xform.AddTranslateOp().Set((float(i), 10.0 + i, 0.0))
        prim = xform.GetPrim()
        prim.CreateAttribute("motion:vy", Sdf.ValueTypeNames.Double).Set(vy)
        prim.CreateAttribute("motion:n", Sdf.ValueTypeNames.Int).Set(i)
        prims.append(prim)
    return prims


def enable(state: Any, exts_dir: Path, name: str) -> Any:
    state.ext_manager.add_path(str(exts_dir))
    state.ext_manager.set_extension_enabled_immediate(name, True)
    import portalis.wasm

    return portalis.wasm.get_extension()
