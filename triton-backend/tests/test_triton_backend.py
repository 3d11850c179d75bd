"""The portalis_wasm backend (model.py) driven like Triton drives a Python model, on a repository made by the real CLI."""
from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

import triton_python_backend_utils as pb_utils
from triton_harness import LoadedModel, config_json

REPO = Path(__file__).resolve().parents[2]
CASES = json.loads((REPO / "tests" / "fixtures" / "triton" / "cases.json").read_text())
NUMPY = {"INT64": np.int64, "FP64": np.float64, "BOOL": np.bool_}


def decode(datatype, data):
    return [int(v) for v in data] if datatype == "INT64" else list(data)


def request_of(case):
    tensors = [pb_utils.Tensor(t["name"], np.array(decode(t["datatype"], t["data"]), dtype=NUMPY[t["datatype"]]).reshape(t["shape"])) for t in case["inputs"]]
    return pb_utils.InferenceRequest(inputs=tensors, requested_output_names=["OUTPUT0"], request_id=case["id"])


def check(case, response):
    if "output" in case:
        assert not response.has_error(), response.error() and response.error().message()
        (out,) = response.output_tensors()
        want = case["output"]
        assert out.name() == want["name"]
        array = out.as_numpy()
        assert array.dtype == np.dtype(NUMPY[want["datatype"]]) and list(array.shape) == want["shape"]
        got = array.reshape(-1).tolist()
        expected = decode(want["datatype"], want["data"])
        assert got == expected
        for g, e in zip(got, expected):
            if isinstance(e, float):
                assert np.signbit(g) == np.signbit(e)  # -0.0 stays -0.0
    elif "error" in case:
        assert response.has_error() and response.output_tensors() == []
        assert response.error().message() == case["error"]["text"]
        assert response.error().code() == getattr(pb_utils.TritonError, case["error"]["code"])
    else:
        assert case.get("runaway")
        assert response.has_error()
        assert response.error().message().startswith("WasmLimitExceeded: spin:")
        assert response.error().code() == pb_utils.TritonError.INTERNAL


@pytest.fixture
def models(load_model):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = load_model(name)
        return cache[name]

    return get


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_case_table(models, case):
    model = models(case["model"])
    (response,) = model.execute([request_of(case)])
    check(case, response)


def test_all_cases_of_a_model_in_one_execute_call(models):
    """Triton's dynamic batcher hands several requests to one execute(): each gets its own response."""
    by_model = {}
    for case in CASES["cases"]:
        by_model.setdefault(case["model"], []).append(case)
    for name, cases in by_model.items():
        responses = models(name).execute([request_of(c) for c in cases])
        for case, response in zip(cases, responses):
            check(case, response)


def test_an_error_in_one_request_leaves_the_others_alone(models):
    m = models("floordiv")

    def req(a, b):
        return pb_utils.InferenceRequest(inputs=[
            pb_utils.Tensor("a", np.array(a, dtype=np.int64).reshape(-1, 1)),
            pb_utils.Tensor("b", np.array(b, dtype=np.int64).reshape(-1, 1)),
        ])

    responses = m.execute([req([7, -7], [2, 2]), req([1], [0]), req([9], [-4])])
    assert responses[0].output_tensors()[0].as_numpy().tolist() == [[3], [-4]]
    assert responses[1].has_error() and responses[1].error().message() == "ZeroDivisionError: integer division or modulo by zero"
    assert responses[2].output_tensors()[0].as_numpy().tolist() == [[-3]]


def test_runaway_request_is_stopped_by_fuel_and_the_model_keeps_serving(models):
    m = models("spin")
    assert m.model.limits.fuel == 20_000_000 and m.model.limits.timeout_ms == 5000
    assert m.model.limits.memory_bytes == 64 * 1024 * 1024
    spin = lambda *ns: pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("n", np.array(ns, dtype=np.int64).reshape(-1, 1))])  # noqa: E731
    t = time.perf_counter()
    responses = m.execute([spin(1, 2), spin(3, -1), spin(4)])
    assert time.perf_counter() - t < 4
    assert responses[0].output_tensors()[0].as_numpy().tolist() == [[1], [2]]
    assert responses[1].has_error()
    assert responses[1].error().message() == "WasmLimitExceeded: spin: fuel limit of 20000000 exhausted"
    assert responses[2].output_tensors()[0].as_numpy().tolist() == [[4]]


def test_timeout_from_config_stops_a_runaway_request(load_model):
    def only_timeout(config):
        config["parameters"] = {"timeout_ms": {"string_value": "150"}}

    m = load_model("spin", edit=only_timeout)
    assert m.model.limits.fuel is None and m.model.limits.timeout_ms == 150.0
    t = time.perf_counter()
    (response,) = m.execute([pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("n", np.array([[-3]], dtype=np.int64))])])
    elapsed = time.perf_counter() - t
    assert response.error().message() == "WasmLimitExceeded: spin: time limit of 150.0 ms exceeded"
    assert 0.14 <= elapsed < 3


@pytest.mark.parametrize("value", ["zero", "0", "-5"])
def test_bad_limit_parameters_fail_the_load(packaged, model_config_pb2, value):
    config = config_json(model_config_pb2, (packaged[0] / "fib" / "config.pbtxt").read_text())
    config["parameters"]["fuel"] = {"string_value": value}
    with pytest.raises(ValueError, match="parameter fuel must be a positive number"):
        LoadedModel(packaged[0], "fib", config)


def test_config_json_is_what_triton_passes(load_model):
    m = load_model("add")
    cfg = json.loads(json.dumps(m.config))
    assert cfg["backend"] == "portalis_wasm" and cfg["max_batch_size"] == 8
    assert cfg["input"][0]["dims"] == [1] and cfg["input"][0]["data_type"] == "TYPE_FP64"
    assert cfg["instance_group"][0]["kind"] == "KIND_CPU"
    assert cfg["dynamic_batching"]["max_queue_delay_microseconds"] == 100


def test_auto_complete_fills_a_bare_config(packaged):
    # Triton QA's python_based_backends test: config.pbtxt holds only the backend line.
    m = LoadedModel(packaged[0], "floordiv", {"name": "floordiv", "backend": "portalis_wasm", "max_batch_size": 0, "input": [], "output": [], "parameters": {}})
    assert m.config["max_batch_size"] == 8
    assert [(t["name"], t["data_type"], t["dims"]) for t in m.config["input"]] == [("a", "TYPE_INT64", [1]), ("b", "TYPE_INT64", [1])]
    assert [(t["name"], t["data_type"], t["dims"]) for t in m.config["output"]] == [("OUTPUT0", "TYPE_INT64", [1])]
    (r,) = m.execute([pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("a", np.array([[-9]], dtype=np.int64)), pb_utils.Tensor("b", np.array([[4]], dtype=np.int64))])])
    assert r.output_tensors()[0].as_numpy().tolist() == [[-3]]
    assert m.model.limits.fuel is None and m.model.limits.timeout_ms is None  # no parameters: no limits
    m.close()


def test_auto_complete_keeps_a_complete_config(load_model):
    m = load_model("is_even")
    assert [t["name"] for t in m.config["input"]] == ["n"] and len(m.config["output"]) == 1


def test_no_batching_model(packaged, model_config_pb2):
    config = config_json(model_config_pb2, (packaged[0] / "fib" / "config.pbtxt").read_text())
    config["max_batch_size"] = 0
    config.pop("dynamic_batching")
    m = LoadedModel(packaged[0], "fib", config)
    (ok, bad) = m.execute([
        pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("n", np.array([90], dtype=np.int64))]),
        pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("n", np.array([[90]], dtype=np.int64))]),
    ])
    assert ok.output_tensors()[0].as_numpy().tolist() == [2880067194370816120]
    assert bad.error().message() == "input 'n' has shape [1, 1], expected [1]"
    m.close()


def test_malformed_requests_are_invalid_arg(models):
    m = models("add")
    f = lambda name, values, dtype=np.float64: pb_utils.Tensor(name, np.array(values, dtype=dtype))  # noqa: E731
    responses = m.execute([
        pb_utils.InferenceRequest(inputs=[f("a", [[1.0]])]),
        pb_utils.InferenceRequest(inputs=[f("a", [[1.0]], np.float32), f("b", [[1.0]])]),
        pb_utils.InferenceRequest(inputs=[f("a", [[1.0], [2.0]]), f("b", [[1.0]])]),
        pb_utils.InferenceRequest(inputs=[f("a", [[1.0, 2.0]]), f("b", [[1.0, 2.0]])]),
        pb_utils.InferenceRequest(inputs=[f("a", [[0.5]]), f("b", [[0.25]])]),
    ])
    messages = [r.error().message() if r.has_error() else None for r in responses]
    assert messages == [
        "input 'b' is missing",
        "input 'a' has type float32, expected float64",
        "input 'b' has shape [1, 1], but the other inputs have [2, 1]",
        "input 'a' has shape [1, 2], expected [batch, 1]",
        None,
    ]
    assert all(r.error().code() == pb_utils.TritonError.INVALID_ARG for r in responses[:4])
    assert responses[4].output_tensors()[0].as_numpy().tolist() == [[0.75]]


def test_config_that_disagrees_with_the_function_fails_the_load(packaged, model_config_pb2):
    config = config_json(model_config_pb2, (packaged[0] / "is_even" / "config.pbtxt").read_text())
    config["output"][0]["data_type"] = "TYPE_INT64"
    with pytest.raises(ValueError, match="returns a Python bool"):
        LoadedModel(packaged[0], "is_even", config)
    config = config_json(model_config_pb2, (packaged[0] / "is_even" / "config.pbtxt").read_text())
    config["input"][0]["data_type"] = "TYPE_FP64"
    with pytest.raises(ValueError, match="parameter n is a Python int"):
        LoadedModel(packaged[0], "is_even", config)


def test_finalize_closes_the_module(load_model):
    m = load_model("fib")
    m.model.finalize()
    assert m.model.module is None
    m.model.finalize()  # twice is harmless (the fixture calls it again)
