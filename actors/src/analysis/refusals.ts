/**
 * How each construct outside the subset is refused: the diagnostic code and a
 * message that names the construct the way a Python programmer would.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';

export interface Refusal {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
}

const STATEMENTS: Readonly<Record<string, Refusal>> = {
  ClassDef: { code: 'PTL2003', message: 'class definitions are not supported' },
  AsyncFunctionDef: { code: 'PTL2006', message: '`async def` functions are not supported' },
  AsyncFor: { code: 'PTL2006', message: '`async for` loops are not supported' },
  AsyncWith: { code: 'PTL2006', message: '`async with` statements are not supported' },
  Try: { code: 'PTL2001', message: '`try` statements are not supported' },
  TryStar: { code: 'PTL2001', message: '`try`/`except*` statements are not supported' },
  With: { code: 'PTL2001', message: '`with` statements are not supported' },
  Raise: {
    code: 'PTL2001',
    message: '`raise` statements are not supported',
    hint: 'Exceptions raised by operations (ZeroDivisionError, OverflowError, ValueError from math, ...) are supported; raising your own is not yet.',
  },
  Assert: { code: 'PTL2001', message: '`assert` statements are not supported' },
  Delete: { code: 'PTL2001', message: '`del` statements are not supported' },
  Match: { code: 'PTL2001', message: '`match` statements are not supported' },
  TypeAlias: { code: 'PTL2001', message: '`type` alias statements are not supported' },
  Global: {
    code: 'PTL2001',
    message: '`global` statements are not supported',
    hint: 'Module-level names are constants in translated code; pass values as parameters and return results instead.',
  },
  Nonlocal: { code: 'PTL2001', message: '`nonlocal` statements are not supported' },
};

export function refuseStatement(node: string): Refusal {
  return STATEMENTS[node] ?? { code: 'PTL2001', message: `\`${node}\` statements are not supported` };
}

const COMPREHENSION: Refusal = { code: 'PTL2002', message: 'comprehensions are not supported', hint: 'Write the loop out with `for i in range(...)`.' };

const EXPRESSIONS: Readonly<Record<string, Refusal>> = {
  Lambda: { code: 'PTL2002', message: 'lambda expressions are not supported', hint: 'Define a module-level function with `def` instead.' },
  ListComp: COMPREHENSION,
  SetComp: COMPREHENSION,
  DictComp: COMPREHENSION,
  GeneratorExp: { code: 'PTL2002', message: 'generator expressions are not supported', hint: 'Write the loop out with `for i in range(...)`.' },
  Dict: { code: 'PTL2002', message: 'dicts are not supported' },
  Set: { code: 'PTL2002', message: 'sets are not supported' },
  Await: { code: 'PTL2006', message: '`await` is not supported' },
  Yield: { code: 'PTL2004', message: '`yield` makes a generator, which is not supported' },
  YieldFrom: { code: 'PTL2004', message: '`yield from` makes a generator, which is not supported' },
  NamedExpr: { code: 'PTL2002', message: 'assignment expressions (`:=`) are not supported', hint: 'Assign the value in a statement of its own first.' },
  Slice: { code: 'PTL2002', message: 'slices are not supported' },
  Starred: { code: 'PTL2002', message: 'starred expressions (`*x`) are not supported' },
  JoinedStr: { code: 'PTL2002', message: 'f-strings are not supported', hint: 'Strings are not supported yet; return numbers and format them in JavaScript.' },
  FormattedValue: { code: 'PTL2002', message: 'f-strings are not supported', hint: 'Strings are not supported yet; return numbers and format them in JavaScript.' },
};

export function refuseExpression(node: string): Refusal {
  return EXPRESSIONS[node] ?? { code: 'PTL2002', message: `\`${node}\` expressions are not supported` };
}

/** The constant kinds that are not values of the subset. */
export function refuseConstant(kind: string): Refusal {
  switch (kind) {
    case 'str':
      return { code: 'PTL2002', message: 'strings are not supported', hint: 'Only int, float and bool values are supported yet.' };
    case 'bytes':
      return { code: 'PTL2002', message: 'bytes literals are not supported', hint: 'Only int, float and bool values are supported yet.' };
    case 'complex':
      return { code: 'PTL2002', message: 'complex numbers are not supported', hint: 'Only int, float and bool values are supported yet.' };
    case 'Ellipsis':
      return { code: 'PTL2002', message: '`...` is not supported as a value' };
    default:
      return {
        code: 'PTL3002',
        message: '`None` is only supported as a return type',
        hint: 'Use int, float or bool values; a function annotated `-> None` may `return` without a value.',
      };
  }
}
