a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1})
print({1: [1, 2]} == {1: [1, 2]}, {1: 1.0} == {1: 1.0})
nested = {"outer": {"inner": [{"deep": True}, {"deep": False, "x": True}]}}
print(nested)
print(nested["outer"]["inner"][1])
tree: dict[str, dict[str, int]] = {"a": {}, "b": {"c": 1}}
tree["a"]["z"] = 26
print(tree, len(tree["b"]))
print(str({"q": "it's"}), repr({"k": "tab\t"}))
print({0.5: "half", -0.0: "zero", 1e16: "big"})
