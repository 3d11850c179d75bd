"""Runs the spring example as a Kit extension, headless, under the Kit stand-ins.

    python3 examples/kit-sim/run_headless.py [--prims N] [--frames F] [--exts DIR] [--json]

Packages spring.py with ``portalis package --target kit`` (unless ``--exts``
points at an already packaged extension folder), builds a stage with N spring
prims, enables the extension, plays the timeline for F frames at 60 Hz (one
physics step per frame) and prints each frame's heights.  The same steps run
under CPython from spring.py; the script says whether the two trajectories are
equal and exits 1 when they are not.  Needs ``npx tsc -b`` (the compiler's dist).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXT_NAME = "portalis.wasm.spring"
DAMPING = 0.8  # the constant in bindings.json
DT = 1.0 / 60.0


def package(exts_dir: str) -> None:
    cmd = ["node", os.path.join(REPO, "actors", "bin", "portalis.js"), "package", os.path.join(HERE, "spring.py"),
           "--target", "kit", "-o", exts_dir, "--name", EXT_NAME, "--bindings", os.path.join(HERE, "bindings.json")]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=180)
    if proc.returncode != 0:
        sys.exit(f"portalis package failed ({proc.returncode}):\n{proc.stderr}")


def initial(i: int) -> tuple[float, float, float]:
    """(height, velocity, stiffness) of prim i."""
    return (1.0 + 0.1 * i, 0.0, 4.0 + (i % 7))


def build_stage(state, count: int):
    from pxr import Sdf, UsdGeom

    state.usd_context.new_stage()
    stage = state.usd_context.get_stage()
    prims = []
    for i in range(count):
        x, v, k = initial(i)
        xform = UsdGeom.Xform.Define(stage, f"/World/Springs/s{i}")
        xform.AddTranslateOp().Set((float(i), x, 0.0))
        prim = xform.GetPrim()
        prim.CreateAttribute("spring:v", Sdf.ValueTypeNames.Double).Set(v)
        prim.CreateAttribute("spring:k", Sdf.ValueTypeNames.Double).Set(k)
        prims.append(prim)
    return prims


def run_kit(exts_dir: str, count: int, frames: int) -> list[list[float]]:
    sys.path.insert(0, os.path.join(REPO, "kit-extension", "tests", "standins"))
    import kit_standin

    state = kit_standin.reset("110.1.2")
    prims = build_stage(state, count)
    state.ext_manager.add_path(exts_dir)
    state.ext_manager.set_extension_enabled_immediate(EXT_NAME, True)
    errors = state.errors()
    if errors:
        sys.exit("extension errors:\n" + "\n".join(errors))
    sim = kit_standin.KitSim(state, frame_dt=DT)
    sim.play()
    trajectory = []
    for _ in range(frames):
        sim.advance(1)
        trajectory.append([p.GetAttribute("xformOp:translate").Get()[1] for p in prims])
    state.ext_manager.set_extension_enabled_immediate(EXT_NAME, False)
    return trajectory


def run_cpython(count: int, frames: int) -> list[list[float]]:
    spec = importlib.util.spec_from_file_location("spring_cpython", os.path.join(HERE, "spring.py"))
    spring = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spring)
    state = [initial(i) for i in range(count)]
    trajectory = []
    for _ in range(frames):
        state = [(x, spring.velocity(x, v, k, DAMPING, DT), k) for x, v, k in state]
        state = [(spring.position(x, v, DT), v, k) for x, v, k in state]
        trajectory.append([x for x, _, _ in state])
    return trajectory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prims", type=int, default=3)
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--exts", help="a folder already holding the packaged extension")
    parser.add_argument("--json", action="store_true", help="print {kit, cpython, equal} as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exts = args.exts or tmp
        if not args.exts:
            package(exts)
        kit = run_kit(exts, args.prims, args.frames)
    cpython = run_cpython(args.prims, args.frames)
    equal = kit == cpython
    if args.json:
        print(json.dumps({"kit": kit, "cpython": cpython, "equal": equal}))
    else:
        print("frame  " + "  ".join(f"{'s' + str(i):>10}" for i in range(args.prims)))
        for frame, heights in enumerate(kit, 1):
            print(f"{frame:5d}  " + "  ".join(f"{h:10.6f}" for h in heights))
        print(f"\n{args.frames} physics steps x {args.prims} prims under the Kit stand-ins: "
              + ("equal to CPython, bit for bit" if equal else "DIFFERENT from CPython"))
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
