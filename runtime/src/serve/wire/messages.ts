/**
 * The KServe v2 / Triton messages we speak, as codec tables.
 *
 * Field names and numbers are those of runtime/proto/grpc_service.proto and
 * runtime/proto/model_config.proto (written by us from the interoperability
 * facts in the KServe v2 reference); keep the two in step. Names stay in the
 * proto's snake_case, which is also the HTTP/JSON spelling.
 */
import type { FieldDef, MessageDef } from './codec.js';

const def = (name: string, fields: FieldDef[]): MessageDef => ({ name, fields: [...fields].sort((a, b) => a.no - b.no) });
const m = (d: () => MessageDef) => d;

export const Empty = def('Empty', []);

export const ServerLiveResponse = def('ServerLiveResponse', [{ no: 1, name: 'live', type: 'bool' }]);
export const ServerReadyResponse = def('ServerReadyResponse', [{ no: 1, name: 'ready', type: 'bool' }]);
export const ModelReadyRequest = def('ModelReadyRequest', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
]);
export const ModelReadyResponse = def('ModelReadyResponse', [{ no: 1, name: 'ready', type: 'bool' }]);
export const ServerMetadataResponse = def('ServerMetadataResponse', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
  { no: 3, name: 'extensions', type: 'string', repeated: true },
]);
export const ModelMetadataRequest = def('ModelMetadataRequest', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
]);
export const TensorMetadata = def('TensorMetadata', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'datatype', type: 'string' },
  { no: 3, name: 'shape', type: 'int64n', repeated: true },
]);
export const ModelMetadataResponse = def('ModelMetadataResponse', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'versions', type: 'string', repeated: true },
  { no: 3, name: 'platform', type: 'string' },
  { no: 4, name: 'inputs', type: m(() => TensorMetadata), repeated: true },
  { no: 5, name: 'outputs', type: m(() => TensorMetadata), repeated: true },
]);

export const InferParameter = def('InferParameter', [
  { no: 1, name: 'bool_param', type: 'bool', oneof: 'parameter_choice' },
  { no: 2, name: 'int64_param', type: 'int64', oneof: 'parameter_choice' },
  { no: 3, name: 'string_param', type: 'string', oneof: 'parameter_choice' },
  { no: 4, name: 'double_param', type: 'double', oneof: 'parameter_choice' },
  { no: 5, name: 'uint64_param', type: 'uint64', oneof: 'parameter_choice' },
]);
export const InferTensorContents = def('InferTensorContents', [
  { no: 1, name: 'bool_contents', type: 'bool', repeated: true },
  { no: 2, name: 'int_contents', type: 'int32', repeated: true },
  { no: 3, name: 'int64_contents', type: 'int64', repeated: true },
  { no: 4, name: 'uint_contents', type: 'uint32', repeated: true },
  { no: 5, name: 'uint64_contents', type: 'uint64', repeated: true },
  { no: 6, name: 'fp32_contents', type: 'float', repeated: true },
  { no: 7, name: 'fp64_contents', type: 'double', repeated: true },
  { no: 8, name: 'bytes_contents', type: 'bytes', repeated: true },
]);
const params = (no: number): FieldDef => ({ no, name: 'parameters', type: m(() => InferParameter), map: true });
export const InferInputTensor = def('InferInputTensor', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'datatype', type: 'string' },
  { no: 3, name: 'shape', type: 'int64n', repeated: true },
  params(4),
  { no: 5, name: 'contents', type: m(() => InferTensorContents) },
]);
export const InferRequestedOutputTensor = def('InferRequestedOutputTensor', [{ no: 1, name: 'name', type: 'string' }, params(2)]);
export const ModelInferRequest = def('ModelInferRequest', [
  { no: 1, name: 'model_name', type: 'string' },
  { no: 2, name: 'model_version', type: 'string' },
  { no: 3, name: 'id', type: 'string' },
  params(4),
  { no: 5, name: 'inputs', type: m(() => InferInputTensor), repeated: true },
  { no: 6, name: 'outputs', type: m(() => InferRequestedOutputTensor), repeated: true },
  { no: 7, name: 'raw_input_contents', type: 'bytes', repeated: true },
]);
export const InferOutputTensor = def('InferOutputTensor', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'datatype', type: 'string' },
  { no: 3, name: 'shape', type: 'int64n', repeated: true },
  params(4),
  { no: 5, name: 'contents', type: m(() => InferTensorContents) },
]);
export const ModelInferResponse = def('ModelInferResponse', [
  { no: 1, name: 'model_name', type: 'string' },
  { no: 2, name: 'model_version', type: 'string' },
  { no: 3, name: 'id', type: 'string' },
  params(4),
  { no: 5, name: 'outputs', type: m(() => InferOutputTensor), repeated: true },
  { no: 6, name: 'raw_output_contents', type: 'bytes', repeated: true },
]);

export const ModelConfigRequest = def('ModelConfigRequest', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
]);
export const ModelStatisticsRequest = ModelConfigRequest;

export const StatisticDuration = def('StatisticDuration', [
  { no: 1, name: 'count', type: 'uint64n' },
  { no: 2, name: 'ns', type: 'uint64n' },
]);
const dur = (no: number, name: string): FieldDef => ({ no, name, type: m(() => StatisticDuration) });
export const InferStatistics = def('InferStatistics', [
  dur(1, 'success'), dur(2, 'fail'), dur(3, 'queue'), dur(4, 'compute_input'),
  dur(5, 'compute_infer'), dur(6, 'compute_output'), dur(7, 'cache_hit'), dur(8, 'cache_miss'),
]);
export const InferBatchStatistics = def('InferBatchStatistics', [
  { no: 1, name: 'batch_size', type: 'uint64n' },
  dur(2, 'compute_input'), dur(3, 'compute_infer'), dur(4, 'compute_output'),
]);
export const ModelStatistics = def('ModelStatistics', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
  { no: 3, name: 'last_inference', type: 'uint64n' },
  { no: 4, name: 'inference_count', type: 'uint64n' },
  { no: 5, name: 'execution_count', type: 'uint64n' },
  { no: 6, name: 'inference_stats', type: m(() => InferStatistics) },
  { no: 7, name: 'batch_stats', type: m(() => InferBatchStatistics), repeated: true },
]);
export const ModelStatisticsResponse = def('ModelStatisticsResponse', [
  { no: 1, name: 'model_stats', type: m(() => ModelStatistics), repeated: true },
]);
export const RepositoryIndexRequest = def('RepositoryIndexRequest', [
  { no: 1, name: 'repository_name', type: 'string' },
  { no: 2, name: 'ready', type: 'bool' },
]);
export const ModelIndex = def('ModelIndex', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'version', type: 'string' },
  { no: 3, name: 'state', type: 'string' },
  { no: 4, name: 'reason', type: 'string' },
]);
export const RepositoryIndexResponse = def('RepositoryIndexResponse', [
  { no: 1, name: 'models', type: m(() => ModelIndex), repeated: true },
]);

// model_config.proto (the subset Portalis writes and reads).
export const DATA_TYPES = [
  'TYPE_INVALID', 'TYPE_BOOL', 'TYPE_UINT8', 'TYPE_UINT16', 'TYPE_UINT32', 'TYPE_UINT64', 'TYPE_INT8', 'TYPE_INT16',
  'TYPE_INT32', 'TYPE_INT64', 'TYPE_FP16', 'TYPE_FP32', 'TYPE_FP64', 'TYPE_STRING', 'TYPE_BF16',
] as const;
export const INSTANCE_KINDS = ['KIND_AUTO', 'KIND_GPU', 'KIND_CPU', 'KIND_MODEL'] as const;
export const FORMATS = ['FORMAT_NONE', 'FORMAT_NHWC', 'FORMAT_NCHW'] as const;

export const ModelTensorReshape = def('ModelTensorReshape', [{ no: 1, name: 'shape', type: 'int64n', repeated: true }]);
export const ModelInput = def('ModelInput', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'data_type', type: 'enum', enumNames: DATA_TYPES },
  { no: 3, name: 'format', type: 'enum', enumNames: FORMATS },
  { no: 4, name: 'dims', type: 'int64n', repeated: true },
  { no: 5, name: 'reshape', type: m(() => ModelTensorReshape) },
  { no: 6, name: 'is_shape_tensor', type: 'bool' },
  { no: 7, name: 'allow_ragged_batch', type: 'bool' },
  { no: 8, name: 'optional', type: 'bool' },
]);
export const ModelOutput = def('ModelOutput', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'data_type', type: 'enum', enumNames: DATA_TYPES },
  { no: 3, name: 'dims', type: 'int64n', repeated: true },
  { no: 4, name: 'label_filename', type: 'string' },
  { no: 5, name: 'reshape', type: m(() => ModelTensorReshape) },
  { no: 6, name: 'is_shape_tensor', type: 'bool' },
]);
export const ModelInstanceGroup = def('ModelInstanceGroup', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'count', type: 'int32' },
  { no: 3, name: 'gpus', type: 'int32', repeated: true },
  { no: 4, name: 'kind', type: 'enum', enumNames: INSTANCE_KINDS },
  { no: 7, name: 'passive', type: 'bool' },
]);
export const ModelDynamicBatching = def('ModelDynamicBatching', [
  { no: 1, name: 'preferred_batch_size', type: 'int32', repeated: true },
  { no: 2, name: 'max_queue_delay_microseconds', type: 'uint64n' },
  { no: 3, name: 'preserve_ordering', type: 'bool' },
]);
export const ModelParameter = def('ModelParameter', [{ no: 1, name: 'string_value', type: 'string' }]);
export const ModelTransactionPolicy = def('ModelTransactionPolicy', [{ no: 1, name: 'decoupled', type: 'bool' }]);
export const VersionPolicyLatest = def('Latest', [{ no: 1, name: 'num_versions', type: 'uint32' }]);
export const VersionPolicyAll = def('All', []);
export const VersionPolicySpecific = def('Specific', [{ no: 1, name: 'versions', type: 'int64n', repeated: true }]);
export const ModelVersionPolicy = def('ModelVersionPolicy', [
  { no: 1, name: 'latest', type: m(() => VersionPolicyLatest), oneof: 'policy_choice' },
  { no: 2, name: 'all', type: m(() => VersionPolicyAll), oneof: 'policy_choice' },
  { no: 3, name: 'specific', type: m(() => VersionPolicySpecific), oneof: 'policy_choice' },
]);
export const ModelConfig = def('ModelConfig', [
  { no: 1, name: 'name', type: 'string' },
  { no: 2, name: 'platform', type: 'string' },
  { no: 3, name: 'version_policy', type: m(() => ModelVersionPolicy) },
  { no: 4, name: 'max_batch_size', type: 'int32' },
  { no: 5, name: 'input', type: m(() => ModelInput), repeated: true },
  { no: 6, name: 'output', type: m(() => ModelOutput), repeated: true },
  { no: 7, name: 'instance_group', type: m(() => ModelInstanceGroup), repeated: true },
  { no: 8, name: 'default_model_filename', type: 'string' },
  { no: 10, name: 'metric_tags', type: 'string', map: true },
  { no: 11, name: 'dynamic_batching', type: m(() => ModelDynamicBatching), oneof: 'scheduling_choice' },
  { no: 14, name: 'parameters', type: m(() => ModelParameter), map: true },
  { no: 17, name: 'backend', type: 'string' },
  { no: 19, name: 'model_transaction_policy', type: m(() => ModelTransactionPolicy) },
  { no: 25, name: 'runtime', type: 'string' },
]);
export const ModelConfigResponse = def('ModelConfigResponse', [{ no: 1, name: 'config', type: m(() => ModelConfig) }]);
