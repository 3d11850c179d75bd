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
 * A lone `\r` is a line break for CPython but not for the grammar's scanner,
 * so it is replaced by `\n` (same length: offsets are unchanged).
 */
export function parseTree(source: string): TsTree {
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  return getParser().parse(text);
}
