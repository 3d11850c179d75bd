"""CPython's view of Python sources, for ingest's differential tests.

Reads a JSON list of source strings on stdin and prints a JSON list with, for
each source, either {"error": [message, line, column]} when compile() rejects
it, or:
  plain     ast.dump(ast.parse(src))
  modelled  whether every node is one Portalis's ast.ts models
  masked    ast.dump with unmodelled statements/expressions replaced by
            UnsupportedStmt(node='ClassDef') / UnsupportedExpr(node='Lambda')
  attrs     the masked tree with include_attributes=True, columns converted
            from UTF-8 bytes to code points
  full      the same with the statements ingest converts ahead of the later
            stages (AHEAD: Raise, Try, ClassDef...) left unmasked, as
            dumpAst(..., {modelled: true}) prints them
"""
import ast
import copy
import json
import sys

STMTS = {'FunctionDef', 'AsyncFunctionDef', 'Return', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'AsyncFor',
         'While', 'If', 'Expr', 'Pass', 'Break', 'Continue', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Delete'}
EXPRS = {'BoolOp', 'BinOp', 'UnaryOp', 'IfExp', 'Compare', 'Call', 'Constant', 'Attribute', 'Subscript', 'Name',
         'Tuple', 'List', 'Dict', 'Set', 'Slice', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp', 'Lambda',
         'JoinedStr', 'FormattedValue', 'Starred', 'NamedExpr'}
LOC = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


AHEAD = {'Raise', 'Assert', 'Try', 'TryStar', 'With', 'AsyncWith', 'ClassDef', 'Match'}
AHEAD_EXPRS = {'Yield', 'YieldFrom', 'Await'}


class UnsupportedStmt(ast.AST):
    _fields = ('node',)
    _attributes = LOC


class UnsupportedExpr(ast.AST):
    _fields = ('node',)
    _attributes = LOC


def refused(node):
    """Async comprehensions stay outside the model."""
    return hasattr(node, 'generators') and any(g.is_async for g in node.generators)


class Mask(ast.NodeTransformer):
    def __init__(self, stmts=STMTS, exprs=EXPRS):
        self.stmts = stmts
        self.exprs = exprs

    def visit(self, node):
        name = type(node).__name__
        if refused(node):
            return ast.copy_location(UnsupportedExpr(node=name), node)
        if isinstance(node, ast.stmt) and name not in self.stmts:
            return ast.copy_location(UnsupportedStmt(node=name), node)
        if isinstance(node, ast.expr) and name not in self.exprs:
            return ast.copy_location(UnsupportedExpr(node=name), node)
        return self.generic_visit(node)


def modelled(tree):
    for n in ast.walk(tree):
        name = type(n).__name__
        if isinstance(n, ast.stmt) and name not in STMTS:
            return False
        if isinstance(n, ast.expr) and (name not in EXPRS or refused(n)):
            return False
    return True


def to_code_points(tree, src):
    lines = [line.encode('utf-8') for line in src.split('\n')]

    def cp(line, col):
        return len(lines[line - 1][:col].decode('utf-8'))

    for n in ast.walk(tree):
        if getattr(n, 'lineno', None) is not None:
            n.col_offset = cp(n.lineno, n.col_offset)
        if getattr(n, 'end_lineno', None) is not None:
            n.end_col_offset = cp(n.end_lineno, n.end_col_offset)


def describe(src):
    try:
        compile(src, 'src.py', 'exec')
        tree = ast.parse(src)
    except SyntaxError as e:
        return {'error': [e.msg, e.lineno, e.offset]}
    except (ValueError, RecursionError, MemoryError) as e:
        return {'error': [str(e), 0, 0]}
    # The tokenizer reads \r\n and \r as \n; line splitting must agree.
    src = src.replace('\r\n', '\n').replace('\r', '\n')
    plain = ast.dump(tree)
    is_modelled = modelled(tree)
    full = Mask(STMTS | AHEAD, EXPRS | AHEAD_EXPRS).visit(copy.deepcopy(tree))
    to_code_points(full, src)
    tree = Mask().visit(tree)
    masked = ast.dump(tree)
    to_code_points(tree, src)
    return {'plain': plain, 'modelled': is_modelled, 'masked': masked,
            'attrs': ast.dump(tree, include_attributes=True),
            'full': ast.dump(full, include_attributes=True)}


print(json.dumps([describe(src) for src in json.load(sys.stdin)]))
