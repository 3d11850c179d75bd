name = input()
age = int(input())
print("name:", name, "age:", age)
print(f"{name.upper()} will be {age + 1} next year")
words = input().split()
print(len(words), words)
nums = [int(x) for x in input().split(",")]
print(sum(nums), max(nums))
