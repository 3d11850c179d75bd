/**
 * Call-site rules CPython's parser enforces and tree-sitter does not:
 * positional arguments after keyword arguments, `*args` after `**kwargs`,
 * and repeated keyword names. Each becomes a syntax error with CPython's
 * message.
 */
import { type ConvertContext, identifierText } from './convert-context.js';
import { childByField, type CstNode, namedChildren } from './cst.js';

export function checkCallArguments(ctx: ConvertContext, argumentList: CstNode): void {
  let sawKeyword = false;
  let sawDoubleStar = false;
  const names = new Set<string>();
  for (const arg of namedChildren(argumentList)) {
    if (arg.type === 'keyword_argument') {
      sawKeyword = true;
      const nameNode = childByField(arg, 'name');
      if (nameNode) {
        const name = identifierText(ctx, nameNode);
        if (names.has(name)) ctx.errorAt(arg, `keyword argument repeated: ${name}`);
        names.add(name);
      }
    } else if (arg.type === 'dictionary_splat') {
      sawDoubleStar = true;
    } else if (arg.type === 'list_splat') {
      if (sawDoubleStar) ctx.errorAt(arg, 'iterable argument unpacking follows keyword argument unpacking');
    } else if (sawDoubleStar) {
      // CPython places these two at the end of the offending argument.
      ctx.error('positional argument follows keyword argument unpacking', arg.end, arg.end);
    } else if (sawKeyword) {
      ctx.error('positional argument follows keyword argument', arg.end, arg.end);
    }
  }
}
