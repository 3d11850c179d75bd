/**
 * The script host (runScriptWasm) against CPython: a script module written
 * by hand against portalis_rt (`__fixtures__/script_io.rs`) and its Python
 * twin (`script_io.py`) get the same arguments and stdin; stdout, the last
 * line of stderr and the exit status must be the same. The first half gives
 * stdin as text or bytes; the second runs the host in a child process with
 * `stdin: 'inherit'`, as `portalis run` does, on real pipes, a file, a slow
 * writer and a terminal.
 *
 * CPython runs with PYTHONIOENCODING=utf-8:strict: under this machine's
 * C.UTF-8 locale it would decode stdin with surrogateescape, which Portalis
 * does not do (docs/abi.md "Script mode").
 */
import { execFile, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { rustcMissing, TEST_RUSTC } from './__fixtures__/compile-rust.js';
import { runScriptWasm } from './script.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PY = join(HERE, '__fixtures__', 'script_io.py');
const RT = join(HERE, '..', '..', 'actors', 'rt', 'src', 'lib.rs');
const run = promisify(execFile);
const PY_ENV = { ...process.env, PYTHONIOENCODING: 'utf-8:strict' };

interface Outcome {
  stdout: string;
  stderrLast: string;
  status: number;
}

const lastLine = (s: string): string => s.split('\n').filter((l) => l !== '').pop() ?? '';

let dir = '';
let wasmFile = '';
let wasm: Uint8Array;
let hostFile = '';

beforeAll(async () => {
  if (rustcMissing) return;
  dir = await mkdtemp(join(tmpdir(), 'portalis-script-io-'));
  const rlib = join(dir, 'libportalis_rt.rlib');
  const target = ['--edition', '2021', '--target', 'wasm32-unknown-unknown', '-C', 'opt-level=1', '-C', 'panic=abort'];
  await run(TEST_RUSTC, [...target, '--crate-type', 'rlib', '--crate-name', 'portalis_rt', '-o', rlib, RT]);
  wasmFile = join(dir, 'script_io.wasm');
  await run(TEST_RUSTC, [...target, '--crate-type', 'cdylib', '--extern', `portalis_rt=${rlib}`, '-o', wasmFile, join(HERE, '__fixtures__', 'script_io.rs')]);
  wasm = new Uint8Array(await readFile(wasmFile));
  // The child-process host: this directory's script.ts as plain JS, so the test never runs a stale build.
  const js = ts.transpileModule(await readFile(join(HERE, 'script.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  await writeFile(join(dir, 'script.mjs'), js);
  hostFile = join(dir, 'host.mjs');
  await writeFile(
    hostFile,
    [
      "import { readFileSync } from 'node:fs';",
      "import { runScriptWasm } from './script.mjs';",
      'const [wasm, ...argv] = process.argv.slice(2);',
      'process.exitCode = await runScriptWasm(readFileSync(wasm), {',
      '  stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), argv, stdin: "inherit",',
      '});',
    ].join('\n'),
  );
});

/** CPython on the twin, stdin from a file (so it reads in the same 8 KiB chunks as the host serves bytes). */
async function cpython(args: string[], stdin: string | Uint8Array): Promise<Outcome & { stderr: string }> {
  const file = join(dir, `stdin-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, stdin);
  const fd = openSync(file, 'r');
  try {
    const r = spawnSync('python3', [PY, ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: PY_ENV });
    return { stdout: r.stdout, stderr: r.stderr, stderrLast: lastLine(r.stderr), status: r.status ?? -1 };
  } finally {
    closeSync(fd);
  }
}

async function portalis(args: string[], stdin: string | Uint8Array): Promise<Outcome & { stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runScriptWasm(wasm, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), argv: [PY, ...args], stdin });
  return { stdout, stderr, stderrLast: lastLine(stderr), status };
}

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const longLine = (n: number): string => 'a'.repeat(n);

const cases: [string, string[], string | Uint8Array][] = [
  ['sys.argv text (non-ASCII, spaces, empty)', ['argv', 'a', 'b c', 'é€😀', ''], ''],
  ['input() lines, then EOFError', ['input'], 'x\ny\r\nlast'],
  ['input() on empty stdin', ['input'], ''],
  ['input() of a line longer than a chunk', ['input'], `${longLine(20000)}\nshort\n`],
  ['sys.stdin.read(): \\r kept, UTF-8 decoded', ['read'], 'héllo\r\nwörld\r\n\r'],
  ['readline, for line in sys.stdin, readline at the end', ['lines'], 'one\ntwo\n\nthree'],
  ['readlines()', ['readlines'], 'a\nb\n'],
  ['read(): invalid start byte', ['read'], bytes('ok\n', [0xff], '\n')],
  ['read(): truncated character at the end', ['read'], bytes('abc', [0xe4, 0xb8])],
  ['input(): a character split across chunks', ['input'], bytes(longLine(8191), 'é\n')],
  ['input(): bad byte in the second chunk names its position in that chunk', ['input'], bytes(longLine(9000), '\n', [0xed, 0xa0, 0x80])],
  ['sys.stdout.write returns code points', ['write', 'h€😀\n'], ''],
  ['sys.exit("message")', ['exit', 'bad thing'], ''],
  ['sys.exit("3") exits 1', ['exit', '3'], ''],
];

describe.skipIf(rustcMissing !== null)('runScriptWasm against CPython', () => {
  it.each(cases)('%s', async (_name, args, stdin) => {
    const theirs = await cpython(args, stdin);
    const ours = await portalis(args, stdin);
    expect({ stdout: ours.stdout, stderrLast: ours.stderrLast, status: ours.status }).toEqual({
      stdout: theirs.stdout,
      stderrLast: theirs.stderrLast,
      status: theirs.status,
    });
    if (!theirs.stderr.includes('Traceback')) expect(ours.stderr).toBe(theirs.stderr);
  });

  it('reads nothing when no stdin is given (a closed pipe)', async () => {
    let stderr = '';
    const status = await runScriptWasm(wasm, { stdout: () => {}, stderr: (t) => (stderr += t), argv: [PY, 'input'] });
    expect([status, lastLine(stderr)]).toEqual([1, 'EOFError: EOF when reading a line']);
  });
});

function sameRun(ours: SpawnSyncReturns<string>, theirs: SpawnSyncReturns<string>): void {
  expect({ stdout: ours.stdout, err: lastLine(ours.stderr), status: ours.status }).toEqual({
    stdout: theirs.stdout,
    err: lastLine(theirs.stderr),
    status: theirs.status,
  });
}

describe.skipIf(rustcMissing !== null)("stdin: 'inherit' in a child process (portalis run's host)", () => {
  const node = (args: string[], opts: object) => spawnSync(process.execPath, [hostFile, wasmFile, PY, ...args], { encoding: 'utf8', ...opts });
  const python = (args: string[], opts: object) => spawnSync('python3', [PY, ...args], { encoding: 'utf8', env: PY_ENV, ...opts });

  it('reads a pipe', () => {
    const input = 'first line\nsecond é\n';
    sameRun(node(['input'], { input }), python(['input'], { input }));
    sameRun(node(['lines'], { input }), python(['lines'], { input }));
  });

  it('reads a file', async () => {
    const file = join(dir, 'stdin.txt');
    await writeFile(file, `${longLine(10000)}\nnext\n`);
    // One descriptor each: a shared one would share its offset.
    const fds = [openSync(file, 'r'), openSync(file, 'r')] as const;
    try {
      sameRun(node(['input'], { stdio: [fds[0], 'pipe', 'pipe'] }), python(['input'], { stdio: [fds[1], 'pipe', 'pipe'] }));
    } finally {
      fds.forEach((fd) => closeSync(fd));
    }
  });

  it('waits for a slow writer through a shell pipe', () => {
    const writer = "printf 'a\\n'; sleep 0.3; printf 'b'; sleep 0.3; printf 'c\\n'";
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const ours = spawnSync('sh', ['-c', `(${writer}) | ${[process.execPath, hostFile, wasmFile, PY, 'input'].map(quote).join(' ')}`], { encoding: 'utf8' });
    const theirs = spawnSync('sh', ['-c', `(${writer}) | python3 ${quote(PY)} input`], { encoding: 'utf8', env: PY_ENV });
    sameRun(ours, theirs);
    expect(ours.stdout).toContain("'bc'");
  });

  it('waits on a pipe from a Node parent written in two parts', async () => {
    const child = spawn(process.execPath, [hostFile, wasmFile, PY, 'input'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdin.write('one\n');
    await new Promise((r) => setTimeout(r, 300));
    child.stdin.end('two\n');
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect({ stdout, err: lastLine(stderr), status }).toEqual({
      stdout: "start\n> 'one'\n> 'two'\n> ",
      err: 'EOFError: EOF when reading a line',
      status: 1,
    });
  });

  it('polls a stdin left non-blocking by its parent (EAGAIN)', () => {
    // python3 hands the host a pipe with O_NONBLOCK set, then writes to it slowly.
    const driver = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdin=r)',
      'os.close(r)',
      "for part in (b'one\\n', b'tw', b'o\\n'):",
      '    time.sleep(0.2)',
      '    os.write(w, part)',
      'os.close(w)',
      'sys.exit(p.wait())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', driver, process.execPath, hostFile, wasmFile, PY, 'input'], { encoding: 'utf8', timeout: 20_000 });
    expect({ stdout: r.stdout, err: lastLine(r.stderr), status: r.status }).toEqual({
      stdout: "start\n> 'one'\n> 'two'\n> ",
      err: 'EOFError: EOF when reading a line',
      status: 1,
    });
  });

  it('reads a terminal (a pseudo-terminal: a line, then Ctrl-D)', () => {
    // python3's pty module runs the host on a pty, types the input and collects what the terminal shows.
    const driver = [
      'import os, pty, sys',
      'pid, fd = pty.fork()',
      'if pid == 0:',
      '    os.execv(sys.argv[1], sys.argv[1:])',
      "os.write(fd, b'hello tty\\n\\x04')",
      "out = b''",
      'while True:',
      '    try:',
      '        chunk = os.read(fd, 4096)',
      '    except OSError:',
      '        break',
      '    if not chunk:',
      '        break',
      '    out += chunk',
      '_, status = os.waitpid(pid, 0)',
      'sys.stdout.write(out.decode())',
      'sys.exit(os.waitstatus_to_exitcode(status))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', driver, process.execPath, hostFile, wasmFile, PY, 'input'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain("'hello tty'");
    expect(r.stdout).toContain('EOFError: EOF when reading a line');
    expect(r.status).toBe(1);
  });
});
