/**
 * CST → AST for literals: numbers (literals.ts computes the values) and
 * strings, where adjacent literals are concatenated into one Constant,
 * f-strings become a JoinedStr (convert-fstring.ts), and mixing bytes with
 * str is the syntax error CPython reports.
 */
import type * as ast from './ast.js';
import type { ConvertContext } from './convert-context.js';
import { unsupportedExpr } from './convert-expr.js';
import { convertFString, nextToken } from './convert-fstring.js';
import type { CstNode } from './cst.js';
import { decodeBytes, decodeStr, parseNumberLiteral, splitStringToken } from './literals.js';

export function constant(ctx: ConvertContext, node: CstNode, c: Omit<ast.Constant, 'type' | 'range'>): ast.Constant {
  return { type: 'Constant', ...c, range: ctx.rangeOf(node) } as ast.Constant;
}

export function convertNumber(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const text = ctx.text(node);
  const parsed = parseNumberLiteral(text);
  if (parsed === null) {
    ctx.errorAt(node, 'invalid decimal literal');
    return unsupportedExpr(ctx, node, 'Invalid');
  }
  return constant(ctx, node, parsed);
}

/** One string literal, or adjacent literals concatenated (`"a" 'b'` is `'ab'`). */
export function convertStrings(ctx: ConvertContext, node: CstNode, parts: CstNode[]): ast.Expr_ {
  let bytes: boolean | null = null;
  let format = false;
  let text = '';
  const octets: number[] = [];
  let unsupported: string | null = null;
  let uPrefix = false;
  for (const part of parts) {
    const split = splitStringToken(ctx.text(part));
    if (split === null) {
      ctx.errorAt(part, 'invalid syntax');
      return unsupportedExpr(ctx, node, 'Invalid');
    }
    if (bytes !== null && bytes !== split.prefix.bytes) {
      // Reported at the token after the whole concatenation, as CPython does.
      const at = nextToken(ctx, node.end);
      ctx.error('cannot mix bytes and nonbytes literals', at, at);
      return unsupportedExpr(ctx, node, 'Invalid');
    }
    if (part === parts[0]) uPrefix = split.prefix.unicode;
    bytes = split.prefix.bytes;
    if (split.prefix.format) {
      format = true;
      continue;
    }
    if (bytes) {
      const decoded = decodeBytes(split.body, split.prefix.raw);
      if (!decoded.ok) {
        ctx.errorAt(part, decoded.message);
        return unsupportedExpr(ctx, node, 'Invalid');
      }
      for (const b of decoded.value) octets.push(b);
    } else {
      const decoded = decodeStr(split.body, split.prefix.raw);
      if (decoded.ok) text += decoded.value;
      else if (decoded.unsupported) unsupported = decoded.message;
      else {
        ctx.errorAt(part, decoded.message);
        return unsupportedExpr(ctx, node, 'Invalid');
      }
    }
  }
  if (format) return convertFString(ctx, node, parts);
  if (unsupported !== null) return unsupportedExpr(ctx, node, 'Constant', unsupported);
  if (bytes) return constant(ctx, node, { kind: 'bytes', value: Uint8Array.from(octets) });
  // CPython marks the constant when its first part is u'...'.
  if (uPrefix) return constant(ctx, node, { kind: 'str', value: text, uPrefix: true });
  return constant(ctx, node, { kind: 'str', value: text });
}

