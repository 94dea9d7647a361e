"""Benchmark: folder → SIP, against the dedicated tools doing each step alone.

    python bench/bench_build.py [--files 100000] [--data bench/data]

Generates (once) a tree of files of mixed sizes and formats, warms the page cache, then prints:
  import: Liasse's scan (hash + Siegfried + libmagic, in parallel) / (sha512sum over every file
          + pygfried.identify over every file, one after the other)      target <= 1.0x
  export: Liasse's SIP writing / `zip -0 -r` of the same folder           target <= 1.3x
  peak RSS of the Liasse process (scan + export, 100,000 units)         target <= 400 MB
  (Siegfried runs in worker processes, whose peak RSS is printed apart)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADERS = [
    (".pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    (".png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    (".txt", b"Compte rendu de la reunion du conseil\n"),
    (".xml", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc>"),
    (".jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
    (".bin", b""),
]


def generate(tree: Path, files: int, seed: int = 7) -> None:
    """Files in folders of 100, two levels deep; sizes mostly small with a long tail."""
    marker = tree.with_name(tree.name + ".complete")
    if marker.exists():
        return
    shutil.rmtree(tree, ignore_errors=True)
    rng = random.Random(seed)
    block = os.urandom(4 << 20)
    for i in range(files):
        folder = tree / f"serie {i // 10000:02d}" / f"dossier {i // 100:04d}"
        if i % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        size = rng.randint(1 << 10, 16 << 10) if roll < 0.8 else (
            rng.randint(16 << 10, 128 << 10) if roll < 0.99 else rng.randint(1 << 20, 4 << 20))
        ext, head = HEADERS[i % len(HEADERS)]
        start = rng.randint(0, len(block) - size)
        (folder / f"piece {i:06d}{ext}").write_bytes(head + block[start:start + size - len(head)])
    marker.write_text("ok")


def all_files(tree: Path) -> list[str]:
    return [str(p) for p in sorted(tree.rglob("*")) if p.is_file()]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def baseline_import(tree: Path, paths: list[str]) -> tuple[float, float]:
    def sha() -> None:
        subprocess.run(f"find '{tree}' -type f -print0 | xargs -0 sha512sum > /dev/null",
                       shell=True, check=True)

    def siegfried() -> None:
        import pygfried

        scanner = pygfried.Scanner()
        for path in paths:
            try:
                scanner.identify(path)
            except Exception:
                pass

    return timed(sha), timed(siegfried)


def baseline_export(tree: Path, out: Path) -> float:
    out.unlink(missing_ok=True)
    t = timed(lambda: subprocess.run(["zip", "-0", "-r", "-q", str(out), "."], cwd=tree, check=True))
    out.unlink()
    return t


def run_ours(tree: Path, out: Path) -> None:
    """Child process: scan then export, print the timings as JSON."""
    from app.seda.context import demo_context
    from app.seda.scanner import scan_folder
    from app.seda.sip import export_sip

    start = time.perf_counter()
    result = scan_folder(tree)
    scanned = time.perf_counter()
    demo_context(result.transfer.version).apply(result.transfer)
    export_sip(result.transfer, out)
    done = time.perf_counter()
    out.unlink()
    print(json.dumps({"import": scanned - start, "export": done - scanned, "units": result.transfer.count_units(),
                      "files": result.files, "bytes": result.bytes,
                      "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--run-ours", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_ours:
        run_ours(*args.run_ours)
        return
    if not shutil.which("zip") or not shutil.which("sha512sum"):
        sys.exit("needs zip and sha512sum on the PATH")
    tree = args.data / f"tree-{args.files}"
    print(f"generating {args.files} files in {tree} (once)…", flush=True)
    generate(tree, args.files)
    paths = all_files(tree)
    total = sum(os.path.getsize(p) for p in paths)
    print(f"{len(paths)} files, {total / 1e9:.2f} GB; warming the page cache…", flush=True)
    subprocess.run(f"find '{tree}' -type f -print0 | xargs -0 cat > /dev/null", shell=True, check=True)
    out = args.data / "bench-sip.zip"
    env = dict(os.environ, LIASSE_CACHE_DIR=str(args.data / "cache-unused"))
    shutil.rmtree(args.data / "cache-unused", ignore_errors=True)
    proc = subprocess.run([sys.executable, __file__, "--run-ours", str(tree), str(out)],
                          capture_output=True, text=True, env=env, check=True)
    ours = json.loads(proc.stdout.strip().splitlines()[-1])
    sha, sf = baseline_import(tree, paths)
    zip_time = baseline_export(tree, out)
    print(f"\n{'step':<8}{'Liasse':>10}{'baseline':>10}{'ratio':>8}  baseline")
    print(f"{'import':<8}{ours['import']:>9.1f}s{sha + sf:>9.1f}s{ours['import'] / (sha + sf):>7.2f}x  "
          f"sha512sum {sha:.1f}s + pygfried {sf:.1f}s  (target <= 1.0x)")
    print(f"{'export':<8}{ours['export']:>9.1f}s{zip_time:>9.1f}s{ours['export'] / zip_time:>7.2f}x  "
          f"zip -0 -r  (target <= 1.3x)")
    print(f"peak RSS {ours['rss_main']:.0f} MB for {ours['units']} units / {ours['files']} files  (target <= 400 MB);"
          f" each Siegfried worker process {ours['rss_workers']:.0f} MB")


if __name__ == "__main__":
    main()
