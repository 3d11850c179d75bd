/**
 * @portalis/runtime/serve: serve a Portalis model repository over the KServe
 * v2 protocol (gRPC + HTTP/REST) and call it — or a real Triton — from Node.
 */
export { createInferenceServer, type InferenceServer, type InferenceServerOptions } from './server.js';
export { TritonClient, TritonClientError, type InferOptions, type InferResult, type InputTensor, type OutputTensor } from './client.js';
export { InferError, type ErrorCode } from './core.js';
export { loadRepository, type Model, type ModelEntry } from './repository.js';
export { parseTextFormat, PbtxtError } from './pbtxt.js';
export { decode, encode, WireError, type MessageDef } from './wire/codec.js';
export * as messages from './wire/messages.js';
export { type Datatype, type Element } from './tensor.js';
