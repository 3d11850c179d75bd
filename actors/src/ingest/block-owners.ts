/**
 * What CPython calls each block-opening statement in "expected an indented
 * block after ..." (keyed by tree-sitter-python node type). Shared by the
 * converter and the syntax-error checks so both word it the same way.
 */
export const BLOCK_OWNERS: Readonly<Record<string, string>> = {
  function_definition: 'function definition',
  class_definition: 'class definition',
  if_statement: "'if' statement",
  elif_clause: "'elif' statement",
  else_clause: "'else' statement",
  for_statement: "'for' statement",
  while_statement: "'while' statement",
  with_statement: "'with' statement",
  try_statement: "'try' statement",
  except_clause: "'except' statement",
  finally_clause: "'finally' statement",
  match_statement: "'match' statement",
  case_clause: "'case' statement",
};
