#!/usr/bin/env python3
"""Score jieba's part-of-speech names and Kechuang's EntityRecognizer on People's Daily NER, side by side.

Both are scored by one entity-level exact-span scorer (score() below: a predicted span counts
only when start, end and type equal a gold span's):
  * jieba 0.42.1: jieba.posseg.cut over each sentence, nr → PER, ns → LOC, nt → ORG;
  * Kechuang: `entities-experiment bio DEV.bio` (this package's executable), which prints one
    line per sentence of `start-end-TYPE` spans in Unicode-scalar offsets.
The BIO file is read at evaluation time only (research licence): nothing is copied or learned.

Usage:  python3 scripts/peers_ner.py [--bio PATH] [--build] [--errors N]
(re-execs itself inside /work/main/.venv-peers via /work/main/scripts/_peers.py, creating it
and pip-installing jieba==0.42.1 on first use).
"""
import argparse, collections, os, subprocess, sys, time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))      # the repository root
MAIN = HERE
sys.dont_write_bytecode = True                                          # nothing written into /work/main
sys.path.insert(0, os.path.join(MAIN, "scripts"))
import _peers  # noqa: E402

_peers.ensure_venv()

BINARY = os.path.join(HERE, ".build", "release", "kechuang")
BUILD_CMD = ["swift", "build", "-c", "release", "--product", "kechuang"]
TYPES = ("PER", "LOC", "ORG")


def read_bio(path):
    """Sentences as (text, gold spans {(start, end, type)}); one 'char TAG' a line, blank between."""
    sentences, chars, tags = [], [], []

    def flush():
        if tags:
            sentences.append(("".join(chars), spans(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                flush()
                continue
            ch, _, tag = line.rpartition(" ")
            chars.append(ch or " ")
            tags.append(tag)
    flush()
    return sentences


def spans(tags):
    """Spans of a BIO sequence; an I- tag after O or after another type starts a span."""
    out, start, typ = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        t = tag[2:] if tag[:2] in ("B-", "I-") else None
        if tag == "O" or tag.startswith("B-") or t != typ:
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, t) if t else (None, None)
    return out


def score(gold_sets, pred_sets):
    """Entity-level exact-span counts per type: {type: [correct, predicted, gold]}."""
    c = {t: [0, 0, 0] for t in TYPES}
    for g, p in zip(gold_sets, pred_sets):
        for t in TYPES:
            gt = {x for x in g if x[2] == t}
            pt = {x for x in p if x[2] == t}
            c[t][0] += len(gt & pt)
            c[t][1] += len(pt)
            c[t][2] += len(gt)
    return c


def prf(correct, predicted, gold):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def jieba_spans(texts):
    import jieba, logging
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.WARNING)
    mapping = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
    out = []
    for text in texts:
        i, s = 0, set()
        for pair in pseg.cut(text):
            w, flag = pair.word, pair.flag
            if flag in mapping:
                s.add((i, i + len(w), mapping[flag]))
            i += len(w)
        out.append(s)
    return out


def kechuang_spans(bio):
    out = subprocess.run([BINARY, "eval", "ner", "--bio", bio, "--spans"], check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    result = []
    for line in out.split("\n")[:-1]:
        s = set()
        for item in line.split():
            a, b, t = item.split("-")
            s.add((int(a), int(b), t))
        result.append(s)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bio", default=os.path.join(MAIN, "..", "shared", "eval", "peoples_daily_ner", "dev.bio"))
    ap.add_argument("--build", action="store_true", help="swift build the experiment executable first")
    ap.add_argument("--errors", type=int, default=0, help="list this many Kechuang errors per type")
    args = ap.parse_args()
    if args.build or not os.access(BINARY, os.X_OK):
        print(f"[peers] building: cd {HERE} && {' '.join(BUILD_CMD)}", file=sys.stderr)
        if subprocess.call(BUILD_CMD, cwd=HERE) != 0:
            sys.exit("*** build failed")
    sentences = read_bio(args.bio)
    texts = [t for t, _ in sentences]
    gold = [g for _, g in sentences]

    rows = []
    t0 = time.perf_counter()
    rows.append(("jieba.posseg", score(gold, jieba_spans(texts)), time.perf_counter() - t0))
    t0 = time.perf_counter()
    kech = kechuang_spans(args.bio)
    if len(kech) != len(gold):
        sys.exit(f"*** Kechuang printed {len(kech)} lines for {len(gold)} sentences")
    rows.append(("kechuang", score(gold, kech), time.perf_counter() - t0))

    from importlib.metadata import version
    print(f"\nPeople's Daily NER {os.path.basename(args.bio)}: {len(sentences)} sentences, "
          f"{sum(len(g) for g in gold)} gold entities; jieba {version('jieba')}; entity-level exact spans")
    print(f"{'system':<13} {'type':<4} {'P':>7} {'R':>7} {'F1':>7} {'pred':>6} {'gold':>6}")
    for name, c, secs in rows:
        for t in TYPES + ("ALL",):
            x = [sum(c[k][i] for k in TYPES) for i in range(3)] if t == "ALL" else c[t]
            p, r, f = prf(*x)
            print(f"{name:<13} {t:<4} {100 * p:7.2f} {100 * r:7.2f} {100 * f:7.2f} {x[1]:6d} {x[2]:6d}"
                  + (f"   ({secs:.1f} s)" if t == "ALL" else ""))
    j, k = rows[0][1], rows[1][1]
    fj = prf(*[sum(j[t][i] for t in TYPES) for i in range(3)])[2]
    fk = prf(*[sum(k[t][i] for t in TYPES) for i in range(3)])[2]
    print(f"overall F1 Kechuang - jieba: {100 * (fk - fj):+.2f} points")

    if args.errors:
        for t in TYPES:
            missed, wrong = collections.Counter(), collections.Counter()
            for text, g, p in zip(texts, gold, kech):
                missed.update(text[a:b] for a, b, tt in g - p if tt == t)
                wrong.update(text[a:b] for a, b, tt in p - g if tt == t)
            print(f"\n{t} missed: " + "  ".join(f"{w}:{n}" for w, n in missed.most_common(args.errors)))
            print(f"{t} wrong:  " + "  ".join(f"{w}:{n}" for w, n in wrong.most_common(args.errors)))
    return 0 if fk > fj else 1


if __name__ == "__main__":
    sys.exit(main())
