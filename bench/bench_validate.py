"""Benchmark: full validation of a generated 100,000-unit manifest vs bare lxml schema validation.

Run: ``.venv/bin/python bench/bench_validate.py [UNITS]`` (needs the schema store, e.g.
``LIASSE_SCHEMA_DIR`` filled by ``liasse-cli schemas install``). Prints both timings, their ratio
(target <= 2) and the peak RSS of the process.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from app.models.transfer import Transfer
from app.seda import manifest as writer
from app.seda.context import complete_header, demo_context
from app.seda.schemas import default_store, load_schema
from app.seda.validation import validate


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


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifest.xml"
        build(units, path)
        size = path.stat().st_size
        schema = load_schema("2.2", str(default_store()))
        started = time.perf_counter()
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        assert schema.validate(etree.parse(str(path), parser))
        bare = time.perf_counter() - started
        started = time.perf_counter()
        report = validate(path)
        full = time.perf_counter() - started
        assert report.valid, [f.render() for f in report.errors[:3]]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"manifest: {units} units, {size / 1e6:.1f} MB")
    print(f"bare lxml schema validation (parse + validate): {bare:.2f} s")
    print(f"full validation (schema + graph + Vitam, streamed): {full:.2f} s")
    print(f"ratio: {full / bare:.2f}x (target <= 2x)")
    print(f"peak RSS of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
