"""Benchmark: full validation of a generated 100,000-unit manifest vs bare lxml schema validation.

Run: ``.venv/bin/python bench/bench_validate.py [UNITS] [RUNS]`` (needs the schema store, e.g.
``LIASSE_SCHEMA_DIR`` filled by ``liasse-cli schemas install``). The manifest is generated once; each
measurement then runs in a fresh interpreter, so that its peak RSS is its own (not the generator's)
and one measurement does not warm the other. Prints the best of RUNS timings (default 3), their
ratio (target <= 2) and the peak RSS of each kind of run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from app.models.transfer import Transfer
from app.seda import manifest as writer
from app.seda.context import complete_header, demo_context

ROOT = Path(__file__).resolve().parent.parent
# Peak RSS: VmHWM of the child's own address space. ru_maxrss would not do: on Linux a child started by
# fork + exec keeps the parent's high-water mark (here the generator's, with its in-memory Transfer).
_PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
_BARE = _PEAK + """
import json, sys, time
from lxml import etree
from app.seda.schemas import default_store, load_schema
schema = load_schema("2.2", str(default_store()))
started = time.perf_counter()
parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
assert schema.validate(etree.parse(sys.argv[1], parser))
elapsed = time.perf_counter() - started
print(json.dumps([elapsed, peak_mb()]))
"""
_FULL = _PEAK + """
import json, sys, time
from pathlib import Path
from app.seda.validation import validate
from app.seda.schemas import default_store, load_schema
load_schema("2.2", str(default_store()))  # compiled outside the timing, as for the bare run
started = time.perf_counter()
report = validate(Path(sys.argv[1]))
elapsed = time.perf_counter() - started
assert report.valid, [f.render() for f in report.errors[:3]]
print(json.dumps([elapsed, peak_mb()]))
"""


def build(units: int, path: Path) -> None:
    """A transfer of *units* units in folders of 100, written with the engine's manifest writer."""
    transfer = Transfer("2.2")
    demo_context("2.2").apply(transfer)
    complete_header(transfer, writer.now_datetime())
    root = transfer.new_unit("Fonds", "Fonds")
    folder = root
    for index in range(units - 1):
        if index % 100 == 0:
            folder = transfer.new_unit(f"Dossier {index // 100}", "File", root)
        transfer.new_unit(f"Pièce {index}", "Item", folder)
    writer.write_manifest(transfer, str(path))


def measure(code: str, path: Path, runs: int) -> tuple[float, float]:
    """Best time and largest peak RSS (MB) of *code* run *runs* times in fresh interpreters."""
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifest.xml"
        build(units, path)
        size = path.stat().st_size
        bare, bare_rss = measure(_BARE, path, runs)
        full, full_rss = measure(_FULL, path, runs)
    print(f"manifest: {units} units, {size / 1e6:.1f} MB")
    print(f"bare lxml schema validation (parse + validate): {bare:.2f} s, peak RSS {bare_rss:.0f} MB")
    print(f"full validation (schema + graph + Vitam, streamed): {full:.2f} s, peak RSS {full_rss:.0f} MB")
    print(f"ratio: {full / bare:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
