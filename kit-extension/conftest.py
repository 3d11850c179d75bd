"""pytest settings for kit-extension/: portalis/wasm/tests/ are omni.kit.test
tests that run inside an enabled extension (Kit's test runner, or
tests/test_kit_package.py under the stand-ins), not on their own."""
collect_ignore = ["portalis/wasm/tests"]
