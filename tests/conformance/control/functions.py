def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def hello() -> None:
    print("hello from a function")


hello()
print(gcd(1071, 462), gcd(17, 5))
count = 0
for k in range(100):
    if is_prime(k):
        count += 1
print("primes below 100:", count)
