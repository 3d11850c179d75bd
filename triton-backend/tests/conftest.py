"""Test harness for the portalis_wasm Triton backend, standing in for Triton itself.

- The model repository is made by the real CLI (`portalis package --target triton`)
  from tests/fixtures/triton/funcs.py.
- config.pbtxt is parsed with protobuf's text_format against our ModelConfig
  proto (runtime/proto/model_config.proto, compiled with grpc_tools),
  and turned into the JSON a Python model gets in `args["model_config"]`
  (snake_case names, defaults printed, enums as names, int64 as numbers).
- model.py runs against the stand-in pb_utils in standin/.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BACKEND = HERE.parent
REPO = BACKEND.parent
FIXTURES = REPO / "tests" / "fixtures" / "triton"

sys.path.insert(0, str(HERE / "standin"))
sys.path.insert(0, str(REPO / "runtime" / "python"))

import triton_python_backend_utils as pb_utils  # noqa: E402  (the stand-in)
from triton_harness import LoadedModel, config_json, run_cli  # noqa: E402


@pytest.fixture(scope="session")
def model_config_pb2(tmp_path_factory):
    out = tmp_path_factory.mktemp("proto")
    from grpc_tools import protoc

    proto_dir = REPO / "runtime" / "proto"
    status = protoc.main(["protoc", f"-I{proto_dir}", f"--python_out={out}", str(proto_dir / "model_config.proto")])
    assert status == 0, "protoc failed on model_config.proto"
    spec = importlib.util.spec_from_file_location("model_config_pb2", out / "model_config_pb2.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def packaged(tmp_path_factory):
    """(repo dir, k8s manifest path, CLI stderr) for funcs.py packaged with limits and dynamic batching."""
    base = tmp_path_factory.mktemp("triton")
    repo = base / "repo"
    proc = run_cli("package", str(FIXTURES / "funcs.py"), "--target", "triton", "-o", str(repo),
                   "--max-batch-size", "8", "--dynamic-batching", "--preferred-batch-size", "4,8",
                   "--max-queue-delay-us", "100", "--instances", "2", "--fuel", "20000000",
                   "--timeout-ms", "5000", "--memory-mb", "64", "--k8s")
    assert proc.returncode == 0, proc.stderr
    return repo, base / "k8s" / "portalis-triton.yaml", proc.stderr


@pytest.fixture
def load_model(packaged, model_config_pb2):
    loaded = []

    def load(name: str, edit=None) -> LoadedModel:
        repo = packaged[0]
        config = config_json(model_config_pb2, (repo / name / "config.pbtxt").read_text())
        if edit:
            edit(config)
        m = LoadedModel(repo, name, config)
        loaded.append(m)
        return m

    yield load
    for m in loaded:
        m.close()
