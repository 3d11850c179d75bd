"""Bindings: which exported function runs on which event, with which inputs,
and where its result goes.

A binding is one table of the extension's settings (schema in
kit-extension/README.md)::

    [[settings.exts."<ext name>".bindings]]
    function = "velocity"                 # an exported function of the module
    event = "physics_step"                # physics_step | update | play | stop
    prims = "/World/Particles/*"          # optional: call once per matching prim
    inputs = ["dt", "@xformOp:translate[1]", "@spring:v", 40.0]
    output = "@spring:v"                  # optional: where the one result goes

Inputs, one per function parameter, in order:

- ``"dt"``: the event's time step (physics step or frame time; 0.0 for play/stop),
- ``"time"``: the timeline's current time, ``"step"``: how many times this
  binding has fired before (0, 1, ...), ``"index"``/``"count"``: the prim's
  position in, and the size of, the matched prim list,
- ``"@attr"`` / ``"@attr[i]"``: an attribute (or vector component) of the prim
  being processed (needs ``prims``),
- ``"/Prim/Path.attr[i]"``: an attribute of a fixed prim,
- a TOML number or boolean: a constant.

Values are converted to the parameter's declared type: an int becomes a float
for a float parameter (exactly; USD hands doubles over as Python floats
anyway), a float becomes an int only when it is integral, a bool parameter
takes a bool or 0/1.  Anything else disables the binding with an error.

The ABI returns one scalar per call, so one binding writes at most one
scalar (one attribute or one vector component) per prim.  A state update that
changes several values is written as several bindings on the same event;
they run in the order listed, and each sees the writes of the ones before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from . import usd_io

EVENTS = ("physics_step", "update", "play", "stop")
_CONTEXT_INPUTS = ("dt", "time", "step", "index", "count")


class BindingConfigError(ValueError):
    """A binding table that cannot work with this module (reported at startup or on swap)."""


@dataclass(frozen=True)
class Source:
    """Where one argument (or the result) comes from (or goes)."""

    kind: str  # dt | time | step | index | count | const | prim | absolute
    value: Any = None

    def describe(self) -> str:
        if self.kind == "const":
            return repr(self.value)
        if self.kind == "prim":
            return "@" + self.value
        if self.kind == "absolute":
            return self.value
        return self.kind


@dataclass(frozen=True)
class BindingConfig:
    function: str
    event: str
    inputs: Tuple[Source, ...]
    output: Optional[Source]
    prims: Optional[str]
    label: str


def _parse_source(item: Any, where: str, allow_context: bool) -> Source:
    if isinstance(item, bool) or isinstance(item, (int, float)):
        if not allow_context:
            raise BindingConfigError(f"{where}: an output must be an attribute, not a constant")
        return Source("const", item)
    if not isinstance(item, str):
        raise BindingConfigError(f"{where}: expected a string, number or boolean, got {type(item).__name__}")
    if item in _CONTEXT_INPUTS:
        if not allow_context:
            raise BindingConfigError(f"{where}: '{item}' cannot be written to")
        return Source(item)
    try:
        if item.startswith("@"):
            usd_io.parse_attr_ref(item[1:])
            return Source("prim", item[1:])
        if item.startswith("/"):
            _, ref = usd_io.split_property_path(item)
            usd_io.parse_attr_ref(ref)
            return Source("absolute", item)
    except ValueError as error:
        raise BindingConfigError(f"{where}: {error}") from None
    raise BindingConfigError(f"{where}: '{item}' is not one of {', '.join(_CONTEXT_INPUTS)}, @attribute or /Prim.attribute")


def parse_binding(raw: Any, position: int) -> BindingConfig:
    where = f"bindings[{position}]"
    if not isinstance(raw, dict):
        raise BindingConfigError(f"{where}: expected a table")
    unknown = set(raw) - {"function", "event", "inputs", "output", "prims"}
    if unknown:
        raise BindingConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    function = raw.get("function")
    if not isinstance(function, str) or not function:
        raise BindingConfigError(f"{where}: 'function' (the exported function's name) is required")
    event = raw.get("event", "physics_step")
    if event not in EVENTS:
        raise BindingConfigError(f"{where}: event '{event}' is not one of {', '.join(EVENTS)}")
    prims = raw.get("prims")
    if prims is not None and (not isinstance(prims, str) or not prims.startswith("/")):
        raise BindingConfigError(f"{where}: 'prims' must be an absolute prim path or pattern")
    inputs_raw = raw.get("inputs", [])
    if not isinstance(inputs_raw, list):
        raise BindingConfigError(f"{where}: 'inputs' must be a list")
    inputs = tuple(_parse_source(item, f"{where}.inputs[{i}]", True) for i, item in enumerate(inputs_raw))
    output = _parse_source(raw["output"], f"{where}.output", False) if raw.get("output") is not None else None
    uses_prim = [s for s in inputs + ((output,) if output else ()) if s.kind in ("prim", "index", "count")]
    if uses_prim and prims is None:
        raise BindingConfigError(f"{where}: {uses_prim[0].describe()} needs 'prims' (the prims to run over)")
    label = f"{function}@{event}" + (f"[{prims}]" if prims else "")
    return BindingConfig(function, event, inputs, output, prims, label)


def check_against(config: BindingConfig, functions: Dict[str, Dict[str, Any]]) -> Optional[str]:
    """Why ``config`` cannot call this module's functions, or None when it can."""
    spec = functions.get(config.function)
    if spec is None:
        return f"{config.label}: the module exports no function '{config.function}' (it has {', '.join(sorted(functions)) or 'none'})"
    params = spec["params"]
    if len(params) != len(config.inputs):
        names = ", ".join(f"{p['name']}: {p['type']}" for p in params)
        return f"{config.label}: {config.function}({names}) takes {len(params)} argument(s) but {len(config.inputs)} input(s) are bound"
    if config.output is not None and spec["returns"] == "None":
        return f"{config.label}: {config.function} returns None, so 'output' has nothing to write"
    return None


def convert(value: Any, ptype: str, what: str) -> Any:
    """An input value as the parameter type, exactly, or a UsdBindingError."""
    if ptype == "float":
        if isinstance(value, bool):
            raise usd_io.UsdBindingError(f"{what} is a bool; the parameter is a float")
        if isinstance(value, float):
            return value
        if isinstance(value, int):
            return float(value)
    elif ptype == "int":
        if isinstance(value, bool):
            raise usd_io.UsdBindingError(f"{what} is a bool; the parameter is an int")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
    elif ptype == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
    raise usd_io.UsdBindingError(f"{what} = {value!r} does not fit the {ptype} parameter")


@dataclass
class EventContext:
    dt: float
    time: float


@dataclass
class Binding:
    """A configured binding and its run-time state."""

    config: BindingConfig
    enabled: bool = True
    disabled_reason: Optional[str] = None
    code_fault: bool = False  # disabled by a trap or exception in the module (a swap re-enables it)
    fired: int = 0
    calls: int = 0
    last_result: Any = None
    _prims: Optional[List[Any]] = field(default=None, repr=False)
    _stage: Any = field(default=None, repr=False)
    _slots: Optional[List[List[Optional[usd_io.AttrSlot]]]] = field(default=None, repr=False)
    _out: Optional[List[usd_io.AttrSlot]] = field(default=None, repr=False)

    def invalidate(self) -> None:
        """Forget resolved prims and attributes (the stage or its prims may have changed)."""
        self._prims = self._slots = self._out = None
        self._stage = None

    def _resolve(self, stage: Any) -> None:
        cfg = self.config
        if stage is None:
            raise usd_io.UsdBindingError("no USD stage is open")
        prims = usd_io.match_prims(stage, cfg.prims) if cfg.prims else [None]
        if cfg.prims and not prims:
            raise usd_io.UsdBindingError(f"no prim matches {cfg.prims}")
        slots: List[List[Optional[usd_io.AttrSlot]]] = []
        absolute: Dict[str, usd_io.AttrSlot] = {}

        def slot_for(source: Source, prim: Any) -> Optional[usd_io.AttrSlot]:
            if source.kind == "prim":
                return usd_io.resolve_slot(prim, source.value)
            if source.kind == "absolute":
                if source.value not in absolute:
                    absolute[source.value] = usd_io.resolve_absolute(stage, source.value)
                return absolute[source.value]
            return None

        out: List[usd_io.AttrSlot] = []
        for prim in prims:
            slots.append([slot_for(s, prim) for s in cfg.inputs])
            if cfg.output is not None:
                slot = slot_for(cfg.output, prim)
                assert slot is not None
                out.append(slot)
        self._prims, self._slots, self._out, self._stage = prims, slots, out, stage

    def fire(self, call: Callable[..., Any], params: List[Tuple[str, str]], stage: Any, ctx: EventContext) -> None:
        """Reads every prim's inputs, calls the function once per prim, then
        writes all results in one change block.  Raises on the first failure,
        before anything is written."""
        if self._prims is None or self._stage is not stage:
            self._resolve(stage)
        cfg = self.config
        assert self._prims is not None and self._slots is not None and self._out is not None
        count = len(self._prims)
        fired = self.fired
        fn = cfg.function
        results = []
        for index, slots in enumerate(self._slots):
            args = []
            for source, slot, (pname, ptype) in zip(cfg.inputs, slots, params):
                if slot is not None:
                    value = slot.read()
                    what = slot.label
                else:
                    kind = source.kind
                    value = (
                        ctx.dt if kind == "dt" else ctx.time if kind == "time" else fired if kind == "step"
                        else index if kind == "index" else count if kind == "count" else source.value
                    )
                    what = f"input {source.describe()}"
                args.append(convert(value, ptype, f"{what} (parameter '{pname}')"))
            results.append(call(fn, *args))
            self.calls += 1
        self.fired += 1
        self.last_result = results[-1] if results else None
        if self._out:
            batch = usd_io.WriteBatch()
            for slot, value in zip(self._out, results):
                batch.add(slot, value)  # checks every value before any write
            batch.apply()
