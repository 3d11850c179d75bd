/**
 * Differential test against CPython: every program in __fixtures__/ is parsed
 * by `python3`'s `ast` module and by ingest, and the two `ast.dump` outputs
 * must be identical.
 *
 * - Programs inside the modelled subset: plain `ast.dump(ast.parse(src))`
 *   must equal `dumpAst(module)` character for character.
 * - Programs with constructs the AST does not model: CPython's tree is
 *   dumped with those nodes replaced by `UnsupportedStmt(node='ClassDef')` /
 *   `UnsupportedExpr(node='Lambda')`, which is what our dump prints.
 * - Every program, positions too: `include_attributes=True`, with CPython's
 *   UTF-8 byte columns converted to code points.
 *
 * Skipped, visibly, only when python3 is not installed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.py'))
  .sort();

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const hasPython = spawnSync(python, ['--version']).status === 0;

/** The node types ast.ts models; everything else is masked as Unsupported*. */
const ORACLE = String.raw`
import ast, json, sys

STMTS = {'FunctionDef', 'AsyncFunctionDef', 'Return', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'AsyncFor',
         'While', 'If', 'Expr', 'Pass', 'Break', 'Continue', 'Import', 'ImportFrom', 'Global', 'Nonlocal'}
EXPRS = {'BoolOp', 'BinOp', 'UnaryOp', 'IfExp', 'Compare', 'Call', 'Constant', 'Attribute', 'Subscript', 'Name',
         'Tuple', 'List'}
LOC = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')

class UnsupportedStmt(ast.AST):
    _fields = ('node',)
    _attributes = LOC

class UnsupportedExpr(ast.AST):
    _fields = ('node',)
    _attributes = LOC

class Mask(ast.NodeTransformer):
    def visit(self, node):
        name = type(node).__name__
        if isinstance(node, ast.stmt) and name not in STMTS:
            return ast.copy_location(UnsupportedStmt(node=name), node)
        if isinstance(node, ast.expr) and name not in EXPRS:
            return ast.copy_location(UnsupportedExpr(node=name), node)
        return self.generic_visit(node)

def modelled(tree):
    for n in ast.walk(tree):
        name = type(n).__name__
        if isinstance(n, ast.stmt) and name not in STMTS: return False
        if isinstance(n, ast.expr) and name not in EXPRS: return False
    return True

def to_code_points(tree, src):
    lines = [l.encode('utf-8') for l in src.split('\n')]
    def cp(line, col):
        return len(lines[line - 1][:col].decode('utf-8'))
    for n in ast.walk(tree):
        if getattr(n, 'lineno', None) is not None:
            n.col_offset = cp(n.lineno, n.col_offset)
        if getattr(n, 'end_lineno', None) is not None:
            n.end_col_offset = cp(n.end_lineno, n.end_col_offset)

out = {}
for path in sys.argv[1:]:
    src = open(path, encoding='utf-8').read()
    tree = ast.parse(src)
    plain = ast.dump(tree)
    is_modelled = modelled(tree)
    tree = Mask().visit(tree)
    masked = ast.dump(tree)
    to_code_points(tree, src)
    out[path] = {'plain': plain, 'modelled': is_modelled, 'masked': masked,
                 'attrs': ast.dump(tree, include_attributes=True)}
print(json.dumps(out))
`;

interface OracleDump {
  plain: string;
  modelled: boolean;
  masked: string;
  attrs: string;
}

function runOracle(paths: string[]): Record<string, OracleDump> {
  const r = spawnSync(python, ['-c', ORACLE, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, OracleDump>;
}

describe.skipIf(!hasPython)('ingest agrees with CPython ast.dump on the fixture corpus', () => {
  const paths = files.map((f) => join(FIXTURES, f));
  const oracle = hasPython ? runOracle(paths) : {};

  it('has a real corpus, mostly inside the modelled subset', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const modelled = paths.filter((p) => oracle[p]?.modelled).length;
    expect(modelled).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    const path = join(FIXTURES, file);
    it(`${file}: same tree as ast.dump`, () => {
      const expected = oracle[path]!;
      const result = parseSource(file, readFileSync(path, 'utf8'));
      expect(result.diagnostics).toEqual([]);
      const module = result.module!;
      if (expected.modelled) expect(dumpAst(module)).toBe(expected.plain);
      else expect(dumpAst(module)).toBe(expected.masked);
    });
    it(`${file}: same positions as ast.dump(include_attributes=True)`, () => {
      const result = parseSource(file, readFileSync(path, 'utf8'));
      expect(dumpAst(result.module!, { includeAttributes: true })).toBe(oracle[path]!.attrs);
    });
  }
});

if (!hasPython) {
  describe('CPython differential tests', () => {
    it.skip('skipped: python3 is not installed (set PORTALIS_PYTHON to run them)', () => {});
  });
}
