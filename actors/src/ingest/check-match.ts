/**
 * The errors CPython's compiler raises for `match` patterns (Python/compile.c,
 * 3.11): an irrefutable pattern before the last case, alternatives that bind
 * different names, a name bound twice, two starred names in a sequence, a
 * duplicate mapping key, a repeated class-pattern attribute. Like the
 * compiler, each error is placed at the pattern being compiled when it is
 * found, which for a few checks is the last subpattern compiled before.
 */
import type * as ast from './ast.js';
import type { SyntaxErrorInfo } from './convert-context.js';
import { reprStr } from './py-repr.js';

class PatternError extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(info.message);
  }
}

interface Context {
  allowIrrefutable: boolean;
  stores: string[];
  /** The last pattern compiled (where CPython's compiler points). */
  at: ast.Pattern;
}

export function checkMatch(m: ast.Match): SyntaxErrorInfo | null {
  try {
    m.cases.forEach((c, i) => {
      const pc: Context = { allowIrrefutable: c.guard !== null || i === m.cases.length - 1, stores: [], at: c.pattern };
      compile(c.pattern, pc);
    });
  } catch (e) {
    if (e instanceof PatternError) return e.info;
    throw e;
  }
  return null;
}

function fail(p: ast.Pattern, message: string): never {
  throw new PatternError({ message, start: p.range.start.offset, end: p.range.end.offset });
}

function store(name: string | null, pc: Context): void {
  if (name === null) return;
  if (pc.stores.includes(name)) fail(pc.at, `multiple assignments to name ${reprStr(name)} in pattern`);
  pc.stores.push(name);
}

/** Subpatterns may be irrefutable. */
function subpattern(p: ast.Pattern, pc: Context): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compile(p, pc);
  pc.allowIrrefutable = allow;
}

function compile(p: ast.Pattern, pc: Context): void {
  pc.at = p;
  switch (p.type) {
    case 'MatchValue':
    case 'MatchSingleton':
      return;
    case 'MatchAs':
      if (p.pattern === null) {
        if (!pc.allowIrrefutable) {
          fail(p, p.name !== null ? `name capture ${reprStr(p.name)} makes remaining patterns unreachable` : 'wildcard makes remaining patterns unreachable');
        }
        store(p.name, pc);
        return;
      }
      compile(p.pattern, pc);
      store(p.name, pc);
      return;
    case 'MatchStar':
      store(p.name, pc);
      return;
    case 'MatchSequence': {
      if (p.patterns.filter((q) => q.type === 'MatchStar').length > 1) fail(p, 'multiple starred names in sequence pattern');
      // With a `*_`, CPython indexes the sequence and skips `_` and the star (they compile to nothing).
      const starWildcard = p.patterns.some((q) => q.type === 'MatchStar' && q.name === null);
      for (const q of p.patterns) if (!(starWildcard && (isWildcard(q) || q.type === 'MatchStar'))) subpattern(q, pc);
      return;
    }
    case 'MatchMapping': {
      const seen = new Set<string>();
      for (const k of p.keys) {
        const key = constantKey(k);
        if (key === null) continue;
        if (seen.has(key.id)) fail(p, `mapping pattern checks duplicate key (${key.repr})`);
        seen.add(key.id);
      }
      for (const q of p.patterns) subpattern(q, pc);
      store(p.rest, pc);
      return;
    }
    case 'MatchClass': {
      p.kwd_attrs.forEach((attr, i) => {
        if (p.kwd_attrs.indexOf(attr) !== i) fail(p.kwd_patterns[i] ?? p, `attribute name repeated in class pattern: ${attr}`);
      });
      for (const q of [...p.patterns, ...p.kwd_patterns]) if (!isWildcard(q)) subpattern(q, pc);
      return;
    }
    case 'MatchOr': {
      let names: string[] | null = null;
      const outer = pc.stores;
      p.patterns.forEach((alt, i) => {
        const allow = pc.allowIrrefutable;
        pc.allowIrrefutable = i === p.patterns.length - 1 && allow;
        pc.stores = [];
        compile(alt, pc);
        pc.allowIrrefutable = allow;
        const bound: string[] = pc.stores;
        if (names === null) names = bound;
        else if (bound.length !== names.length || bound.some((n) => !names!.includes(n))) fail(pc.at, 'alternative patterns bind different names');
      });
      pc.stores = outer;
      for (const n of names ?? []) store(n, pc);
      return;
    }
  }
}

function isWildcard(p: ast.Pattern): boolean {
  return p.type === 'MatchAs' && p.pattern === null && p.name === null;
}

/** A mapping key compared by value, as CPython's set of seen keys does (1, 1.0 and True are one key). */
function constantKey(k: ast.Expr_): { id: string; repr: string } | null {
  if (k.type !== 'Constant') return null;
  switch (k.kind) {
    case 'str':
      return { id: `s${k.value}`, repr: reprStr(k.value) };
    case 'int':
      return { id: `n${k.value}`, repr: k.value.toString() };
    case 'bool':
      return { id: `n${k.value ? 1 : 0}`, repr: k.value ? 'True' : 'False' };
    case 'None':
      return { id: 'None', repr: 'None' };
    default:
      return null;
  }
}
