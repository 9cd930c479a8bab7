#!/usr/bin/env python3
"""Score jieba and Kechuang word segmentation on SIGHAN 2005 PKU, side by side.

Both are scored by the same span scorer (_peers.score): jieba's default cut (default
dictionary, HMM on) in-process, and `kechuang segment` over the test file. Each is run
twice: as is, and with pku_training_words.utf8 as a user dictionary (jieba: load_userdict;
Kechuang: --user-dict). Then Kechuang's errors are broken down to help development.

Usage:  python3 scripts/peers_segmentation.py [--eval DIR] [--build] [--top N]
(re-execs itself inside .venv-peers/, creating it on first use).
"""
import argparse, os, subprocess, sys, time

import _peers

_peers.ensure_venv()


def jieba_cut(lines, userdict=None):
    import jieba, logging
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    if userdict:
        tk.load_userdict(userdict)
    return [" ".join(tk.cut(line)) for line in lines]


def kechuang_cut(binary, test, userdict=None):
    cmd = [binary, "segment"] + (["--user-dict", userdict] if userdict else []) + [test]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    return out.splitlines()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.path.join(_peers.ROOT, "..", "shared", "eval"))
    ap.add_argument("--build", action="store_true", help="swift build kechuang first")
    ap.add_argument("--top", type=int, default=30, help="error words to list")
    args = ap.parse_args()
    d = os.path.join(args.eval, "sighan2005")
    test, gold, words = (os.path.join(d, f) for f in
                         ("pku_test.utf8", "pku_test_gold.utf8", "pku_training_words.utf8"))
    lines = open(test, encoding="utf-8").read().splitlines()
    gold_lines = open(gold, encoding="utf-8").read().splitlines()
    binary = _peers.kechuang_bin(args.build)

    rows = []  # (name, userdict?, Score, seconds)
    for ud in (None, words):
        t0 = time.perf_counter()
        rows.append(("jieba", ud, _peers.score(jieba_cut(lines, ud), gold_lines),
                     time.perf_counter() - t0))
        if binary:
            t0 = time.perf_counter()
            rows.append(("kechuang", ud, _peers.score(kechuang_cut(binary, test, ud), gold_lines),
                         time.perf_counter() - t0))

    print(f"\nSIGHAN 2005 PKU test ({len(lines)} lines); {_peers.versions()}")
    print(f"{'system':<10} {'user dict':<16} {'P':>7} {'R':>7} {'F1':>7} {'words':>7} {'secs':>6}  (secs: load + cut)")
    for name, ud, s, secs in rows:
        print(f"{name:<10} {'training words' if ud else '-':<16} {100 * s.p:7.2f} {100 * s.r:7.2f}"
              f" {100 * s.f:7.2f} {s.test:7d} {secs:6.1f}"
              + (f"  ({s.mismatched_lines} lines' text differs from gold!)" if s.mismatched_lines else ""))
    if not binary:
        sys.exit(1)
    for ud in (None, words):
        j, k = (s for name, u, s, _ in rows if u == ud)
        print(f"F1 Kechuang - jieba ({'with training words' if ud else 'no user dict'}):"
              f" {100 * (k.f - j.f):+.2f} points")

    k = rows[1][2]
    print(f"\nKechuang errors (no user dict): {k.gold - k.correct} gold words missed,"
          f" {k.test - k.correct} wrong words: " + ", ".join(f"{n} {kind}" for kind, n in
                                                             k.kinds.most_common()))
    print("  (merged = joins several gold words; split = piece of one gold word; crossing = other)")
    for title, counter in (("gold words missed", k.missed), ("wrong words produced", k.wrong)):
        print(f"\nTop {args.top} {title}:")
        print("  " + "  ".join(f"{w}:{n}" for w, n in counter.most_common(args.top)))


if __name__ == "__main__":
    main()
