"""Stand-in for ``omni.kit.test``: unittest cases whose setUp, tearDown and
test methods may be coroutines, all awaited (stdlib IsolatedAsyncioTestCase
would silently skip an ``async def setUp``)."""
import asyncio
import inspect
import unittest


class AsyncTestCase(unittest.TestCase):
    def _await_if_needed(self, fn):
        result = fn()
        if inspect.isawaitable(result):
            return self._loop.run_until_complete(result)
        return result

    def run(self, result=None):
        self._loop = asyncio.new_event_loop()
        names = ["setUp", "tearDown", self._testMethodName]
        originals = {n: getattr(self, n) for n in names}
        for n, fn in originals.items():
            setattr(self, n, (lambda f: lambda: self._await_if_needed(f))(fn))
        try:
            return super().run(result)
        finally:
            for n in names:
                self.__dict__.pop(n, None)
            self._loop.close()


class AsyncTestCaseFailOnLogError(AsyncTestCase):
    """Fails a test that logged an error through carb."""

    def run(self, result=None):
        from kit_standin.state import current

        before = len(current().errors())
        self.addCleanup(lambda: self.assertEqual(current().errors()[before:], [], "errors were logged"))
        return super().run(result)
