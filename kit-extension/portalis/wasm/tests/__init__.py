"""omni.kit.test tests of a packaged Portalis extension (Kit's test runner finds them here)."""
from .test_portalis_wasm import *  # noqa: F401,F403
