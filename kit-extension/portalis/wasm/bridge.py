"""The Kit end of the ZeroMQ bridge to the Portalis Node runtime.

Protocol: docs/bridge-protocol.md. ZeroMQ sockets are not thread-safe, so
each socket belongs to one thread:

- the bridge thread (one background daemon thread) owns a DEALER for pings,
  module snapshots and load reports, and the SUB on Node's PUB (new modules
  from `portalis dev --kit`, heartbeats);
- `call()` uses a DEALER of the calling thread's own (Kit's main thread,
  usually), created on first use and used only under its lock, so a remote
  call from a physics callback is one send and one bounded poll, with no
  hand-off between threads.

Why a thread and not asyncio on Kit's loop: remote calls are made from
synchronous physics callbacks on Kit's main thread, which is also the thread
that runs Kit's asyncio loop; the module updates and heartbeats must keep
flowing while that thread is busy or blocked in a call, and a coroutine on
that loop cannot run then.

Robustness: every socket has LINGER 0, so close() never waits for
undeliverable messages; a DEALER never gets stuck the way a REQ does after a
lost reply; each call has a deadline (BridgeTimeout), late replies are
dropped by request id; when Node stops answering pings for `liveness`
intervals the DEALER is closed and reopened, and the module snapshot is asked
for again once Node answers. Node's heartbeats on the PUB carry the version
it serves, so a missed publication (the slow-joiner problem) is repaired by a
snapshot request.
"""
from __future__ import annotations

import builtins
import hashlib
import itertools
import json
import logging
import math
import os
import threading
import time
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

import zmq

PROTOCOL_VERSION = 1
TOPIC_MODULE = b"module"
TOPIC_HEARTBEAT = b"hb"

OnModule = Callable[[bytes, dict, str], Any]


class BridgeError(Exception):
    """A failure of the bridge itself (not an exception raised by the remote function)."""


class BridgeTimeout(BridgeError, TimeoutError):
    """No reply within the call's deadline (Node down, restarting, or busy)."""


class BridgeClosed(BridgeError):
    """The bridge was closed before the reply came."""


class BridgeProtocolError(BridgeError):
    """Node did not understand the request (unknown function, malformed message)."""


class RemoteError(BridgeError):
    """An error on the Node side that is not a Python exception (its JS name is `remote_type`)."""

    def __init__(self, remote_type: str, message: str):
        super().__init__(f"{remote_type}: {message}")
        self.remote_type = remote_type
        self.remote_message = message


# Exceptions that must never be raised on behalf of a remote peer.
_NOT_REMOTE = (SystemExit, KeyboardInterrupt, GeneratorExit)


def python_exception(type_name: str, message: str) -> BaseException:
    """The builtin exception named `type_name` with `message`, or a RemoteError when there is none."""
    cls = getattr(builtins, type_name, None)
    if isinstance(cls, type) and issubclass(cls, BaseException) and not issubclass(cls, _NOT_REMOTE):
        return cls(message)
    return RemoteError(type_name, message)


# ---------------------------------------------------------------- values


def encode_value(value: Any, frames: List[bytes]) -> Any:
    """A Python value as the bridge's JSON (docs/bridge-protocol.md, "Values")."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if -(2**53 - 1) <= value <= 2**53 - 1 else {"$i": str(value)}
    if isinstance(value, float):
        if math.isnan(value):
            return {"$f": "nan"}
        if math.isinf(value):
            return {"$f": "inf" if value > 0 else "-inf"}
        if value == 0.0 and math.copysign(1.0, value) < 0:
            return {"$f": "-0"}
        return {"$f": value}
    if isinstance(value, (bytes, bytearray, memoryview)):
        frames.append(bytes(value))
        return {"$b": len(frames) - 1}
    if isinstance(value, (list, tuple)):
        return [encode_value(v, frames) for v in value]
    if isinstance(value, dict):
        return {str(k): encode_value(v, frames) for k, v in value.items()}
    raise TypeError(f"cannot send a {type(value).__name__} over the Kit bridge")


_SPECIAL_FLOATS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "-0": -0.0}


def decode_value(json_value: Any, frames: List[bytes]) -> Any:
    if isinstance(json_value, list):
        return [decode_value(v, frames) for v in json_value]
    if isinstance(json_value, dict):
        if len(json_value) == 1:
            (tag, inner), = json_value.items()
            if tag == "$f":
                return _SPECIAL_FLOATS[inner] if isinstance(inner, str) else float(inner)
            if tag == "$i":
                return int(inner)
            if tag == "$b":
                return frames[inner]
        return {k: decode_value(v, frames) for k, v in json_value.items()}
    return json_value


def _header(header: Dict[str, Any]) -> bytes:
    return json.dumps({"v": PROTOCOL_VERSION, **header}, separators=(",", ":")).encode()


def _reply_error(header: dict) -> BaseException:
    """The exception an error reply stands for (docs/bridge-protocol.md, "Errors")."""
    error = header.get("error")
    if not isinstance(error, dict):
        return BridgeProtocolError(f"malformed error reply: {error!r}")
    kind, type_name, message = error.get("kind"), str(error.get("type", "Error")), str(error.get("message", ""))
    if kind == "python":
        return python_exception(type_name, message)
    if kind == "protocol":
        return BridgeProtocolError(message)
    return RemoteError(type_name, message)


# ---------------------------------------------------------------- the bridge


class _DirectSocket:
    """One calling thread's DEALER; used only while holding `lock`."""

    def __init__(self, bridge: "KitBridge"):
        self.lock = threading.Lock()
        self.sock: Optional[zmq.Socket] = bridge._new_dealer(bridge._direct_ctx)

    def renew(self, bridge: "KitBridge") -> None:
        self.close()
        self.sock = bridge._new_dealer(bridge._direct_ctx)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close(0)
            self.sock = None


class _Pending:
    __slots__ = ("event", "deadline", "wait", "reply", "error", "what")

    def __init__(self, wait: float, what: str):
        self.event = threading.Event()
        self.wait = wait
        self.deadline = time.monotonic() + wait
        self.reply: Optional[Tuple[dict, List[bytes]]] = None
        self.error: Optional[BaseException] = None
        self.what = what


def default_pub_endpoint(endpoint: str) -> str:
    """`tcp://host:port` -> `tcp://host:port+1`, the convention `portalis dev --kit` follows."""
    head, _, port = endpoint.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"cannot derive the PUB endpoint from {endpoint!r}; pass pub_endpoint")
    return f"{head}:{int(port) + 1}"


class KitBridge:
    """A connection to a Portalis Node bridge.

    `on_module(wasm, spec, version)` is called on the bridge thread for each
    new module (the snapshot on connect, then every live reload); it should
    only stage the swap (the extension's `swap_module`) and return. Whether it
    raised is reported back to Node; when it returns a ticket with an
    `adopted` event (swap_module's SwapTicket), the module is reported as
    staged, and as running once the event is set. Remote calls: `call(name,
    *args, timeout=...)`, from any thread.
    """

    def __init__(
        self,
        endpoint: str,
        pub_endpoint: Optional[str] = None,
        on_module: Optional[OnModule] = None,
        *,
        call_timeout: float = 0.5,
        heartbeat_interval: float = 0.5,
        liveness: int = 3,
        log: Optional[Callable[[str], None]] = None,
    ):
        self.endpoint = endpoint
        self.pub_endpoint = pub_endpoint or default_pub_endpoint(endpoint)
        self.call_timeout = call_timeout
        self.heartbeat_interval = heartbeat_interval
        self.liveness = liveness
        self._on_module = on_module
        self._log = log or logging.getLogger("portalis.wasm.bridge").warning

        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._ids = itertools.count(1)
        self._pending: Dict[int, _Pending] = {}
        self._outbox: List[List[bytes]] = []
        self._stopping = False
        self._closed = False
        self._close_called = False

        # State, read by other threads under the lock.
        # Names this bridge to Node across its sockets (the bridge thread's and each calling thread's DEALER).
        self.client_id = uuid.uuid4().hex[:8]
        self.node_instance: Optional[str] = None
        self.peer_alive = False
        self.reconnects = 0
        self.running_version: Optional[str] = None
        self.running_sha256: Optional[str] = None
        self.modules_loaded = 0
        self.last_load_error: Optional[str] = None
        self._staged: Optional[Tuple[str, str, Any]] = None  # (version, sha256, swap ticket) waiting for the next step
        self._applied: Tuple[Optional[str], int] = (None, 0)  # (node instance, seq) of the last module handled
        self._seen: Tuple[Optional[str], Optional[str]] = (None, None)  # (node instance, version) of the same

        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        self._ctx = zmq.Context()
        # The calling threads' own DEALERs (call()); a separate context, so the bridge thread's term() never waits on them.
        self._direct_ctx = zmq.Context()
        self._direct = threading.local()
        self._direct_sockets: List[_DirectSocket] = []
        self._thread = threading.Thread(target=self._run, name="portalis-kit-bridge", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ public API

    def call(self, fn: str, *args: Any, timeout: Optional[float] = None) -> Any:
        """Calls `fn(*args)` in the Node runtime; raises the remote Python exception, BridgeTimeout, BridgeError."""
        frames: List[bytes] = []
        encoded = [encode_value(a, frames) for a in args]
        header, payload = self._direct_request({"type": "call", "fn": fn, "args": encoded}, frames, timeout, f"call {fn}()")
        return decode_value(header.get("value"), payload)

    def ping(self, timeout: Optional[float] = None) -> dict:
        """A round trip through Node's event loop (catches a wedged handler, which ZMTP heartbeats do not)."""
        return self._request({"type": "ping"}, [], timeout, "ping")[0]

    def wait_for(self, predicate: Callable[["KitBridge"], bool], timeout: float) -> bool:
        """Waits until `predicate(self)` holds (checked on every state change); returns whether it did."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def close(self, timeout: float = 2.0) -> bool:
        """Stops the bridge thread and closes every socket (LINGER 0). Returns whether the thread ended in time."""
        with self._lock:
            if self._close_called:
                return not self._thread.is_alive()
            # (_closed may already be set by a bridge thread that stopped on its own; the sockets still need closing.)
            self._close_called = self._closed = self._stopping = True
        self._wake()
        deadline = time.monotonic() + timeout
        with self._lock:
            directs = list(self._direct_sockets)
        for direct in directs:
            # A thread inside call() notices the close within one 50 ms poll slice and closes its socket itself.
            if direct.lock.acquire(timeout=max(0.0, min(0.2, deadline - time.monotonic()))):
                try:
                    direct.close()
                finally:
                    direct.lock.release()
        self._thread.join(max(0.0, deadline - time.monotonic()))
        ended = not self._thread.is_alive()
        if ended and all(d.sock is None for d in directs):
            self._direct_ctx.term()
        if ended:
            for fd in (self._wake_r, self._wake_w):
                try:
                    os.close(fd)
                except OSError:
                    pass
        else:
            self._log("portalis bridge: the bridge thread did not stop in time; left as a daemon thread")
        return ended

    # ------------------------------------------------------------ requests from any thread

    def _request(self, header: dict, payload: List[bytes], timeout: Optional[float], what: str) -> Tuple[dict, List[bytes]]:
        wait = self.call_timeout if timeout is None else timeout
        with self._lock:
            if self._closed:
                raise BridgeClosed(f"{what}: the bridge is closed")
            rid = next(self._ids)
            pending = _Pending(wait, what)
            self._pending[rid] = pending
            self._outbox.append([_header({**header, "id": rid, "client": self.client_id}), *payload])
        self._wake()
        # The bridge thread fails the request at its deadline; the margin covers scheduling.
        if not pending.event.wait(wait + 1.0):
            with self._lock:
                self._pending.pop(rid, None)
            raise self._timeout_error(what, rid, wait)
        if pending.error is not None:
            raise pending.error
        assert pending.reply is not None
        return pending.reply

    def _direct_request(self, header: dict, payload: List[bytes], timeout: Optional[float], what: str) -> Tuple[dict, List[bytes]]:
        """A request on the calling thread's own DEALER: no hand-off to the bridge thread on the hot path.

        Each calling thread (Kit's main thread, usually) gets a DEALER of its
        own, used only under its lock. A reply to an earlier, timed-out request
        is recognised by its id and dropped. On a timeout the socket is
        replaced (LINGER 0), so nothing queued for a dead Node is replayed.
        """
        wait = self.call_timeout if timeout is None else timeout
        direct = self._direct_socket()
        with direct.lock:
            if direct.sock is None or self._closed:
                raise BridgeClosed(f"{what}: the bridge is closed")
            with self._lock:
                rid = next(self._ids)
            try:
                direct.sock.send_multipart([_header({**header, "id": rid, "client": self.client_id}), *payload], zmq.NOBLOCK)
            except zmq.ZMQError as exc:
                raise BridgeError(f"{what}: the send queue to Node is full" if isinstance(exc, zmq.Again) else f"{what}: send failed: {exc}") from None
            deadline = time.monotonic() + wait
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    direct.renew(self)
                    raise self._timeout_error(what, rid, wait)
                # Short slices, so that close() from another thread is noticed promptly.
                if not direct.sock.poll(max(1, int(min(left, 0.05) * 1000))):
                    if self._closed:
                        direct.close()
                        raise BridgeClosed(f"{what}: the bridge was closed")
                    continue
                frames = direct.sock.recv_multipart()
                try:
                    reply = json.loads(frames[0])
                    if not isinstance(reply, dict):
                        raise ValueError("not an object")
                except ValueError:
                    self._log("portalis bridge: dropped a reply whose header is not a JSON object")
                    continue
                if reply.get("id") != rid:
                    continue  # the late reply of a request that timed out
                if reply.get("type") == "error":
                    raise _reply_error(reply)
                return reply, frames[1:]

    def _direct_socket(self) -> "_DirectSocket":
        direct = getattr(self._direct, "socket", None)
        if direct is None:
            with self._lock:
                if self._closed:
                    raise BridgeClosed("the bridge is closed")
                direct = _DirectSocket(self)
                self._direct_sockets.append(direct)
            self._direct.socket = direct
        return direct

    def _timeout_error(self, what: str, rid: int, wait: float) -> BridgeTimeout:
        state = "answering heartbeats" if self.peer_alive else "not answering heartbeats (down or restarting?)"
        return BridgeTimeout(f"{what} (request {rid}) got no reply within {wait:.2f} s; Node at {self.endpoint} is {state}")

    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"\0")
        except (BlockingIOError, OSError):
            pass  # the pipe is full (a wake-up is pending anyway) or closed

    # ------------------------------------------------------------ the bridge thread

    def _new_dealer(self, ctx: Optional[zmq.Context] = None) -> zmq.Socket:
        dealer = (ctx or self._ctx).socket(zmq.DEALER)
        dealer.setsockopt(zmq.LINGER, 0)
        ivl = max(1, int(self.heartbeat_interval * 1000))
        dealer.setsockopt(zmq.HEARTBEAT_IVL, ivl)
        dealer.setsockopt(zmq.HEARTBEAT_TIMEOUT, ivl * self.liveness)
        dealer.setsockopt(zmq.HEARTBEAT_TTL, ivl * self.liveness)
        dealer.setsockopt(zmq.RECONNECT_IVL, 100)
        dealer.setsockopt(zmq.RECONNECT_IVL_MAX, 1000)
        dealer.connect(self.endpoint)
        return dealer

    def _run(self) -> None:
        dealer = self._new_dealer()
        sub = self._ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.setsockopt(zmq.RECONNECT_IVL, 100)
        sub.setsockopt(zmq.SUBSCRIBE, TOPIC_MODULE)
        sub.setsockopt(zmq.SUBSCRIBE, TOPIC_HEARTBEAT)
        sub.connect(self.pub_endpoint)
        poller = zmq.Poller()
        poller.register(dealer, zmq.POLLIN)
        poller.register(sub, zmq.POLLIN)
        poller.register(self._wake_r, zmq.POLLIN)

        now = time.monotonic()
        last_heard = now  # from Node on the DEALER
        next_beat = now
        snapshot_id: Optional[int] = None
        want_snapshot = True
        try:
            while True:
                with self._lock:
                    if self._stopping:
                        break
                    outbox, self._outbox = self._outbox, []
                for frames in outbox:
                    self._send(dealer, frames)
                if snapshot_id is not None and not self._is_pending(snapshot_id):
                    snapshot_id = None  # it timed out: ask again
                    want_snapshot = True
                if want_snapshot and snapshot_id is None:
                    snapshot_id = self._internal_request(dealer, {"type": "snapshot"}, "snapshot")
                    want_snapshot = False

                now = time.monotonic()
                wait_ms = max(0, int((min(next_beat, self._earliest_deadline(now + 1.0)) - now) * 1000))
                events = dict(poller.poll(wait_ms))

                if self._wake_r in events:
                    try:
                        while os.read(self._wake_r, 4096):
                            pass
                    except BlockingIOError:
                        pass
                if dealer in events:
                    while True:
                        try:
                            frames = dealer.recv_multipart(zmq.NOBLOCK)
                        except zmq.Again:
                            break
                        last_heard = time.monotonic()
                        action = self._guarded(self._on_reply, frames, snapshot_id)
                        if action == "snapshot-done":
                            snapshot_id = None
                        elif action == "resnapshot":
                            want_snapshot = True
                if sub in events:
                    while True:
                        try:
                            frames = sub.recv_multipart(zmq.NOBLOCK)
                        except zmq.Again:
                            break
                        if self._guarded(self._on_published, frames, dealer):
                            want_snapshot = True

                self._check_staged()
                now = time.monotonic()
                self._expire(now)
                if now >= next_beat:
                    next_beat = now + self.heartbeat_interval
                    silent = now - last_heard
                    if silent > self.heartbeat_interval * self.liveness:
                        # Node is gone: a fresh DEALER (LINGER 0 drops what the old one queued),
                        # and the snapshot again once Node answers.
                        if self.peer_alive:
                            self._log(f"portalis bridge: Node at {self.endpoint} silent for {silent:.1f} s; reconnecting")
                        poller.unregister(dealer)
                        dealer.close(0)
                        dealer = self._new_dealer()
                        poller.register(dealer, zmq.POLLIN)
                        last_heard = now
                        snapshot_id = None
                        want_snapshot = True
                        with self._changed:
                            self.peer_alive = False
                            self.reconnects += 1
                            self._changed.notify_all()
                    self._internal_request(dealer, {"type": "ping"}, "ping")
        except Exception as exc:  # a bug here must not leave callers waiting on a dead thread
            self._log(f"portalis bridge: the bridge thread stopped: {type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._closed = True
            dealer.close(0)
            sub.close(0)
            self._ctx.term()
            with self._changed:
                for pending in self._pending.values():
                    pending.error = BridgeClosed(f"{pending.what}: the bridge was closed")
                    pending.event.set()
                self._pending.clear()
                self.peer_alive = False
                self._changed.notify_all()

    def _guarded(self, handler: Callable[..., Any], *args: Any) -> Any:
        """Runs a message handler; a malformed message from the network is logged and dropped."""
        try:
            return handler(*args)
        except Exception as exc:
            self._log(f"portalis bridge: dropped a malformed message ({type(exc).__name__}: {exc})")
            return None

    def _send(self, dealer: zmq.Socket, frames: List[bytes]) -> None:
        try:
            dealer.send_multipart(frames, zmq.NOBLOCK)
        except zmq.ZMQError as exc:
            # Again: the queue to Node is full (HWM); fail fast rather than block the bridge thread.
            reason = "the send queue to Node is full" if isinstance(exc, zmq.Again) else f"send failed: {exc}"
            self._fail(json.loads(frames[0])["id"], BridgeError(reason))

    def _internal_request(self, dealer: zmq.Socket, header: dict, what: str) -> int:
        with self._lock:
            rid = next(self._ids)
            # Internal requests have no waiter; their pending entry only makes late replies recognisable.
            self._pending[rid] = _Pending(self.heartbeat_interval * self.liveness, what)
        self._send(dealer, [_header({**header, "id": rid, "client": self.client_id})])
        return rid

    def _is_pending(self, rid: int) -> bool:
        with self._lock:
            return rid in self._pending

    def _earliest_deadline(self, default: float) -> float:
        with self._lock:
            return min([default, *(p.deadline for p in self._pending.values())])

    def _expire(self, now: float) -> None:
        with self._lock:
            late = [(rid, p) for rid, p in self._pending.items() if p.deadline <= now]
            for rid, _ in late:
                del self._pending[rid]
        for rid, pending in late:
            pending.error = self._timeout_error(pending.what, rid, pending.wait)
            pending.event.set()

    def _fail(self, rid: int, error: BaseException) -> None:
        with self._lock:
            pending = self._pending.pop(rid, None)
        if pending:
            pending.error = error
            pending.event.set()

    def _on_reply(self, frames: List[bytes], snapshot_id: Optional[int]) -> Optional[str]:
        try:
            header = json.loads(frames[0])
        except (ValueError, IndexError):
            self._log("portalis bridge: dropped a reply whose header is not JSON")
            return None
        rid = header.get("id")
        with self._lock:
            pending = self._pending.pop(rid, None) if isinstance(rid, int) else None
        action = None
        instance = header.get("instance")
        if instance is not None:
            with self._changed:
                restarted = self.node_instance is not None and instance != self.node_instance
                self.node_instance = instance
                self.peer_alive = True
                self._changed.notify_all()
            if restarted:
                action = "resnapshot"
        elif not self.peer_alive:
            with self._changed:
                self.peer_alive = True
                self._changed.notify_all()
        if header.get("type") == "module" and rid == snapshot_id:
            self._apply_module(header, frames[1:])
            return "snapshot-done"
        if header.get("type") == "pong" and self._behind(instance, header.get("version")):
            action = "resnapshot"
        if pending is None:
            return action  # a late reply to a request that already timed out: dropped
        if header.get("type") == "error":
            pending.error = _reply_error(header)
        else:
            pending.reply = (header, frames[1:])
        pending.event.set()
        return action

    def _on_published(self, frames: List[bytes], dealer: zmq.Socket) -> bool:
        """Handles a PUB message; returns True when a snapshot should be requested."""
        if len(frames) < 2:
            return False
        try:
            header = json.loads(frames[1])
        except ValueError:
            return False
        instance = header.get("instance")
        if frames[0] == TOPIC_MODULE:
            self._apply_module(header, frames[2:])
            return False
        if frames[0] == TOPIC_HEARTBEAT:
            # Node serves a module we have not seen (a publication we missed, or Node restarted): ask for it.
            return self._behind(instance, header.get("version"))
        return False

    @property
    def staged_version(self) -> Optional[str]:
        """A module accepted by `on_module` that the extension has not swapped in yet."""
        staged = self._staged
        return staged[0] if staged else None

    def _behind(self, instance: Optional[str], version: Optional[str]) -> bool:
        return version is not None and (instance, version) != self._seen

    def _apply_module(self, header: dict, payload: List[bytes]) -> None:
        version = header.get("version")
        if version is None:
            return  # Node has no module yet
        instance, seq = header.get("instance"), int(header.get("seq", 0))
        if instance == self._applied[0] and seq <= self._applied[1]:
            return  # stale (a snapshot that crossed a newer publication)
        if not payload:
            self._log(f"portalis bridge: module {version} came without its wasm frame; ignored")
            return
        wasm = payload[0]
        sha = hashlib.sha256(wasm).hexdigest()
        if sha != header.get("sha256"):
            self._log(f"portalis bridge: module {version} failed its sha256 check; ignored")
            return
        ok, error, ticket = True, None, None
        current_sha = self._staged[1] if self._staged else self.running_sha256
        if sha != current_sha:
            try:
                if self._on_module is not None:
                    ticket = self._on_module(wasm, header.get("spec") or {}, version)
            except Exception as exc:  # reported back to Node, the old module keeps running
                ok, error = False, f"{type(exc).__name__}: {exc}"
                self._log(f"portalis bridge: loading {version} failed: {error}")
        with self._changed:
            self._applied = (instance, seq)
            self._seen = (instance, version)
            if not ok:
                self.last_load_error = error
            elif ticket is not None and hasattr(ticket, "adopted"):
                # Staged: the extension swaps it in between two steps; reported again once it runs.
                self._staged = (version, sha, ticket)
                self.modules_loaded += 1
            elif sha != current_sha:
                self._staged = None
                self.running_version, self.running_sha256 = version, sha
                self.modules_loaded += 1
            self._changed.notify_all()
        if not ok:
            self._report({"type": "loaded", "version": version, "sha256": sha, "ok": False, "error": error})
        else:
            self._report_state()

    def _report_state(self) -> None:
        """Tells Node what runs (and what is staged to run next)."""
        if self._staged is not None:
            self._report({"type": "loaded", "version": self._staged[0], "sha256": self._staged[1], "ok": True, "state": "staged"})
        else:
            self._report({"type": "loaded", "version": self.running_version, "sha256": self.running_sha256, "ok": True, "state": "running"})

    def _check_staged(self) -> None:
        """Reports a staged module once the extension adopted it (between two steps)."""
        staged = self._staged
        if staged is None:
            return
        ticket = staged[2]
        if ticket.adopted.is_set():
            with self._changed:
                self._staged = None
                self.running_version, self.running_sha256 = staged[0], staged[1]
                self._changed.notify_all()
            self._report_state()
        elif getattr(ticket, "superseded", False):
            with self._changed:
                self._staged = None
                self._changed.notify_all()

    def _report(self, report: dict) -> None:
        with self._lock:
            rid = next(self._ids)
            self._pending[rid] = _Pending(self.heartbeat_interval * self.liveness, "loaded report")
            self._outbox.append([_header({**report, "id": rid, "client": self.client_id})])
        self._wake()


def create_bridge(runtime: Any, settings: Dict[str, Any], ext_id: str = "", log: Optional[Callable[[str], None]] = None) -> KitBridge:
    """The extension's entry point: a bridge whose new modules go to `runtime.swap_module`.

    `settings` is the extension's `bridge` settings table: `endpoint` (required,
    e.g. "tcp://127.0.0.1:5555"), and optionally `pub_endpoint`, `call_timeout`,
    `heartbeat_interval` (seconds) and `liveness`.
    """
    if not settings.get("endpoint"):
        raise ValueError(f"{ext_id or 'portalis.wasm'}: the bridge settings need an 'endpoint', e.g. tcp://127.0.0.1:5555")
    return KitBridge(
        str(settings["endpoint"]),
        settings.get("pub_endpoint") or None,
        on_module=runtime.swap_module,
        call_timeout=float(settings.get("call_timeout", 0.5)),
        heartbeat_interval=float(settings.get("heartbeat_interval", 0.5)),
        liveness=int(settings.get("liveness", 3)),
        log=log,
    )
