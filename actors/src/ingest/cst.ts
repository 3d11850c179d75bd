/**
 * A plain-data copy of a tree-sitter tree: node type, field, offsets and
 * children. Converting straight from tree-sitter's node objects costs a native
 * call per property, so the tree is copied once with a cursor (a handful of
 * calls per node) and the converters then work on ordinary JS objects.
 *
 * Comments and line continuations are dropped, string literals are kept as
 * leaves (their value is decoded from the source text in literals.ts), and
 * anonymous tokens are recorded by type (see POSITIONED_TOKENS).
 */
import { createRequire } from 'node:module';
import type { TsCursor, TsTree } from './parser.js';

export interface CstNode {
  /** tree-sitter node type: 'identifier', 'binary_operator', or the token text for anonymous nodes ('(', '+='). */
  readonly type: string;
  readonly named: boolean;
  /** Field name in the parent ('left', 'body'...), null when the grammar gives none. */
  readonly field: string | null;
  /** 0-based UTF-16 offsets into the source. */
  readonly start: number;
  readonly end: number;
  readonly children: readonly CstNode[];
}

const NO_CHILDREN: readonly CstNode[] = Object.freeze([]);
/** Named node types whose children the converters never look at. */
const LEAF_TYPES = new Set(['string', 'integer', 'float', 'identifier', 'true', 'false', 'none', 'ellipsis']);
const SKIPPED_TYPES = new Set(['comment', 'line_continuation']);
/**
 * Anonymous tokens whose position the converters use. Other anonymous
 * tokens (operators, keywords, brackets) are recorded by type only, which
 * saves native calls: they get their parent's start as a placeholder.
 */
const POSITIONED_TOKENS = new Set([':', ',', '<>', '=', '_']);

interface TypeInfo {
  readonly type: string;
  readonly named: boolean;
  readonly leaf: boolean;
  readonly skip: boolean;
  readonly positioned: boolean;
  /** Whether the grammar gives this node type's children field names. */
  readonly hasFields: boolean;
}

const require = createRequire(import.meta.url);
/** Node types with fields, from the grammar's node-types.json (null: unknown, ask for every node). */
const FIELDED_TYPES: ReadonlySet<string> | null = (() => {
  try {
    const types = require('tree-sitter-python/src/node-types.json') as { type: string; named: boolean; fields?: Record<string, unknown> }[];
    return new Set(types.filter((t) => t.named && t.fields && Object.keys(t.fields).length > 0).map((t) => t.type));
  } catch {
    return null;
  }
})();

// Per-thread caches of the grammar's numeric ids (stable for one grammar).
const typeInfoById: (TypeInfo | undefined)[] = [];
const fieldNameById: (string | null | undefined)[] = [];

function typeInfo(cursor: TsCursor): TypeInfo {
  const id = cursor.nodeTypeId;
  let info = typeInfoById[id];
  if (info === undefined) {
    const type = cursor.nodeType;
    const named = cursor.nodeIsNamed;
    info = {
      type,
      named,
      leaf: !named || LEAF_TYPES.has(type),
      skip: SKIPPED_TYPES.has(type),
      positioned: named || POSITIONED_TOKENS.has(type),
      hasFields: FIELDED_TYPES === null || FIELDED_TYPES.has(type),
    };
    typeInfoById[id] = info;
  }
  return info;
}

function fieldName(cursor: TsCursor): string | null {
  const id = cursor.currentFieldId;
  if (id === 0) return null;
  let name = fieldNameById[id];
  if (name === undefined) {
    name = cursor.currentFieldName || null;
    fieldNameById[id] = name;
  }
  return name;
}

/**
 * Copies the whole tree. Use it on trees without ERROR or MISSING nodes.
 * Anonymous tokens carry no field name, and only those in POSITIONED_TOKENS
 * carry their real offsets. `toSource` maps the tree's offsets to the
 * source's when the parser was given rewritten indentation (parser.ts).
 */
export function snapshotTree(tree: TsTree, toSource: ((offset: number) => number) | null = null): CstNode {
  const cursor = tree.walk();
  const visit = (field: string | null, info: TypeInfo, parentStart: number): CstNode => {
    if (!info.positioned) return { type: info.type, named: false, field: null, start: parentStart, end: parentStart, children: NO_CHILDREN };
    let start = cursor.startIndex;
    let end = info.named ? cursor.endIndex : start + info.type.length;
    if (toSource !== null) {
      start = toSource(start);
      end = toSource(end);
    }
    let children = NO_CHILDREN;
    if (!info.leaf && cursor.gotoFirstChild()) {
      const list: CstNode[] = [];
      const fields = info.hasFields;
      do {
        const childInfo = typeInfo(cursor);
        if (childInfo.skip) continue;
        list.push(visit(fields && childInfo.named ? fieldName(cursor) : null, childInfo, start));
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
      children = list;
    }
    return { type: info.type, named: info.named, field, start, end, children };
  };
  return visit(null, typeInfo(cursor), 0);
}

// ── small helpers the converters share ───────────────────────────────────

export function namedChildren(node: CstNode): CstNode[] {
  return node.children.filter((c) => c.named);
}

export function childByField(node: CstNode, field: string): CstNode | undefined {
  return node.children.find((c) => c.field === field);
}

export function childrenByField(node: CstNode, field: string): CstNode[] {
  return node.children.filter((c) => c.field === field);
}

export function hasToken(node: CstNode, token: string): boolean {
  return node.children.some((c) => !c.named && c.type === token);
}
