"""A small stand-in for OpenUSD's ``pxr`` (usd-core cannot be installed here):
an in-memory stage with prims and typed attributes, Gf vectors with float32
rounding for float types, Sdf paths and change blocks, and the UsdGeom
authoring helpers the tests use.  Inside an ``Sdf.ChangeBlock`` only ``Set``
on existing attributes is allowed; creating prims or attributes raises and
reading composed state logs a warning, as OpenUSD's docs ask."""
