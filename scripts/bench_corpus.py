#!/usr/bin/env python3
"""Corpus benchmark: ingest speed, database size, search latency, cross-document time, memory.

Generates a corpus by recombining the paragraphs of the five samples (cleaned by `kechuang
clean`): each article takes 3-8 random paragraphs, a title built from the samples' titles, a
publication day in 2019-2021 and one of eight sources; articles are written as JSON Lines,
100 per file. Then, in fresh processes:

  1. `kechuang ingest --json` on all cores → articles/s, analysis/write/cross-document seconds,
     peak RSS, database size;
  2. `kechuang ingest` again → the idempotent no-op run;
  3. `kechuang search --queries FILE` with 1,000 queries (two-character words, longer words,
     phrases, entities and filters) → p50/p95/max latency measured inside the process.

Usage: python3 scripts/bench_corpus.py [--articles 100000] [--bin .build/release/kechuang] [--keep DIR]
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _peers  # noqa: E402  (run_measured)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ["重庆日报", "华西都市报", "重庆科技报", "四川日报", "科技日报", "新华网", "人民网", "成都商报"]
QUERY_WORDS = ["重庆", "芯片", "成都", "人工智能", "大数据", "科学城", "北京大学", "中国科学院", "智能制造", "集成电路",
               "高新区", "研究院", "物联网", "机器人", "数字经济", "创新", "电子信息", "5G", "区块链", "新材料"]
PHRASES = ["西部科学城", "战略合作协议", "科技成果转化", "双一流", "国家级", "产业园", "大数据智能化", "人才培养"]


def clean_paragraphs(binary):
    out = subprocess.run([binary, "clean", "--format", "jsonl", os.path.join(ROOT, "Examples", "seeds")],
                         check=True, capture_output=True).stdout.decode()
    paras, titles = [], []
    for line in out.splitlines():
        a = json.loads(line)
        if a.get("title"):
            titles.append(a["title"])
        paras += [p.strip() for p in a["body"].split("\n") if len(p.strip()) >= 20]
    return paras, titles


def generate(folder, n, paras, titles, seed=7):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    total = 0
    for f in range(0, n, 100):
        with open(os.path.join(folder, f"{f // 100:05d}.jsonl"), "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + 100)):
                body = "\n".join(rng.sample(paras, rng.randint(3, 8)))
                day = f"{rng.randint(2019, 2021)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                rec = {"title": f"{rng.choice(titles)}（{i}）", "text": body, "published": day,
                       "source": rng.choice(SOURCES), "url": f"https://example.org/{i}.html"}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                total += len(line.encode())
                fh.write(line)
    return total


def queries(n, seed=11):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = i % 5
        if k == 0: out.append(rng.choice(QUERY_WORDS))
        elif k == 1: out.append(rng.choice(PHRASES))
        elif k == 2: out.append(f"{rng.choice(QUERY_WORDS)} {rng.choice(QUERY_WORDS)}")
        elif k == 3: out.append(f"{rng.choice(QUERY_WORDS)}\t--from 2020-01-01 --to 2020-06-30")
        else: out.append(f"{rng.choice(QUERY_WORDS)}\t--type cooperation")
    return out


def timed(cmd):
    """Run cmd under /usr/bin/time -v; return (its JSON stdout, peak RSS KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as f:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", f.name] + cmd, capture_output=True)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr.decode()[-2000:]}")
        rss = next((int(l.rsplit(":", 1)[1]) for l in f.read().splitlines() if "Maximum resident set size" in l), 0)
    return json.loads(p.stdout), rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "kechuang"))
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--keep", help="keep the corpus and database in this folder")
    args = ap.parse_args()
    if args.build or not os.access(args.bin, os.X_OK):
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "kechuang"], cwd=ROOT)
    work = args.keep or tempfile.mkdtemp(prefix="kechuang-corpus-")
    try:
        paras, titles = clean_paragraphs(args.bin)
        folder, db = os.path.join(work, "articles"), os.path.join(work, "bench.sqlite")
        shutil.rmtree(folder, ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix): os.remove(db + suffix)
        size = generate(folder, args.articles, paras, titles)
        print(f"corpus: {args.articles} articles from {len(paras)} sample paragraphs, {size / 1e6:.1f} MB in {len(os.listdir(folder))} files")
        print(f"machine: {os.cpu_count()} cores")
        first, rss = timed([args.bin, "ingest", "--json", "--db", db, folder])
        wall = first["seconds"]
        print(f"ingest: {wall:.1f} s, {first['articles'] / wall:.0f} articles/s, {size / 1e6 / wall:.2f} MB/s, peak RSS {rss / 1024:.0f} MiB")
        print(f"  analysis (all threads) {first['analysis_seconds']:.1f} s, writing {first['write_seconds']:.1f} s "
              f"of which cross-document step {first['link_seconds']:.1f} s")
        rep, _ = timed([args.bin, "ingest", "--json", "--db", db, folder])
        print(f"second ingest of the same folder: {rep['seconds']:.2f} s, added {rep['added']}, unchanged {rep['unchanged']}")
        dbsize = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
        print(f"database: {dbsize / 1e6:.1f} MB ({dbsize / max(size, 1):.2f}× the input)")
        stats = json.loads(subprocess.run([args.bin, "stats", "--json", "--db", db], check=True, capture_output=True).stdout)
        print(f"stored: {stats['articles']} articles, {stats['duplicates']} near-duplicates, {stats['events']} events in {stats['stories']} stories, {stats['conflicts']} conflicts")
        qfile = os.path.join(work, "queries.txt")
        with open(qfile, "w", encoding="utf-8") as fh:
            fh.write("\n".join(queries(args.queries)) + "\n")
        out = subprocess.run([args.bin, "search", "--db", db, "--queries", qfile, "--limit", "20"], check=True, capture_output=True)
        print(out.stdout.decode().strip().splitlines()[-1])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
