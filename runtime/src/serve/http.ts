/**
 * The HTTP/REST front (node:http): the KServe v2 paths with Triton's router
 * shapes, JSON with exact 64-bit integers, the binary tensor extension
 * (`Inference-Header-Content-Length`, `binary_data_size`, `binary_data`,
 * `binary_data_output`), Prometheus metrics on /metrics, and Triton's status
 * mapping with `{"error": "..."}` bodies. Every request is answered; nothing a
 * client sends can throw out of the handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InferError, checkDatatype, type CoreRequest, type InferenceCore, type RawInput } from './core.js';
import { parseJson, stringifyJson, JsonError } from './json.js';
import { renderMetrics } from './metrics.js';
import { HTTP_STATUS, messageToJson, modelMetadata, modelStatistics, repositoryIndex, serverMetadata } from './protocol.js';
import { encodeRaw, flattenJson, rawToJson, TensorError } from './tensor.js';
import { ModelConfig } from './wire/messages.js';

const MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([0-9]+))?(?:\/(infer|ready|config|stats))?$/;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const bad = (message: string) => new InferError('INVALID_ARG', message);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `request body of ${declared} bytes exceeds the limit of ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, `request body exceeds the limit of ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    let complete = false;
    req.on('end', () => {
      complete = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that goes away mid-body: settle, so nothing waits forever.
    req.on('close', () => {
      if (!complete) reject(new HttpError(400, 'the client closed the connection before sending the whole body'));
    });
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses an infer body (JSON, optionally followed by binary tensors) into a core request and the outputs wanted in binary. */
export function parseInferBody(core: InferenceCore, model: string, version: string, body: Buffer, headerLength: string | undefined): { request: CoreRequest; binary: Set<string> | 'all' } {
  if (headerLength !== undefined && !/^\d+$/.test(headerLength.trim())) throw bad(`invalid Inference-Header-Content-Length '${headerLength}'`);
  const jsonLength = headerLength === undefined ? body.length : Number(headerLength);
  if (jsonLength > body.length) throw bad(`Inference-Header-Content-Length ${jsonLength} exceeds the body length ${body.length}`);
  if (headerLength !== undefined && jsonLength === 0) {
    // Raw binary request: the body is the single input's bytes, batch 1.
    const m = core.model(model, version);
    if (m.inputs.length !== 1) throw bad(`raw binary request requires a model with exactly one input; model '${model}' has ${m.inputs.length}`);
    const spec = m.inputs[0]!;
    const shape = m.maxBatchSize > 0 ? [1, ...spec.dims.map((d) => (d < 0 ? 1 : d))] : spec.dims.map((d) => (d < 0 ? 1 : d));
    return { request: { model, version, id: '', inputs: [{ name: spec.name, datatype: spec.datatype, shape, raw: body }], outputs: null }, binary: 'all' };
  }
  let json: unknown;
  try {
    json = parseJson(body.subarray(0, jsonLength).toString('utf8'));
  } catch (e) {
    throw bad(e instanceof JsonError ? `failed to parse the request JSON buffer: ${e.message}` : String(e));
  }
  if (!isObject(json)) throw bad('the request JSON must be an object');
  if (!Array.isArray(json.inputs)) throw bad("the request JSON must have an 'inputs' array");
  const params = isObject(json.parameters) ? json.parameters : {};
  if (json.id !== undefined && typeof json.id !== 'string') throw bad("'id' must be a string");
  let offset = jsonLength;
  const inputs: RawInput[] = json.inputs.map((t: unknown, k: number) => {
    if (!isObject(t)) throw bad(`input ${k} must be an object`);
    if (typeof t.name !== 'string') throw bad(`input ${k} has no 'name' string`);
    if (typeof t.datatype !== 'string') throw bad(`input '${t.name}' has no 'datatype' string`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d))) throw bad(`input '${t.name}' has no valid 'shape' array of integers`);
    const datatype = checkDatatype(t.datatype, `input '${t.name}'`);
    const tp = isObject(t.parameters) ? t.parameters : {};
    let raw: Uint8Array;
    if (tp.binary_data_size !== undefined) {
      const n = tp.binary_data_size;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw bad(`input '${t.name}': binary_data_size must be a non-negative integer`);
      if (t.data !== undefined) throw bad(`input '${t.name}' has both 'data' and binary_data_size`);
      if (offset + n > body.length) throw bad(`unexpected end of binary data for input '${t.name}': needs ${n} bytes, ${body.length - offset} left`);
      raw = body.subarray(offset, offset + n);
      offset += n;
    } else {
      if (t.data === undefined) throw bad(`input '${t.name}' has neither 'data' nor binary_data_size`);
      if (datatype === 'FP16' || datatype === 'BF16') throw bad(`receiving ${datatype} data via JSON is not supported`);
      try {
        raw = encodeRaw(datatype, flattenJson(t.data), `input '${t.name}'`);
      } catch (e) {
        if (e instanceof TensorError) throw bad(e.message);
        throw e;
      }
    }
    return { name: t.name, datatype, shape: t.shape as number[], raw };
  });
  if (offset !== body.length) throw bad(`${body.length - offset} bytes of binary data after the last input`);
  let outputs: string[] | null = null;
  const binary = new Set<string>();
  const allBinary = params.binary_data_output === true;
  if (json.outputs !== undefined) {
    if (!Array.isArray(json.outputs)) throw bad("'outputs' must be an array");
    outputs = json.outputs.map((o: unknown, k: number) => {
      if (!isObject(o) || typeof o.name !== 'string') throw bad(`output ${k} has no 'name' string`);
      const op = isObject(o.parameters) ? o.parameters : {};
      if (op.binary_data === true || (allBinary && op.binary_data !== false)) binary.add(o.name);
      return o.name;
    });
  }
  return { request: { model, version, id: (json.id as string | undefined) ?? '', inputs, outputs }, binary: outputs === null && allBinary ? 'all' : binary };
}

export function createHttpServer(core: InferenceCore, maxMessageBytes: number): Server {
  const send = (res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) => {
    if (body === null) {
      res.writeHead(status, { 'content-length': '0', ...extraHeaders });
      res.end();
      return;
    }
    const text = stringifyJson(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...extraHeaders });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const only = (...methods: string[]) => {
      if (!methods.includes(method)) throw new HttpError(405, 'Method Not Allowed');
    };
    if (path === '/v2/health/live') {
      only('GET');
      return send(res, 200, null);
    }
    if (path === '/v2/health/ready') {
      only('GET');
      return send(res, core.accepting ? 200 : 400, null);
    }
    if (path === '/v2') {
      only('GET');
      return send(res, 200, serverMetadata());
    }
    if (path === '/metrics') {
      only('GET');
      const text = renderMetrics(core);
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return;
    }
    if (path === '/v2/models/stats') {
      only('GET');
      return send(res, 200, modelStatistics(core, '', ''));
    }
    if (path === '/v2/repository/index') {
      only('POST');
      const body = await readBody(req, maxMessageBytes);
      let readyOnly = false;
      if (body.length > 0) {
        let json: unknown;
        try {
          json = parseJson(body.toString('utf8'));
        } catch (e) {
          throw bad(`failed to parse the request JSON buffer: ${(e as Error).message}`);
        }
        readyOnly = isObject(json) && json.ready === true;
      }
      return send(res, 200, repositoryIndex(core, readyOnly));
    }
    const m = MODEL_PATH.exec(path);
    if (!m) throw new HttpError(404, 'Not Found');
    const model = decodeURIComponent(m[1]!);
    const version = m[2] ?? '';
    switch (m[3]) {
      case undefined:
        only('GET');
        return send(res, 200, modelMetadata(core, model, version));
      case 'ready': {
        only('GET');
        core.model(model, version);
        return send(res, core.accepting ? 200 : 400, null);
      }
      case 'config':
        only('GET');
        return send(res, 200, messageToJson(ModelConfig, core.model(model, version).config));
      case 'stats':
        only('GET');
        return send(res, 200, modelStatistics(core, model, version));
      case 'infer': {
        only('POST');
        const body = await readBody(req, maxMessageBytes);
        const header = req.headers['inference-header-content-length'];
        const { request, binary } = parseInferBody(core, model, version, body, Array.isArray(header) ? header[0] : header);
        const response = await core.infer(request);
        const chunks: Uint8Array[] = [];
        const outputs = response.outputs.map((o) => {
          const out: Record<string, unknown> = { name: o.name, datatype: o.datatype, shape: o.shape };
          if (binary === 'all' || binary.has(o.name)) {
            out.parameters = { binary_data_size: o.raw.length };
            chunks.push(o.raw);
          } else out.data = rawToJson(o.datatype, o.raw);
          return out;
        });
        const json: Record<string, unknown> = { model_name: response.model, model_version: response.version };
        if (response.id) json.id = response.id;
        json.outputs = outputs;
        const text = Buffer.from(stringifyJson(json));
        if (chunks.length === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
          res.end(text);
        } else {
          const payload = Buffer.concat([text, ...chunks]);
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'inference-header-content-length': String(text.length),
            'content-length': String(payload.length),
          });
          res.end(payload);
        }
        return;
      }
    }
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof InferError) send(res, HTTP_STATUS[error.code], { error: error.message });
      else if (error instanceof HttpError) send(res, error.status, { error: error.message });
      else send(res, 500, { error: String((error as Error)?.message ?? error) });
    });
  });
}
