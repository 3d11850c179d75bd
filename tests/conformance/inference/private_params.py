def _area(w, h):
    return w * h


def _label(name, count):
    return f"{name} x{count}"


def _mean(values):
    return sum(values) / len(values)


def _first_upper(words):
    return [w[0].upper() for w in words]


print(_area(3, 4), _area(10, 0))
print(_label("apple", 3))
print(_mean([1.0, 2.0, 4.0]))
print(_first_upper(["ab", "cd"]))
