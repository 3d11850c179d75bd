"""A stand-in for Triton's `triton_python_backend_utils` (pb_utils), for tests without Triton.

Written from the documented API surface (python_backend README "Usage",
src/resources/triton_python_backend_utils.py and the pybind classes, as
summarised in docs of the Triton reference, section 4.3); only what a
non-decoupled model without BLS uses. Semantics kept: tensors wrap numpy
arrays, an InferenceResponse carries output tensors or a TritonError,
`get_*_by_name` scan and return None when absent, `triton_string_to_numpy`
maps config type names (TYPE_STRING -> np.object_), the auto-complete object
edits a config dict and refuses to overwrite what the config already fixes.
BYTES tensors are not modelled (Portalis models have no str tensors yet).
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import numpy as np

TRITON_STRING_TO_NUMPY = {
    "TYPE_BOOL": np.bool_,
    "TYPE_UINT8": np.uint8,
    "TYPE_UINT16": np.uint16,
    "TYPE_UINT32": np.uint32,
    "TYPE_UINT64": np.uint64,
    "TYPE_INT8": np.int8,
    "TYPE_INT16": np.int16,
    "TYPE_INT32": np.int32,
    "TYPE_INT64": np.int64,
    "TYPE_FP16": np.float16,
    "TYPE_FP32": np.float32,
    "TYPE_FP64": np.float64,
    "TYPE_STRING": np.object_,
}

# DataType enum numbers (model_config.proto).
_NUMPY_TO_TRITON = {np.dtype(np.bool_): 1, np.dtype(np.uint8): 2, np.dtype(np.uint16): 3, np.dtype(np.uint32): 4,
                    np.dtype(np.uint64): 5, np.dtype(np.int8): 6, np.dtype(np.int16): 7, np.dtype(np.int32): 8,
                    np.dtype(np.int64): 9, np.dtype(np.float16): 10, np.dtype(np.float32): 11,
                    np.dtype(np.float64): 12, np.dtype(np.object_): 13}

TRITONSERVER_REQUEST_FLAG_SEQUENCE_START = 1
TRITONSERVER_REQUEST_FLAG_SEQUENCE_END = 2
TRITONSERVER_RESPONSE_COMPLETE_FINAL = 1
TRITONSERVER_REQUEST_RELEASE_ALL = 1
TRITONSERVER_REQUEST_RELEASE_RESCHEDULE = 2

# Set by the test harness to `<repo>/<model>/<version>` while a model is loaded (as the stub knows it).
_model_dir: Optional[str] = None


class TritonModelException(Exception):
    pass


class TritonError:
    UNKNOWN = 0
    INTERNAL = 1
    NOT_FOUND = 2
    INVALID_ARG = 3
    UNAVAILABLE = 4
    UNSUPPORTED = 5
    ALREADY_EXISTS = 6
    CANCELLED = 7

    def __init__(self, message: str, code: int = INTERNAL) -> None:
        self._message = message
        self._code = code

    def message(self) -> str:
        return self._message

    def code(self) -> int:
        return self._code

    def __repr__(self) -> str:
        return f"TritonError({self._message!r}, {self._code})"


class Tensor:
    def __init__(self, name: str, array: np.ndarray) -> None:
        if not isinstance(array, np.ndarray):
            raise TritonModelException(f"Tensor {name!r}: expected a numpy array, got {type(array).__name__}")
        if array.dtype.kind == "O" or array.dtype.kind in "SU":
            raise TritonModelException("BYTES tensors are not modelled by this stand-in")
        if array.dtype not in _NUMPY_TO_TRITON:
            raise TritonModelException(f"Tensor {name!r}: unsupported numpy dtype {array.dtype}")
        self._name = name
        # The real Tensor copies into shared memory; keep a contiguous copy so later edits by the model do not leak.
        self._array = np.ascontiguousarray(array).copy()

    def name(self) -> str:
        return self._name

    def as_numpy(self) -> np.ndarray:
        return self._array

    def shape(self) -> List[int]:
        return list(self._array.shape)

    def triton_dtype(self) -> int:
        return _NUMPY_TO_TRITON[self._array.dtype]

    def is_cpu(self) -> bool:
        return True


class InferenceRequest:
    def __init__(self, inputs: List[Tensor], requested_output_names: Optional[List[str]] = None,
                 request_id: str = "", correlation_id: int = 0, flags: int = 0, timeout: int = 0,
                 parameters: Optional[Dict[str, Any]] = None, model_name: str = "") -> None:
        self._inputs = list(inputs)
        self._outputs = list(requested_output_names or [])
        self._id = request_id
        self._correlation_id = correlation_id
        self._flags = flags
        self._timeout = timeout
        self._parameters = json.dumps(parameters or {})
        self.model_name = model_name

    def inputs(self) -> List[Tensor]:
        return list(self._inputs)

    def requested_output_names(self) -> List[str]:
        return list(self._outputs)

    def request_id(self) -> str:
        return self._id

    def correlation_id(self) -> int:
        return self._correlation_id

    def flags(self) -> int:
        return self._flags

    def timeout(self) -> int:
        return self._timeout

    def parameters(self) -> str:
        return self._parameters

    def is_cancelled(self) -> bool:
        return False


class InferenceResponse:
    def __init__(self, output_tensors: Optional[List[Tensor]] = None, error: Optional[TritonError] = None,
                 parameters: Optional[Dict[str, Any]] = None) -> None:
        if output_tensors is None:
            output_tensors = []
        for t in output_tensors:
            if not isinstance(t, Tensor):
                raise TritonModelException("output_tensors must hold pb_utils.Tensor objects")
        if error is not None and not isinstance(error, TritonError):
            raise TritonModelException("error must be a pb_utils.TritonError")
        self._outputs = list(output_tensors)
        self._error = error
        self._parameters = json.dumps(parameters or {})

    def output_tensors(self) -> List[Tensor]:
        return list(self._outputs)

    def has_error(self) -> bool:
        return self._error is not None

    def error(self) -> Optional[TritonError]:
        return self._error

    def parameters(self) -> str:
        return self._parameters


def get_input_tensor_by_name(request: InferenceRequest, name: str) -> Optional[Tensor]:
    for t in request.inputs():
        if t.name() == name:
            return t
    return None


def get_output_tensor_by_name(response: InferenceResponse, name: str) -> Optional[Tensor]:
    for t in response.output_tensors():
        if t.name() == name:
            return t
    return None


def get_input_config_by_name(model_config: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
    for t in model_config.get("input", []):
        if t["name"] == name:
            return t
    return None


def get_output_config_by_name(model_config: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
    for t in model_config.get("output", []):
        if t["name"] == name:
            return t
    return None


def triton_string_to_numpy(triton_type_string: str):
    return TRITON_STRING_TO_NUMPY[triton_type_string]


def get_model_dir() -> str:
    if _model_dir is None:
        raise TritonModelException("get_model_dir: no model is being loaded")
    return _model_dir


class ModelConfig:
    """The object `auto_complete_config` receives: a config dict with checked setters."""

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = config

    def as_dict(self) -> Dict[str, Any]:
        return self._config

    def set_max_batch_size(self, max_batch_size: int) -> None:
        current = self._config.get("max_batch_size", 0)
        if current and current != max_batch_size:
            raise ValueError(f"configuration specified max_batch_size {current}, but in auto-complete-config function for model tried to set it to {max_batch_size}")
        self._config["max_batch_size"] = max_batch_size

    def set_dynamic_batching(self) -> None:
        if "sequence_batching" in self._config:
            raise ValueError("configuration specified sequence batching; dynamic batching cannot be set")
        self._config.setdefault("dynamic_batching", {})

    def set_model_transaction_policy(self, policy: Dict[str, Any]) -> None:
        self._config["model_transaction_policy"] = dict(policy)

    def _add(self, kind: str, tensor: Dict[str, Any]) -> None:
        if not isinstance(tensor, dict) or "name" not in tensor:
            raise ValueError(f"{kind} must be a dict with a name")
        for existing in self._config.setdefault(kind, []):
            if existing["name"] == tensor["name"]:
                for key in ("data_type", "dims"):
                    if key in tensor and existing.get(key) not in (None, "TYPE_INVALID", []) and existing[key] != tensor[key]:
                        raise ValueError(f"{kind} {tensor['name']!r}: configuration has {key} {existing[key]!r}, auto-complete tried {tensor[key]!r}")
                    existing.setdefault(key, tensor.get(key))
                return
        self._config[kind].append(dict(tensor))

    def add_input(self, tensor: Dict[str, Any]) -> None:
        self._add("input", tensor)

    def add_output(self, tensor: Dict[str, Any]) -> None:
        self._add("output", tensor)


class Logger:
    messages: List[tuple] = []

    @classmethod
    def log_info(cls, message: str) -> None:
        cls.messages.append(("info", message))

    @classmethod
    def log_warn(cls, message: str) -> None:
        cls.messages.append(("warn", message))

    @classmethod
    def log_error(cls, message: str) -> None:
        cls.messages.append(("error", message))

    @classmethod
    def log_verbose(cls, message: str) -> None:
        cls.messages.append(("verbose", message))
