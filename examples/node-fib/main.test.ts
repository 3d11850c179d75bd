/**
 * Runs the example the way its README says (`node main.js`) and checks what
 * it prints: values computed by the compiled WebAssembly, and the refusal of
 * an int result outside the safe range.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));

it('compiles fib.py and prints what the WebAssembly computes', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['main.js'], { cwd: here, timeout: 120_000 });
  expect(stdout).toMatch(/^compiled fib\.py -> build\/fib\.js \(\d+ bytes of WASM/m);
  expect(stdout).toContain('fib(0..10) = 0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55\n');
  expect(stdout).toMatch(/^fib\(30\) = 832040 /m);
  expect(stdout).toContain('fib_iter(78) = 8944394323791464 ');
  expect(stdout).toContain('fib_iter(79) -> RangeError: fib_iter() returned 14472334024676221, which is not a safe integer');
});
