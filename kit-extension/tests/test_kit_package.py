"""`portalis package --target kit` on a real .py, then the produced folder
enabled under the Kit stand-ins (with the host from its own vendor/ folder)."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib

import pytest

import kit_standin
from kit_helpers import FIXTURES, REPO, particles


def package(tmp_path, *extra):
    if not (REPO / "actors" / "dist" / "targets" / "kit" / "target.js").exists():
        pytest.skip("actors/dist lacks the kit target: run `npx tsc -b` first")
    return subprocess.run(
        ["node", str(REPO / "actors" / "bin" / "portalis.js"), "package", str(FIXTURES / "motion.py"), "--target", "kit", "-o", str(tmp_path / "exts"), *extra],
        cwd=REPO, capture_output=True, text=True, timeout=180,
    )


GRAVITY = '{"function":"gravity","prims":"/World/Particles/*","inputs":["@motion:vy","dt"],"output":"@motion:vy"}'
FALL = '{"function":"fall","prims":"/World/Particles/*","inputs":["@xformOp:translate[1]","@motion:vy","dt"],"output":"@xformOp:translate[1]"}'


def test_packaged_extension_loads_and_runs_from_its_own_folder(kit, tmp_path, monkeypatch):
    proc = package(tmp_path, "--bind", GRAVITY, "--bind", FALL, "--version", "2.1.0", "--fuel", "1000000")
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "exts" / "portalis.wasm.motion"
    config = tomllib.loads((root / "config" / "extension.toml").read_text())
    assert config["package"]["version"] == "2.1.0"
    assert {"name": "portalis.wasm"} in config["python"]["module"] and {"path": "vendor"} in config["python"]["module"]
    settings = config["settings"]["exts"]["portalis.wasm.motion"]
    assert settings["module"] == "motion" and settings["limits"] == {"fuel": 1000000}
    assert [b["function"] for b in settings["bindings"]] == ["gravity", "fall"]
    meta = json.loads((root / "data" / "motion.portalis.json").read_text())
    assert meta["version"] == "2.1.0" and meta["spec"]["module"] == "motion"
    assert (root / "vendor" / "portalis_wasm_host" / "module.py").is_file()
    assert (root / "docs" / "README.md").read_text().startswith("# portalis.wasm.motion")
    assert (root / "portalis" / "wasm" / "tests" / "test_portalis_wasm.py").is_file()
    assert config["test"] == [{"dependencies": ["omni.kit.test"]}]

    # Only the extension folder provides the host: no runtime/python on sys.path.
    monkeypatch.setattr(sys, "path", [p for p in sys.path if not p.rstrip("/").endswith("runtime/python")])
    for name in [m for m in sys.modules if m.startswith("portalis_wasm_host")]:
        monkeypatch.delitem(sys.modules, name)
    prims = particles(kit, 2)
    kit.ext_manager.add_path(str(tmp_path / "exts"))
    kit.ext_manager.set_extension_enabled_immediate("portalis.wasm.motion", True)
    import portalis.wasm
    import portalis_wasm_host

    assert portalis_wasm_host.__file__.startswith(str(root / "vendor"))
    ext = portalis.wasm.get_extension()
    assert ext.runtime.version == "2.1.0" and ext.runtime.module.limits.fuel == 1000000
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(10)
    from test_kit_extension import cpython_falling, heights

    assert heights(prims) == cpython_falling(2, 10)
    # The omni.kit.test suite shipped in the extension, as Kit's test runner would run it.
    import unittest

    import portalis.wasm.tests

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromModule(portalis.wasm.tests).run(result)
    assert result.testsRun == 2 and result.wasSuccessful(), result.errors + result.failures
    kit.ext_manager.set_extension_enabled_immediate("portalis.wasm.motion", False)
    assert kit.errors() == []


def test_bindings_that_do_not_fit_write_nothing(tmp_path):
    proc = package(tmp_path, "--bind", '{"function":"fall","inputs":["dt"]}', "--bind", '{"function":"nope"}')
    assert proc.returncode == 1
    assert "fall(y: float, vy: float, dt: float) takes 3 argument(s) but 1 input(s) are bound" in proc.stderr
    assert "exports no function 'nope'" in proc.stderr
    assert not (tmp_path / "exts").exists()
    proc = package(tmp_path, "--bind", "{not json")
    assert proc.returncode == 2 and "not JSON" in proc.stderr
