#!/usr/bin/env python3
"""Speed and memory of `kechuang clean` and `kechuang analyze` on the samples repeated to a size.

The five samples in Examples/seeds are copied into a temporary folder until the total reaches
--mb megabytes (default 20), then each command runs over the folder in one process (one
thread), --runs times (default 3). Prints every run's MB/s of input, the median, and the peak
resident memory (from /usr/bin/time -v).

With --jieba, jieba's segmentation (jieba.cut, default mode with HMM, the dictionary loaded
beforehand) runs over the same files in the same run, --runs times, and the ratio of the two
medians is printed: this machine's speed drifts (the same binary has measured 1.5 times
slower or faster an hour apart), and the ratio to jieba, which the issue puts at about
1.1 MB/s, is the steadier figure. jieba comes from the peers' virtualenv (.venv-peers/, made
on first use by scripts/_peers.py).

Usage: python3 scripts/bench_analyze.py [--mb 20] [--runs 3] [--bin .build/release/kechuang] [--build] [--jieba]
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
    ap.add_argument("--jieba", action="store_true", help="also time jieba's segmentation on the same files")
    args = ap.parse_args()
    if args.jieba:
        _peers.ensure_venv()
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
        medians = {}
        for cmd in (["clean"], ["analyze", "--published", "2020-09-01"]):
            walls, peak = [], 0
            for _ in range(max(1, args.runs)):
                wall, rss, _ = _peers.run_measured([args.bin] + cmd + [tmp])
                walls.append(wall)
                peak = max(peak, rss)
            median = sorted(walls)[len(walls) // 2]
            medians[cmd[0]] = median
            runs = ", ".join(f"{total / 1e6 / w:.2f}" for w in walls)
            print(f"  kechuang {cmd[0]:8s} median {median:6.2f} s  {total / 1e6 / median:6.2f} MB/s  "
                  f"(runs: {runs} MB/s)  peak RSS {peak / 1024:.0f} MiB")
        if args.jieba:
            jieba_median = time_jieba(tmp, args.runs)
            print(f"  jieba.cut         median {jieba_median:6.2f} s  {total / 1e6 / jieba_median:6.2f} MB/s  "
                  f"(segmentation only, {_peers.versions().split(',')[0]})")
            print(f"  kechuang analyze is {jieba_median / medians['analyze']:.2f} times jieba's segmentation speed")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def time_jieba(folder, runs):
    """Median seconds of jieba.cut over every file of `folder` (dictionary loaded first)."""
    import time
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    walls = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        for t in texts:
            for _ in jieba.cut(t):
                pass
        walls.append(time.perf_counter() - t0)
    return sorted(walls)[len(walls) // 2]


if __name__ == "__main__":
    main()
