/**
 * Operator tokens → the AST's operator names (CPython's `ast` operator
 * classes).
 */
import type * as ast from './ast.js';

export const BINARY_OPERATORS: Readonly<Record<string, ast.Operator>> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '**': 'Pow',
  '<<': 'LShift', '>>': 'RShift', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '//': 'FloorDiv',
};

/** `+=` → 'Add' and so on. */
export const AUG_OPERATORS: Readonly<Record<string, ast.Operator>> = Object.fromEntries(
  Object.entries(BINARY_OPERATORS).map(([token, op]) => [`${token}=`, op]),
);

export const COMPARE_OPERATORS: Readonly<Record<string, ast.CmpOperator>> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
  is: 'Is', 'is not': 'IsNot', in: 'In', 'not in': 'NotIn',
};

export const UNARY_OPERATORS: Readonly<Record<string, ast.UnaryOperator>> = { '+': 'UAdd', '-': 'USub', '~': 'Invert' };
