"""Helpers shared by the Triton backend tests (a module of its own: test files cannot import conftest reliably)."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODEL_PY = REPO / "triton-backend" / "backends" / "portalis_wasm" / "model.py"

sys.path.insert(0, str(Path(__file__).resolve().parent / "standin"))
sys.path.insert(0, str(REPO / "runtime" / "python"))

import triton_python_backend_utils as pb_utils  # noqa: E402  (the stand-in)

INT64_FIELDS = {"dims", "shape", "max_queue_delay_microseconds", "versions", "priority_levels", "default_priority_level"}




def run_cli(*args: str) -> subprocess.CompletedProcess:
    if not (REPO / "actors" / "dist" / "index.js").exists():
        pytest.skip("actors/dist is missing: run `npx tsc -b` first")
    return subprocess.run(["node", str(REPO / "actors" / "bin" / "portalis.js"), *args], cwd=REPO, capture_output=True, text=True, timeout=180)


def _int64_to_numbers(value, key=None):
    if isinstance(value, dict):
        return {k: _int64_to_numbers(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_int64_to_numbers(v, key) for v in value]
    if key in INT64_FIELDS and isinstance(value, str):
        return int(value)
    return value


def config_json(pb2, pbtxt_text: str) -> dict:
    """config.pbtxt -> the model_config dict Triton hands a Python model."""
    from google.protobuf import json_format, text_format

    message = text_format.Parse(pbtxt_text, pb2.ModelConfig())
    as_dict = json_format.MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    return _int64_to_numbers(as_dict)


class LoadedModel:
    """One model instance, driven the way Triton drives a Python model."""

    def __init__(self, repo: Path, name: str, config: dict, version: str = "1") -> None:
        spec = importlib.util.spec_from_file_location(f"portalis_wasm_model_{name}_{id(self)}", MODEL_PY)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        pb_utils._model_dir = str(repo / name / version)
        try:
            completed = module.TritonPythonModel.auto_complete_config(pb_utils.ModelConfig(config))
            self.config = completed.as_dict()
            self.model = module.TritonPythonModel()
            self.model.initialize({
                "model_config": json.dumps(self.config),
                "model_instance_kind": "CPU",
                "model_instance_device_id": "0",
                "model_instance_name": f"{name}_0_0",
                "model_repository": str(repo / name),
                "model_version": version,
                "model_name": name,
            })
        finally:
            pb_utils._model_dir = None
        self.module = module

    def execute(self, requests):
        responses = self.model.execute(requests)
        assert isinstance(responses, list) and len(responses) == len(requests), "one response per request"
        assert all(isinstance(r, pb_utils.InferenceResponse) for r in responses)
        return responses

    def close(self) -> None:
        self.model.finalize()
