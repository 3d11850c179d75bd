"""Stand-in for ``pxr.UsdGeom``: Xform.Define, Xformable.AddTranslateOp."""
from . import Sdf


class XformOp:
    PrecisionDouble = "double"
    PrecisionFloat = "float"

    def __init__(self, attr):
        self._attr = attr

    def GetAttr(self):
        return self._attr

    def Set(self, value, time=None):
        return self._attr.Set(value, time)

    def Get(self, time=None):
        return self._attr.Get(time)


class Xformable:
    def __init__(self, prim):
        self._prim = prim

    def GetPrim(self):
        return self._prim

    def AddTranslateOp(self, precision=XformOp.PrecisionDouble):
        type_name = Sdf.ValueTypeNames.Double3 if precision == XformOp.PrecisionDouble else Sdf.ValueTypeNames.Float3
        attr = self._prim.CreateAttribute("xformOp:translate", type_name)
        return XformOp(attr)


class Xform(Xformable):
    @staticmethod
    def Define(stage, path):
        return Xform(stage.DefinePrim(path, "Xform"))
