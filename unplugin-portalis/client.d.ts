/**
 * Fallback types for `.py` imports: add `"types": ["unplugin-portalis/client"]`
 * to tsconfig.json (or `/// <reference types="unplugin-portalis/client" />`).
 *
 * Prefer the generated `<name>.py.d.ts` files (plugin option `dts`, on by
 * default): they give each exported function its real signature, and
 * TypeScript uses them over this declaration. This one only knows that the
 * default export of `fib.py` is either its function named `fib` or, when
 * there is none, an object of all its public functions; named imports need
 * the generated file.
 */
declare module '*.py' {
  /** A function exported from a Portalis-compiled Python module. */
  type PythonFunction = (...args: any[]) => any;
  /** The same-named function, or an object holding every public function. */
  interface PythonModuleDefault {
    (...args: any[]): any;
    readonly [name: string]: PythonFunction;
  }
  const defaultExport: PythonModuleDefault;
  export default defaultExport;
}
