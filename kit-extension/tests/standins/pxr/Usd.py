"""Stand-in for ``pxr.Usd``: an in-memory Stage, Prim, Attribute, TimeCode."""
import struct

from . import Gf, Sdf


def _warn(message):
    try:
        import carb

        carb.log_warn(message)
    except ImportError:  # pragma: no cover
        pass


def _no_authoring_in_block(what):
    if Sdf.in_change_block():
        raise RuntimeError(f"{what} inside an Sdf.ChangeBlock (downstream Usd caches are stale there)")


class TimeCode:
    def __init__(self, value=None):
        self._value = value

    @staticmethod
    def Default():
        return TimeCode(None)

    def IsDefault(self):
        return self._value is None

    def GetValue(self):
        return float("nan") if self._value is None else float(self._value)


def _coerce(type_name, value):
    t = str(type_name)
    if t == "double3":
        return Gf.Vec3d(value)
    if t == "float3":
        return Gf.Vec3f(value)
    if t == "double":
        if isinstance(value, (bool,)) or not isinstance(value, (int, float)):
            raise TypeError(f"cannot set a {type(value).__name__} on a double attribute")
        return float(value)
    if t == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"cannot set a {type(value).__name__} on a float attribute")
        return struct.unpack("f", struct.pack("f", float(value)))[0]
    if t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"cannot set a {type(value).__name__} on an int attribute")
        return int(value)
    if t == "bool":
        return bool(value)
    return value


def _copy(value):
    return type(value)(value) if isinstance(value, (Gf.Vec3d, Gf.Vec3f)) else value


class Attribute:
    def __init__(self, prim, name, type_name=None, valid=True):
        self._prim, self._name, self._type, self._valid = prim, name, type_name, valid
        self._default = None
        self._samples = {}
        self.set_count = 0

    def IsValid(self):
        return self._valid

    def __bool__(self):
        return self._valid

    def GetName(self):
        return self._name

    def GetPath(self):
        return Sdf.Path(f"{self._prim.GetPath()}.{self._name}")

    def GetTypeName(self):
        return self._type

    def HasValue(self):
        return self._default is not None or bool(self._samples)

    def Get(self, time=None):
        if not self._valid:
            return None
        if Sdf.in_change_block():
            _warn(f"Attribute.Get({self.GetPath()}) inside an Sdf.ChangeBlock reads stale state")
        if time is not None and not time.IsDefault() and self._samples:
            t = time.GetValue()
            keys = sorted(self._samples)
            held = [k for k in keys if k <= t]
            return _copy(self._samples[held[-1] if held else keys[0]])
        return _copy(self._default)

    def Set(self, value, time=None):
        if not self._valid:
            raise RuntimeError(f"Set on an invalid attribute {self._name}")
        value = _coerce(self._type, value)
        if time is not None and not time.IsDefault():
            self._samples[time.GetValue()] = value
        else:
            self._default = value
        self.set_count += 1
        if not Sdf.in_change_block():
            Sdf._Blocks.notices += 1
        return True


class Prim:
    def __init__(self, stage, path, type_name="", valid=True):
        self._stage, self._path, self._type, self._valid = stage, Sdf.Path(path), type_name, valid
        self._attrs = {}
        self._children = []

    def IsValid(self):
        return self._valid

    def __bool__(self):
        return self._valid

    def GetPath(self):
        return self._path

    def GetName(self):
        return self._path.name

    def GetTypeName(self):
        return self._type

    def GetChildren(self):
        return list(self._children)

    def GetAttribute(self, name):
        return self._attrs.get(name) or Attribute(self, name, valid=False)

    def HasAttribute(self, name):
        return name in self._attrs

    def GetAttributes(self):
        return list(self._attrs.values())

    def CreateAttribute(self, name, type_name, custom=True):
        _no_authoring_in_block("CreateAttribute")
        if name not in self._attrs:
            self._attrs[name] = Attribute(self, name, type_name)
        return self._attrs[name]


class Stage:
    def __init__(self):
        self._prims = {"/": Prim(self, "/")}

    @staticmethod
    def CreateInMemory(identifier=""):
        return Stage()

    def GetPseudoRoot(self):
        return self._prims["/"]

    def GetPrimAtPath(self, path):
        if Sdf.in_change_block():
            _warn(f"GetPrimAtPath({path}) inside an Sdf.ChangeBlock reads stale state")
        return self._prims.get(str(path)) or Prim(self, str(path), valid=False)

    def DefinePrim(self, path, typeName=""):
        _no_authoring_in_block("DefinePrim")
        path = str(path)
        if path in self._prims:
            return self._prims[path]
        parent = path.rsplit("/", 1)[0] or "/"
        if parent not in self._prims:
            self.DefinePrim(parent)
        prim = Prim(self, path, typeName)
        self._prims[path] = prim
        self._prims[parent]._children.append(prim)
        return prim

    def Traverse(self):
        out = []

        def walk(prim):
            for child in prim._children:
                out.append(child)
                walk(child)

        walk(self._prims["/"])
        return out
