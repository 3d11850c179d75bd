"""The portalis.wasm extension under the Kit stand-ins, with real WASM (wasmtime):
prims moved per physics step equal CPython, physics only while playing, the
Kit 107-109 / 110+ paths, update events, traps, hot swap, shutdown."""
from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import pytest

import kit_standin
from kit_helpers import FIXTURES, enable, particles, write_extension


def load_py(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PY = load_py(FIXTURES / "motion.py", "motion_cpython")
PY2 = load_py(FIXTURES / "v2" / "motion.py", "motion_v2_cpython")

FALLING = [
    {"function": "gravity", "event": "physics_step", "prims": "/World/Particles/*", "inputs": ["@motion:vy", "dt"], "output": "@motion:vy"},
    {"function": "fall", "event": "physics_step", "prims": "/World/Particles/*", "inputs": ["@xformOp:translate[1]", "@motion:vy", "dt"], "output": "@xformOp:translate[1]"},
]


def heights(prims):
    return [(p.GetAttribute("xformOp:translate").Get()[1], p.GetAttribute("motion:vy").Get()) for p in prims]


def cpython_falling(count, steps, dt=1.0 / 60.0):
    state = [(10.0 + i, 0.0) for i in range(count)]
    for _ in range(steps):
        state = [(y, PY.gravity(vy, dt)) for y, vy in state]
        state = [(PY.fall(y, vy, dt), vy) for y, vy in state]
    return state


def start(kit, tmp_path, motion, bindings, name="portalis.wasm.motion", **settings):
    wasm, spec = motion
    write_extension(tmp_path / "exts", name, wasm, spec, {"bindings": bindings, **settings})
    return enable(kit, tmp_path / "exts", name)


def test_falling_prims_equal_cpython_one_call_per_physics_step(kit, tmp_path, motion):
    from pxr import Sdf

    prims = particles(kit, 4)
    ext = start(kit, tmp_path, motion, FALLING)
    assert ext.runtime is not None and ext.runtime.version == "1"
    sim = kit_standin.KitSim(kit)
    sim.play()
    blocks_before = Sdf._Blocks.opened
    sim.advance(30)
    assert kit.physics.steps == 30
    assert heights(prims) == cpython_falling(4, 30)
    assert [b.fired for b in ext.runtime.bindings] == [30, 30]
    assert [b.calls for b in ext.runtime.bindings] == [120, 120]
    # Writes are batched: one change block per binding per step, not one per prim.
    assert Sdf._Blocks.opened - blocks_before == 60
    assert kit.errors() == []


def test_physics_bindings_run_only_while_the_timeline_plays(kit, tmp_path, motion):
    prims = particles(kit, 2)
    ext = start(kit, tmp_path, motion, FALLING)
    sim = kit_standin.KitSim(kit)
    sim.advance(5)
    assert ext.runtime.steps["physics_step"] == 0 and heights(prims) == cpython_falling(2, 0)
    sim.play()
    sim.advance(10)
    sim.stop()
    sim.advance(5)
    assert ext.runtime.steps["physics_step"] == 10
    assert ext.runtime.steps["play"] == 1 and ext.runtime.steps["stop"] == 1
    sim.play()
    sim.advance(3, frame_dt=1.0 / 30.0)  # two physics steps per frame
    sim.advance(2, frame_dt=0.25)  # below minFrameRate 30: capped at two steps
    assert ext.runtime.steps["physics_step"] == 20
    assert heights(prims) == cpython_falling(2, 20)


@pytest.mark.parametrize(
    "kit_version,physics_api,arity,update_path,timeline_path",
    [
        ("110.1.2", "omni.physics.core", 2, "events2", "events2"),
        ("109.0.10", "omni.physx", 1, "events2", "events2"),
        ("107.3.3", "omni.physx", 1, "events2", "events2"),
        ("106.5.0", "omni.physx", 1, "update_event_stream", "timeline_event_stream"),
    ],
)
def test_kit_versions_choose_their_apis_and_agree(tmp_path, motion, kit_version, physics_api, arity, update_path, timeline_path):
    kit = kit_standin.reset(kit_version)
    try:
        prims = particles(kit, 3)
        ext = start(kit, tmp_path, motion, FALLING)
        assert ext.kit.physics_api == physics_api
        assert ext.hub.paths == {"physics_step": physics_api, "update": update_path, "timeline": timeline_path}
        assert [s["arity"] for s in kit.physics.subs] == [arity]
        sim = kit_standin.KitSim(kit)
        sim.play()
        sim.advance(12)
        assert heights(prims) == cpython_falling(3, 12)
        assert any(f"on Kit {kit_version}" in m for level, m in kit.logs if level == "info")
    finally:
        kit_standin.reset("110.1.2")


def test_update_binding_runs_every_frame_playing_or_not(kit, tmp_path, motion):
    from pxr import Sdf

    particles(kit, 1)
    counter = kit.usd_context.get_stage().DefinePrim("/World/Counter")
    counter.CreateAttribute("count", Sdf.ValueTypeNames.Int).Set(0)
    ext = start(kit, tmp_path, motion, [{"function": "tick", "event": "update", "inputs": ["/World/Counter.count"], "output": "/World/Counter.count"}])
    sim = kit_standin.KitSim(kit)
    sim.advance(4)
    sim.play()
    sim.advance(3)
    assert counter.GetAttribute("count").Get() == 7
    assert ext.runtime.steps["update"] == 7
    # No physics binding, so no physics subscription.
    assert "physics_step" not in ext.hub.paths and kit.physics.subs == []


def test_a_trap_disables_only_that_binding_and_the_simulation_goes_on(kit, tmp_path, motion):
    prims = particles(kit, 3)
    prims[2].GetAttribute("motion:n").Set(1_000_000)  # depth(1e6) exhausts the WASM stack
    bindings = [
        {"function": "risky", "prims": "/World/Particles/*", "inputs": ["@xformOp:translate[0]", "@motion:n"], "output": "@xformOp:translate[0]"},
        *FALLING,
        {"function": "ratio", "event": "update", "inputs": [1.0, 0.0]},
    ]
    ext = start(kit, tmp_path, motion, bindings)
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(20)
    risky, gravity, fall, ratio = ext.runtime.bindings
    assert not risky.enabled and "RecursionError" in risky.disabled_reason
    assert not ratio.enabled and "ZeroDivisionError: float division by zero" in ratio.disabled_reason
    assert gravity.enabled and fall.enabled and fall.fired == 20
    # risky failed on its third prim before writing anything; the falling went on.
    assert [p.GetAttribute("xformOp:translate").Get()[0] for p in prims] == [0.0, 1.0, 2.0]
    assert heights(prims) == cpython_falling(3, 20)
    errors = kit.errors()
    assert len(errors) == 2 and all("disabled" in e for e in errors)


def test_hot_swap_lands_between_steps_and_drops_none(kit, tmp_path, motion, motion_v2):
    prims = particles(kit, 3)
    bindings = [{"function": "drift", "prims": "/World/Particles/*", "inputs": ["@xformOp:translate[0]", "step", "dt"], "output": "@xformOp:translate[0]"}]
    ext = start(kit, tmp_path, motion, bindings)
    runtime = ext.runtime
    wasm2, spec2 = motion_v2
    tickets = []
    seen_versions = []

    # The bridge asks for the swap from its own thread while the main thread is
    # in the middle of step 7, between the first and second prim's calls.
    v1_call = runtime.module.call

    def call(name, *args):
        if kit.physics.steps == 7 and not tickets and runtime.bindings[0].calls % 3 == 1:
            thread = threading.Thread(target=lambda: tickets.append(runtime.swap_module(wasm2.read_bytes(), spec2, "2")))
            thread.start()
            thread.join()
            assert runtime.version == "1" and runtime.pending_version == "2"
        return v1_call(name, *args)

    runtime.module.call = call

    def post_step(dt):  # runs after the extension's own post-step callback (order 0)
        seen_versions.append(runtime.version)

    import omni.physx

    holder = omni.physx.get_physx_interface().subscribe_physics_on_step_events(post_step, False, 1)
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(15)
    # A swap from another thread while the loop is stopped between frames.
    thread = threading.Thread(target=lambda: tickets.append(runtime.swap_module(str(wasm2), spec2, "3")))
    thread.start()
    thread.join()
    assert runtime.version == "2" and runtime.pending_version == "3"
    sim.advance(5)
    holder = None  # noqa: F841
    assert tickets[0].adopted.is_set() and tickets[0].adopted_at_step == 7
    assert tickets[1].wait(0) and runtime.version == "3"
    assert kit.physics.steps == 20 and runtime.bindings[0].fired == 20
    assert seen_versions == ["1"] * 7 + ["2"] * 8 + ["3"] * 5
    assert tickets[0].adopted_at_step == 7
    dt = 1.0 / 60.0
    xs = [float(i) for i in range(3)]
    for step in range(20):
        f = PY.drift if step < 7 else PY2.drift
        xs = [f(x, step, dt) for x in xs]
    assert [p.GetAttribute("xformOp:translate").Get()[0] for p in prims] == xs
    assert [s["to"] for s in runtime.swaps] == ["2", "3"]
    assert kit.settings.get("/exts/portalis.wasm.motion/runningVersion") == "3"
    assert any("now running version 3 (was 2)" in m for level, m in kit.logs if level == "info")


def test_swap_that_does_not_fit_the_bindings_is_refused(kit, tmp_path, motion, motion_v2):
    particles(kit, 1)
    ext = start(kit, tmp_path, motion, FALLING)
    from portalis.wasm import SwapRejected

    wasm2, spec2 = motion_v2
    bad = dict(spec2, exports=[e for e in spec2["exports"] if e["name"] != "fall"])
    with pytest.raises(SwapRejected, match="no function 'fall'"):
        ext.runtime.swap_module(wasm2.read_bytes(), bad, "2")
    assert ext.runtime.version == "1" and ext.runtime.pending_version is None


def test_swap_reenables_a_binding_a_trap_disabled(kit, tmp_path, motion, motion_v2):
    prims = particles(kit, 1)
    prims[0].GetAttribute("motion:n").Set(1_000_000)
    ext = start(kit, tmp_path, motion, [{"function": "risky", "prims": "/World/Particles/*", "inputs": ["@motion:vy", "@motion:n"], "output": "@motion:vy"}])
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(2)
    assert not ext.runtime.bindings[0].enabled
    wasm2, spec2 = motion_v2
    ext.runtime.swap_module(wasm2.read_bytes(), spec2, "2")
    sim.advance(2)
    assert ext.runtime.bindings[0].enabled and ext.runtime.bindings[0].fired == 2


FAKE_BRIDGE = '''
import kit_standin
def create_bridge(runtime, settings, ext_id):
    class Bridge:
        def close(self):
            kit_standin.current().bridge_events.append(("close", ext_id))
    kit_standin.current().bridge_events.append(("create", ext_id, dict(settings), runtime.version))
    return Bridge()
'''


def test_shutdown_and_reload_release_every_subscription_and_the_bridge(kit, tmp_path, motion):
    particles(kit, 2)
    wasm, spec = motion
    root = write_extension(tmp_path / "exts", "portalis.wasm.motion", wasm, spec, {"bindings": FALLING, "bridge": {"endpoint": "tcp://127.0.0.1:0"}})
    (root / "portalis" / "wasm" / "bridge.py").write_text(FAKE_BRIDGE)
    kit.bridge_events = []

    def counts():
        return (kit.dispatcher.observer_count(), len(kit.physics.subs), kit.update_stream.subscription_count(), kit.timeline.stream.subscription_count())

    assert counts() == (0, 0, 0, 0)
    ext = enable(kit, tmp_path / "exts", "portalis.wasm.motion")
    assert counts() == (3, 1, 0, 0)
    module = ext.runtime.module
    manager = kit.ext_manager
    manager.set_extension_enabled_immediate("portalis.wasm.motion", False)  # hot reload: shutdown ...
    assert counts() == (0, 0, 0, 0)
    assert ext.runtime is None and ext.hub is None
    with pytest.raises(ValueError, match="closed"):
        module.call("tick", 1)
    manager.set_extension_enabled_immediate("portalis.wasm.motion", True)  # ... then a fresh startup
    assert counts() == (3, 1, 0, 0)
    manager.set_extension_enabled_immediate("portalis.wasm.motion", False)
    assert counts() == (0, 0, 0, 0)
    assert [e[0] for e in kit.bridge_events] == ["create", "close", "create", "close"]
    assert kit.bridge_events[0][2] == {"endpoint": "tcp://127.0.0.1:0"} and kit.bridge_events[0][3] == "1"
    assert kit.errors() == []


def test_bad_binding_tables_are_reported_and_skipped(kit, tmp_path, motion):
    particles(kit, 1)
    bindings = [
        {"function": "fall", "inputs": ["@xformOp:translate[1]", "dt"]},  # no prims for @, and 2 inputs for 3 params
        {"function": "nope", "inputs": []},
        {"function": "tick", "event": "physics_step", "inputs": ["dt"], "output": "/World/Particles/p0.motion:n"},
        FALLING[0],
    ]
    ext = start(kit, tmp_path, motion, bindings)
    errors = kit.errors()
    assert any("needs 'prims'" in e for e in errors)
    assert any("no function 'nope'" in e for e in errors)
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(2)
    tick = ext.runtime.bindings[1]
    assert not tick.enabled and "does not fit the int parameter" in tick.disabled_reason
    assert ext.runtime.bindings[2].enabled and ext.runtime.bindings[2].fired == 2


def test_a_result_the_attribute_cannot_hold_writes_nothing(kit, tmp_path, motion):
    prims = particles(kit, 3)
    # fall returns a float; motion:n is an int attribute, so no prim is written.
    ext = start(kit, tmp_path, motion, [{"function": "fall", "prims": "/World/Particles/*", "inputs": ["@motion:vy", "@motion:vy", "dt"], "output": "@motion:n"}])
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(1)
    binding = ext.runtime.bindings[0]
    assert not binding.enabled and "/World/Particles/p0.motion:n (int) cannot hold the result 0.0 (float)" in binding.disabled_reason
    assert [p.GetAttribute("motion:n").Get() for p in prims] == [0, 1, 2]


def test_reload_while_playing_stops_the_old_instance_and_the_new_one_takes_over(kit, tmp_path, motion):
    prims = particles(kit, 2)
    ext = start(kit, tmp_path, motion, FALLING)
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(3)
    manager = kit.ext_manager
    manager.set_extension_enabled_immediate("portalis.wasm.motion", False)
    sim.advance(4)  # physics goes on, the extension is gone: nothing moves
    assert kit.physics.steps == 7 and heights(prims) == cpython_falling(2, 3)
    manager.set_extension_enabled_immediate("portalis.wasm.motion", True)
    import portalis.wasm

    new = portalis.wasm.get_extension()
    assert new is not ext and ext.runtime is None
    sim.advance(2)
    assert heights(prims) == cpython_falling(2, 5) and new.runtime.steps["physics_step"] == 2
    assert kit.errors() == []
