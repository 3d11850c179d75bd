/**
 * The gRPC front: `inference.GRPCInferenceService` on @grpc/grpc-js, with
 * our own codec (wire/) as the (de)serializers — no .proto loading at run
 * time. Decoding errors become INVALID_ARGUMENT; every handler catches, so a
 * malformed request never takes the server down. Outputs go back as
 * `raw_output_contents`, as Triton sends them.
 */
import * as grpc from '@grpc/grpc-js';
import { InferError, checkDatatype, type CoreRequest, type InferenceCore, type RawInput } from './core.js';
import { modelMetadata, modelStatistics, repositoryIndex, serverMetadata, GRPC_STATUS } from './protocol.js';
import { contentsToRaw, TensorError } from './tensor.js';
import { decode, encode, WireError, type MessageDef, type Msg } from './wire/codec.js';
import * as M from './wire/messages.js';

export const SERVICE = 'inference.GRPCInferenceService';

/** The RPCs we serve: name → [request, response]. */
export const RPCS: Record<string, [MessageDef, MessageDef]> = {
  ServerLive: [M.Empty, M.ServerLiveResponse],
  ServerReady: [M.Empty, M.ServerReadyResponse],
  ModelReady: [M.ModelReadyRequest, M.ModelReadyResponse],
  ServerMetadata: [M.Empty, M.ServerMetadataResponse],
  ModelMetadata: [M.ModelMetadataRequest, M.ModelMetadataResponse],
  ModelInfer: [M.ModelInferRequest, M.ModelInferResponse],
  ModelConfig: [M.ModelConfigRequest, M.ModelConfigResponse],
  ModelStatistics: [M.ModelStatisticsRequest, M.ModelStatisticsResponse],
  RepositoryIndex: [M.RepositoryIndexRequest, M.RepositoryIndexResponse],
};

class DecodeFailure {
  constructor(readonly message: string) {}
}

/** A grpc-js service definition using our codec; `lenient` decoding keeps failures for the handler to report. */
export function serviceDefinition(lenient: boolean): grpc.ServiceDefinition {
  const service: Record<string, grpc.MethodDefinition<Msg, Msg>> = {};
  for (const [name, [req, res]] of Object.entries(RPCS)) {
    service[name] = {
      path: `/${SERVICE}/${name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (m: Msg) => Buffer.from(encode(req, m)),
      requestDeserialize: (b: Buffer) => {
        try {
          return decode(req, b);
        } catch (e) {
          if (lenient) return new DecodeFailure(e instanceof WireError ? e.message : String(e));
          throw e;
        }
      },
      responseSerialize: (m: Msg) => Buffer.from(encode(res, m)),
      responseDeserialize: (b: Buffer) => decode(res, b),
    };
  }
  return service;
}

export function toCoreRequest(req: Msg): CoreRequest {
  const inputs = req.inputs as Msg[];
  const raws = req.raw_input_contents as Uint8Array[];
  const hasContents = (t: Msg) => t.contents !== undefined && Object.values(t.contents as Msg).some((a) => (a as unknown[]).length > 0);
  if (raws.length > 0) {
    const typed = inputs.find(hasContents);
    if (typed) throw new InferError('INVALID_ARG', `contents field must not be specified when using raw_input_contents for '${typed.name}' for model '${req.model_name}'`);
    if (raws.length !== inputs.length) {
      throw new InferError('INVALID_ARG', `expected ${inputs.length} raw input contents (one per input) but got ${raws.length} for model '${req.model_name}'`);
    }
  }
  const coreInputs: RawInput[] = inputs.map((t, k) => {
    const datatype = checkDatatype(t.datatype, `input '${t.name}'`);
    let raw: Uint8Array;
    if (raws.length > 0) raw = raws[k]!;
    else if (t.contents) {
      try {
        raw = contentsToRaw(datatype, t.contents, `input '${t.name}'`);
      } catch (e) {
        if (e instanceof TensorError) throw new InferError('INVALID_ARG', e.message);
        throw e;
      }
    } else raw = new Uint8Array(0);
    return { name: t.name, datatype, shape: t.shape, raw };
  });
  const outputs = (req.outputs as Msg[]).length > 0 ? (req.outputs as Msg[]).map((o) => o.name as string) : null;
  return { model: req.model_name, version: req.model_version, id: req.id, inputs: coreInputs, outputs };
}

export function createGrpcServer(core: InferenceCore, maxMessageBytes: number): grpc.Server {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': maxMessageBytes, 'grpc.max_send_message_length': -1 });
  const unary = (fn: (req: Msg) => Msg | Promise<Msg>): grpc.handleUnaryCall<Msg, Msg> => (call, callback) => {
    const req = call.request;
    if (req instanceof DecodeFailure) {
      callback({ code: grpc.status.INVALID_ARGUMENT, details: `failed to parse the request: ${req.message}` });
      return;
    }
    Promise.resolve()
      .then(() => fn(req))
      .then(
        (res) => callback(null, res),
        (error: unknown) => {
          if (error instanceof InferError) callback({ code: GRPC_STATUS[error.code], details: error.message });
          else callback({ code: grpc.status.INTERNAL, details: String((error as Error)?.message ?? error) });
        },
      );
  };
  server.addService(serviceDefinition(true), {
    ServerLive: unary(() => ({ live: true })),
    ServerReady: unary(() => ({ ready: core.accepting })),
    ModelReady: unary((r) => {
      try {
        core.model(r.name, r.version);
        return { ready: core.accepting };
      } catch (e) {
        if (e instanceof InferError && e.code === 'UNAVAILABLE') return { ready: false };
        throw e;
      }
    }),
    ServerMetadata: unary(() => serverMetadata()),
    ModelMetadata: unary((r) => modelMetadata(core, r.name, r.version)),
    ModelConfig: unary((r) => ({ config: core.model(r.name, r.version).config })),
    ModelStatistics: unary((r) => modelStatistics(core, r.name, r.version)),
    RepositoryIndex: unary((r) => ({ models: repositoryIndex(core, r.ready) })),
    ModelInfer: unary(async (r) => {
      const res = await core.infer(toCoreRequest(r));
      return {
        model_name: res.model,
        model_version: res.version,
        id: res.id,
        outputs: res.outputs.map((o) => ({ name: o.name, datatype: o.datatype, shape: o.shape })),
        raw_output_contents: res.outputs.map((o) => o.raw),
      };
    }),
  });
  return server;
}
