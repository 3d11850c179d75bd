/**
 * Rust for functions as values (analysis/types.ts LambdaExpr, CallValueExpr).
 *
 * A lambda becomes a shared closure, `Rc<dyn Fn(A) -> PyResult<R>>`
 * (docs/values.md), built in a block that first copies the captured locals
 * (clones of Rc handles for containers), so the `move` closure owns them:
 *
 *   { let k = k.clone(); let f: Rc<dyn Fn(i64) -> PyResult<i64>> =
 *       Rc::new(move |x: i64| -> PyResult<i64> { Ok(int_mul(x, k)?) }); f }
 *
 * A call of a function value is `(f)(args)?`.
 */
import type { TExpr } from '../analysis/types.js';
import { rustType } from './rust-types.js';
import type { ValueContext } from './rust-values.js';

type LambdaExpr = Extract<TExpr, { kind: 'lambda' }>;
type CallValueExpr = Extract<TExpr, { kind: 'callValue' }>;

export function printLambda(ctx: ValueContext, e: LambdaExpr): string {
  const lets: string[] = [];
  const names = new Map<string, string>();
  for (const c of e.captures) {
    const id = ctx.fresh(`cap_${c.name.replace(/[^A-Za-z0-9_]/g, '_')}`);
    lets.push(`let ${id} = ${ctx.print({ kind: 'local', name: c.name, type: c.type }).code};`);
    names.set(c.name, id);
  }
  const params = e.params.map((p, i) => {
    const id = ctx.fresh(p.name.startsWith('__portalis_arg') ? `a${i}` : `p_${p.name.replace(/[^A-Za-z0-9_]/g, '_')}`);
    names.set(p.name, id);
    return `${id}: ${rustType(p.type)}`;
  });
  const body = ctx.withComprehensionNames(names, () => ctx.print(e.body).code);
  const ret = rustType(e.body.type);
  const f = ctx.fresh('func');
  return `{ ${lets.join(' ')} let ${f}: ${rustType(e.type)} = std::rc::Rc::new(move |${params.join(', ')}| -> PyResult<${ret}> { Ok(${body}) }); ${f} }`;
}

export function printCallValue(ctx: ValueContext, e: CallValueExpr): string {
  const callee = ctx.print(e.callee).code;
  const args = e.args.map((a) => ctx.print(a).code);
  return `(${callee})(${args.join(', ')})?`;
}
