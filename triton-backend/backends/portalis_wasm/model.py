"""The portalis_wasm Triton backend: serves Portalis-compiled WASM functions.

A Python-based backend (Triton >= 23.10): this file lives at
`/opt/tritonserver/backends/portalis_wasm/model.py` and Triton runs it for every
model whose config.pbtxt says `backend: "portalis_wasm"`. Each model directory
comes from `portalis package --target triton` and holds `1/model.wasm` and
`1/portalis.json` (the module spec, the function to run, its tensors, limits).

Every request is answered on its own: each batch element is one call of the
function (through portalis_wasm_host and wasmtime), and a Python exception,
trap or exhausted limit in one request becomes that request's TritonError
while the other requests of the batch succeed. Limits come from the config's
`parameters` (`fuel`, `timeout_ms`, `memory_mb`).
"""
import json
import os
import sys

import numpy as np
import triton_python_backend_utils as pb_utils

try:
    import portalis_wasm_host as host
except ImportError:  # vendored next to this file (see triton-backend/README.md)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import portalis_wasm_host as host

METADATA_FILE = "portalis.json"
METADATA_VERSION = 1
NUMPY_OF_PYTHON = {"int": np.int64, "float": np.float64, "bool": np.bool_}


def _read_metadata(version_dir):
    with open(os.path.join(version_dir, METADATA_FILE), "r", encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("portalis") != METADATA_VERSION:
        raise ValueError(f"{METADATA_FILE} has layout version {meta.get('portalis')!r}; this backend reads version {METADATA_VERSION}")
    if meta.get("abiVersion") != host.ABI_VERSION:
        raise ValueError(f"the model was compiled for WASM ABI {meta.get('abiVersion')!r}; this backend speaks ABI {host.ABI_VERSION}")
    return meta


def limits_from_config(model_config):
    """Limits from `parameters { key: "fuel" | "timeout_ms" | "memory_mb" value: { string_value: "N" } }`."""
    params = model_config.get("parameters") or {}

    def number(key, kind):
        entry = params.get(key)
        if entry is None:
            return None
        text = entry.get("string_value", "") if isinstance(entry, dict) else str(entry)
        try:
            value = kind(text)
        except ValueError:
            raise ValueError(f"parameter {key} must be a positive number, got {text!r}") from None
        if value <= 0:
            raise ValueError(f"parameter {key} must be a positive number, got {text!r}")
        return value

    memory_mb = number("memory_mb", int)
    return host.Limits(
        fuel=number("fuel", int),
        timeout_ms=number("timeout_ms", float),
        memory_bytes=memory_mb * 1024 * 1024 if memory_mb is not None else None,
    )


def _error(message, code):
    try:
        return pb_utils.TritonError(message, code)
    except TypeError:  # python_backend before 23.09 has no code argument
        return pb_utils.TritonError(message)


class _RequestError(Exception):
    """A malformed request (missing input, wrong type or shape): INVALID_ARG."""


class TritonPythonModel:
    @staticmethod
    def auto_complete_config(auto_complete_model_config):
        """Fills inputs, outputs and max_batch_size from portalis.json when config.pbtxt has only the backend line."""
        config = auto_complete_model_config.as_dict()
        try:
            meta = _read_metadata(pb_utils.get_model_dir())
        except Exception:  # noqa: BLE001 - no model dir known here: the config must be complete already
            return auto_complete_model_config
        if not config.get("input") and not config.get("output") and not config.get("max_batch_size"):
            auto_complete_model_config.set_max_batch_size(int(meta["max_batch_size"]))
        if not config.get("input"):
            for t in meta["inputs"]:
                auto_complete_model_config.add_input({"name": t["name"], "data_type": t["data_type"], "dims": list(t["dims"])})
        if not config.get("output"):
            for t in meta["outputs"]:
                auto_complete_model_config.add_output({"name": t["name"], "data_type": t["data_type"], "dims": list(t["dims"])})
        return auto_complete_model_config

    def initialize(self, args):
        self.model_config = config = json.loads(args["model_config"])
        version_dir = os.path.join(args["model_repository"], args["model_version"])
        meta = _read_metadata(version_dir)
        self.function = meta["function"]
        export = next((e for e in meta["spec"]["exports"] if e["name"] == self.function), None)
        if export is None:
            raise ValueError(f"{METADATA_FILE} names function {self.function!r}, which the module does not export")
        self.max_batch_size = int(config.get("max_batch_size", 0))
        # Inputs in parameter order; each config input must be a parameter of the function.
        self.inputs = []
        for param in export["params"]:
            tensor = pb_utils.get_input_config_by_name(config, param["name"])
            if tensor is None:
                raise ValueError(f"config.pbtxt has no input named {param['name']!r} for parameter {param['name']} of {self.function}")
            dtype = pb_utils.triton_string_to_numpy(tensor["data_type"])
            if np.dtype(dtype) != np.dtype(NUMPY_OF_PYTHON[param["type"]]):
                raise ValueError(f"input {param['name']!r} is {tensor['data_type']}, but parameter {param['name']} is a Python {param['type']}")
            self.inputs.append((param["name"], np.dtype(dtype)))
        extra = {t["name"] for t in config.get("input", [])} - {name for name, _ in self.inputs}
        if extra:
            raise ValueError(f"config.pbtxt has inputs {sorted(extra)} that {self.function} has no parameters for")
        outputs = config.get("output", [])
        if len(outputs) != 1:
            raise ValueError(f"a Portalis model has exactly one output, config.pbtxt lists {len(outputs)}")
        self.output_name = outputs[0]["name"]
        self.output_dtype = np.dtype(pb_utils.triton_string_to_numpy(outputs[0]["data_type"]))
        if self.output_dtype != np.dtype(NUMPY_OF_PYTHON[export["returns"]]):
            raise ValueError(f"output {self.output_name!r} is {outputs[0]['data_type']}, but {self.function} returns a Python {export['returns']}")
        self.limits = limits_from_config(config)
        self.module = host.WasmModule.load(os.path.join(version_dir, meta["wasm"]), meta["spec"], self.limits)

    def execute(self, requests):
        responses = []
        for request in requests:
            try:
                out = self._run(request)
                responses.append(pb_utils.InferenceResponse(output_tensors=[out]))
            except _RequestError as e:
                responses.append(pb_utils.InferenceResponse(output_tensors=[], error=_error(str(e), pb_utils.TritonError.INVALID_ARG)))
            except host.WasmTrap as e:  # a trap or an exhausted limit (WasmLimitExceeded)
                responses.append(pb_utils.InferenceResponse(output_tensors=[], error=_error(f"{type(e).__name__}: {e}", pb_utils.TritonError.INTERNAL)))
            except Exception as e:  # noqa: BLE001 - the Python exception the function raised, as CPython would
                responses.append(pb_utils.InferenceResponse(output_tensors=[], error=_error(f"{type(e).__name__}: {e}", pb_utils.TritonError.INVALID_ARG)))
        return responses

    def _run(self, request):
        columns = []
        shape = None
        for name, dtype in self.inputs:
            tensor = pb_utils.get_input_tensor_by_name(request, name)
            if tensor is None:
                raise _RequestError(f"input {name!r} is missing")
            array = tensor.as_numpy()
            if array.dtype != dtype:
                raise _RequestError(f"input {name!r} has type {array.dtype}, expected {dtype}")
            expected_rank = 2 if self.max_batch_size > 0 else 1
            if array.ndim != expected_rank or array.shape[-1] != 1:
                raise _RequestError(f"input {name!r} has shape {list(array.shape)}, expected {'[batch, 1]' if expected_rank == 2 else '[1]'}")
            if shape is None:
                shape = array.shape
            elif array.shape != shape:
                raise _RequestError(f"input {name!r} has shape {list(array.shape)}, but the other inputs have {list(shape)}")
            columns.append(array.reshape(-1).tolist())  # Python ints/floats/bools, exactly
        results = self.module.call_many(self.function, zip(*columns))  # one lock round trip per batch
        return pb_utils.Tensor(self.output_name, np.array(results, dtype=self.output_dtype).reshape(shape))

    def finalize(self):
        module = getattr(self, "module", None)
        if module is not None:
            module.close()
            self.module = None
