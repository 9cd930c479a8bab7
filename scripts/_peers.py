"""Shared helpers for the peer-comparison scripts (bench_chinesetext.py, peers_*.py).

* ensure_venv(): create/reuse the virtualenv .venv-peers/ (jieba 0.42.1, rjieba, opencc)
  and re-exec the calling script inside it.
* kechuang_bin(build): path of .build/release/kechuang, building it first when asked.
* run_measured(cmd): wall time, peak RSS and stderr of one child process.
* score(test_lines, gold_lines): SIGHAN word-segmentation P/R/F1 over character spans.
"""
import collections, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-peers")
CACHE = os.path.join(ROOT, ".bench-cache")
PINS = ["jieba==0.42.1", "rjieba", "opencc"]
KECHUANG = os.path.join(ROOT, ".build", "release", "kechuang")
BUILD_CMD = ["swift", "build", "-c", "release", "--product", "kechuang"]


def ensure_venv():
    """Make sure .venv-peers has PINS installed, then re-exec this script with its python."""
    py = os.path.join(VENV, "bin", "python")
    stamp = os.path.join(VENV, ".pins")
    if not os.path.exists(py):
        print(f"[peers] creating virtualenv {VENV}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    if not os.path.exists(stamp) or open(stamp).read() != " ".join(PINS):
        print(f"[peers] pip install {' '.join(PINS)}", file=sys.stderr)
        subprocess.check_call([py, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check"] + PINS)
        with open(stamp, "w") as f:
            f.write(" ".join(PINS))
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        os.execv(py, [py, os.path.abspath(sys.argv[0])] + sys.argv[1:])


def versions():
    """'jieba 0.42.1, rjieba x, OpenCC y' as installed in the venv."""
    from importlib.metadata import version
    return ", ".join(f"{p} {version(p)}" for p in ("jieba", "rjieba", "opencc"))


def kechuang_bin(build=False):
    """Path of the kechuang binary, or None (with a clear message) when it isn't built."""
    if build:
        print(f"[peers] building: cd {ROOT} && {' '.join(BUILD_CMD)}", file=sys.stderr)
        if subprocess.call(BUILD_CMD, cwd=ROOT) != 0:
            sys.exit(f"*** build failed: cd {ROOT} && {' '.join(BUILD_CMD)}")
    if os.access(KECHUANG, os.X_OK):
        return KECHUANG
    print(f"\n*** kechuang binary NOT FOUND at {KECHUANG}\n"
          f"*** build it with: cd {ROOT} && {' '.join(BUILD_CMD)}\n"
          f"*** (or re-run this script with --build). Kechuang rows are skipped.\n",
          file=sys.stderr)
    return None


_RUSAGE_SHIM = ("import resource, subprocess, sys\n"
                "rc = subprocess.call(sys.argv[2:])\n"
                "open(sys.argv[1], 'w').write("
                "'Maximum resident set size (kbytes): %d\\n'"
                " % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                "sys.exit(rc)\n")


def run_measured(cmd, stdin=None, stdout=subprocess.DEVNULL, input=None):
    """Run cmd once; return (wall seconds, peak RSS in KiB, stderr text).

    Peak RSS comes from GNU /usr/bin/time -v when present, else from a small python shim
    reading getrusage(RUSAGE_CHILDREN) for just that child (its wall time then includes the
    shim's ~30 ms python startup). Raises on a non-zero exit.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if os.path.exists("/usr/bin/time"):
            full = ["/usr/bin/time", "-v", "-o", rss.name] + cmd
        else:
            full = [sys.executable, "-c", _RUSAGE_SHIM, rss.name] + cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, input=input)
        wall = time.perf_counter() - t0
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{err[-2000:]}")
        peak = 0
        for line in rss.read().splitlines():
            if "Maximum resident set size" in line:
                peak = int(line.rsplit(":", 1)[1])
    return wall, peak, err


def _spans(words):
    out, i = [], 0
    for w in words:
        out.append((i, i + len(w)))
        i += len(w)
    return out


class Score:
    """Counts of one scoring run; p/r/f are fractions in [0, 1]."""

    def __init__(self):
        self.correct = self.test = self.gold = self.mismatched_lines = 0
        self.missed = collections.Counter()    # gold words whose span the test lacks
        self.wrong = collections.Counter()     # test words whose span is not gold
        self.kinds = collections.Counter()     # wrong words: merged / split / crossing

    p = property(lambda s: s.correct / s.test if s.test else 0.0)
    r = property(lambda s: s.correct / s.gold if s.gold else 0.0)
    f = property(lambda s: 2 * s.p * s.r / (s.p + s.r) if s.p + s.r else 0.0)


def score(test_lines, gold_lines):
    """Standard SIGHAN scoring: a test word is correct iff its [start,end) span over the
    line's non-whitespace characters equals a gold word's span. Whitespace is ignored.

    Wrong test words are also classified: 'merged' (covers several whole gold words),
    'split' (lies inside one gold word) or 'crossing' (straddles a gold boundary).
    """
    if len(test_lines) != len(gold_lines):
        raise ValueError(f"{len(test_lines)} test lines vs {len(gold_lines)} gold lines")
    s = Score()
    for t, g in zip(test_lines, gold_lines):
        tw, gw = t.split(), g.split()
        if "".join(tw) != "".join(gw):
            s.mismatched_lines += 1
        ts, gs = dict(zip(_spans(tw), tw)), dict(zip(_spans(gw), gw))
        bounds = {b for span in gs for b in span}
        s.correct += len(ts.keys() & gs.keys())
        s.test += len(ts)
        s.gold += len(gs)
        s.missed.update(gs[k] for k in gs.keys() - ts.keys())
        for (a, b) in ts.keys() - gs.keys():
            s.wrong[ts[a, b]] += 1
            if a in bounds and b in bounds:
                s.kinds["merged"] += 1
            elif not any(i in bounds for i in range(a + 1, b)):
                s.kinds["split"] += 1
            else:
                s.kinds["crossing"] += 1
    return s
