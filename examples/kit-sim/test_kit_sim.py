"""The kit-sim example: packaged by the real CLI, run under the Kit stand-ins,
equal to the same Python under CPython."""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def test_headless_run_equals_cpython():
    if not os.path.exists(os.path.join(REPO, "actors", "dist", "targets", "kit", "target.js")):
        pytest.skip("actors/dist lacks the kit target: run `npx tsc -b` first")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "run_headless.py"), "--prims", "5", "--frames", "90", "--json"],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["equal"] is True
    assert len(out["kit"]) == 90 and len(out["kit"][0]) == 5
    assert out["kit"] == out["cpython"]
    # The springs move and lose energy (the damping is bound as a constant).
    first, last = out["kit"][0], out["kit"][-1]
    assert all(abs(b) < abs(a) for a, b in zip(first, last))
