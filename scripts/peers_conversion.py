#!/usr/bin/env python3
"""Compare OpenCC (the PyPI package) and `kechuang convert` on the shared conversion cases.

1. eval/opencc/to_simplified_cases.jsonl ({"id","config","input","expected"}): each case
   through OpenCC(config) and through `kechuang convert --config config` (one process per
   config, the cases as lines); prints pass counts per config and every failure.
2. seeds/004_*.txt: OpenCC tw2sp vs `kechuang convert --config auto`; prints differing lines.

Usage:  python3 scripts/peers_conversion.py [--eval DIR] [--seeds DIR] [--build]
(re-execs itself inside .venv-peers/, creating it on first use).
"""
import argparse, collections, glob, json, os, subprocess, sys

import _peers

_peers.ensure_venv()
import opencc  # noqa: E402


def kechuang_convert(binary, config, lines):
    out = subprocess.run([binary, "convert", "--config", config], check=True,
                         input="".join(l + "\n" for l in lines).encode("utf-8"),
                         stdout=subprocess.PIPE).stdout.decode("utf-8").splitlines()
    return out + [""] * (len(lines) - len(out))  # missing lines count as failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.path.join(_peers.ROOT, "..", "shared", "eval"))
    ap.add_argument("--seeds", default=os.path.join(_peers.ROOT, "..", "shared", "seeds"))
    ap.add_argument("--build", action="store_true", help="swift build kechuang first")
    args = ap.parse_args()
    binary = _peers.kechuang_bin(args.build)

    by_config = collections.defaultdict(list)
    for line in open(os.path.join(args.eval, "opencc", "to_simplified_cases.jsonl"), encoding="utf-8"):
        if line.strip():
            case = json.loads(line)
            by_config[case["config"]].append(case)

    passed = collections.Counter()  # (tool, config) -> passes
    failures = []                   # (tool, case, got)
    for config, cases in sorted(by_config.items()):
        cc = opencc.OpenCC(config)
        outputs = {"opencc": [cc.convert(c["input"]) for c in cases]}
        if binary:
            outputs["kechuang"] = kechuang_convert(binary, config, [c["input"] for c in cases])
        for tool, got in outputs.items():
            for case, g in zip(cases, got):
                if g == case["expected"]:
                    passed[tool, config] += 1
                else:
                    failures.append((tool, case, g))

    tools = ["opencc"] + (["kechuang"] if binary else [])
    print(f"to_simplified_cases.jsonl; {_peers.versions()}")
    print(f"{'config':<8} {'cases':>5} " + " ".join(f"{t:>9}" for t in tools))
    for config, cases in sorted(by_config.items()):
        print(f"{config:<8} {len(cases):>5} " + " ".join(f"{passed[t, config]:>9}" for t in tools))
    total = sum(map(len, by_config.values()))
    print(f"{'total':<8} {total:>5} " + " ".join(
        f"{sum(n for (t, _), n in passed.items() if t == tool):>9}" for tool in tools))
    for tool, case, got in failures:
        print(f"\nFAIL {tool} {case['id']} [{case['config']}]\n  input    {case['input']}\n"
              f"  expected {case['expected']}\n  got      {got}")

    for seed in sorted(glob.glob(os.path.join(args.seeds, "004_*.txt"))):
        lines = open(seed, encoding="utf-8").read().splitlines()
        cc = opencc.OpenCC("tw2sp")
        ref = [cc.convert(l) for l in lines]
        print(f"\n{os.path.basename(seed)}: {len(lines)} lines, OpenCC tw2sp vs kechuang auto")
        if not binary:
            continue
        got = kechuang_convert(binary, "auto", lines)
        differ = [(i, a, b) for i, (a, b) in enumerate(zip(ref, got), 1) if a != b]
        for i, a, b in differ:
            print(f"  line {i}\n    opencc   {a}\n    kechuang {b}")
        print(f"  {len(differ)} lines differ")
    if not binary:
        sys.exit(1)


if __name__ == "__main__":
    main()
