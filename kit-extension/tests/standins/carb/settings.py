"""Stand-in for ``carb.settings``."""
from kit_standin.state import current as _current


class ISettings:
    def get(self, path):
        return _current().settings.get(path)

    def set(self, path, value):
        _current().settings.set(path, value)

    def set_default(self, path, value):
        if self.get(path) is None:
            self.set(path, value)

    def get_as_bool(self, path):
        return bool(self.get(path) or False)

    def get_as_int(self, path):
        return int(self.get(path) or 0)

    def get_as_float(self, path):
        return float(self.get(path) or 0.0)

    def get_as_string(self, path):
        v = self.get(path)
        return "" if v is None else str(v)


def get_settings() -> ISettings:
    return ISettings()
