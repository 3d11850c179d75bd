/**
 * Docstrings as JSDoc comments, shared by the JS glue and the `.d.ts`.
 *
 * The docstring is cleaned like Python's `inspect.cleandoc` (leading and
 * trailing blank lines dropped, common indentation of the lines after the
 * first removed), then placed in a `/** ... *\/` block followed by the tag
 * lines. `*\/` in the text is escaped so it cannot end the comment, and a
 * line that starts with `@` is escaped so it is not read as a tag.
 */

/** Python's `inspect.cleandoc`. */
export function cleanDocstring(doc: string): string {
  const lines = doc.replace(/\r\n?/g, '\n').replace(/\t/g, '        ').split('\n');
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const stripped = line.trimStart();
    if (stripped) indent = Math.min(indent, line.length - stripped.length);
  }
  const cleaned = [lines[0]!.trimStart(), ...lines.slice(1).map((line) => (indent === Infinity ? line : line.slice(indent)).trimEnd())];
  while (cleaned.length > 0 && cleaned[0] === '') cleaned.shift();
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  return cleaned.join('\n');
}

function escapeLine(line: string): string {
  const safe = line.replace(/\*\//g, '*\\/');
  return safe.startsWith('@') ? `\\${safe}` : safe;
}

/**
 * Renders a JSDoc block at `indent`, from the docstring (may be null) and
 * tag lines such as `@param n - ...`. Returns '' when both are empty.
 */
export function jsdocBlock(doc: string | null, tags: readonly string[], indent = ''): string {
  const body = doc ? cleanDocstring(doc).split('\n').map(escapeLine) : [];
  const lines = body.length > 0 && tags.length > 0 ? [...body, '', ...tags.map(escapeTag)] : [...body, ...tags.map(escapeTag)];
  if (lines.length === 0) return '';
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n') + '\n';
}

function escapeTag(tag: string): string {
  return tag.replace(/\*\//g, '*\\/');
}
