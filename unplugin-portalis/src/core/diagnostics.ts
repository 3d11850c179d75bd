/**
 * Compiler diagnostics in each bundler's own error format.
 *
 * Input: the `Diagnostic`s of a compile result and the source they point
 * into. Output: an `UnpluginMessage` for `this.error`/`this.warn` carrying
 * `code`, `loc { file, line, column }`, a code `frame`, the plugin name and
 * the raw diagnostics as `meta`.
 *
 * The bundlers show these differently, hence the two channels:
 * - `rollup` (Rollup, Vite, Rolldown) prints `loc` and `frame` itself, so the
 *   message stays short (code, message, hint). `loc.column` is 0-based there,
 *   as in Rollup's and Vite's own errors.
 * - `text` (webpack, Rspack, esbuild) keeps only the message text (webpack
 *   drops `loc` and `frame`; esbuild shows `loc` but has no frame), so the
 *   message is the full `file:line:col: error CODE: ...` report with its
 *   frame. esbuild's `location.column` is 0-based too.
 * The message text always uses 1-based columns, like python3 and editors.
 */
import { codeFrame, formatDiagnostic, formatLocation, type Diagnostic } from '@portalis/actors';
import type { UnpluginContextMeta, UnpluginMessage } from 'unplugin';
import { PLUGIN_NAME } from './options.js';

export type Channel = 'rollup' | 'text';

export function channelOf(framework: UnpluginContextMeta['framework']): Channel {
  switch (framework) {
    case 'rollup':
    case 'vite':
    case 'rolldown':
    case 'unloader':
      return 'rollup';
    default:
      return 'text';
  }
}

export interface BundlerMessage extends UnpluginMessage {
  message: string;
  /** The diagnostic code, e.g. `PTL1001` (Rollup moves it to `pluginCode`). */
  code: string;
  pluginCode: string;
  id: string;
  plugin: string;
  frame: string;
  meta: { diagnostics: Diagnostic[] };
}

/** How many further diagnostics one message lists before it says "and N more". */
const MAX_LISTED = 8;

/**
 * One message for a failed compile: the first error leads (its `loc` and
 * `frame`), further errors are listed in the text.
 */
export function errorMessage(diagnostics: readonly Diagnostic[], source: string, file: string, channel: Channel): BundlerMessage {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lead = errors[0] ?? diagnostics[0];
  if (!lead) throw new Error(`[${PLUGIN_NAME}] internal: a failed compile of ${file} reported no diagnostics`);
  const rest = errors.filter((d) => d !== lead);
  const listed = rest.slice(0, MAX_LISTED).map((d) => formatDiagnostic(d, source));
  if (rest.length > MAX_LISTED) listed.push(`... and ${rest.length - MAX_LISTED} more errors`);
  const headline = channel === 'rollup' ? shortText(lead) : formatDiagnostic(lead, source);
  const message = [headline, ...listed].join('\n\n');
  return build(lead, message, source, file, errors.length > 0 ? errors : [lead]);
}

/** A warning (or note) that did not stop the compile. */
export function warningMessage(d: Diagnostic, source: string, file: string, channel: Channel): BundlerMessage {
  const text = channel === 'rollup' ? shortText(d) : formatDiagnostic(d, source);
  return build(d, text, source, file, [d]);
}

function shortText(d: Diagnostic): string {
  return `${d.code}: ${d.message}\nhint: ${d.hint}`;
}

function build(d: Diagnostic, message: string, source: string, file: string, diagnostics: Diagnostic[]): BundlerMessage {
  const out: BundlerMessage = {
    message,
    code: d.code,
    pluginCode: d.code,
    id: file,
    plugin: PLUGIN_NAME,
    frame: codeFrame(source, d),
    meta: { diagnostics },
  };
  if (d.range) out.loc = { file: d.file || file, line: d.range.start.line, column: d.range.start.column - 1 };
  return out;
}

/**
 * The module returned after reporting an error to a bundler whose `error`
 * does not throw (webpack, Rspack, esbuild collect errors and fail the build
 * at the end). It must be valid JS; should it ever run, it throws the same
 * report instead of exporting nothing.
 */
export function failedModule(diagnostics: readonly Diagnostic[], file: string): string {
  const lead = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  const text = lead ? `${formatLocation(lead)}: ${lead.code}: ${lead.message}` : `${file}: compile failed`;
  return `throw new Error(${JSON.stringify(`[${PLUGIN_NAME}] ${text}`)});\nexport {};\n`;
}
