# refused: PTL2001 3:5
def safe(n: int) -> int:
    try:
        return 10 // n
    finally:
        print("done")


print(safe(2))
