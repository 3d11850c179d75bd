"""Loading the packaged module: ``data/<module>.wasm`` and its metadata
``data/<module>.portalis.json`` (``{"module", "version", "abiVersion",
"wasmSha256", "spec"}``, written by ``portalis package --target kit``), with
the shared Python host ``portalis_wasm_host`` (wasmtime-py).

The host is found on ``sys.path``: a packaged extension ships it in
``vendor/`` and lists that folder as ``[[python.module]] path = "vendor"``;
in the repository it is ``runtime/python``.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any, Dict, Optional


def load_host() -> Any:
    import portalis_wasm_host

    return portalis_wasm_host


@dataclass
class LoadedModule:
    module: Any
    spec: Dict[str, Any]
    version: Any
    name: str
    wasm_path: str


def find_module_name(data_dir: str) -> str:
    """The single ``*.portalis.json`` in ``data_dir`` (used when settings name none)."""
    names = sorted(f[: -len(".portalis.json")] for f in os.listdir(data_dir) if f.endswith(".portalis.json"))
    if len(names) != 1:
        raise FileNotFoundError(f"expected one <module>.portalis.json in {data_dir}, found {names or 'none'}; set 'module' in the settings")
    return names[0]


def make_limits(settings: Optional[Dict[str, Any]]) -> Any:
    """``limits = { fuel = ..., timeout_ms = ..., memory_bytes = ... }`` from the settings, or None."""
    if not settings:
        return None
    host = load_host()
    keys = ("fuel", "timeout_ms", "memory_bytes")
    unknown = set(settings) - set(keys)
    if unknown:
        raise ValueError(f"unknown limits key(s): {', '.join(sorted(unknown))}")
    return host.Limits(**{k: settings[k] for k in keys if settings.get(k) is not None})


def load_packaged(data_dir: str, name: Optional[str] = None, limits: Any = None) -> LoadedModule:
    name = name or find_module_name(data_dir)
    meta_path = os.path.join(data_dir, f"{name}.portalis.json")
    wasm_path = os.path.join(data_dir, f"{name}.wasm")
    with open(meta_path, "r", encoding="utf-8") as f:
        meta = json.load(f)
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    expected = meta.get("wasmSha256")
    if expected and hashlib.sha256(wasm).hexdigest() != expected:
        raise ValueError(f"{wasm_path} does not match the sha256 in {meta_path} (a partial copy?)")
    spec = meta["spec"]
    module = load_host().WasmModule.load(wasm, spec, limits)
    return LoadedModule(module, spec, meta.get("version"), name, wasm_path)
