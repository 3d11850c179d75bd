/**
 * Loads tree-sitter and its Python grammar (CommonJS native addons, so through
 * `createRequire`) and keeps one parser per thread: module state is
 * per-thread in Node (each piscina worker imports this module afresh), and
 * a tree-sitter parser must not be shared between threads anyway.
 *
 * Only the few members Portalis uses are typed here, so the rest of ingest
 * does not depend on the addon's own typings.
 */
import { createRequire } from 'node:module';

export interface TsPoint {
  readonly row: number;
  readonly column: number;
}

export interface TsNode {
  readonly type: string;
  readonly typeId: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly isError: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: TsPoint;
  readonly parent: TsNode | null;
  readonly children: TsNode[];
  readonly childCount: number;
  readonly previousSibling: TsNode | null;
  readonly nextSibling: TsNode | null;
  descendantsOfType(type: string): TsNode[];
}

export interface TsCursor {
  readonly nodeTypeId: number;
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldId: number;
  readonly currentFieldName: string;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

export interface TsTree {
  readonly rootNode: TsNode;
  walk(): TsCursor;
}

interface TsParser {
  setLanguage(language: unknown): void;
  parse(input: string): TsTree;
}

const require = createRequire(import.meta.url);
let parser: TsParser | null = null;

function getParser(): TsParser {
  if (parser === null) {
    const Parser = require('tree-sitter') as new () => TsParser;
    const python: unknown = require('tree-sitter-python');
    const p = new Parser();
    p.setLanguage(python);
    parser = p;
  }
  return parser;
}

/**
 * Parses Python source. Offsets in the tree are UTF-16 indices into `source`.
 * The text the grammar sees is adjusted without changing its length, so
 * offsets stay valid: a lone `\r` (a line break for CPython, not for the
 * grammar's scanner) becomes `\n`, and the `blanks` ranges (tokenize-check.ts:
 * line breaks and comments inside brackets, backslash continuations) become
 * spaces.
 */
export function parseTree(source: string, blanks: readonly number[] = []): TsTree {
  let text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  if (blanks.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (let k = 0; k < blanks.length; k += 2) {
      const start = blanks[k]!;
      const end = blanks[k + 1]!;
      parts.push(text.slice(at, start), ' '.repeat(end - start));
      at = end;
    }
    parts.push(text.slice(at));
    text = parts.join('');
  }
  return getParser().parse(text);
}
