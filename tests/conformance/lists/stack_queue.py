stack: list[int] = []
for v in [1, 2, 3, 4]:
    stack.append(v)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = ["a", "b", "c"]
order = []
while queue:
    head = queue.pop(0)
    order.append(head)
    if head == "a":
        queue.append("d")
print(order)


def balanced(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    st: list[str] = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st


for t in ["()", "([]{})", "(]", "((", "", "a(b)c]"]:
    print(repr(t), balanced(t))
