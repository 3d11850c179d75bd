/**
 * The Node end of the Kit bridge (docs/bridge-protocol.md).
 *
 * A ROUTER answers the requests of Kit clients (each a DEALER): `ping`,
 * `call` (a registered handler, or a function of the hosted module),
 * `snapshot` (the current module, for a client that just connected and may
 * have missed published messages) and `loaded` (the version a client now
 * runs). A PUB publishes each new module and a heartbeat every interval.
 *
 * Robustness rules: a malformed message gets an error reply (or is dropped
 * when it has no identity) and never stops the receive loop; every socket has
 * linger 0, so `close()` returns at once; ZMTP heartbeats catch dead TCP
 * peers, and per-client liveness (no request for `liveness` intervals) is
 * reported as a `peer-lost` event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Publisher, Router } from 'zeromq';
import { PythonError } from '../errors.js';
import { ModuleHost, type HostedSpec } from './module-host.js';
import {
  errorFrames,
  isProblem,
  parseRequest,
  publishFrames,
  replyFrames,
  TOPIC_HEARTBEAT,
  TOPIC_MODULE,
  type ErrorBody,
  type ModuleHeader,
  type RequestHeader,
} from './protocol.js';
import { decodeValue, encodeValue, type BridgeValue } from './values.js';

export interface BridgeServerOptions {
  /** Where the ROUTER binds, e.g. `tcp://127.0.0.1:5555` (`:*` picks a free port). */
  readonly rpcEndpoint: string;
  /** Where the PUB binds. */
  readonly pubEndpoint: string;
  /** Heartbeat interval in ms (published heartbeats, peer liveness checks, ZMTP pings). Default 500. */
  readonly heartbeatIntervalMs?: number;
  /** A peer that sent nothing for this many intervals is reported lost. Default 3. */
  readonly liveness?: number;
  /** Called for connection and load events (the dev command prints them). */
  readonly onEvent?: (event: BridgeEvent) => void;
}

export type BridgeEvent =
  | { readonly kind: 'peer-joined'; readonly peer: string }
  | { readonly kind: 'peer-lost'; readonly peer: string; readonly silentMs: number }
  | { readonly kind: 'loaded'; readonly peer: string; readonly version: string | null; readonly sha256: string | null; readonly ok: boolean; readonly staged: boolean; readonly error?: string }
  | { readonly kind: 'protocol-error'; readonly peer: string | null; readonly problem: string };

/** A handler for `call` requests to a name that is not a module function. */
export type CallHandler = (args: BridgeValue[], peer: string) => unknown;

export interface PublishedModule extends ModuleHeader {
  readonly wasm: Uint8Array;
}

interface Peer {
  lastSeen: number;
  alive: boolean;
  version: string | null;
}

export class BridgeServer {
  /** Random per process: a client that sees it change knows Node restarted. */
  readonly instance = randomUUID().slice(0, 8);
  private readonly handlers = new Map<string, CallHandler>();
  private readonly peers = new Map<string, Peer>();
  private current: PublishedModule | null = null;
  private host: ModuleHost | null = null;
  private seq = 0;
  private heartbeatSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private routerSends: Promise<unknown> = Promise.resolve();
  private pubSends: Promise<unknown> = Promise.resolve();
  private readonly loop: Promise<void>;
  private readonly intervalMs: number;
  private readonly liveness: number;

  private constructor(
    private readonly router: Router,
    private readonly pub: Publisher,
    private readonly options: BridgeServerOptions,
  ) {
    this.intervalMs = options.heartbeatIntervalMs ?? 500;
    this.liveness = options.liveness ?? 3;
    this.loop = this.receiveLoop();
    this.timer = setInterval(() => this.beat(), this.intervalMs);
  }

  /** Binds both sockets and starts serving. Rejects when an endpoint cannot be bound (both sockets are closed then). */
  static async start(options: BridgeServerOptions): Promise<BridgeServer> {
    const interval = options.heartbeatIntervalMs ?? 500;
    const router = new Router({
      linger: 0,
      mandatory: false,
      heartbeatInterval: interval,
      heartbeatTimeout: interval * (options.liveness ?? 3),
      heartbeatTimeToLive: interval * (options.liveness ?? 3),
    });
    const pub = new Publisher({ linger: 0, noDrop: false });
    try {
      await router.bind(options.rpcEndpoint);
      await pub.bind(options.pubEndpoint);
    } catch (error) {
      router.close();
      pub.close();
      throw error;
    }
    return new BridgeServer(router, pub, options);
  }

  /** The bound endpoints (with the real port when `:*` was asked for). */
  get rpcEndpoint(): string {
    return this.router.lastEndpoint ?? this.options.rpcEndpoint;
  }

  get pubEndpoint(): string {
    return this.pub.lastEndpoint ?? this.options.pubEndpoint;
  }

  /** The module clients get on `snapshot`, or null before the first publish. */
  get module(): PublishedModule | null {
    return this.current;
  }

  /** Registers a function callable by name; module functions take precedence when both exist. */
  handle(name: string, handler: CallHandler): void {
    this.handlers.set(name, handler);
  }

  /**
   * Makes `wasm` the current module: instantiates it for remote calls, then
   * publishes it. Rejects (and keeps the previous module) when it cannot be
   * instantiated. Returns the published header.
   */
  async publishModule(wasm: Uint8Array, spec: HostedSpec): Promise<PublishedModule> {
    const host = await ModuleHost.load(wasm, spec);
    const sha256 = createHash('sha256').update(wasm).digest('hex');
    const seq = ++this.seq;
    const published: PublishedModule = { version: `v${seq}-${sha256.slice(0, 8)}`, seq, sha256, module: spec.module, spec, wasm };
    this.host = host;
    this.current = published;
    await this.publish(TOPIC_MODULE, this.moduleHeader(published), [wasm]);
    return published;
  }

  /** Versions the live peers reported running, by peer id. */
  peerVersions(): Map<string, string | null> {
    return new Map([...this.peers].filter(([, p]) => p.alive).map(([id, p]) => [id, p.version]));
  }

  /** Stops the heartbeat and closes both sockets (linger 0: returns promptly). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.router.close();
    this.pub.close();
    await this.loop;
  }

  private moduleHeader(m: PublishedModule): Record<string, unknown> {
    return { type: 'module', instance: this.instance, version: m.version, seq: m.seq, sha256: m.sha256, module: m.module, spec: m.spec };
  }

  private async receiveLoop(): Promise<void> {
    try {
      for await (const frames of this.router) {
        try {
          this.dispatch(frames);
        } catch (error) {
          // A bug in dispatch must not end the loop; report and go on.
          this.emit({ kind: 'protocol-error', peer: null, problem: `internal: ${(error as Error).message}` });
        }
      }
    } catch (error) {
      if (!this.closed) this.emit({ kind: 'protocol-error', peer: null, problem: `receive loop ended: ${(error as Error).message}` });
    }
  }

  private dispatch(frames: Uint8Array[]): void {
    const identity = frames[0];
    if (!identity || frames.length < 2) {
      this.emit({ kind: 'protocol-error', peer: identity ? hex(identity) : null, problem: 'a message with no header frame' });
      if (identity) this.send(identity, errorFrames(null, protocolError('empty message: expected a JSON header frame')));
      return;
    }
    const parsed = parseRequest(frames.slice(1));
    if (isProblem(parsed)) {
      this.touch(hex(identity));
      this.emit({ kind: 'protocol-error', peer: hex(identity), problem: parsed.problem });
      this.send(identity, errorFrames(parsed.id, protocolError(parsed.problem)));
      return;
    }
    const { header, payload } = parsed;
    // One client may use several sockets (a DEALER per calling thread): track it by its own name when it gives one.
    const peerId = typeof header.client === 'string' && header.client !== '' ? header.client.slice(0, 64) : hex(identity);
    this.touch(peerId);
    switch (header.type) {
      case 'ping':
        this.send(identity, replyFrames({ type: 'pong', id: header.id, instance: this.instance, version: this.current?.version ?? null }));
        return;
      case 'snapshot':
        this.send(
          identity,
          this.current
            ? replyFrames({ ...this.moduleHeader(this.current), id: header.id }, [this.current.wasm])
            : replyFrames({ type: 'module', id: header.id, instance: this.instance, version: null }),
        );
        return;
      case 'loaded':
        this.onLoaded(peerId, header);
        this.send(identity, replyFrames({ type: 'ack', id: header.id }));
        return;
      case 'call':
        void this.call(identity, header, payload, peerId);
        return;
    }
  }

  private async call(identity: Uint8Array, header: RequestHeader, payload: Uint8Array[], peer: string): Promise<void> {
    const id = header.id;
    let args: BridgeValue[];
    try {
      args = header.args!.map((a) => decodeValue(a, payload));
    } catch (error) {
      this.send(identity, errorFrames(id, protocolError(`bad arguments: ${(error as Error).message}`)));
      return;
    }
    try {
      const fn = header.fn!;
      let result: unknown;
      const handler = this.handlers.get(fn);
      if (this.host && (this.host.spec.exports.some((e) => e.name === fn) || !handler)) result = this.host.call(fn, args);
      else if (handler) result = await handler(args, peer);
      else throw protocolErrorObject(`no function '${fn}': no module is loaded yet and no handler has that name`);
      const out: Uint8Array[] = [];
      const value = encodeValue(result, out);
      this.send(identity, replyFrames({ type: 'result', id, value }, out));
    } catch (error) {
      this.send(identity, errorFrames(id, errorBody(error)));
    }
  }

  private onLoaded(peer: string, header: RequestHeader): void {
    const state = this.peers.get(peer);
    const staged = header.state === 'staged';
    if (state && header.ok && !staged) state.version = header.version ?? null;
    this.emit({
      kind: 'loaded',
      peer,
      version: header.version ?? null,
      sha256: header.sha256 ?? null,
      ok: header.ok === true,
      staged,
      ...(header.error !== undefined ? { error: String(header.error) } : {}),
    });
  }

  private touch(peer: string): void {
    const state = this.peers.get(peer);
    if (state) {
      state.lastSeen = Date.now();
      if (!state.alive) {
        state.alive = true;
        this.emit({ kind: 'peer-joined', peer });
      }
      return;
    }
    this.peers.set(peer, { lastSeen: Date.now(), alive: true, version: null });
    this.emit({ kind: 'peer-joined', peer });
  }

  private beat(): void {
    const now = Date.now();
    for (const [peer, state] of this.peers) {
      const silent = now - state.lastSeen;
      if (state.alive && silent > this.intervalMs * this.liveness) {
        state.alive = false;
        this.emit({ kind: 'peer-lost', peer, silentMs: silent });
      }
      // Forget peers gone for long; a reconnecting DEALER comes back under a new identity anyway.
      if (!state.alive && silent > this.intervalMs * this.liveness * 20) this.peers.delete(peer);
    }
    void this.publish(TOPIC_HEARTBEAT, { type: 'hb', seq: ++this.heartbeatSeq, instance: this.instance, version: this.current?.version ?? null, intervalMs: this.intervalMs }).catch(() => {});
  }

  /** zeromq.js allows one pending send per socket, so sends are chained. */
  private send(identity: Uint8Array, frames: Uint8Array[]): void {
    if (this.closed) return;
    this.routerSends = this.routerSends.then(() => (this.closed ? undefined : this.router.send([identity, ...frames]))).catch(() => {});
  }

  private publish(topic: string, header: Record<string, unknown>, payload: Uint8Array[] = []): Promise<unknown> {
    if (this.closed) return Promise.resolve();
    const sent = this.pubSends.then(() => (this.closed ? undefined : this.pub.send(publishFrames(topic, header, payload))));
    this.pubSends = sent.catch(() => {});
    return sent;
  }

  private emit(event: BridgeEvent): void {
    this.options.onEvent?.(event);
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function protocolError(message: string): ErrorBody {
  return { kind: 'protocol', type: 'BridgeProtocolError', message };
}

class ProtocolFailure extends Error {}

function protocolErrorObject(message: string): ProtocolFailure {
  return new ProtocolFailure(message);
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof PythonError) return { kind: 'python', type: error.pythonType, message: error.pythonMessage };
  if (error instanceof ProtocolFailure) return protocolError(error.message);
  if (error instanceof Error) return { kind: 'internal', type: error.name, message: error.message };
  return { kind: 'internal', type: 'Error', message: String(error) };
}
