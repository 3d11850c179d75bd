"""Stand-in for ``pxr.Sdf``: Path, ChangeBlock, ValueTypeNames."""


class Path:
    def __init__(self, path):
        self.pathString = str(path)

    @property
    def name(self):
        return self.pathString.rsplit("/", 1)[-1]

    def GetParentPath(self):
        parent = self.pathString.rsplit("/", 1)[0]
        return Path(parent or "/")

    def IsAbsolutePath(self):
        return self.pathString.startswith("/")

    def AppendChild(self, name):
        return Path(self.pathString.rstrip("/") + "/" + name)

    def __str__(self):
        return self.pathString

    def __repr__(self):
        return f"Sdf.Path({self.pathString!r})"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self.pathString)


class _Blocks:
    depth = 0
    opened = 0  # outermost blocks opened so far (tests read this)
    notices = 0  # change notifications sent (one per outermost block, or per Set outside one)


class ChangeBlock:
    def __enter__(self):
        if _Blocks.depth == 0:
            _Blocks.opened += 1
        _Blocks.depth += 1
        return self

    def __exit__(self, *exc):
        _Blocks.depth -= 1
        if _Blocks.depth == 0:
            _Blocks.notices += 1
        return False


def in_change_block() -> bool:
    return _Blocks.depth > 0


class ValueTypeName:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self.name)


class ValueTypeNames:
    Double3 = ValueTypeName("double3")
    Float3 = ValueTypeName("float3")
    Double = ValueTypeName("double")
    Float = ValueTypeName("float")
    Int = ValueTypeName("int")
    Bool = ValueTypeName("bool")
