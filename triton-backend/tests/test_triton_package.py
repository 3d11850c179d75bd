"""`portalis package --target triton`: the model repository and manifest it writes, parsed like Triton would."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from triton_harness import run_cli

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "triton"
FUNCS = ["add", "fib", "floordiv", "is_even", "spin", "log_ratio"]
TYPES = {"int": "TYPE_INT64", "float": "TYPE_FP64", "bool": "TYPE_BOOL"}


def test_one_model_per_function(packaged):
    repo, _, stderr = packaged
    assert sorted(p.name for p in repo.iterdir()) == sorted(FUNCS)
    for name in FUNCS:
        assert sorted(p.name for p in (repo / name).iterdir()) == ["1", "config.pbtxt"]
        assert sorted(p.name for p in (repo / name / "1").iterdir()) == ["model.wasm", "portalis.json"]
        assert (repo / name / "1" / "model.wasm").read_bytes()[:4] == b"\0asm"
    assert "packaged 6 Triton model(s)" in stderr


@pytest.mark.parametrize("name", FUNCS)
def test_config_parses_as_triton_model_config(packaged, model_config_pb2, name):
    from google.protobuf import text_format

    repo = packaged[0]
    config = text_format.Parse((repo / name / "config.pbtxt").read_text(), model_config_pb2.ModelConfig())
    meta = json.loads((repo / name / "1" / "portalis.json").read_text())
    export = next(e for e in meta["spec"]["exports"] if e["name"] == name)
    pb2 = model_config_pb2
    assert config.name == name and config.backend == "portalis_wasm" and config.platform == ""
    assert config.max_batch_size == 8
    assert [(i.name, pb2.DataType.Name(i.data_type), list(i.dims)) for i in config.input] == [
        (p["name"], TYPES[p["type"]], [1]) for p in export["params"]
    ]
    assert [(o.name, pb2.DataType.Name(o.data_type), list(o.dims)) for o in config.output] == [("OUTPUT0", TYPES[export["returns"]], [1])]
    assert len(config.instance_group) == 1
    assert config.instance_group[0].count == 2
    assert config.instance_group[0].kind == pb2.ModelInstanceGroup.KIND_CPU
    assert config.WhichOneof("scheduling_choice") == "dynamic_batching"
    assert list(config.dynamic_batching.preferred_batch_size) == [4, 8]
    assert config.dynamic_batching.max_queue_delay_microseconds == 100
    assert {k: v.string_value for k, v in config.parameters.items()} == {"fuel": "20000000", "timeout_ms": "5000", "memory_mb": "64"}
    # Nothing else is set (text_format.Parse already refused unknown fields and repeated singular ones).
    assert {f.name for f, _ in config.ListFields()} == {"name", "backend", "max_batch_size", "input", "output", "instance_group", "dynamic_batching", "parameters"}


def test_metadata(packaged):
    repo = packaged[0]
    meta = json.loads((repo / "floordiv" / "1" / "portalis.json").read_text())
    assert meta["portalis"] == 1 and meta["abiVersion"] == 1
    assert meta["model"] == meta["function"] == "floordiv"
    assert meta["wasm"] == "model.wasm" and meta["source"] == "funcs.py"
    assert meta["inputs"] == [
        {"name": "a", "type": "int", "data_type": "TYPE_INT64", "datatype": "INT64", "dims": [1]},
        {"name": "b", "type": "int", "data_type": "TYPE_INT64", "datatype": "INT64", "dims": [1]},
    ]
    assert meta["outputs"] == [{"name": "OUTPUT0", "type": "int", "data_type": "TYPE_INT64", "datatype": "INT64", "dims": [1]}]
    assert meta["max_batch_size"] == 8
    assert meta["limits"] == {"fuel": 20000000, "timeout_ms": 5000, "memory_mb": 64}
    assert meta["spec"]["module"] == "funcs" and {e["name"] for e in meta["spec"]["exports"]} == set(FUNCS)


def test_k8s_manifest(packaged):
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to parse the manifest")
    _, manifest, _ = packaged
    docs = list(yaml.safe_load_all(manifest.read_text()))
    assert [d["kind"] for d in docs] == ["ConfigMap", "PersistentVolumeClaim", "Deployment", "Service"]
    configmap, claim, deployment, service = docs
    # The backend travels in the ConfigMap byte for byte and lands at backends/portalis_wasm/.
    model_py = (REPO / "triton-backend" / "backends" / "portalis_wasm" / "model.py").read_text()
    assert configmap["data"]["model.py"] == model_py
    host_files = sorted(p.name for p in (REPO / "runtime" / "python" / "portalis_wasm_host").glob("*.py"))
    for name in host_files:
        assert configmap["data"][f"portalis_wasm_host.{name}"] == (REPO / "runtime" / "python" / "portalis_wasm_host" / name).read_text()
    pod = deployment["spec"]["template"]["spec"]
    assert deployment["spec"]["selector"]["matchLabels"] == deployment["spec"]["template"]["metadata"]["labels"] == service["spec"]["selector"]
    (container,) = pod["containers"]
    assert container["image"] == "nvcr.io/nvidia/tritonserver:24.08-py3"
    assert "tritonserver --model-repository=/models" in container["args"][0] and "wasmtime" in container["args"][0]
    assert {p["name"]: p["containerPort"] for p in container["ports"]} == {"http": 8000, "grpc": 8001, "metrics": 8002}
    assert container["livenessProbe"]["httpGet"] == {"path": "/v2/health/live", "port": "http"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/v2/health/ready", "port": "http"}
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts == {"model-repository": "/models", "backend": "/opt/tritonserver/backends/portalis_wasm"}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes["model-repository"]["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    items = volumes["backend"]["configMap"]["items"]
    assert volumes["backend"]["configMap"]["name"] == configmap["metadata"]["name"]
    assert {i["key"] for i in items} == set(configmap["data"])
    assert {i["path"] for i in items} == {"model.py", *(f"portalis_wasm_host/{n}" for n in host_files)}
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == [(8000, "http"), (8001, "grpc"), (8002, "metrics")]


def test_none_functions_are_skipped_and_collisions_refused(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.py").write_text("def hello(n: int) -> None:\n    x = n\n\n\ndef twice(n: int) -> int:\n    return 2 * n\n")
    (src / "_private.py").write_text("def ignored(n: int) -> int:\n    return n\n")
    ok = run_cli("package", str(src), "--target", "triton", "-o", str(tmp_path / "repo"), "--max-batch-size", "0")
    assert ok.returncode == 0, ok.stderr
    assert "skipping" in ok.stderr and "`hello`" in ok.stderr and "returns None" in ok.stderr
    assert sorted(p.name for p in (tmp_path / "repo").iterdir()) == ["twice"]
    assert "max_batch_size: 0\n" in (tmp_path / "repo" / "twice" / "config.pbtxt").read_text()
    assert "dynamic_batching" not in (tmp_path / "repo" / "twice" / "config.pbtxt").read_text()

    (src / "two.py").write_text("def twice(n: int) -> int:\n    return n + n\n")
    clash = run_cli("package", str(src), "--target", "triton", "-o", str(tmp_path / "repo2"))
    assert clash.returncode == 1
    assert "two functions named `twice`" in clash.stderr and "nothing written" in clash.stderr
    assert not (tmp_path / "repo2").exists()


def test_usage_errors(tmp_path):
    bad = run_cli("package", str(FIXTURES / "funcs.py"), "--target", "triton", "-o", str(tmp_path / "r"), "--kind", "KIND_TPU")
    assert bad.returncode == 2 and "--kind must be one of" in bad.stderr
    bad = run_cli("package", str(FIXTURES / "funcs.py"), "--target", "triton", "-o", str(tmp_path / "r"), "--preferred-batch-size", "16")
    assert bad.returncode == 2 and "larger than --max-batch-size 8" in bad.stderr
    assert not (tmp_path / "r").exists()
