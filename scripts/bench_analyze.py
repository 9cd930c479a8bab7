#!/usr/bin/env python3
"""Speed and memory of `kechuang clean` and `kechuang analyze` on the samples repeated to a size.

The five samples in Examples/seeds are copied into a temporary folder until the total reaches
--mb megabytes (default 20), then each command runs over the folder in one process (one
thread), --runs times (default 3). Prints every run's MB/s of input, the median, and the peak
resident memory (from /usr/bin/time -v).

Usage: python3 scripts/bench_analyze.py [--mb 20] [--runs 3] [--bin .build/release/kechuang] [--build]
"""
import argparse, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _peers  # noqa: E402  (run_measured)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "kechuang"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build", action="store_true")
    args = ap.parse_args()
    if args.build or not os.access(args.bin, os.X_OK):
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "kechuang"], cwd=ROOT)
    seeds = sorted(os.path.join(ROOT, "Examples", "seeds", f) for f in os.listdir(os.path.join(ROOT, "Examples", "seeds")))
    tmp = tempfile.mkdtemp(prefix="kechuang-bench-")
    try:
        total, k = 0, 0
        while total < args.mb * 1e6:
            for s in seeds:
                dst = os.path.join(tmp, f"{k:06d}-{os.path.basename(s)}")
                shutil.copyfile(s, dst)
                total += os.path.getsize(dst)
                k += 1
        print(f"corpus: {k} files, {total / 1e6:.1f} MB (the five samples repeated)")
        for cmd in (["clean"], ["analyze", "--published", "2020-09-01"]):
            walls, peak = [], 0
            for _ in range(max(1, args.runs)):
                wall, rss, _ = _peers.run_measured([args.bin] + cmd + [tmp])
                walls.append(wall)
                peak = max(peak, rss)
            median = sorted(walls)[len(walls) // 2]
            runs = ", ".join(f"{total / 1e6 / w:.2f}" for w in walls)
            print(f"  kechuang {cmd[0]:8s} median {median:6.2f} s  {total / 1e6 / median:6.2f} MB/s  "
                  f"(runs: {runs} MB/s)  peak RSS {peak / 1024:.0f} MiB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
