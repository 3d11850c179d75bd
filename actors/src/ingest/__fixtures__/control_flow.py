def first_divisor(n: int) -> int:
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return n
    return d


def search(limit: int, target: int) -> int:
    i = 0
    found = -1
    while i < limit:
        i += 1
        if i % 3 == 0:
            continue
        if i * i == target:
            found = i
            break
    else:
        found = -2
    return found


def grid_count(w: int, h: int) -> int:
    count = 0
    for x in range(w):
        for y in range(h):
            if x == y:
                continue
            elif x > y:
                if (x + y) % 2:
                    count += 1
                else:
                    pass
            else:
                count += 2
    return count


def nested_while(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        j = i
        while True:
            if j >= n:
                break
            total += j
            j += 2
        i += 1
    return total


def fizz(n: int) -> int:
    score = 0
    for i in range(1, n + 1):
        if i % 15 == 0: score += 15
        elif i % 5 == 0: score += 5
        elif i % 3 == 0: score += 3
        else: score += 1
    return score
