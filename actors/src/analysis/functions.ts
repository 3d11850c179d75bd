/**
 * Function bodies: infers the types of unannotated locals and of private
 * functions' results (a fixed point over the whole module, since functions
 * call each other and loops feed values back), then lowers each body to the
 * IR with all diagnostics (lower-stmt.ts).
 *
 * A local's type is the type of its first assignment that can be typed; every
 * other assignment must agree (PTL3006 names both places). Parameters and
 * annotated locals have the declared type.
 */
import { everyOptionalNarrowed } from './narrowing.js';
import type * as ast from '../ingest/ast.js';
import { forEachStatement } from '../ingest/ast-walk.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { binary, lowerValue, type Scope, type Signature } from './lower-expr.js';
import type { ModuleSymbols } from './module.js';
import { type Report, silent, where } from './report.js';
import { annotationType, collectLocals, type FunctionSig, returnsAValue, sourceText } from './signatures.js';
import type { ValueType } from './types.js';
import { ENTRY_FUNCTION } from './script.js';
import { cellName } from './cells.js';
import { dictOf, dictParts, optionalOf, hasUnknown, headOf, iterItemOf, listOf, setOf, tupleParts, type Ty, unify } from './ty.js';

export interface LocalInfo {
  type: ValueType | undefined;
  /** Declared by an annotation (`x: float = 0`): assignments are converted to it. */
  declared: boolean;
  /** Where the type came from (first typed assignment, annotation or `for`). */
  origin: SourceRange | undefined;
  /** The source of the value at `origin` when it was a literal (for hints). */
  originLiteral: string | undefined;
}

export interface FunctionState {
  readonly sig: FunctionSig;
  readonly paramNames: Set<string>;
  /** `**kwargs`: refused, but known, so its uses say nothing more. */
  readonly refusedParams: Set<string>;
  /** Locals other than parameters, in order of first appearance. */
  readonly locals: Map<string, LocalInfo>;
  /**
   * Locals assigned values of different types (reported once, at the
   * conflicting assignment); their reads are not typed, so the conflict does
   * not cascade into more errors.
   */
  readonly conflicted: Set<string>;
  /** Nested functions (closures.ts): the enclosing function, ... */
  parent?: FunctionState;
  /** ... the functions defined in this one, by their name in the body, ... */
  readonly nested: Map<string, FunctionState>;
  /** ... and the enclosing variables this one reads (extra parameters after its own). */
  captures: string[];
  /** Module variables this function assigns (`global x`; all of them for the script's top-level code). */
  readonly globals: Set<string>;
  /** Its own variables that nested functions share (cells.ts), set by closures.ts. */
  readonly cells: Set<string>;
}

export interface ModuleContext {
  readonly source: string;
  readonly symbols: ModuleSymbols;
  readonly sigs: Map<string, FunctionSig>;
  /** Types of the module constants (undefined for a constant that failed). */
  readonly constantTypes: Map<string, ValueType | undefined>;
  /** Script mode: module variables (module-vars.ts), also in constantTypes. */
  readonly variables?: ReadonlySet<string>;
}

export function functionScope(ctx: ModuleContext, fn: FunctionState, report: Report): Scope {
  const scope: Scope = {
    symbols: ctx.symbols,
    inConstant: false,
    report,
    local(name) {
      if (fn.paramNames.has(name)) return { type: fn.sig.params.find((p) => p.name === name)!.type, cell: fn.cells.has(name) };
      if (fn.refusedParams.has(name)) return { type: undefined };
      const info = fn.locals.get(name);
      if (info && fn.cells.has(name)) return { type: fn.conflicted.has(name) ? undefined : info.type, cell: true };
      if (!info) {
        // A captured variable of an enclosing function (closures.ts).
        if (fn.parent && fn.captures.includes(name)) return functionScope(ctx, fn.parent, report).local(name);
        return undefined;
      }
      return { type: fn.conflicted.has(name) ? undefined : info.type };
    },
    constant(name) {
      if (isEnclosingVariable(fn, name) || isNestedFunction(fn, name)) return undefined;
      return ctx.constantTypes.has(name) ? { type: ctx.constantTypes.get(name) } : undefined;
    },
    signature(name): Signature | undefined {
      // Nested functions visible here: this function's own, then those of the enclosing functions.
      for (let f: FunctionState | undefined = fn; f; f = f.parent) {
        if (f !== fn && (f.paramNames.has(name) || f.locals.has(name))) return undefined;
        const n = f.nested.get(name);
        if (n) return nestedSignature(n, scope);
      }
      return ctx.sigs.get(name);
    },
  };
  return scope;
}

/** A name that some enclosing function binds (it shadows the module's name). */
function isEnclosingVariable(fn: FunctionState, name: string): boolean {
  for (let f = fn.parent; f; f = f.parent) if (f.paramNames.has(name) || f.locals.has(name)) return true;
  return false;
}

/** A nested function visible in `fn` (its own or an enclosing function's). */
function isNestedFunction(fn: FunctionState, name: string): boolean {
  for (let f: FunctionState | undefined = fn; f; f = f.parent) if (f.nested.has(name)) return true;
  return false;
}

/** A nested function's signature as seen from `scope`: its captures are typed there. */
function nestedSignature(n: FunctionState, scope: Scope): Signature & { captures: { name: string; type: ValueType | undefined }[] } {
  return {
    name: n.sig.name,
    params: n.sig.params,
    get returns() {
      return n.sig.returns;
    },
    captures: n.captures.map((c) => {
      const l = scope.local(c);
      // A shared variable is passed as its cell (cells.ts).
      return l?.cell ? { name: cellName(c), type: l.type === undefined ? undefined : listOf(l.type) } : { name: c, type: l?.type };
    }),
  };
}

/** Sets up a function's locals: annotated ones and `for` targets get their types at once. */
export function initFunction(sig: FunctionSig, ctx: ModuleContext): FunctionState {
  const paramNames = new Set(sig.params.map((p) => p.name));
  const a = sig.node.args;
  const refusedParams = new Set((a.kwarg ? [a.kwarg] : []).map((p) => p.arg));
  const locals = new Map<string, LocalInfo>();
  // `global x` (and, in the script's top-level code, every module variable) is not a local.
  const globals = new Set<string>(sig.name === ENTRY_FUNCTION ? (ctx.variables ?? []) : []);
  forEachStatement(sig.node.body, (st) => st.type === 'Global' && st.names.forEach((n) => globals.add(n)));
  // `nonlocal x`: a variable of an enclosing function (closures.ts, cells.ts).
  const nonlocals = new Set<string>();
  forEachStatement(sig.node.body, (st) => st.type === 'Nonlocal' && st.names.forEach((n) => nonlocals.add(n)));
  for (const name of collectLocals(sig.node.body, [...paramNames, ...refusedParams, ...globals, ...nonlocals])) {
    locals.set(name, { type: undefined, declared: false, origin: undefined, originLiteral: undefined });
  }
  forEachStatement(sig.node.body, (st) => {
    if (st.type === 'AnnAssign' && st.target.type === 'Name') {
      const info = locals.get(st.target.id);
      if (info && !info.declared) {
        const t = annotationType(st.annotation, ctx.source, silent, false) as ValueType | undefined;
        if (t) Object.assign(info, { type: t, declared: true, origin: st.annotation.range, originLiteral: undefined });
      }
    }
    if (st.type === 'For' && st.target.type === 'Name' && isRangeIter(st.iter)) {
      const info = locals.get(st.target.id);
      if (info && info.type === undefined) Object.assign(info, { type: 'int', origin: st.target.range, originLiteral: undefined });
    }
  });
  if (sig.returns === undefined && !returnsAValue(sig.node.body)) sig.returns = 'None';
  return { sig, paramNames, refusedParams, locals, conflicted: new Set(), nested: new Map(), captures: [], globals, cells: new Set() };
}

function isRangeIter(e: ast.Expr_): boolean {
  return e.type === 'Call' && e.func.type === 'Name' && e.func.id === 'range';
}

/** The types a target tuple's names get from a value of type `t` (a tuple's fields, or any iterable's items). */
function targetTypes(target: ast.Expr_, t: Ty | undefined, out: [ast.Name, Ty | undefined][]): void {
  if (target.type === 'Name') {
    out.push([target, t]);
    return;
  }
  if (target.type === 'Starred') {
    targetTypes(target.value, t === undefined ? undefined : listOf(t), out);
    return;
  }
  if (target.type !== 'Tuple' && target.type !== 'List') return;
  const parts = t === undefined ? undefined : tupleParts(t);
  const starred = target.elts.some((e) => e.type === 'Starred');
  const item = t === undefined ? undefined : iterItemOf(t);
  target.elts.forEach((e, i) => {
    if (e.type === 'Starred') targetTypes(e, item, out);
    else targetTypes(e, parts && !starred ? parts[i] : item, out);
  });
}

/** Types of `a, b = <value>`'s elements, when the value is a tuple display or divmod(). */
export function unpackedTypes(value: ast.Expr_, scope: Scope): (ValueType | undefined)[] | null {
  if (value.type === 'Tuple') return value.elts.map((e) => lowerValue(e, scope)?.type);
  if (isDivmodCall(value, scope)) {
    const args = value.args.map((a) => lowerValue(a, scope));
    if (args.length !== 2 || args.some((a) => a === null)) return [undefined, undefined];
    const t: ValueType = args.some((a) => a!.type === 'float') ? 'float' : 'int';
    return [t, t];
  }
  return null;
}

/** `divmod(a, b)` with `divmod` meaning the builtin. */
export function isDivmodCall(e: ast.Expr_, scope: Scope): e is ast.Call {
  return (
    e.type === 'Call' &&
    e.func.type === 'Name' &&
    e.func.id === 'divmod' &&
    !scope.local('divmod') &&
    !scope.constant('divmod') &&
    !scope.signature('divmod') &&
    !scope.symbols.mathImports.has('divmod') &&
    !scope.symbols.mathModules.has('divmod')
  );
}

function typeOrUndefined(t: Ty | undefined, wrap: (t: Ty) => Ty): Ty | undefined {
  return t === undefined ? undefined : wrap(t);
}

function iterOf(t: Ty | undefined): Ty | undefined {
  return t === undefined ? undefined : iterItemOf(t);
}

/** One round of inference over a function; true when some type was learnt. */
function inferRound(fn: FunctionState, ctx: ModuleContext): boolean {
  const scope = functionScope(ctx, fn, silent);
  let changed = false;
  /** `d[k] = v` / `xs[i] = v` complete `d = {}` / `xs = []`. */
  const learnFromItemStore = (t: ast.Subscript, value: Ty): void => {
    if (t.value.type !== 'Name') return;
    const info = fn.locals.get(t.value.id);
    if (!info?.type || !hasUnknown(info.type)) return;
    if (headOf(info.type) === 'dict') {
      const key = lowerValue(t.slice, scope)?.type;
      if (key !== undefined) learn(t.value.id, dictOf(key, value), t.range, null);
    }
  };
  const learn = (name: string, type: ValueType | undefined, range: SourceRange, value: ast.Expr_ | null): void => {
    const info = fn.locals.get(name);
    if (!info || type === undefined) return;
    if (info.type !== undefined && !info.declared) {
      // `x = None` and `x = 5` make an Optional[int].
      const opt = info.type === 'None' && type !== 'None' ? optionalOf(type) : type === 'None' && info.type !== 'None' ? optionalOf(info.type) : undefined;
      if (opt !== undefined && opt !== info.type && !hasUnknown(opt)) {
        info.type = opt;
        changed = true;
        return;
      }
    }
    if (info.type !== undefined) {
      // A type with `?` parts (an empty display) is completed by a later, fuller one.
      if (!info.declared && hasUnknown(info.type)) {
        const u = unify(info.type, type);
        if (u !== undefined && u !== info.type) {
          info.type = u;
          changed = true;
        }
      }
      return;
    }
    info.type = type;
    info.origin = range;
    info.originLiteral = value && value.type === 'Constant' ? sourceText(ctx.source, value.range) : undefined;
    changed = true;
  };
  forEachStatement(fn.sig.node.body, (st) => {
    switch (st.type) {
      case 'Assign': {
        const [first] = st.targets;
        if (st.targets.length === 1 && first && (first.type === 'Tuple' || first.type === 'List')) {
          const types = unpackedTypes(st.value, scope);
          if (types && types.length === first.elts.length && first.elts.every((e) => e.type !== 'Starred')) {
            first.elts.forEach((elt, i) => {
              if (elt.type === 'Name') learn(elt.id, types[i], elt.range, st.value.type === 'Tuple' ? st.value.elts[i]! : null);
              else {
                // A nested target: `(p, q), r = (1, 2), 3`.
                const pairs: [ast.Name, Ty | undefined][] = [];
                targetTypes(elt, types[i], pairs);
                for (const [n, ty] of pairs) learn(n.id, ty, n.range, null);
              }
            });
            break;
          }
        }
        // A local that so far only holds None becomes Optional[T] when a T is assigned (`best = None` ... `best = word`).
        const needed = st.targets.some((t) => t.type !== 'Name' || fn.locals.get(t.id)?.type === undefined || hasUnknown(fn.locals.get(t.id)!.type!) || fn.locals.get(t.id)!.type === 'None');
        if (!needed) break;
        const type = (lowerValue(st.value, scope) ?? lowerValue(st.value, everyOptionalNarrowed(scope)))?.type; // narrowing.ts
        for (const t of st.targets) {
          const pairs: [ast.Name, Ty | undefined][] = [];
          targetTypes(t, type, pairs);
          for (const [n, ty] of pairs) learn(n.id, ty, n.range, t.type === 'Name' ? st.value : null);
          if (t.type === 'Subscript' && type !== undefined) learnFromItemStore(t, type);
        }
        break;
      }
      case 'For': {
        if (st.target.type === 'Name' && isRangeIter(st.iter)) break;
        const iter = lowerValue(st.iter, scope)?.type;
        const item = iter === undefined ? undefined : iterItemOf(iter);
        const pairs: [ast.Name, Ty | undefined][] = [];
        targetTypes(st.target, item, pairs);
        for (const [n, ty] of pairs) learn(n.id, ty, n.range, null);
        break;
      }
      case 'Expr': {
        // `xs.append(v)`, `s.add(v)`, `xs.extend(ys)`, `xs.insert(i, v)` complete `xs = []`.
        const v = st.value;
        // Also one subscript down: `grid[0].append(7)` completes `grid = [[] for _ in ...]` (containers area).
        const recvNode = v.type === 'Call' && v.func.type === 'Attribute' ? v.func.value : null;
        const rootNode = recvNode?.type === 'Name' ? recvNode : recvNode?.type === 'Subscript' && recvNode.value.type === 'Name' ? recvNode.value : null;
        if (v.type === 'Call' && v.func.type === 'Attribute' && recvNode && rootNode) {
          const name = rootNode.id;
          const info = fn.locals.get(name);
          if (!info?.type || !hasUnknown(info.type)) break;
          const recvType = recvNode === rootNode ? info.type : lowerValue(recvNode, scope)?.type;
          if (recvType === undefined || !hasUnknown(recvType)) break;
          const head = headOf(recvType);
          const rootHead = headOf(info.type);
          const lift = (t: Ty | undefined): Ty | undefined =>
            t === undefined || recvNode === rootNode ? t : rootHead === 'list' ? listOf(t) : rootHead === 'dict' ? dictOf(dictParts(info.type!)![0], t) : undefined;
          const arg = (i: number): Ty | undefined => (v.args[i] ? lowerValue(v.args[i]!, scope)?.type : undefined);
          const m = v.func.attr;
          if (head === 'list' && m === 'append') learn(name, lift(typeOrUndefined(arg(0), listOf)), v.range, null);
          else if (head === 'list' && m === 'insert') learn(name, lift(typeOrUndefined(arg(1), listOf)), v.range, null);
          else if (head === 'list' && m === 'extend') learn(name, lift(typeOrUndefined(iterOf(arg(0)), listOf)), v.range, null);
          else if (head === 'set' && m === 'add') learn(name, lift(typeOrUndefined(arg(0), setOf)), v.range, null);
          else if (head === 'set' && m === 'update') learn(name, lift(typeOrUndefined(iterOf(arg(0)), setOf)), v.range, null);
          else if (head === 'dict' && m === 'update') learn(name, lift(arg(0)), v.range, null);
        }
        break;
      }
      case 'AugAssign': {
        if (st.target.type === 'Name') {
          const info = fn.locals.get(st.target.id);
          if (info?.type && hasUnknown(info.type) && headOf(info.type) === 'list') {
            learn(st.target.id, typeOrUndefined(iterOf(lowerValue(st.value, scope)?.type), listOf), st.range, null);
          }
        }
        break;
      }
      case 'Return':
        if ((fn.sig.returns === undefined || (fn.sig.annotatedReturn === undefined && hasUnknown(fn.sig.returns))) && st.value && !(st.value.type === 'Constant' && st.value.kind === 'None')) {
          const type = lowerValue(st.value, scope)?.type;
          if (type) {
            const next = fn.sig.returns === undefined ? type : unify(fn.sig.returns, type);
            if (next !== undefined && next !== fn.sig.returns) {
              fn.sig.returns = next;
              changed = true;
            }
          }
        }
        break;
      default:
        break;
    }
  });
  return changed;
}

/**
 * Infers until nothing changes (each round learns at least one type, so this
 * ends). A private function whose every result depends on itself
 * (`return 1 if n < 2 else n * _f(n - 1)`) is then typed by trying int,
 * float and bool in turn and keeping the first its returns agree with.
 * Finally reports locals assigned values of two types (PTL3006).
 */
export function inferTypes(fns: FunctionState[], ctx: ModuleContext, report: Report): void {
  const tried = new Set<FunctionState>();
  for (;;) {
    for (;;) {
      let changed = false;
      for (const fn of fns) changed = inferRound(fn, ctx) || changed;
      if (!changed) break;
    }
    const pending = fns.find((fn) => fn.sig.returns === undefined && !tried.has(fn) && fn.sig.params.every((p) => p.type !== undefined));
    if (!pending) break;
    tried.add(pending);
    for (const guess of ['int', 'float', 'bool'] as const) {
      pending.sig.returns = guess;
      if (returnTypes(pending, ctx).every((t) => t === guess)) break;
      pending.sig.returns = undefined;
    }
  }
  for (const fn of fns) findConflicts(fn, ctx, report);
}

/** The types of a function's `return <value>` statements (undefined where not typable). */
function returnTypes(fn: FunctionState, ctx: ModuleContext): (ValueType | undefined)[] {
  const scope = functionScope(ctx, fn, silent);
  const out: (ValueType | undefined)[] = [];
  const walk = (stmts: ast.Stmt[]): void => {
    for (const st of stmts) {
      if (st.type === 'Return' && st.value && !(st.value.type === 'Constant' && st.value.kind === 'None')) out.push((lowerValue(st.value, scope) ?? lowerValue(st.value, everyOptionalNarrowed(scope)))?.type);
      if (st.type === 'If' || st.type === 'While' || st.type === 'For') {
        walk(st.body);
        walk(st.orelse);
      }
    }
  };
  walk(fn.sig.node.body);
  return out;
}

/** Reports inferred locals that some assignment gives another type; their reads stay untyped from then on. */
function findConflicts(fn: FunctionState, ctx: ModuleContext, report: Report): void {
  const scope = functionScope(ctx, fn, silent);
  const check = (name: string, type: ValueType | undefined, range: SourceRange): void => {
    const info = fn.locals.get(name);
    if (!info || info.declared || info.type === undefined || type === undefined || type === info.type) return;
    if (unify(info.type, type) === info.type) return; // `xs = []` after `xs = [1]`
    if (info.type.startsWith('Optional[') && (type === 'None' || unify(info.type.slice(9, -1), type) !== undefined)) return;
    fn.conflicted.add(name);
    const origin = info.origin ? ` at ${where(info.origin)}` : '';
    const literal = info.originLiteral;
    const hint =
      info.type === 'int' && type === 'float' && literal !== undefined && /^[0-9_]+$/.test(literal)
        ? `Write \`${literal.replace(/_/g, '')}.0\` instead of \`${literal}\`${origin} so \`${name}\` is a float from the start.`
        : `Give \`${name}\` one type: convert with int(...), float(...) or bool(...), or use a separate variable.`;
    report('PTL3006', range, `\`${name}\` is assigned ${article(info.type)} ${info.type}${origin} and ${article(type)} ${type} here`, hint);
  };
  forEachStatement(fn.sig.node.body, (st) => {
    switch (st.type) {
      case 'Assign': {
        const [first] = st.targets;
        if (st.targets.length === 1 && first && (first.type === 'Tuple' || first.type === 'List')) {
          const types = unpackedTypes(st.value, scope);
          if (types && types.length === first.elts.length) first.elts.forEach((e, i) => e.type === 'Name' && check(e.id, types[i], e.range));
        } else {
          const type = (lowerValue(st.value, scope) ?? lowerValue(st.value, everyOptionalNarrowed(scope)))?.type; // narrowing.ts
          for (const t of st.targets) if (t.type === 'Name') check(t.id, type, t.range);
        }
        break;
      }
      case 'AugAssign':
        if (st.target.type === 'Name' && st.op !== 'MatMult') {
          const current = lowerValue(st.target, scope);
          const value = lowerValue(st.value, scope);
          if (current && value) check(st.target.id, binary(st.op, current, value, st.range, silent)?.type, st.target.range);
        }
        break;
      default:
        break;
    }
  });
}


function article(t: string): string {
  return t === 'int' ? 'an' : 'a';
}
