def normalize(name: str) -> str:
    return " ".join(part.capitalize() for part in name.strip().split())


def initials(name: str) -> str:
    return "".join(p[0].upper() for p in name.split())


def is_palindrome(s: str) -> bool:
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]


for raw in ["  ada   lovelace ", "ALAN turing", "grace HOPPER"]:
    n = normalize(raw)
    print(repr(n), initials(n))
for p in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""]:
    print(is_palindrome(p))
