# The Python twin of script_io.rs: CPython's answers for the script host tests.
import sys

mode = sys.argv[1] if len(sys.argv) > 1 else ""
if mode == "argv":
    print(len(sys.argv))
    for a in sys.argv[1:]:
        print(repr(a))
elif mode == "input":
    print("start")
    while True:
        line = input("> ")
        print(repr(line))
elif mode == "read":
    text = sys.stdin.read()
    print(len(text), repr(text))
elif mode == "lines":
    first = sys.stdin.readline()
    print("first", repr(first))
    for line in sys.stdin:
        print(repr(line))
    print("after", repr(sys.stdin.readline()))
elif mode == "readlines":
    print(sys.stdin.readlines())
elif mode == "write":
    n = sys.stdout.write(sys.argv[2])
    print(n)
elif mode == "exit":
    print("bye")
    sys.exit(sys.argv[2])
