/**
 * Fallback types for `.py` imports: add `"types": ["unplugin-portalis/client"]`
 * to tsconfig.json (or `/// <reference types="unplugin-portalis/client" />`).
 *
 * Prefer the generated `<name>.py.d.ts` files (plugin option `dts`, on by
 * default): they give each exported function its real signature. This
 * ambient declaration only says "a .py module exports functions" and is what
 * TypeScript falls back to before the first build has written them.
 */
declare module '*.py' {
  /** A function exported from a Portalis-compiled Python module. */
  type PythonFunction = (...args: any[]) => any;
  const functions: Readonly<Record<string, PythonFunction>>;
  export default functions;
}
