#!/usr/bin/env python3
"""Score keyphrase extraction of jieba (TF-IDF, TextRank), JioNLP and Kechuang side by side on
CSL keywords (eval/csl_keywords/dev.tsv), with ONE scorer, identical to
Sources/Evaluation/KeywordEvaluation.swift.

Data: one abstract a line, `to keywords<TAB>TEXT<TAB>kw1_kw2_...`, where TEXT is the abstract,
a space and the title, and the keywords are the authors'. Every system gets the same TEXT and
returns its top 5:

* jieba TF-IDF:   jieba.analyse.extract_tags(TEXT, topK=5)      (jieba 0.42.1, defaults)
* jieba TextRank: jieba.analyse.textrank(TEXT, topK=5)          (defaults)
* JioNLP:         jionlp.keyphrase.extract_keyphrase(TEXT, top_k=5)   (defaults)
* Kechuang:       `BIN tsv FILE -k 5` (the keywords-exp executable: KeywordExtractor with
                  title nil and TEXT as the body), one line of tab-separated keyphrases per row

Scorer: a keyphrase is correct when it equals one of the document's gold keywords exactly
(white space trimmed, duplicates counted once); P = correct / predicted, R = correct / gold,
F1 = harmonic mean, micro-averaged over all documents (macro F1 printed for reference).

Usage:  python3 scripts/peers_keywords.py [--eval DIR] [--bin PATH | --cmd 'CMD {file}'] [--build]
        [--split-title] [--show N] [--limit N] [--cache DIR]
(re-execs itself inside .venv-peers/ via _peers.py, installing jionlp there on first use).
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
# _peers.py lives in Kechuang's scripts/ folder: beside this script once it is moved there,
# else in the checkout given by $KECHUANG_ROOT (default /work/main).
for _d in (HERE, os.path.join(os.environ.get("KECHUANG_ROOT", "/work/main"), "scripts")):
    if os.path.exists(os.path.join(_d, "_peers.py")):
        sys.path.insert(0, _d)
        break
import _peers  # noqa: E402

_peers.ensure_venv()

PEER_PINS = ["jionlp"]


def ensure_peer_packages():
    try:
        import jionlp  # noqa: F401
    except ImportError:
        print(f"[peers] pip install {' '.join(PEER_PINS)}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check"] + PEER_PINS)


ensure_peer_packages()

# ---------------------------------------------------------------- data and scoring (mirrors the Swift)

WHITESPACE = " \t"


def read_rows(path, limit=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                sys.exit(f"{path}:{n}: expected 3 tab-separated fields, found {len(fields)}")
            gold = [k.strip(WHITESPACE) for k in fields[-1].split("_")]
            rows.append((fields[-2], [k for k in gold if k]))
            if limit and len(rows) >= limit:
                break
    return rows


class Tally:
    def __init__(self):
        self.documents = self.correct = self.predicted = self.gold = 0
        self.f1_sum = 0.0
        self.hits = []

    def add(self, predicted, gold):
        seen, p = set(), []
        for k in predicted:
            k = k.strip(WHITESPACE)
            if k and k not in seen:
                seen.add(k)
                p.append(k)
        g = {k.strip(WHITESPACE) for k in gold if k.strip(WHITESPACE)}
        hits = sum(1 for k in p if k in g)
        self.documents += 1
        self.correct += hits
        self.predicted += len(p)
        self.gold += len(g)
        dp = hits / len(p) if p else 0.0
        dr = hits / len(g) if g else 0.0
        self.f1_sum += 2 * dp * dr / (dp + dr) if dp + dr else 0.0
        self.hits.append(hits)

    p = property(lambda s: s.correct / s.predicted if s.predicted else 0.0)
    r = property(lambda s: s.correct / s.gold if s.gold else 0.0)
    f = property(lambda s: 2 * s.p * s.r / (s.p + s.r) if s.p + s.r else 0.0)
    macro_f = property(lambda s: s.f1_sum / s.documents if s.documents else 0.0)


def split_title(text):
    """Mirror of KeywordEvaluation.splitTitle: (title, body) at the last '. ' (or 。!！?？ + space)."""
    for i in range(len(text) - 1, 0, -1):
        if text[i] == " " and text[i - 1] in ".。!！?？":
            t = text[i + 1:].strip(" ")
            return (t, text[:i]) if t else (None, text)
    return None, text

# ---------------------------------------------------------------- systems


def run_jieba_tfidf(texts):
    import jieba, jieba.analyse, logging
    jieba.setLogLevel(logging.WARNING)
    return [jieba.analyse.extract_tags(t, topK=5) for t in texts]


def run_jieba_textrank(texts):
    import jieba, jieba.analyse, logging
    jieba.setLogLevel(logging.WARNING)
    return [jieba.analyse.textrank(t, topK=5) for t in texts]


def run_jionlp(texts):
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp
    return [jionlp.keyphrase.extract_keyphrase(t, top_k=5) for t in texts]


def default_bin():
    for root in (os.path.dirname(HERE),):
        p = os.path.join(root, ".build", "release", "kechuang")
        if os.access(p, os.X_OK):
            return p
    return None


def run_kechuang(binary, tsv, n_rows, split, template=None):
    if template:
        import shlex
        cmd = [a.replace("{file}", tsv) for a in shlex.split(template)] + (["--split-title"] if split else [])
    else:
        cmd = [binary, "keywords", "--tsv", tsv, "--count", "5"] + (["--split-title"] if split else [])
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    lines = out.split("\n")[:n_rows]
    return [[k for k in line.split("\t") if k] for line in lines]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.path.join(_peers.ROOT, "..", "shared", "eval"))
    ap.add_argument("--bin", default=None, help="keywords-exp executable (default: .build/release/keywords-exp)")
    ap.add_argument("--cmd", default=None,
                    help="instead of BIN: a command printing the top 5 per row, tab-separated, e.g."
                         " 'kechuang keywords --tsv {file} -k 5' ({file} = the TSV path)")
    ap.add_argument("--build", action="store_true", help="swift build -c release first (in the bin's package)")
    ap.add_argument("--split-title", action="store_true",
                    help="also score Kechuang given the title separately (the peers have no title input)")
    ap.add_argument("--show", type=int, default=0, help="print the first N documents' keyphrases")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--cache", default=None, help="folder to cache the peers' outputs in (JSON)")
    args = ap.parse_args()

    tsv = os.path.join(args.eval, "csl_keywords", "dev.tsv")
    rows = read_rows(tsv, args.limit or None)
    texts = [t for t, _ in rows]
    golds = [g for _, g in rows]

    binary = args.bin or default_bin()
    if args.cmd:
        binary = "cmd"
    elif args.build:
        pkg = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(binary)))) if binary else os.path.dirname(HERE)
        print(f"[peers] building: cd {pkg} && swift build -c release", file=sys.stderr)
        if subprocess.call(["swift", "build", "-c", "release"], cwd=pkg) != 0:
            sys.exit("*** build failed")
        binary = binary or default_bin()
    if not args.cmd and (not binary or not os.access(binary, os.X_OK)):
        print("*** keywords-exp NOT FOUND; build it with `swift build -c release` or pass --bin."
              " Kechuang rows are skipped.", file=sys.stderr)
        binary = None

    from importlib.metadata import version
    systems = [("jieba TF-IDF", run_jieba_tfidf), ("jieba TextRank", run_jieba_textrank),
               ("JioNLP keyphrase", run_jionlp)]
    results = []  # (name, predictions, seconds)
    for name, fn in systems:
        cache = None
        if args.cache:
            os.makedirs(args.cache, exist_ok=True)
            cache = os.path.join(args.cache, f"keywords-{name.split()[0]}-{name.split()[-1]}-{len(rows)}.json")
        if cache and os.path.exists(cache):
            preds, secs = json.load(open(cache, encoding="utf-8"))
        else:
            t0 = time.perf_counter()
            preds = fn(texts)
            secs = time.perf_counter() - t0
            if cache:
                json.dump([preds, secs], open(cache, "w", encoding="utf-8"), ensure_ascii=False)
        results.append((name, preds, secs))
    if binary:
        for split in ([False, True] if args.split_title else [False]):
            t0 = time.perf_counter()
            # The Swift side reads the same file; with --limit it still runs all rows.
            preds = run_kechuang(binary, tsv, len(rows), split, args.cmd)
            results.append(("Kechuang" + (" (title split)" if split else ""), preds,
                            time.perf_counter() - t0))

    print(f"\nCSL keywords {os.path.relpath(tsv)}: {len(rows)} documents, {sum(len(g) for g in golds)} gold keywords;"
          f" jieba {version('jieba')}, jionlp {version('jionlp')}")
    print(f"{'system':<26} {'P@5':>7} {'R@5':>7} {'F1@5':>7} {'macroF1':>8} {'secs':>7}  (secs: whole run incl. loading)")
    tallies = {}
    for name, preds, secs in results:
        t = Tally()
        for p, g in zip(preds, golds):
            t.add(p, g)
        tallies[name] = t
        print(f"{name:<26} {100 * t.p:7.2f} {100 * t.r:7.2f} {100 * t.f:7.2f} {100 * t.macro_f:8.2f} {secs:7.1f}")
    if "Kechuang" in tallies:
        k = tallies["Kechuang"]
        best = max((n for n in tallies if not n.startswith("Kechuang")), key=lambda n: tallies[n].f)
        print(f"F1@5 Kechuang - best peer ({best}): {100 * (k.f - tallies[best].f):+.2f} points")
    for i in range(min(args.show, len(rows))):
        print(f"\n[{i + 1}] gold: {' | '.join(golds[i])}")
        for name, preds, _ in results:
            print(f"  {name:<24} {' | '.join(preds[i])}")
    if binary is None:
        sys.exit(1)


if __name__ == "__main__":
    main()
