import sys

n = sys.stdout.write("no newline")
sys.stdout.write("\n")
print(n)
name = "world"
sys.stdout.write("hello, " + name + "\n")
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")
print("mixed", end=" ")
sys.stdout.write("with print\n")
count = sys.stdout.write("é😀\n")
print(count)
sys.stderr.write("to stderr\n")
