/**
 * JavaScript names for Python names in generated modules.
 *
 * Python identifiers are almost always valid JS identifiers, but some are JS
 * reserved words (`delete`, `new`, `default`, ...) or would shadow a name the
 * glue itself uses (`wasm`, `Number`, `URL`, the runtime helpers). Such
 * names get a trailing `_` for the local binding; exports keep the Python
 * name through `export { delete_ as delete }`, which ES2022 allows for any
 * identifier name.
 */

/** Words that cannot be a binding name in strict-mode module code. */
const RESERVED = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import',
  'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'arguments', 'eval',
  // Not reserved, but shadowing them would change what the glue means.
  'undefined', 'NaN', 'Infinity', 'Number', 'Object', 'URL',
]);

const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Whether `name` is an identifier JS accepts (reserved or not). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Picks a binding name for `name` that is not reserved and not in `taken`,
 * adds it to `taken` and returns it.
 */
export function bindingName(name: string, taken: Set<string>): string {
  let candidate = name;
  while (RESERVED.has(candidate) || taken.has(candidate)) candidate += '_';
  taken.add(candidate);
  return candidate;
}

/** A single-quoted JS string literal. */
export function jsString(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/** Text for a `//` comment: line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, ' ');
}
