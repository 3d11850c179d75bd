"""The stand-ins keep the Kit semantics the extension relies on (kit.md §2, §4)."""
from __future__ import annotations

import importlib
import unittest

import pytest

import kit_standin


def test_physics_callbacks_fire_only_while_playing_with_each_apis_arity(kit):
    import omni.physics.core
    import omni.physx

    calls = []
    a = omni.physx.get_physx_interface().subscribe_physics_step_events(lambda dt: calls.append(("physx", dt)))
    b = omni.physics.core.get_physics_simulation_interface().subscribe_physics_on_step_events(
        pre_step=True, order=0, on_update=lambda dt, ctx: calls.append(("core", dt)))
    sim = kit_standin.KitSim(kit)
    sim.advance(3)
    assert calls == []
    sim.play()
    sim.advance(2)
    assert calls == [("core", 1 / 60), ("physx", 1 / 60)] * 2  # pre-step before post-step
    sim.stop()
    sim.advance(2)
    assert len(calls) == 4
    del a, b


def test_dropping_a_holder_unsubscribes_but_not_inside_a_physics_callback(kit):
    import omni.physx

    physx = omni.physx.get_physx_interface()
    holders = {}
    hits = []

    def callback(dt):
        hits.append(dt)
        holders["self"].unsubscribe()  # refused: "cannot be changed during the event call"

    holders["self"] = physx.subscribe_physics_step_events(callback)
    physx.subscribe_physics_step_events(lambda dt: None)  # dropped at once: dead
    assert len(kit.physics.subs) == 1
    sim = kit_standin.KitSim(kit)
    sim.play()
    sim.advance(2)
    assert len(hits) == 2 and len(kit.physics.subs) == 1
    assert kit.errors() == [kit_standin.components.PHYSX_LOCK_MESSAGE] * 2
    holders.clear()
    assert kit.physics.subs == []


def test_events2_observers_may_remove_themselves_and_run_in_order(kit):
    import carb.eventdispatcher
    import omni.kit.app

    seen = []
    guards = {}

    def first(e):
        seen.append(("first", e.payload["dt"]))
        guards["first"].reset()

    d = carb.eventdispatcher.get_eventdispatcher()
    guards["second"] = d.observe_event(event_name=omni.kit.app.GLOBAL_EVENT_UPDATE, on_event=lambda e: seen.append(("second", e.payload["dt"])), order=5)
    guards["first"] = d.observe_event(event_name=omni.kit.app.GLOBAL_EVENT_UPDATE, on_event=first, order=1)
    kit_standin.KitSim(kit).advance(2)
    assert seen == [("first", 1 / 60), ("second", 1 / 60), ("second", 1 / 60)]


def test_versions_gate_the_new_apis():
    try:
        kit_standin.reset("106.5.0")
        import omni.kit.app
        import omni.timeline

        with pytest.raises(AttributeError):
            omni.kit.app.GLOBAL_EVENT_UPDATE
        with pytest.raises(AttributeError):
            omni.timeline.GLOBAL_EVENT_PLAY
        kit_standin.reset("109.0.10")
        with pytest.raises(ImportError):
            importlib.import_module("omni.physics.core")
        assert omni.kit.app.GLOBAL_EVENT_UPDATE
        kit_standin.reset("110.1.2")
        assert importlib.import_module("omni.physics.core").get_physics_simulation_interface()
    finally:
        kit_standin.reset("110.1.2")


def test_float3_rounds_and_change_blocks_refuse_authoring(kit):
    from pxr import Gf, Sdf, UsdGeom

    kit.usd_context.new_stage()
    stage = kit.usd_context.get_stage()
    op = UsdGeom.Xform.Define(stage, "/A").AddTranslateOp(precision=UsdGeom.XformOp.PrecisionFloat)
    op.Set(Gf.Vec3d(0.1, 0.2, 0.3))
    assert op.Get()[0] == 0.10000000149011612 and str(op.GetAttr().GetTypeName()) == "float3"
    with Sdf.ChangeBlock():
        op.Set((1.0, 2.0, 3.0))  # Set on an existing attribute: allowed
        with pytest.raises(RuntimeError):
            stage.DefinePrim("/B")
        with pytest.raises(RuntimeError):
            stage.GetPrimAtPath("/A").CreateAttribute("x", Sdf.ValueTypeNames.Double)
    assert any("ChangeBlock" in m for level, m in kit.logs if level == "warn")  # GetPrimAtPath inside the block


def test_async_test_case_awaits_async_setup_and_teardown(kit):
    import omni.kit.app
    import omni.kit.test

    order = []

    class Case(omni.kit.test.AsyncTestCase):
        async def setUp(self):
            await omni.kit.app.get_app().next_update_async()
            order.append("setUp")

        async def tearDown(self):
            order.append("tearDown")

        async def test_it(self):
            order.append("test")
            self.assertEqual(kit.frame, 1)

    result = unittest.TestResult()
    Case("test_it").run(result)
    assert result.wasSuccessful(), result.errors + result.failures
    assert order == ["setUp", "test", "tearDown"]


def test_attribute_time_samples_and_default_value(kit):
    from pxr import Sdf, Usd

    kit.usd_context.new_stage()
    prim = kit.usd_context.get_stage().DefinePrim("/P")
    attr = prim.CreateAttribute("h", Sdf.ValueTypeNames.Double)
    attr.Set(1.5)
    attr.Set(2.0, Usd.TimeCode(10))
    attr.Set(3.0, Usd.TimeCode(20))
    assert attr.Get() == 1.5 and attr.Get(Usd.TimeCode.Default()) == 1.5
    assert [attr.Get(Usd.TimeCode(t)) for t in (5, 10, 15, 25)] == [2.0, 2.0, 2.0, 3.0]  # held, clamped at the ends
    with pytest.raises(TypeError):
        prim.CreateAttribute("n", Sdf.ValueTypeNames.Int).Set(1.5)
    assert not prim.GetAttribute("missing").IsValid() and not kit.usd_context.get_stage().GetPrimAtPath("/Q").IsValid()
