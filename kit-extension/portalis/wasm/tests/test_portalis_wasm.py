"""Startup and hot-swap checks that work with whatever module the extension
packages; run by Kit's test runner (and under the stand-ins by pytest)."""
import omni.kit.app
import omni.kit.test
import omni.timeline

import portalis.wasm


class TestPortalisWasm(omni.kit.test.AsyncTestCase):
    async def setUp(self):
        self.extension = portalis.wasm.get_extension()
        self.runtime = portalis.wasm.get_runtime()
        self.timeline = omni.timeline.get_timeline_interface()
        await omni.kit.app.get_app().next_update_async()

    async def tearDown(self):
        self.timeline.stop()
        await omni.kit.app.get_app().next_update_async()

    async def test_the_module_runs_and_reports_its_version(self):
        self.assertIsNotNone(self.runtime, "the extension did not start; see the log")
        self.assertEqual(self.runtime.version, self.extension.loaded.version)
        for binding in self.runtime.status()["bindings"]:
            self.assertTrue(binding["enabled"], binding["reason"])

    async def test_a_swap_is_adopted_at_the_next_update(self):
        loaded = self.extension.loaded
        original = self.runtime.version
        ticket = self.runtime.swap_module(loaded.wasm_path, loaded.spec, "kit-test")
        self.assertEqual(self.runtime.version, original)
        await omni.kit.app.get_app().next_update_async()
        self.assertTrue(ticket.adopted.is_set())
        self.assertEqual(self.runtime.version, "kit-test")
        self.runtime.swap_module(loaded.wasm_path, loaded.spec, original)
        await omni.kit.app.get_app().next_update_async()
        self.assertEqual(self.runtime.version, original)
