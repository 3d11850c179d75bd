"""The ZeroMQ bridge between the Kit extension and the Node runtime, tested
end to end: a real `portalis dev --kit` Node process (actors/dist, built by
`npx tsc -b`) and the real pyzmq client in portalis/wasm/bridge.py.

Covered: the module snapshot on connect (the client connects after the
publication it would otherwise miss), remote calls and their Python
exceptions compared with CPython running the same source, live reload on
save (including a bad save that publishes nothing), Node killed and
restarted mid-run, heartbeat loss in both directions, malformed requests,
and close() staying bounded. bridge.py is loaded from its file so the tests
do not need the `carb`/`omni` modules the package's __init__ imports.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import List, Optional

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "actors" / "bin" / "portalis.js"
DIST_MARKERS = [REPO / "actors" / "dist" / "cli" / "dev-command.js", REPO / "runtime" / "dist" / "bridge" / "index.js"]


def load_bridge():
    name = "portalis_kit_bridge_under_test"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "kit-extension" / "portalis" / "wasm" / "bridge.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def missing_prerequisite() -> Optional[str]:
    if shutil.which("node") is None:
        return "node is not on PATH"
    for marker in DIST_MARKERS:
        if not marker.exists():
            return f"{marker.relative_to(REPO)} is missing: build first (npx tsc -b; npm test does)"
    return None


def free_ports(count: int) -> List[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class DevProcess:
    """`node actors/bin/portalis.js dev --kit <file>` with its output collected line by line."""

    def __init__(self, source: Path, rpc_port: int, pub_port: int, heartbeat_ms: int = 200):
        self.lines: List[str] = []
        self._changed = threading.Condition()
        self.proc = subprocess.Popen(
            [
                "node", str(CLI), "dev", "--kit", str(source),
                "--endpoint", f"tcp://127.0.0.1:{rpc_port}",
                "--pub-endpoint", f"tcp://127.0.0.1:{pub_port}",
                "--heartbeat-ms", str(heartbeat_ms), "--debounce-ms", "50", "-O", "1",
            ],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()

    def wait_line(self, needle: str, timeout: float = 20.0, after: int = 0) -> str:
        """The first line from index `after` on that contains `needle`; fails the test with the output otherwise."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines[after:]:
                    if needle in line:
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(f"no line containing {needle!r} within {timeout} s; output:\n" + "\n".join(self.lines))
                self._changed.wait(min(left, 0.1))

    def mark(self) -> int:
        with self._changed:
            return len(self.lines)

    def signal(self, sig: int) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.signal(signal.SIGCONT)
            self.signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(5)
        if self.proc.stdout:
            self.proc.stdout.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(5)
        self._reader.join(5)


# ---------------------------------------------------------------- tests

import math
import pytest

bridge = load_bridge()
SKIP = missing_prerequisite()
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

STEP_SOURCE = '''
def step(x: float, dt: float) -> float:
    return x + dt * 2.0


def div(a: int, b: int) -> int:
    return a // b


def mul(a: int, b: int) -> int:
    return a * b


def neg(x: float) -> float:
    return -x


def positive(x: float) -> bool:
    return x > 0.0
'''

HB = 0.2  # seconds, both sides


def cpython(source: str):
    """The source run by CPython itself: the oracle for remote results and exceptions."""
    namespace: dict = {}
    exec(compile(source, "step.py", "exec"), namespace)
    return namespace


class Loads:
    """Records on_module calls; checks each module is real WASM that wasmtime accepts."""

    def __init__(self):
        self.calls = []
        self.lock = threading.Lock()

    def __call__(self, wasm: bytes, spec: dict, version: str) -> None:
        assert wasm[:4] == b"\0asm"
        try:
            import wasmtime

            wasmtime.Module(wasmtime.Engine(), wasm)
        except ImportError:
            pass
        with self.lock:
            self.calls.append((version, spec, len(wasm)))

    def versions(self):
        with self.lock:
            return [c[0] for c in self.calls]


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "step.py").write_text(STEP_SOURCE)
    return tmp_path


@pytest.fixture
def ports():
    return free_ports(2)


@pytest.fixture
def node(workdir, ports):
    proc = DevProcess(workdir / "step.py", *ports, heartbeat_ms=int(HB * 1000))
    yield proc
    proc.stop()


def connect(ports, loads=None, **kw):
    return bridge.KitBridge(
        f"tcp://127.0.0.1:{ports[0]}", f"tcp://127.0.0.1:{ports[1]}", on_module=loads,
        heartbeat_interval=HB, liveness=3, call_timeout=2.0, **kw,
    )


def test_snapshot_on_connect_then_remote_calls_match_cpython(node, ports):
    node.wait_line("published v1-")
    # The publication happened before this client existed: only the snapshot can deliver it.
    loads = Loads()
    kit = connect(ports, loads)
    try:
        assert kit.wait_for(lambda b: b.running_version is not None, 10), node.lines
        [(version, spec, size)] = loads.calls
        assert version.startswith("v1-") and kit.running_version == version
        assert spec["module"] == "step" and [e["name"] for e in spec["exports"]] == ["step", "div", "mul", "neg", "positive"]
        node.wait_line(f"running {version} (current)")

        py = cpython(STEP_SOURCE)
        for args in [(1.0, 0.5), (-2.5, 1e-3), (0.1, 0.2)]:
            got = kit.call("step", *args)
            assert type(got) is float and got == py["step"](*args)
        for a, b in [(7, 2), (-7, 2), (7, -2), (2**62, 3)]:
            got = kit.call("div", a, b)
            assert type(got) is int and got == py["div"](a, b)
        assert kit.call("mul", 2**40, 2**20) == 2**60  # beyond 2**53: exact through the wide export
        zero = kit.call("neg", 0.0)
        assert zero == 0.0 and math.copysign(1.0, zero) == -1.0
        assert math.isnan(kit.call("neg", math.nan)) and kit.call("neg", math.inf) == -math.inf
        assert kit.call("positive", 2.0) is True and kit.call("positive", -2.0) is False

        # Python exceptions raised by the WASM come back as the same type, with CPython's message.
        with pytest.raises(ZeroDivisionError) as local:
            py["div"](1, 0)
        with pytest.raises(ZeroDivisionError) as remote:
            kit.call("div", 1, 0)
        assert str(remote.value) == str(local.value)
        # Translated ints are i64 (docs/abi.md): where CPython would grow the int, the WASM raises OverflowError.
        with pytest.raises(OverflowError, match="64 bits"):
            kit.call("mul", 2**62, 4)
        with pytest.raises(AttributeError, match="module 'step' has no attribute 'nope'"):
            kit.call("nope")
        with pytest.raises(TypeError) as remote:
            kit.call("div", 1)
        with pytest.raises(TypeError) as local:
            py["div"](1)
        assert str(remote.value) == str(local.value)
        with pytest.raises(TypeError, match="must be int, not float"):
            kit.call("div", 1.5, 1)
        assert kit.ping()["type"] == "pong"
        # The calls went out on this thread's own DEALER, the pings on the bridge thread's: Node sees one client.
        assert [line for line in node.lines if "connected" in line] == [f"[portalis dev] kit {kit.client_id} connected"]
    finally:
        assert kit.close(2.0)


def test_live_reload_bad_save_then_recovery(node, ports, workdir):
    node.wait_line("published v1-")
    loads = Loads()
    kit = connect(ports, loads)
    try:
        assert kit.wait_for(lambda b: b.modules_loaded == 1, 10)
        mark = node.mark()
        (workdir / "step.py").write_text(STEP_SOURCE + "\n\ndef triple(x: int) -> int:\n    return 3 * x\n")
        assert kit.wait_for(lambda b: b.modules_loaded == 2, 20), node.lines
        v2 = kit.running_version
        assert v2.startswith("v2-") and loads.versions()[-1] == v2
        node.wait_line(f"running {v2} (current)", after=mark)
        assert kit.call("triple", 14) == 42

        # A save that does not compile: diagnostics, nothing published, Kit keeps v2.
        mark = node.mark()
        (workdir / "step.py").write_text(STEP_SOURCE + "\n\ndef broken(x: int) -> int:\n    return x +\n")
        node.wait_line(f"has errors, nothing published; Kit keeps running {v2}", after=mark)
        time.sleep(3 * HB)
        assert kit.running_version == v2 and kit.modules_loaded == 2
        assert kit.call("triple", 2) == 6

        # The next good save recovers.
        (workdir / "step.py").write_text(STEP_SOURCE + "\n\ndef triple(x: int) -> int:\n    return 30 * x\n")
        assert kit.wait_for(lambda b: b.modules_loaded == 3, 20), node.lines
        assert kit.running_version.startswith("v3-")
        assert kit.call("triple", 2) == 60
    finally:
        assert kit.close(2.0)


def test_node_killed_mid_call_and_restarted(workdir, ports):
    node = DevProcess(workdir / "step.py", *ports, heartbeat_ms=int(HB * 1000))
    loads = Loads()
    kit = None
    try:
        node.wait_line("published v1-")
        kit = connect(ports, loads)
        assert kit.wait_for(lambda b: b.modules_loaded == 1, 10)
        first_instance = kit.node_instance
        assert kit.call("div", 9, 3) == 3

        # Freeze Node, put a call in flight, then kill Node: the call must time out cleanly.
        node.signal(signal.SIGSTOP)
        outcome = {}

        def in_flight():
            started = time.monotonic()
            try:
                outcome["value"] = kit.call("div", 8, 2, timeout=1.0)
            except BaseException as exc:  # noqa: BLE001 - recorded for the assertions below
                outcome["error"] = exc
            outcome["elapsed"] = time.monotonic() - started

        caller = threading.Thread(target=in_flight)
        caller.start()
        time.sleep(0.2)
        node.kill()
        caller.join(5)
        assert not caller.is_alive()
        assert isinstance(outcome.get("error"), bridge.BridgeTimeout), outcome
        assert "no reply within 1.00 s" in str(outcome["error"])
        assert 0.9 <= outcome["elapsed"] < 2.5
        assert kit.wait_for(lambda b: not b.peer_alive, 3)
        with pytest.raises(bridge.BridgeTimeout):
            kit.call("div", 1, 1, timeout=0.3)

        # While Node is down the source changes; the restarted Node serves it and Kit re-fetches the snapshot.
        (workdir / "step.py").write_text(STEP_SOURCE + "\n\ndef triple(x: int) -> int:\n    return 3 * x\n")
        node = DevProcess(workdir / "step.py", *ports, heartbeat_ms=int(HB * 1000))
        node.wait_line("published v1-")
        assert kit.wait_for(lambda b: b.peer_alive and b.modules_loaded == 2, 15), node.lines
        assert kit.node_instance != first_instance and kit.reconnects >= 1
        assert kit.call("triple", 5) == 15 and kit.call("div", 9, 3) == 3
        node.wait_line(f"running {kit.running_version} (current)")
    finally:
        if kit is not None:
            assert kit.close(2.0)
        node.stop()


def test_heartbeat_loss_detected_both_ways(node, ports):
    node.wait_line("published v1-")
    kit = connect(ports, Loads())
    try:
        assert kit.wait_for(lambda b: b.peer_alive and b.modules_loaded == 1, 10)
        # Node frozen: Kit notices within liveness * interval (plus a beat) and starts reconnecting.
        node.signal(signal.SIGSTOP)
        frozen = time.monotonic()
        assert kit.wait_for(lambda b: not b.peer_alive, 3)
        # Detected once liveness (3) intervals passed since the last pong (up to one interval before the freeze),
        # checked once per interval; the upper bound is generous for a loaded CI machine.
        assert 2 * HB - 0.05 <= time.monotonic() - frozen < 2.5
        assert kit.reconnects >= 1
        node.signal(signal.SIGCONT)
        assert kit.wait_for(lambda b: b.peer_alive, 5)
        assert kit.call("div", 4, 2) == 2
    finally:
        mark = node.mark()
        assert kit.close(2.0)
    # Kit gone silent: Node reports the peer lost.
    node.wait_line("lost (silent for", timeout=5, after=mark)


def test_malformed_requests_get_errors_and_node_keeps_serving(node, ports):
    import json

    import zmq

    node.wait_line("published v1-")
    ctx = zmq.Context()
    raw = ctx.socket(zmq.DEALER)
    raw.setsockopt(zmq.LINGER, 0)
    raw.setsockopt(zmq.RCVTIMEO, 3000)
    raw.connect(f"tcp://127.0.0.1:{ports[0]}")
    try:
        cases = [
            ([b"not json"], None),
            ([b"[1,2]"], None),
            ([json.dumps({"v": 99, "type": "ping", "id": 5}).encode()], 5),
            ([json.dumps({"v": 1, "type": "launch", "id": 6}).encode()], 6),
            ([json.dumps({"v": 1, "type": "call", "id": 7}).encode()], 7),
            ([json.dumps({"v": 1, "type": "call", "id": 8, "fn": "div", "args": [{"$b": 3}]}).encode()], 8),
            ([b"\xff\xfe"], None),
        ]
        for frames, rid in cases:
            raw.send_multipart(frames)
            reply = json.loads(raw.recv_multipart()[0])
            assert reply["type"] == "error" and reply["id"] == rid and reply["error"]["kind"] == "protocol", reply
        raw.send_multipart([json.dumps({"v": 1, "type": "call", "id": 9, "fn": "div", "args": [7, 2]}).encode()])
        assert json.loads(raw.recv_multipart()[0]) == {"v": 1, "type": "result", "id": 9, "value": 3}
    finally:
        raw.close(0)
        ctx.term()
    assert node.proc.poll() is None


def test_close_is_bounded_with_no_node_and_calls_waiting():
    port, pub = free_ports(2)
    kit = bridge.KitBridge(f"tcp://127.0.0.1:{port}", f"tcp://127.0.0.1:{pub}", heartbeat_interval=HB, call_timeout=30.0)
    errors = []

    def waiting_call():
        try:
            kit.call("step", 1.0, 2.0)
        except bridge.BridgeError as exc:
            errors.append(exc)

    callers = [threading.Thread(target=waiting_call) for _ in range(3)]
    for t in callers:
        t.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert kit.close(2.0)
    assert time.monotonic() - started < 1.0
    for t in callers:
        t.join(2)
    assert len(errors) == 3 and all(isinstance(e, bridge.BridgeClosed) for e in errors)
    with pytest.raises(bridge.BridgeClosed):
        kit.call("step", 1.0, 2.0)
    assert kit.close(1.0)  # idempotent


def test_values_round_trip_exactly():
    frames = []
    value = [1, -(2**70), 2.0, -0.0, math.inf, None, True, "s", b"\x00\x01", {"k": [0.5]}]
    encoded = bridge.encode_value(value, frames)
    import json

    decoded = bridge.decode_value(json.loads(json.dumps(encoded)), frames)
    assert decoded[:3] == [1, -(2**70), 2.0] and type(decoded[2]) is float
    assert math.copysign(1.0, decoded[3]) == -1.0 and decoded[4] == math.inf
    assert decoded[5:] == [None, True, "s", b"\x00\x01", {"k": [0.5]}]
    assert isinstance(bridge.python_exception("ZeroDivisionError", "x"), ZeroDivisionError)
    assert isinstance(bridge.python_exception("SystemExit", "x"), bridge.RemoteError)
    assert isinstance(bridge.python_exception("PortalisTrap", "x"), bridge.RemoteError)


class Ticket:
    """Like the extension's SwapTicket: `adopted` is set once the module runs (between two steps)."""

    def __init__(self, version):
        self.version = version
        self.adopted = threading.Event()
        self.superseded = False


class FakeRuntime:
    """Stands in for the extension's WasmRuntime.swap_module (tested with the extension itself elsewhere)."""

    def __init__(self, refuse=False):
        self.refuse = refuse
        self.tickets = []

    def swap_module(self, new_wasm, new_spec, version):
        if self.refuse:
            raise RuntimeError(f"swap of {version} refused")
        ticket = Ticket(version)
        self.tickets.append(ticket)
        return ticket


def test_staged_swap_reported_when_adopted_via_create_bridge(node, ports):
    node.wait_line("published v1-")
    runtime = FakeRuntime()
    kit = bridge.create_bridge(runtime, {"endpoint": f"tcp://127.0.0.1:{ports[0]}", "pub_endpoint": f"tcp://127.0.0.1:{ports[1]}", "heartbeat_interval": HB})
    try:
        assert kit.wait_for(lambda b: b.staged_version is not None, 10), node.lines
        version = kit.staged_version
        assert kit.running_version is None and [t.version for t in runtime.tickets] == [version]
        node.wait_line(f"staged {version} (current), swapping in at the next simulation step")
        runtime.tickets[0].adopted.set()  # the extension's next step adopts it
        assert kit.wait_for(lambda b: b.running_version == version and b.staged_version is None, 5)
        node.wait_line(f"running {version} (current)")
    finally:
        assert kit.close(2.0)
    with pytest.raises(ValueError, match="endpoint"):
        bridge.create_bridge(runtime, {})


def test_refused_module_is_reported_once_and_not_retried(node, ports):
    node.wait_line("published v1-")
    runtime = FakeRuntime(refuse=True)
    attempts = []

    def on_module(wasm, spec, version):
        attempts.append(version)
        runtime.swap_module(wasm, spec, version)

    kit = connect(ports, on_module)
    try:
        line = node.wait_line("failed to load v1-")
        assert "RuntimeError: swap of v1-" in line and "refused" in line
        time.sleep(6 * HB)  # heartbeats name v1 all along: the failed version must not be fetched again
        assert len(attempts) == 1 and kit.running_version is None
        assert kit.last_load_error.startswith("RuntimeError: swap of v1-")
    finally:
        assert kit.close(2.0)


def test_garbage_from_the_node_side_is_dropped_and_the_bridge_keeps_working():
    """A fake Node (pyzmq ROUTER + PUB) sends malformed replies and publications before answering properly."""
    import json

    import zmq

    rpc_port, pub_port = free_ports(2)
    ctx = zmq.Context()
    router, pub = ctx.socket(zmq.ROUTER), ctx.socket(zmq.PUB)
    for s in (router, pub):
        s.setsockopt(zmq.LINGER, 0)
    router.bind(f"tcp://127.0.0.1:{rpc_port}")
    pub.bind(f"tcp://127.0.0.1:{pub_port}")
    stop = threading.Event()

    def fake_node():
        while not stop.is_set():
            if not router.poll(50):
                pub.send_multipart([b"module", b"{not json"])
                pub.send_multipart([b"hb", b"[]"])
                pub.send_multipart([b"module", json.dumps({"v": 1, "type": "module", "version": "v1", "seq": "x"}).encode(), b"\0asm"])
                continue
            identity, header = router.recv_multipart()[:2]
            request = json.loads(header)
            router.send_multipart([identity, b"not json"])
            router.send_multipart([identity, b"[1, 2]"])
            if request["type"] == "snapshot":
                reply = {"v": 1, "type": "error", "id": request["id"], "error": "not an object"}
            else:
                reply = {"v": 1, "type": "pong", "id": request["id"], "instance": "fake", "version": None}
            router.send_multipart([identity, json.dumps(reply).encode()])

    server = threading.Thread(target=fake_node, daemon=True)
    server.start()
    logged = []
    kit = bridge.KitBridge(f"tcp://127.0.0.1:{rpc_port}", f"tcp://127.0.0.1:{pub_port}", heartbeat_interval=HB, call_timeout=2.0, log=logged.append)
    try:
        time.sleep(4 * HB)
        assert kit.ping()["instance"] == "fake"
        assert kit.peer_alive and kit.running_version is None
        assert any("not JSON" in line or "malformed" in line for line in logged), logged
    finally:
        assert kit.close(2.0)
        stop.set()
        server.join(2)
        router.close(0)
        pub.close(0)
        ctx.term()


def test_heartbeat_repairs_a_missed_publication_and_stale_modules_are_ignored():
    """A fake Node whose heartbeat names a version the client never received (the slow-joiner case)."""
    import hashlib
    import json

    import zmq

    rpc_port, pub_port = free_ports(2)
    ctx = zmq.Context()
    router, pub = ctx.socket(zmq.ROUTER), ctx.socket(zmq.PUB)
    for s in (router, pub):
        s.setsockopt(zmq.LINGER, 0)
    router.bind(f"tcp://127.0.0.1:{rpc_port}")
    pub.bind(f"tcp://127.0.0.1:{pub_port}")
    wasm1, wasm2 = b"\0asm\x01\0\0\0", b"\0asm\x01\0\0\0\0"
    state = {"serving": None}  # what a snapshot returns
    snapshots = []
    stop = threading.Event()

    def module_header(version, seq, wasm):
        return {"v": 1, "type": "module", "instance": "fake", "version": version, "seq": seq,
                "sha256": hashlib.sha256(wasm).hexdigest(), "module": "m", "spec": {"module": "m"}}

    def fake_node():
        while not stop.is_set():
            if not router.poll(HB * 1000 / 2):
                pub.send_multipart([b"hb", json.dumps({"v": 1, "type": "hb", "instance": "fake", "version": state["serving"] and state["serving"][0]}).encode()])
                continue
            identity, header = router.recv_multipart()[:2]
            request = json.loads(header)
            if request["type"] == "snapshot":
                snapshots.append(time.monotonic())
                if state["serving"] is None:
                    reply, payload = {"v": 1, "type": "module", "id": request["id"], "instance": "fake", "version": None}, []
                else:
                    version, seq, wasm = state["serving"]
                    reply, payload = {**module_header(version, seq, wasm), "id": request["id"]}, [wasm]
            else:
                reply, payload = {"v": 1, "type": "pong" if request["type"] == "ping" else "ack", "id": request["id"], "instance": "fake", "version": None}, []
            router.send_multipart([identity, json.dumps(reply).encode(), *payload])

    server = threading.Thread(target=fake_node, daemon=True)
    server.start()
    got = []
    kit = bridge.KitBridge(f"tcp://127.0.0.1:{rpc_port}", f"tcp://127.0.0.1:{pub_port}", on_module=lambda w, s, v: got.append((v, w)),
                           heartbeat_interval=HB, call_timeout=2.0)
    try:
        assert kit.wait_for(lambda b: b.peer_alive, 5) and kit.wait_for(lambda b: len(snapshots) >= 1, 5)
        time.sleep(2 * HB)
        assert got == []  # nothing served yet
        # "Published" while nobody listened: only the heartbeat tells the client, which then asks.
        state["serving"] = ("v1-aaaa", 1, wasm1)
        assert kit.wait_for(lambda b: b.running_version == "v1-aaaa", 5)
        assert got == [("v1-aaaa", wasm1)]
        # A publication older than what runs (same instance, lower seq) is ignored; a newer one is applied.
        pub.send_multipart([b"module", json.dumps(module_header("v0-old", 0, wasm2)).encode(), wasm2])
        bad = module_header("v2-bbbb", 2, wasm2)
        pub.send_multipart([b"module", json.dumps({**bad, "sha256": "0" * 64}).encode(), wasm2])  # fails its checksum
        time.sleep(3 * HB)
        assert kit.running_version == "v1-aaaa" and len(got) == 1
        state["serving"] = ("v2-bbbb", 2, wasm2)
        pub.send_multipart([b"module", json.dumps(module_header("v2-bbbb", 2, wasm2)).encode(), wasm2])
        assert kit.wait_for(lambda b: b.running_version == "v2-bbbb", 5)
        time.sleep(3 * HB)  # heartbeats now name v2, which runs: no more snapshots, no second swap
        count = len(snapshots)
        time.sleep(3 * HB)
        assert len(snapshots) == count and [v for v, _ in got] == ["v1-aaaa", "v2-bbbb"]
    finally:
        assert kit.close(2.0)
        stop.set()
        server.join(2)
        router.close(0)
        pub.close(0)
        ctx.term()
