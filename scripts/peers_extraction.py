#!/usr/bin/env python3
"""Compare trafilatura, GNE (GeneralNewsExtractor) and `kechuang eval extraction` on the web
extraction pages (eval/web_extraction/pages/ID.html + gold/ID.json {"body","author","date"}).

Every tool gets the same decoded page text (the charset from a BOM, then <meta charset> /
http-equiv in the first 8 KiB, GBK/GB2312 read as GB18030, then UTF-8, else GB18030); Kechuang
reads the bytes itself. All three are scored by ONE scorer, identical to
Sources/Evaluation/WebExtractionEvaluation.swift:

* body F1: bag-of-characters F1, Unicode White_Space removed, multiset overlap of code points;
  both empty = 1, one empty = 0; mean over pages.
* author: gold "UNKNOWN"/empty = absent (correct iff nothing predicted); else equal after
  removing white space and 、,，;；/, or the same multiset of names split at those.
* date: digit groups year(4 digits), month, day, hour, minute; gold absent (no 4-digit year) =
  correct iff nothing predicted; else every component of the gold up to the minute must match.

Then a speed benchmark: the pages repeated to --speed-pages files in a temp folder; trafilatura
(in-process, default settings, metadata on) and GNE time their loop; Kechuang is timed as a
whole process (`kechuang eval extraction --pages DIR --speed`, one thread).

Usage:  python3 scripts/peers_extraction.py [--eval DIR] [--bin PATH] [--build] [--show N]
        [--speed-pages 1000] [--no-speed] [--favor-recall]
(re-execs itself inside .venv-peers/, installing trafilatura and gne there on first use).
"""
import argparse, collections, glob, json, os, re, shutil, subprocess, sys, tempfile, time

import _peers

_peers.ensure_venv()

PEER_PINS = ["trafilatura==2.3.1", "gne==0.4.3", "lxml_html_clean"]


def ensure_peer_packages():
    try:
        import trafilatura  # noqa: F401
        import gne  # noqa: F401
        import lxml_html_clean  # noqa: F401
    except ImportError:
        print(f"[peers] pip install {' '.join(PEER_PINS)}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check"] + PEER_PINS)


ensure_peer_packages()
import trafilatura  # noqa: E402
from gne import GeneralNewsExtractor  # noqa: E402

# ---------------------------------------------------------------- scoring (mirrors the Swift)

WHITE = set([*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000])
NAME_SEPARATORS = set(map(ord, "、,，;；/"))


def body_score(extracted, gold):
    g = collections.Counter(c for c in gold if ord(c) not in WHITE)
    p = collections.Counter(c for c in extracted if ord(c) not in WHITE)
    ng, np_ = sum(g.values()), sum(p.values())
    if ng == 0 and np_ == 0:
        return 1.0, 1.0, 1.0
    if ng == 0 or np_ == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((g & p).values())
    prec, rec = overlap / np_, overlap / ng
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _absent(gold):
    t = "".join(c for c in gold if ord(c) not in WHITE)
    return t == "" or t.upper() == "UNKNOWN"


def _tokens(s):
    out, cur = [], ""
    for c in s:
        if ord(c) in WHITE or ord(c) in NAME_SEPARATORS:
            if cur:
                out.append(cur)
                cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def author_ok(predicted, gold):
    p = _tokens(predicted or "")
    if _absent(gold):
        return not p
    g = _tokens(gold)
    if not p:
        return False
    return "".join(p) == "".join(g) or sorted(p) == sorted(g)


def _date_parts(s):
    groups = re.findall(r"[0-9]+", s or "")
    if not groups or len(groups[0]) != 4:
        return []
    return [int(x) for x in groups]


def date_ok(predicted, gold, precision=5):
    """precision 5: the scorer (up to the minute when the gold has a time); 3: days only (an
    extra column, because trafilatura never outputs a time)."""
    g = _date_parts(gold)[:precision]
    p = _date_parts(predicted)
    if not g:
        return not p
    return len(p) >= len(g) and p[:len(g)] == g


# ---------------------------------------------------------------- decoding (same for all peers)

META = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    m = META.search(raw[:8192])
    name = m.group(1).decode("ascii").lower() if m else None
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        try:
            return raw.decode("utf-8")  # declared GB, but the bytes are UTF-8
        except UnicodeDecodeError:
            return raw.decode("gb18030", "replace")
    if name in ("big5", "big5-hkscs", "cp950"):
        return raw.decode("big5hkscs", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", "replace")


# ---------------------------------------------------------------- tools

def run_trafilatura(html, favor_recall=False):
    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=favor_recall)
    if doc is None:
        return {"body": "", "author": "", "date": ""}
    if not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    return {"body": doc.get("text") or "", "author": doc.get("author") or "", "date": doc.get("date") or ""}


_gne = GeneralNewsExtractor()


def run_gne(html):
    try:
        r = _gne.extract(html)
    except Exception as e:  # GNE raises on some pages
        print(f"[gne] failed: {e}", file=sys.stderr)
        return {"body": "", "author": "", "date": ""}
    return {"body": r.get("content") or "", "author": r.get("author") or "", "date": r.get("publish_time") or ""}


def run_kechuang(binary, pages, gold):
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl") as dump:
        out = subprocess.run([binary, "eval", "extraction", "--pages", pages, "--gold", gold, "--json",
                              "--dump", dump.name], check=True, stdout=subprocess.PIPE).stdout.decode()
        rows = {}
        for line in open(dump.name, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                rows[r["id"]] = r
    return rows, json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.path.join(_peers.ROOT, "..", "shared", "eval"))
    ap.add_argument("--bin", default=_peers.KECHUANG, help="the kechuang binary (release build)")
    ap.add_argument("--build", action="store_true", help="swift build -c release first")
    ap.add_argument("--show", type=int, default=0, help="print this many worst pages per tool")
    ap.add_argument("--speed-pages", type=int, default=1000)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--favor-recall", action="store_true", help="trafilatura favor_recall=True")
    args = ap.parse_args()
    binary = args.bin if os.access(args.bin, os.X_OK) and not args.build else _peers.kechuang_bin(args.build)

    pages_dir = os.path.join(args.eval, "web_extraction", "pages")
    gold_dir = os.path.join(args.eval, "web_extraction", "gold")
    ids = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(gold_dir, "*.json")))
    gold = {i: json.load(open(os.path.join(gold_dir, i + ".json"), encoding="utf-8")) for i in ids}
    html = {i: decode(open(os.path.join(pages_dir, i + ".html"), "rb").read()) for i in ids}

    results = {"trafilatura": {i: run_trafilatura(html[i], args.favor_recall) for i in ids},
               "gne": {i: run_gne(html[i]) for i in ids}}
    swift_json = None
    if binary:
        results["kechuang"], swift_json = run_kechuang(binary, pages_dir, gold_dir)

    from importlib.metadata import version
    print(f"{len(ids)} pages; trafilatura {version('trafilatura')}"
          f"{' (favor_recall)' if args.favor_recall else ' (default settings)'}, gne {version('gne')}")
    print(f"{'tool':<12} {'body F1':>8} {'P':>7} {'R':>7} {'author':>7} {'date':>7} {'date@day':>9}")
    for tool, rows in results.items():
        scores = []
        for i in ids:
            r = rows.get(i, {"body": "", "author": "", "date": ""})
            p, rc, f = body_score(r["body"], gold[i]["body"])
            scores.append((f, p, rc, author_ok(r["author"], gold[i]["author"]), date_ok(r["date"], gold[i]["date"]),
                           date_ok(r["date"], gold[i]["date"], 3), i, r))
        n = len(scores)
        mean = lambda k: sum(s[k] for s in scores) / n  # noqa: E731
        print(f"{tool:<12} {mean(0):>8.4f} {mean(1):>7.4f} {mean(2):>7.4f} {mean(3):>7.4f} {mean(4):>7.4f} {mean(5):>9.4f}")
        for f, p, rc, a, d, dd, i, r in sorted(scores, key=lambda s: s[0])[:args.show]:
            print(f"    {i[:8]} F1 {f:.3f} (P {p:.3f} R {rc:.3f})  author {r['author']!r} vs {gold[i]['author']!r}"
                  f"  date {r['date']!r} vs {gold[i]['date']!r}")
    if swift_json:
        print(f"(kechuang's own scorer: body F1 {swift_json['body_f1']:.4f}, author {swift_json['author_accuracy']:.4f},"
              f" date {swift_json['date_accuracy']:.4f})")

    if args.no_speed:
        return
    tmp = tempfile.mkdtemp(prefix="kc-extraction-speed-")
    try:
        n = args.speed_pages
        total = 0
        for k in range(n):
            src = os.path.join(pages_dir, ids[k % len(ids)] + ".html")
            dst = os.path.join(tmp, f"{k:05d}.html")
            shutil.copyfile(src, dst)
            total += os.path.getsize(dst)
        files = sorted(glob.glob(os.path.join(tmp, "*.html")))
        print(f"\nspeed: {n} pages ({total / 1048576:.1f} MB), one thread each")
        t0 = time.perf_counter()
        for f in files:
            run_trafilatura(decode(open(f, "rb").read()), args.favor_recall)
        t_traf = time.perf_counter() - t0
        print(f"  trafilatura (in-process): {t_traf:8.2f} s  {n / t_traf:8.1f} pages/s")
        t0 = time.perf_counter()
        for f in files:
            run_gne(decode(open(f, "rb").read()))
        t_gne = time.perf_counter() - t0
        print(f"  gne         (in-process): {t_gne:8.2f} s  {n / t_gne:8.1f} pages/s")
        if binary:
            wall, rss, _ = _peers.run_measured([binary, "eval", "extraction", "--pages", tmp, "--speed"])
            print(f"  kechuang extraction (whole process): {wall:5.2f} s  {n / wall:8.1f} pages/s  peak RSS {rss / 1024:.0f} MiB")
            print(f"  kechuang extraction / trafilatura: {t_traf / wall:.1f}x   / gne: {t_gne / wall:.1f}x")
            # The whole `kechuang clean` (extraction, cleaning rules, conversion, JSON output).
            wall_c, rss_c, _ = _peers.run_measured([binary, "clean", tmp])
            print(f"  kechuang clean      (whole process): {wall_c:5.2f} s  {n / wall_c:8.1f} pages/s  peak RSS {rss_c / 1024:.0f} MiB")
            print(f"  kechuang clean / trafilatura: {t_traf / wall_c:.1f}x   / gne: {t_gne / wall_c:.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
