import sys

sys.stdout.write("first ")
sys.stdout.write("line\n")
sys.stderr.write("to stderr\n")
print("after", "write")
