/**
 * The corpus sidecars (`<case>.args`, `<case>.stdin`, see corpus-cases.ts)
 * reach both sides: CPython when recording, Portalis when running.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInputs, listCases, recordExpected, runCase } from './corpus-cases.js';

describe('corpus sidecars', () => {
  it('exit/argv_len.args reaches CPython and Portalis', async () => {
    const c = listCases().find((x) => x.name === 'exit/argv_len')!;
    expect(caseInputs(c).args).toEqual(['a', 'b c']);
    const withArgs = recordExpected(c);
    const without = recordExpected(c, []);
    expect(withArgs).toMatchObject({ stdout: 'arguments: 2\n', exit: 0 });
    expect(without).toMatchObject({ stdout: 'arguments: 0\n', exit: 2 });
    expect(await runCase(c)).toEqual(withArgs);
    expect(await runCase(c, [])).toEqual(without);
  });

  it('a .stdin sidecar reaches CPython as bytes, and is empty without one', async () => {
    // The Portalis side of stdin (runScriptWasm's `stdin`) is tested in runtime/src/script.test.ts;
    // a corpus case reading stdin needs the compiler to translate input()/sys.stdin first.
    const dir = await mkdtemp(join(tmpdir(), 'portalis-sidecar-'));
    const file = join(dir, 'echo.py');
    await writeFile(file, 'import sys\ndata = sys.stdin.read()\nprint(len(data), repr(data))\n');
    const c = { name: 'tmp/echo', file, expectedFile: '' };
    expect(recordExpected(c)).toMatchObject({ stdout: "0 ''\n", exit: 0 });
    await writeFile(join(dir, 'echo.stdin'), Buffer.from('h\u00e9\r\nx', 'utf8'));
    expect(caseInputs(c).stdin).toEqual(new Uint8Array(Buffer.from('h\u00e9\r\nx', 'utf8')));
    expect(recordExpected(c)).toMatchObject({ stdout: "5 'hé\\r\\nx'\n", exit: 0 });
  });
});
