/**
 * Seeded random programs for the containers differential test: sequences
 * of set / frozenset, list and dict operations in the line format of
 * containers_driver.rs and containers_oracle.py. Values are chosen to
 * collide in CPython's hash table (multiples of the table sizes, hashes
 * that wrap at 2**61 - 1, -1 and -2, ints equal to floats), and lists
 * contain NaN, runs and many equal keys so every path of the sort runs.
 */
import { floatBits, prng } from './harness.js';

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const BIG_INTS = [
  '2305843009213693951', // 2**61 - 1: hash 0
  '2305843009213693952', // 2**61: hash 1
  '-2305843009213693951',
  '4611686018427387904',
  '9223372036854775807',
  '-9223372036854775808',
  '-1',
  '-2',
];

function setInt(r: Rand): string {
  const u = r();
  if (u < 0.08) return pick(r, BIG_INTS);
  if (u < 0.3) return String(int(r, -3, 3) * pick(r, [8, 16, 32, 64, 128]) + int(r, 0, 2));
  return String(int(r, -20, 45));
}

const SPECIAL_FLOATS = [0, -0, Infinity, -Infinity, 0.5, -0.5, 1e-300, 5e-324, 1e300, 0.1, 2 ** 61, 2 ** 53 + 2, 1.5, -1];

function floatTok(x: number): string {
  return floatBits(x);
}

function setFloat(r: Rand): string {
  const u = r();
  if (u < 0.25) return floatTok(pick(r, SPECIAL_FLOATS));
  if (u < 0.5) return floatTok(int(r, -8, 24) / 2);
  return floatTok(int(r, -10, 30));
}

function setTuple(r: Rand): string {
  return `${int(r, -3, 5)},${int(r, -3, 5)}`;
}

function values(r: Rand, gen: (r: Rand) => string, max: number): string {
  const n = int(r, 0, max);
  const xs: string[] = [];
  for (let i = 0; i < n; i++) xs.push(gen(r));
  return `${n} ${xs.join(' ')}`.trim();
}

/** One set program: variables A..E, each a set or a frozenset. */
function setProgram(r: Rand, kind: 'SI' | 'SF' | 'ST'): string {
  const gen = kind === 'SI' ? setInt : kind === 'SF' ? setFloat : setTuple;
  const names = ['A', 'B', 'C', 'D', 'E'];
  const type = new Map<string, 's' | 'f'>();
  const stmts: string[] = [];
  const big = r() < 0.3 ? 60 : 12;
  for (const v of names) {
    const t = r() < 0.3 ? 'f' : 's';
    type.set(v, t);
    stmts.push(`new ${v} ${t} ${values(r, gen, big)}`);
  }
  if (![...type.values()].includes('s')) {
    type.set('A', 's');
    stmts.push(`new A s ${values(r, gen, big)}`);
  }
  const sets = (): string[] => names.filter((v) => type.get(v) === 's');
  const frozen = (): string[] => names.filter((v) => type.get(v) === 'f');
  const n = int(r, 10, 60);
  for (let i = 0; i < n; i++) {
    const u = r();
    const s = pick(r, sets().length ? sets() : ['A']);
    if (type.get(s) !== 's') {
      type.set(s, 's');
      stmts.push(`new ${s} s ${values(r, gen, big)}`);
      continue;
    }
    const any = pick(r, names);
    const any2 = pick(r, names);
    if (u < 0.22) stmts.push(`add ${s} ${gen(r)}`);
    else if (u < 0.32) stmts.push(`discard ${s} ${gen(r)}`);
    else if (u < 0.36) stmts.push(`remove ${s} ${gen(r)}`);
    else if (u < 0.42) stmts.push(`pop ${s}`);
    else if (u < 0.43) stmts.push(`clear ${s}`);
    else if (u < 0.47) {
      const t = pick(r, names);
      stmts.push(`copy ${any} ${t}`);
      type.set(t, type.get(any)!);
    } else if (u < 0.5) {
      const t = pick(r, names);
      stmts.push(`fz ${any} ${t}`);
      type.set(t, 'f');
    } else if (u < 0.52) {
      const t = pick(r, names);
      stmts.push(`thaw ${any} ${t}`);
      type.set(t, 's');
    } else if (u < 0.64) {
      const t = pick(r, names);
      stmts.push(`bin ${any} ${any2} ${t} ${pick(r, ['|', '&', '-', '^'])}`);
      type.set(t, type.get(any)!);
    } else if (u < 0.72) stmts.push(`inp ${s} ${any} ${pick(r, ['|', '&', '-', '^'])}`);
    else if (u < 0.82) {
      const meth = pick(r, [
        'union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint',
        'update', 'intersection_update', 'difference_update', 'symmetric_difference_update',
      ]);
      const inplace = meth.endsWith('update');
      const src = inplace ? s : any;
      const t = pick(r, names);
      stmts.push(`items ${src} ${t} ${meth} ${values(r, gen, big)}`);
      if (['union', 'intersection', 'difference', 'symmetric_difference'].includes(meth)) type.set(t, type.get(src)!);
    } else if (u < 0.88) stmts.push(`cmp ${any} ${any2}`);
    else if (u < 0.93) stmts.push(`has ${any} ${gen(r)}`);
    else if (u < 0.95 && frozen().length) stmts.push(`hash ${pick(r, frozen())}`);
    else if (u < 0.97) stmts.push(`iter ${s} ${gen(r)}`);
    else if (u < 0.985) {
      const meth = pick(r, ['update', 'symmetric_difference_update', 'difference', 'intersection']);
      const src = meth.endsWith('update') ? s : any;
      const t = pick(r, names);
      stmts.push(`dictarg ${src} ${t} ${meth} ${values(r, gen, big)}`);
      if (!meth.endsWith('update')) type.set(t, type.get(src)!);
    }
    else {
      const t = pick(r, names);
      stmts.push(`fromdict ${t} ${values(r, gen, big)}`);
      type.set(t, 's');
    }
  }
  return `${kind} ${stmts.join(' ; ')}`;
}

function listInt(r: Rand): string {
  return String(int(r, -9, 9));
}

function listFloat(r: Rand): string {
  const u = r();
  if (u < 0.15) return floatTok(NaN);
  if (u < 0.25) return floatTok(pick(r, [0, -0, Infinity, -Infinity, 0.5]));
  return floatTok(int(r, -6, 6) / 2);
}

const opt = (r: Rand, lo: number, hi: number): string => (r() < 0.3 ? '_' : String(int(r, lo, hi)));

/** One list program over a single list. */
function listProgram(r: Rand, kind: 'LI' | 'LF'): string {
  const gen = kind === 'LI' ? listInt : listFloat;
  const stmts: string[] = [`new ${values(r, gen, 12)}`];
  let len = Number(stmts[0]!.split(' ')[1]);
  const n = int(r, 10, 40);
  for (let i = 0; i < n; i++) {
    const u = r();
    const idx = (): number => int(r, -len - 2, len + 1);
    if (len > 200) {
      stmts.push(`new ${values(r, gen, 12)}`);
      len = Number(stmts[stmts.length - 1]!.split(' ')[1]);
      continue;
    }
    if (u < 0.06) stmts.push(`get ${idx()}`);
    else if (u < 0.1) stmts.push(`set ${idx()} ${gen(r)}`);
    else if (u < 0.14) stmts.push(`del ${idx()}`);
    else if (u < 0.2) stmts.push(`getslice ${opt(r, -len - 3, len + 3)} ${opt(r, -len - 3, len + 3)} ${r() < 0.05 ? '0' : opt(r, -3, 3).replace(/^0$/, '1')}`);
    else if (u < 0.3) {
      const step = r() < 0.05 ? '0' : opt(r, -3, 3).replace(/^0$/, '2');
      stmts.push(`setslice ${opt(r, -len - 3, len + 3)} ${opt(r, -len - 3, len + 3)} ${step} ${values(r, gen, 5)}`);
      len += 5;
    } else if (u < 0.33 && kind === 'LI') stmts.push(`setself ${opt(r, -len - 3, len + 3)} ${opt(r, -len - 3, len + 3)} ${pick(r, ['_', '1', '-1', '2'])}`);
    else if (u < 0.4) stmts.push(`delslice ${opt(r, -len - 3, len + 3)} ${opt(r, -len - 3, len + 3)} ${opt(r, -3, 3).replace(/^0$/, '-2')}`);
    else if (u < 0.45) {
      stmts.push(`insert ${int(r, -len - 3, len + 3)} ${gen(r)}`);
      len++;
    } else if (u < 0.5) {
      stmts.push(`append ${gen(r)}`);
      len++;
    } else if (u < 0.52 && kind === 'LI') {
      // (LF: CPython compares a NaN with itself by identity; a list holding one
      // NaN object twice has no counterpart in translated code)
      stmts.push('extendself');
      len *= 2;
    } else if (u < 0.58) stmts.push(`pop ${r() < 0.4 ? '_' : String(idx())}`);
    else if (u < 0.62) stmts.push(`remove ${gen(r)}`);
    else if (u < 0.67) stmts.push(`index ${gen(r)} ${opt(r, -len - 2, len + 2)} ${opt(r, -len - 2, len + 2)}`);
    else if (u < 0.7) stmts.push(`count ${gen(r)}`);
    else if (u < 0.72) stmts.push(`has ${gen(r)}`);
    else if (u < 0.74) stmts.push('reverse');
    else if (u < 0.76) stmts.push(`repeat ${int(r, -1, 3)}`);
    else if (u < 0.82) stmts.push(`cmp ${values(r, gen, 6)}`);
    else if (u < 0.92) stmts.push(`sort ${int(r, 0, 1)} ${pick(r, ['none', 'none', 'neg', 'mod7', 'abs'])}`);
    else if (u < 0.96) stmts.push(`sortpairs ${int(r, 0, 1)}`);
    else stmts.push(`minmax ${pick(r, ['neg', 'mod7', 'abs'])}`);
  }
  return `${kind} ${stmts.join(' ; ')}`;
}

/** A long list with runs, descending stretches, few distinct values and NaN: the sort's merge paths. */
function sortProgram(r: Rand, kind: 'LI' | 'LF'): string {
  const n = int(r, 64, 2500);
  const xs: string[] = [];
  const nanRate = kind === 'LF' ? pick(r, [0, 0, 0.01, 0.1]) : 0;
  const distinct = pick(r, [3, 20, 1000, 1e6]);
  while (xs.length < n) {
    const shape = r();
    const len = int(r, 1, pick(r, [8, 64, 400]));
    let base = int(r, 0, distinct);
    for (let i = 0; i < len && xs.length < n; i++) {
      let v: number;
      if (shape < 0.35) v = base + i; // ascending run
      else if (shape < 0.6) v = base - i; // descending run
      else if (shape < 0.7) v = base; // equal run
      else v = int(r, 0, distinct);
      if (kind === 'LF') xs.push(floatTok(r() < nanRate ? NaN : v / 4));
      else xs.push(String(v % 100000));
      base += 0;
    }
  }
  const reverse = int(r, 0, 1);
  const key = pick(r, ['none', 'none', 'neg', 'mod7', 'abs']);
  const sortStmt = r() < 0.2 ? `sortpairs ${reverse}` : `sort ${reverse} ${key}`;
  return `${kind} new ${xs.length} ${xs.join(' ')} ; ${sortStmt} ; minmax ${pick(r, ['neg', 'abs'])}`;
}

function dictKeyInt(r: Rand): string {
  return r() < 0.1 ? pick(r, BIG_INTS) : String(int(r, -8, 20));
}

function dictKeyFloat(r: Rand, nan = true): string {
  const u = r();
  if (u < 0.08 && nan) return floatTok(NaN);
  if (u < 0.3) return floatTok(pick(r, [0, -0, Infinity, 0.5, 1]));
  return floatTok(int(r, -6, 12) / 2);
}

function dictProgram(r: Rand, kind: 'DI' | 'DF'): string {
  // `for k in d: del d[k]` finds a NaN key by identity in CPython; translated
  // code has no identity, so programs that delete while iterating have no NaN keys.
  const withIter = r() < 0.5;
  const gen = kind === 'DI' ? dictKeyInt : (q: Rand): string => dictKeyFloat(q, !withIter);
  const val = (): string => String(int(r, -5, 50));
  const pairs = (): string => {
    const k = int(r, 0, 5);
    const xs: string[] = [];
    for (let i = 0; i < k; i++) xs.push(`${gen(r)} ${val()}`);
    return `${k} ${xs.join(' ')}`.trim();
  };
  const stmts: string[] = [];
  const n = int(r, 10, 60);
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.3) stmts.push(`set ${gen(r)} ${val()}`);
    else if (u < 0.38) stmts.push(`get ${gen(r)}`);
    else if (u < 0.42) stmts.push(`getor ${gen(r)}`);
    else if (u < 0.5) stmts.push(`del ${gen(r)}`);
    else if (u < 0.56) stmts.push(`pop ${gen(r)}`);
    else if (u < 0.6) stmts.push(`popor ${gen(r)}`);
    else if (u < 0.66) stmts.push('popitem');
    else if (u < 0.72) stmts.push(`setdefault ${gen(r)} ${val()}`);
    else if (u < 0.78) stmts.push(`has ${gen(r)}`);
    else if (u < 0.85) stmts.push(`update ${pairs()}`);
    else if (u < 0.9) stmts.push(`eq ${pairs()}`);
    else if (u < 0.905) stmts.push('clear');
    else if (u < 0.91) stmts.push('copy');
    else if (u < 0.94 && withIter) stmts.push('iterdel');
    else if (u < 0.97 && withIter) stmts.push(`iterswap ${gen(r)}`);
    else stmts.push(`set ${gen(r)} ${val()}`);
  }
  return `${kind} ${stmts.join(' ; ')}`;
}

function tupleProgram(r: Rand): string {
  const gen = (): string => String(int(r, -4, 6));
  const vals = (max: number): string => values(r, () => gen(), max);
  const stmts: string[] = [`new ${vals(8)}`];
  const n = int(r, 5, 25);
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.1) stmts.push(`new ${vals(8)}`);
    else if (u < 0.25) stmts.push(`get ${int(r, -10, 10)}`);
    else if (u < 0.4) stmts.push(`slice ${opt(r, -10, 10)} ${opt(r, -10, 10)} ${r() < 0.05 ? '0' : opt(r, -3, 3).replace(/^0$/, '-1')}`);
    else if (u < 0.5) stmts.push(`index ${gen()} ${opt(r, -10, 10)} ${opt(r, -10, 10)}`);
    else if (u < 0.55) stmts.push(`count ${gen()}`);
    else if (u < 0.6) stmts.push(`has ${gen()}`);
    else if (u < 0.65) stmts.push(`concat ${vals(4)}`);
    else if (u < 0.7) stmts.push(`repeat ${int(r, -1, 3)}`);
    else if (u < 0.85) stmts.push(`cmp ${vals(5)}`);
    else if (u < 0.92) stmts.push('hash');
    else stmts.push('pair');
  }
  return `TU ${stmts.join(' ; ')}`;
}

const HUGE = ['9223372036854775807', '-9223372036854775808', '4611686018427387904', '-4611686018427387904'];

function rangeProgram(r: Rand): string {
  const huge = r() < 0.15;
  const bound = (): string => (huge && r() < 0.5 ? pick(r, HUGE) : String(int(r, -30, 30)));
  const step = (): string => (r() < 0.04 ? '0' : huge && r() < 0.3 ? pick(r, HUGE) : String(pick(r, [1, 1, 2, 3, 7, -1, -2, -5])));
  const stmts: string[] = [`new ${bound()} ${bound()} ${step()}`];
  const n = int(r, 5, 20);
  for (let i = 0; i < n; i++) {
    const u = r();
    const x = (): string => (huge && r() < 0.3 ? pick(r, HUGE) : String(int(r, -40, 40)));
    if (u < 0.1) stmts.push(`new ${bound()} ${bound()} ${step()}`);
    else if (u < 0.2) stmts.push('len');
    else if (u < 0.35) stmts.push(`get ${x()}`);
    else if (u < 0.5 && !huge) stmts.push(`slice ${opt(r, -40, 40)} ${opt(r, -40, 40)} ${r() < 0.05 ? '0' : opt(r, -4, 4).replace(/^0$/, '3')}`);
    else if (u < 0.6) stmts.push(`has ${x()}`);
    else if (u < 0.7) stmts.push(`index ${x()}`);
    else if (u < 0.75) stmts.push(`count ${x()}`);
    else if (u < 0.9) stmts.push(`eq ${String(int(r, -5, 5))} ${String(int(r, -5, 30))} ${pick(r, ['1', '2', '-1', '5'])}`);
    else stmts.push('list');
  }
  return `RG ${stmts.join(' ; ')}`;
}

/** Fixed programs for known corner cases, then `count` seeded random ones per family. */
export function buildPrograms(
  seed: number,
  count: { sets: number; lists: number; sorts: number; dicts: number; tuples?: number; ranges?: number },
): string[] {
  const r = prng(seed);
  const out: string[] = [
    // add reuses the last dummy on the probe path
    'SI new A s 4 0 1 2 3 ; discard A 0 ; discard A 1 ; add A 8 ; add A 16',
    // resize on the fifth insertion reorders
    'SI new A s 5 -1 7 100 3 8',
    // intersection walks the smaller set and keeps its keys (0.0 vs -0.0)
    `SF new A s 1 ${floatTok(0)} ; new B s 2 ${floatTok(-0)} ${floatTok(1)} ; bin A B C & ; bin B A C &`,
    'SI new A s 3 1 2 3 ; bin A A B - ; bin A A B ^ ; inp A A ^',
    'SI new A s 0 ; pop A',
    'DI popitem ; set 1 1 ; get 2',
    'LI new 0 ; pop _ ; new 3 1 2 3 ; pop 5 ; setslice _ _ 2 3 7 8 9 ; setslice _ _ 0 0 ; remove 5 ; index 5 _ _',
  ];
  for (let i = 0; i < count.sets; i++) out.push(setProgram(r, pick(r, ['SI', 'SI', 'SF', 'ST'] as const)));
  for (let i = 0; i < count.lists; i++) out.push(listProgram(r, pick(r, ['LI', 'LF'] as const)));
  for (let i = 0; i < count.sorts; i++) out.push(sortProgram(r, pick(r, ['LI', 'LF', 'LF'] as const)));
  for (let i = 0; i < count.dicts; i++) out.push(dictProgram(r, pick(r, ['DI', 'DF'] as const)));
  for (let i = 0; i < (count.tuples ?? 0); i++) out.push(tupleProgram(r));
  for (let i = 0; i < (count.ranges ?? 0); i++) out.push(rangeProgram(r));
  return out;
}
