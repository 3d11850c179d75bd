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

/** Same-length and length-changing adjustments to the text tree-sitter sees (tokenize-check.ts). */
export interface TextAdjustments {
  /** [start, end) pairs given as spaces: line breaks and comments inside brackets, backslash continuations. */
  readonly blanks: readonly number[];
  /** [start, end) pairs given as underscores: `type` / `print` used as plain names. */
  readonly renames: readonly number[];
  /** [start, end, column] triples: indentation given as `column` spaces. */
  readonly indentFixes: readonly number[];
}

export interface ParsedText {
  readonly tree: TsTree;
  /**
   * The source with only its indentation rewritten: the tree's offsets index
   * this text. It is the source itself unless `indentFixes` changed lengths.
   */
  readonly text: string;
  /** Maps an offset into `text` back to the source; null when they are the same. */
  readonly toSource: ((offset: number) => number) | null;
}

/**
 * Parses Python source. Offsets in the tree are UTF-16 indices. The text the
 * grammar sees is adjusted so that it reads the program as CPython does: a
 * lone `\r` (a line break for CPython, not for the grammar's scanner) becomes
 * `\n`, `blanks` become spaces, `renames` underscores, and indentation that
 * mixes tabs and spaces is rewritten with spaces (lengths change only then,
 * and `toSource` maps offsets back).
 */
export function parseText(source: string, adjust: TextAdjustments = { blanks: [], renames: [], indentFixes: [] }): ParsedText {
  let base = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  base = fill(fill(base, adjust.blanks, ' '), adjust.renames, '_');
  if (adjust.indentFixes.length === 0) return { tree: getParser().parse(base), text: source, toSource: null };
  const fixes = adjust.indentFixes;
  const { text: parsed } = expandIndentation(base, fixes);
  const { text, toSource } = expandIndentation(source, fixes);
  return { tree: getParser().parse(parsed), text, toSource };
}

/** Replaces each [start, end, column] range (ascending) with `column` spaces; returns the offset map back. */
function expandIndentation(text: string, fixes: readonly number[]): { text: string; toSource: (offset: number) => number } {
  const parts: string[] = [];
  const parseStarts: number[] = [];
  const parseEnds: number[] = [];
  const sourceStarts: number[] = [];
  const sourceEnds: number[] = [];
  let at = 0;
  let delta = 0;
  for (let k = 0; k < fixes.length; k += 3) {
    const start = fixes[k]!;
    const end = fixes[k + 1]!;
    const column = fixes[k + 2]!;
    parts.push(text.slice(at, start), ' '.repeat(column));
    parseStarts.push(start + delta);
    parseEnds.push(start + delta + column);
    sourceStarts.push(start);
    sourceEnds.push(end);
    delta += column - (end - start);
    at = end;
  }
  parts.push(text.slice(at));
  const toSource = (offset: number): number => {
    let lo = 0;
    let hi = parseStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (parseStarts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    if (offset < parseEnds[found]!) return Math.min(sourceStarts[found]! + (offset - parseStarts[found]!), sourceEnds[found]!);
    return sourceEnds[found]! + (offset - parseEnds[found]!);
  };
  return { text: parts.join(''), toSource };
}

/** Tree-sitter on the source as is, for tests and tools. */
export function parseTree(source: string): TsTree {
  return parseText(source).tree;
}

/** Replaces each [start, end) range (ascending pairs) with `char` repeated. */
function fill(text: string, ranges: readonly number[], char: string): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = ranges[k + 1]!;
    parts.push(text.slice(at, start), char.repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
