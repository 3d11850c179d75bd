"""Reading binding inputs from USD prim attributes and writing results back.

An attribute reference is ``name`` or ``name[i]`` (component ``i`` of a
vector attribute such as ``xformOp:translate``), relative to the bound prim
(``@name[i]`` in a binding) or absolute (``/World/Ball.name[i]``, Sdf's
property path syntax).  Reads happen before a binding runs; writes are
collected in a ``WriteBatch`` and applied afterwards in one
``Sdf.ChangeBlock`` with ``Set`` on existing attributes only, the form
OpenUSD documents as safe (no prim or attribute is created and nothing is
queried inside the block).  Component writes to the same vector attribute are
merged into one ``Set``.
"""
from __future__ import annotations

import fnmatch
import re
from typing import Any, Dict, List, Optional, Tuple

_REF = re.compile(r"^(?P<name>[A-Za-z_][\w:]*)(?:\[(?P<index>\d+)\])?$")


class UsdBindingError(ValueError):
    """A binding names a prim or attribute that is not on the stage, or a value that does not fit."""


def parse_attr_ref(text: str) -> Tuple[str, Optional[int]]:
    """``"xformOp:translate[1]"`` -> ``("xformOp:translate", 1)``; ``"mass"`` -> ``("mass", None)``."""
    m = _REF.match(text)
    if not m:
        raise ValueError(f"'{text}' is not an attribute reference (name or name[index])")
    index = m.group("index")
    return m.group("name"), (int(index) if index is not None else None)


def split_property_path(text: str) -> Tuple[str, str]:
    """``"/World/Ball.xformOp:translate[0]"`` -> ``("/World/Ball", "xformOp:translate[0]")``."""
    slash = text.rfind("/")
    dot = text.find(".", slash)
    if not text.startswith("/") or dot < 0:
        raise ValueError(f"'{text}' is not an absolute property path (/Prim/Path.attribute)")
    return text[:dot], text[dot + 1 :]


def match_prims(stage: Any, pattern: str) -> List[Any]:
    """Prims whose path matches ``pattern``: an exact path, or a glob whose
    ``*``/``?``/``[..]`` match within one path component (``/World/Particles/*``).
    Matches come in stage traversal order."""
    if not any(ch in pattern for ch in "*?["):
        prim = stage.GetPrimAtPath(pattern)
        return [prim] if prim and prim.IsValid() else []
    depth = pattern.count("/")
    out = []
    for prim in stage.Traverse():
        path = str(prim.GetPath())
        if path.count("/") == depth and fnmatch.fnmatchcase(path, pattern):
            out.append(prim)
    return out


class AttrSlot:
    """One resolved attribute (and optional component) to read or write."""

    __slots__ = ("attr", "index", "label")

    def __init__(self, attr: Any, index: Optional[int], label: str) -> None:
        self.attr, self.index, self.label = attr, index, label

    def read(self) -> Any:
        value = self.attr.Get()
        if value is None:
            raise UsdBindingError(f"{self.label} has no value")
        if self.index is None:
            return value
        try:
            return value[self.index]
        except (TypeError, IndexError):
            raise UsdBindingError(f"{self.label}: the attribute's value has no component {self.index}") from None


def resolve_slot(prim: Any, ref: str) -> AttrSlot:
    name, index = parse_attr_ref(ref)
    attr = prim.GetAttribute(name)
    label = f"{prim.GetPath()}.{ref}"
    if not attr or not attr.IsValid():
        raise UsdBindingError(f"{prim.GetPath()} has no attribute '{name}'")
    return AttrSlot(attr, index, label)


def resolve_absolute(stage: Any, text: str) -> AttrSlot:
    prim_path, ref = split_property_path(text)
    prim = stage.GetPrimAtPath(prim_path)
    if not prim or not prim.IsValid():
        raise UsdBindingError(f"no prim at {prim_path}")
    return resolve_slot(prim, ref)


_NUMERIC = ("double", "float", "half", "double3", "float3", "half3", "point3d", "point3f", "vector3d", "vector3f", "normal3f", "color3f")


def check_fits(slot: AttrSlot, value: Any) -> None:
    """A result goes only where USD would keep it as it is: a float or int into a
    floating-point attribute or component, an int into an int attribute, a
    bool into a bool attribute."""
    type_name = str(slot.attr.GetTypeName())
    ok = (
        (type_name in _NUMERIC and isinstance(value, (int, float)) and not isinstance(value, bool))
        or (type_name in ("int", "int64", "uint") and isinstance(value, int) and not isinstance(value, bool))
        or (type_name == "bool" and isinstance(value, bool))
    )
    if not ok:
        raise UsdBindingError(f"{slot.label} ({type_name}) cannot hold the result {value!r} ({type(value).__name__})")


class WriteBatch:
    """Collects (slot, value) writes and applies them in one Sdf.ChangeBlock."""

    def __init__(self) -> None:
        self._whole: Dict[int, Tuple[Any, Any]] = {}
        self._vectors: Dict[int, Tuple[Any, Any]] = {}

    def __len__(self) -> int:
        return len(self._whole) + len(self._vectors)

    def add(self, slot: AttrSlot, value: Any) -> None:
        """Queues a write; a value the attribute's type cannot hold raises
        UsdBindingError here, before anything is written."""
        check_fits(slot, value)
        key = id(slot.attr)
        if slot.index is None:
            self._whole[key] = (slot.attr, value)
            return
        entry = self._vectors.get(key)
        if entry is None:
            current = slot.attr.Get()  # read now, outside the block
            vec = type(current)(current)
            entry = (slot.attr, vec)
            self._vectors[key] = entry
        entry[1][slot.index] = value

    def apply(self) -> int:
        if not len(self):
            return 0
        from pxr import Sdf

        writes = list(self._whole.values()) + list(self._vectors.values())
        with Sdf.ChangeBlock():
            for attr, value in writes:
                attr.Set(value)
        self._whole.clear()
        self._vectors.clear()
        return len(writes)
