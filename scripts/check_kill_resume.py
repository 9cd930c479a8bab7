#!/usr/bin/env python3
"""Kill-safety of `kechuang ingest`: a run killed with SIGKILL mid-way, then run again, must give
the same database as one clean run (and pass `kechuang check`: SQLite integrity, foreign keys,
the FTS5 index).

Generates a corpus like scripts/bench_corpus.py (recombined sample paragraphs, JSON Lines),
ingests it once into A; ingests it into B and kills that process with SIGKILL as soon as some
batches (but not all) are committed, at several points; runs the ingest on B again; compares
`kechuang check` of both (integrity and content digest).

Usage: python3 scripts/check_kill_resume.py [--articles 3000] [--kills 3] [--bin .build/release/kechuang]
"""
import argparse, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_corpus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def committed_files(db):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
            return c.execute("SELECT count(*) FROM file").fetchone()[0]
    except sqlite3.Error:
        return 0


def check(binary, db):
    out = subprocess.run([binary, "check", "--db", db], capture_output=True, text=True)
    lines = dict(l.split(": ", 1) for l in out.stdout.splitlines() if ": " in l)
    return out.returncode, lines.get("integrity"), lines.get("content digest"), out.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "kechuang"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="kechuang-kill-")
    try:
        paras, titles = bench_corpus.clean_paragraphs(args.bin)
        folder = os.path.join(work, "articles")
        bench_corpus.generate(folder, args.articles, paras, titles)
        files = len(os.listdir(folder))
        a, b = os.path.join(work, "a.sqlite"), os.path.join(work, "b.sqlite")
        subprocess.run([args.bin, "ingest", "--db", a, "--batch", "2", folder], check=True, capture_output=True)
        for k in range(args.kills):
            # Kill once more than the last time's files are committed.
            target = (k + 1) * files // (args.kills + 1)
            p = subprocess.Popen([args.bin, "ingest", "--db", b, "--batch", "2", folder],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while p.poll() is None and committed_files(b) < target:
                time.sleep(0.05)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait()
                print(f"kill {k + 1}: SIGKILL with {committed_files(b)}/{files} files committed")
            else:
                print(f"kill {k + 1}: the run finished before the kill point")
        subprocess.run([args.bin, "ingest", "--db", b, "--batch", "2", folder], check=True, capture_output=True)
        ra, ia, da, _ = check(args.bin, a)
        rb, ib, db_, outb = check(args.bin, b)
        print(f"one clean run:       integrity {ia}, digest {da}")
        print(f"killed, then resumed: integrity {ib}, digest {db_}")
        same = ra == 0 and rb == 0 and da == db_
        print("same database: " + ("yes" if same else "NO"))
        if not same:
            print(outb)
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
