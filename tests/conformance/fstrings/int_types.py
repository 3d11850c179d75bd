for n in [0, 5, 255, -255, 4096]:
    print(f"{n:d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{255:08b} {255:#010b} {65535:#06X}")
print(f"{7:f} {7:e} {7:%} {7:g}")
print(f"{3:5d}|{3:<5d}|{3:05d}")
mask = 0b1011
print(f"mask={mask:04b} hex={mask:02x}")
