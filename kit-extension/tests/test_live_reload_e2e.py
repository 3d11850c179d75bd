"""Issue #6's live reload, end to end, with every real piece at once:

- `portalis package step.py --target kit` (the real CLI, actors/dist) writes the
  extension folder;
- `portalis dev --kit step.py` (a real Node process) watches the source and
  publishes each good save over ZeroMQ;
- the packaged extension runs under the Kit stand-ins (extension manager reading
  its extension.toml, timeline, physics steps driven by `KitSim`), with real
  wasmtime and the real pyzmq bridge, which it starts from its `bridge`
  settings (given here as Kit's command-line overrides
  `--/exts/<name>/bridge/...=`, which win over the extension.toml defaults).

While the timeline plays, step.py is edited (another coefficient), then saved
with a syntax error, then fixed. Every physics step is checked against CPython
running the source of the version that ran that step: the steps before the swap
on the old function, the steps from the adopted step on the new one, none
dropped (the step function takes the step counter, so a dropped or repeated
step would change every later value). Shutdown closes the bridge and leaves no
thread behind.
"""
from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import kit_standin
from test_bridge import CLI, REPO, DevProcess, free_ports, missing_prerequisite

SKIP = missing_prerequisite()
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

NAME = "portalis.wasm.step"
DT = 1.0 / 60.0  # the stand-in physics rate; one step per 60 Hz frame
HB = 0.2  # heartbeat interval, seconds, both sides
START = [0.5, 2.0, 7.25]  # the heights of the three prims

TEMPLATE = '''
def step(y: float, n: int, dt: float) -> float:
    """Relaxes y towards a level; n (the step counter) makes every step count."""
    return y + dt * (1.5 - {k} * y) + n * 0.001
'''
SOURCE_A = TEMPLATE.format(k="0.25")
SOURCE_B = TEMPLATE.format(k="0.75")
SOURCE_C = TEMPLATE.format(k="1.25")
BROKEN = SOURCE_B + "\n\ndef broken(x: int) -> int:\n    return x +\n"

BINDING = (
    '{"function":"step","event":"physics_step","prims":"/World/Balls/*",'
    '"inputs":["@xformOp:translate[1]","step","dt"],"output":"@xformOp:translate[1]"}'
)


def cpython(source: str):
    namespace: dict = {}
    exec(compile(source, "step.py", "exec"), namespace)
    return namespace["step"]


def package(source: Path, exts: Path) -> None:
    proc = subprocess.run(
        ["node", str(CLI), "package", str(source), "--target", "kit", "-o", str(exts), "--name", NAME, "--bind", BINDING],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert (exts / NAME / "data" / "step.wasm").exists()


def build_stage(state) -> list:
    from pxr import UsdGeom

    state.usd_context.new_stage()
    stage = state.usd_context.get_stage()
    prims = []
    for i, y in enumerate(START):
        xform = UsdGeom.Xform.Define(stage, f"/World/Balls/b{i}")
        xform.AddTranslateOp().Set((float(i), y, 0.0))
        prims.append(xform.GetPrim())
    return prims


class Run:
    """Drives the stand-in Kit frame by frame and records every physics step."""

    def __init__(self, state, ext, prims) -> None:
        self.state, self.ext, self.prims = state, ext, prims
        self.sim = kit_standin.KitSim(state, frame_dt=DT)
        self.heights: List[List[float]] = []  # after each physics step
        self.versions: List[str] = []  # the running version seen after each step

    def frame(self) -> None:
        runtime = self.ext.runtime
        before = runtime.steps["physics_step"]
        self.sim.frame(DT)
        after = runtime.steps["physics_step"]
        assert after == before + 1, f"frame ran {after - before} physics steps"
        self.heights.append([p.GetAttribute("xformOp:translate").Get()[1] for p in self.prims])
        self.versions.append(runtime.version)
        time.sleep(0.002)  # ~ a few hundred frames a second, not a busy loop against Node's compiler

    def frames(self, count: int) -> None:
        for _ in range(count):
            self.frame()

    def until(self, predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            self.frame()


def oracle(versions: List[str], sources: Dict[str, str]) -> List[List[float]]:
    """CPython runs each step with the source of the version that ran it in Kit."""
    fns = {v: cpython(s) for v, s in sources.items()}
    ys = list(START)
    out = []
    for n, version in enumerate(versions):
        ys = [fns[version](y, n, DT) for y in ys]
        out.append(list(ys))
    return out


def test_live_reload_while_playing_matches_cpython_step_by_step(tmp_path: Path):
    work = tmp_path / "src"
    work.mkdir()
    source = work / "step.py"
    source.write_text(SOURCE_A)
    exts = tmp_path / "exts"
    t0 = time.monotonic()
    package(source, exts)
    t_package = time.monotonic() - t0

    rpc, pub = free_ports(2)
    node = DevProcess(source, rpc, pub, heartbeat_ms=int(HB * 1000))
    state = kit_standin.reset("110.1.2")
    enabled = False
    threads_before = set(threading.enumerate())
    try:
        v1 = node.wait_line("published v1-", timeout=15).split("published ")[1].split()[0]
        # Kit's --/exts/<name>/bridge/...= overrides; the extension.toml's own settings merge under them.
        state.settings.set(f"/exts/{NAME}/bridge", {
            "endpoint": f"tcp://127.0.0.1:{rpc}", "pub_endpoint": f"tcp://127.0.0.1:{pub}",
            "heartbeat_interval": HB, "liveness": 3, "call_timeout": 2.0,
        })
        prims = build_stage(state)
        state.ext_manager.add_path(str(exts))
        state.ext_manager.set_extension_enabled_immediate(NAME, True)
        enabled = True
        import portalis.wasm

        ext = portalis.wasm.get_extension()
        assert ext is not None and ext.runtime is not None and ext.bridge is not None, state.errors()
        assert ext.runtime.version == "1.0.0"  # the packaged module, until Node's snapshot is adopted
        run = Run(state, ext, prims)
        run.sim.play()

        def running(version: str):
            return lambda: ext.runtime.version == version

        # The snapshot on connect (Node published v1 before this Kit existed) is swapped in while playing.
        run.until(running(v1), 5, f"adoption of {v1}")
        node.wait_line(f"running {v1} (current)", timeout=5)
        run.frames(20)

        # An edit while playing: v2 is compiled by Node, published, staged and swapped in between two steps.
        mark = node.mark()
        t_edit = time.monotonic()
        source.write_text(SOURCE_B)
        v2 = node.wait_line("published v2-", timeout=10, after=mark).split("published ")[1].split()[0]
        run.until(running(v2), 5, f"adoption of {v2}")
        t_adopt = time.monotonic() - t_edit
        node.wait_line(f"running {v2} (current)", timeout=5, after=mark)
        assert state.settings.get(f"/exts/{NAME}/runningVersion") == v2
        assert ext.bridge.wait_for(lambda b: b.running_version == v2, 2)
        run.frames(20)

        # A bad save: Node publishes nothing, the simulation keeps running v2.
        mark = node.mark()
        source.write_text(BROKEN)
        node.wait_line(f"has errors, nothing published; Kit keeps running {v2}", timeout=10, after=mark)
        run.frames(3 * int(HB / 0.002))  # well past a heartbeat or two
        assert ext.runtime.version == v2 and ext.bridge.last_load_error is None
        assert not any(line.startswith("published") or "published v" in line for line in node.lines[mark:])

        # The next good save is adopted.
        mark = node.mark()
        source.write_text(SOURCE_C)
        v3 = node.wait_line("published v3-", timeout=10, after=mark).split("published ")[1].split()[0]
        run.until(running(v3), 5, f"adoption of {v3}")
        node.wait_line(f"running {v3} (current)", timeout=5, after=mark)
        run.frames(20)

        runtime = ext.runtime
        steps = runtime.steps["physics_step"]
        # No step dropped or repeated: one physics step per frame, each one recorded, the binding fired on each.
        assert steps == len(run.heights) == state.physics.steps == runtime.bindings[0].fired
        assert [b["enabled"] for b in runtime.status()["bindings"]] == [True]
        # The runtime's record of the swaps: each at a step boundary, in order. The version that ran step k is
        # the last one adopted at or before k (a swap may be adopted at the frame's update event, after that
        # frame's physics step, so the version seen after frame k is that one or the next, adopted at k + 1).
        swaps = [(s["from"], s["to"], s["at_step"]) for s in runtime.swaps]
        assert [(f, t) for f, t, _ in swaps] == [("1.0.0", v1), (v1, v2), (v2, v3)], swaps
        assert [at for _, _, at in swaps] == sorted(at for _, _, at in swaps) and swaps[-1][2] < steps
        ran = [next((t for _, t, at in reversed(swaps) if at <= k), "1.0.0") for k in range(steps)]
        adopted_at = {at: t for _, t, at in swaps}
        for k, seen in enumerate(run.versions):
            assert seen == ran[k] or seen == adopted_at.get(k + 1), (k, seen, ran[k])
        # Step by step equal to CPython running, at each step, the source of the version that ran it.
        expected = oracle(ran, {"1.0.0": SOURCE_A, v1: SOURCE_A, v2: SOURCE_B, v3: SOURCE_C})
        assert run.heights == expected
        # The check is sharp: v1's function after the swap, or the swap one step off, give other values.
        sources = {v1: SOURCE_A, v2: SOURCE_B, v3: SOURCE_C}
        assert run.heights != oracle([v1] * steps, sources)
        at_v2 = swaps[1][2]
        assert run.heights != oracle(ran[:at_v2] + [v1] + ran[at_v2 + 1:], {"1.0.0": SOURCE_A, **sources})
        assert state.errors() == []
        print(f"\n[live reload e2e] package {t_package:.2f} s; edit -> adopted {t_adopt:.2f} s; {steps} steps; swaps {swaps}")

        # Shutdown: on_shutdown closes the bridge; bounded; no thread of ours is left.
        bridge = ext.bridge
        t_shut = time.monotonic()
        state.ext_manager.set_extension_enabled_immediate(NAME, False)
        enabled = False
        shutdown_s = time.monotonic() - t_shut
        assert shutdown_s < 2.5, shutdown_s
        assert portalis.wasm.get_extension() is None and ext.bridge is None and ext.runtime is None
        assert not bridge._thread.is_alive()
        left = [t for t in threading.enumerate() if t not in threads_before]
        assert left == [], left
        assert state.physics.subs == []
        print(f"[live reload e2e] shutdown {shutdown_s * 1000:.0f} ms")
    finally:
        if enabled:
            state.ext_manager.set_extension_enabled_immediate(NAME, False)
        node.kill()
        kit_standin.reset("110.1.2")
