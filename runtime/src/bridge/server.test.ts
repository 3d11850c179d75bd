/**
 * The bridge server over real ZeroMQ sockets on loopback: a zeromq.js DEALER
 * plays the Kit client. Checks the ROUTER's replies (handlers, Python errors,
 * snapshots, load reports), that malformed frames get error replies without
 * stopping the server, the PUB heartbeat, and that close() is prompt.
 * The Python client against `portalis dev --kit` is tested in
 * kit-extension/tests/test_bridge.py.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dealer, Subscriber } from 'zeromq';
import { ZeroDivisionError } from '../errors.js';
import { decodeHeader, encodeHeader } from './protocol.js';
import { BridgeServer, type BridgeEvent } from './server.js';
import { PyFloat } from './values.js';

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup(heartbeatIntervalMs = 100) {
  const events: BridgeEvent[] = [];
  const server = await BridgeServer.start({
    rpcEndpoint: 'tcp://127.0.0.1:*',
    pubEndpoint: 'tcp://127.0.0.1:*',
    heartbeatIntervalMs,
    onEvent: (e) => events.push(e),
  });
  open.push(server);
  const dealer = new Dealer({ linger: 0, receiveTimeout: 3000 });
  open.push(dealer);
  dealer.connect(server.rpcEndpoint);
  const request = async (frames: Uint8Array[]) => {
    await dealer.send(frames);
    const [header, ...payload] = await dealer.receive();
    return { header: decodeHeader(header!), payload };
  };
  return { server, dealer, events, request };
}

describe('BridgeServer', () => {
  it('answers pings, calls handlers and maps errors by kind', async () => {
    const { server, request } = await setup();
    server.handle('half', (args) => new PyFloat(Number(args[0]) / 2));
    server.handle('echo', (args) => args);
    server.handle('divide', () => {
      throw new ZeroDivisionError('division by zero');
    });
    server.handle('broken', () => {
      throw new RangeError('boom');
    });
    const pong = await request([encodeHeader({ type: 'ping', id: 1 })]);
    expect(pong.header).toMatchObject({ v: 1, type: 'pong', id: 1, instance: server.instance, version: null });
    expect((await request([encodeHeader({ type: 'call', id: 2, fn: 'half', args: [3] })])).header).toEqual({ v: 1, type: 'result', id: 2, value: { $f: 1.5 } });
    const echoed = await request([encodeHeader({ type: 'call', id: 3, fn: 'echo', args: [{ $b: 0 }, { $i: '-36893488147419103232' }] }), new Uint8Array([7, 8])]);
    expect(echoed.header).toEqual({ v: 1, type: 'result', id: 3, value: [{ $b: 0 }, { $i: '-36893488147419103232' }] });
    expect([...echoed.payload[0]!]).toEqual([7, 8]);
    expect((await request([encodeHeader({ type: 'call', id: 4, fn: 'divide', args: [] })])).header.error).toEqual({
      kind: 'python',
      type: 'ZeroDivisionError',
      message: 'division by zero',
    });
    expect((await request([encodeHeader({ type: 'call', id: 5, fn: 'broken', args: [] })])).header.error).toEqual({ kind: 'internal', type: 'RangeError', message: 'boom' });
    expect((await request([encodeHeader({ type: 'call', id: 6, fn: 'missing', args: [] })])).header.error).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/no function 'missing'/) });
  });

  it('survives malformed frames and keeps serving', async () => {
    const { events, request } = await setup();
    const malformed: Uint8Array[][] = [
      [new Uint8Array()],
      [new Uint8Array([0xc3, 0x28])],
      [new TextEncoder().encode('null')],
      [encodeHeader({ type: 'call', id: 9, fn: 'f', args: [{ $f: 'not a float' }] })],
      [encodeHeader({ type: 'nope', id: 10 })],
      [new TextEncoder().encode(JSON.stringify({ v: 0, type: 'ping', id: 11 }))],
    ];
    const ids: unknown[] = [];
    for (const frames of malformed) {
      const reply = await request(frames);
      expect(reply.header).toMatchObject({ type: 'error', error: { kind: 'protocol' } });
      ids.push(reply.header.id);
    }
    expect(ids).toEqual([null, null, null, 9, 10, 11]);
    expect(events.filter((e) => e.kind === 'protocol-error')).toHaveLength(5); // the bad argument is a call error, not a frame error
    expect((await request([encodeHeader({ type: 'ping', id: 12 })])).header).toMatchObject({ type: 'pong', id: 12 });
  });

  it('serves an empty snapshot before the first module and records load reports', async () => {
    const { events, request } = await setup();
    expect((await request([encodeHeader({ type: 'snapshot', id: 1 })])).header).toMatchObject({ type: 'module', id: 1, version: null });
    const ack = await request([encodeHeader({ type: 'loaded', id: 2, version: 'v1-abc', sha256: 'abc', ok: true })]);
    expect(ack.header).toEqual({ v: 1, type: 'ack', id: 2 });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'loaded', version: 'v1-abc', ok: true }));
    expect(events[0]).toMatchObject({ kind: 'peer-joined' });
  });

  it('publishes heartbeats, reports a silent peer lost, and closes promptly', async () => {
    const { server, events, request } = await setup(50);
    const sub = new Subscriber({ linger: 0, receiveTimeout: 3000 });
    open.push(sub);
    sub.connect(server.pubEndpoint);
    sub.subscribe('hb');
    const [topic, header] = await sub.receive();
    expect(new TextDecoder().decode(topic)).toBe('hb');
    expect(decodeHeader(header!)).toMatchObject({ v: 1, type: 'hb', instance: server.instance, version: null, intervalMs: 50 });
    await request([encodeHeader({ type: 'ping', id: 1 })]);
    const deadline = Date.now() + 3000;
    while (!events.some((e) => e.kind === 'peer-lost') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(events.find((e) => e.kind === 'peer-lost')).toMatchObject({ silentMs: expect.any(Number) });
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(500);
    await server.close(); // idempotent
  });

  it('rejects an endpoint it cannot bind', async () => {
    const { server } = await setup();
    await expect(BridgeServer.start({ rpcEndpoint: server.rpcEndpoint, pubEndpoint: 'tcp://127.0.0.1:*' })).rejects.toThrow(/in use/i);
  });
});
