"""Import speed and memory: a 100,000-unit SIP manifest and a 100,000-row Resip CSV.

Each import is compared with the bare parse of the same file (lxml iterparse clearing elements as it
goes; the csv module), the floor any importer pays. Times are CPU seconds, best of three runs (the
bench machine is shared; wall times are printed beside them). Run: ``.venv/bin/python bench/bench_import.py [N]``.
"""

from __future__ import annotations

import csv
import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.seda.interop.resip_csv import read_csv  # noqa: E402
from app.seda.reader import gc_paused, read_manifest  # noqa: E402

NS = "fr:gouv:culture:archivesdefrance:seda:v2.2"


def make_manifest(path: Path, n: int) -> None:
    """A flat manifest: 1 root, n-1 units below it, one object group every second unit."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'<ArchiveTransfer xmlns="{NS}"><Date>2024-01-01T00:00:00</Date><MessageIdentifier>b'
                  "</MessageIdentifier><CodeListVersions/><DataObjectPackage>")
        for i in range(0, n, 2):
            out.write(f'<DataObjectGroup id="G{i}"><BinaryDataObject id="O{i}"><DataObjectVersion>BinaryMaster_1'
                      f"</DataObjectVersion><Uri>Content/O{i}.pdf</Uri><MessageDigest algorithm=\"SHA-512\">{'a' * 128}"
                      "</MessageDigest><Size>1000</Size><FormatIdentification><FormatLitteral>PDF</FormatLitteral>"
                      "<MimeType>application/pdf</MimeType><FormatId>fmt/18</FormatId></FormatIdentification>"
                      f"<FileInfo><Filename>f{i}.pdf</Filename></FileInfo></BinaryDataObject></DataObjectGroup>")
        out.write('<DescriptiveMetadata><ArchiveUnit id="U0"><Content><DescriptionLevel>Fonds</DescriptionLevel>'
                  "<Title>root</Title></Content>")
        for i in range(1, n):
            out.write(f'<ArchiveUnit id="R{i}"><ArchiveUnitRefId>U{i}</ArchiveUnitRefId></ArchiveUnit>')
        out.write("</ArchiveUnit>")
        for i in range(1, n):
            ref = f"<DataObjectReference><DataObjectGroupReferenceId>G{i}</DataObjectGroupReferenceId>" \
                  "</DataObjectReference>" if i % 2 == 0 else ""
            out.write(f'<ArchiveUnit id="U{i}"><Management><AccessRule><Rule>ACC-00001</Rule><StartDate>2020-01-01'
                      f"</StartDate></AccessRule></Management><Content><DescriptionLevel>Item</DescriptionLevel>"
                      f'<Title xml:lang="fr">Unit {i}</Title><Description>Some text {i}</Description>'
                      f"<Writer><FullName>Someone</FullName></Writer><StartDate>2020-01-01</StartDate></Content>"
                      f"{ref}</ArchiveUnit>")
        out.write("</DescriptiveMetadata><ManagementMetadata/></DataObjectPackage><ArchivalAgency><Identifier>a"
                  "</Identifier></ArchivalAgency><TransferringAgency><Identifier>t</Identifier></TransferringAgency>"
                  "</ArchiveTransfer>")


def make_csv(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["ID", "ParentID", "File", "Content.DescriptionLevel", "Content.Title", "Content.Title.attr",
                         "Content.Writer.0.FullName", "Content.Writer.1.FullName", "Content.StartDate",
                         "Management.AccessRule.Rule.0", "Management.AccessRule.StartDate.0"])
        for i in range(n):
            writer.writerow([i, "" if i == 0 else i // 10, "", "Item", f"Unit {i}", 'xml:lang="fr"', "A", "B",
                             "2020-01-01", "ACC-00001", "2020-01-01"])


def bare_iterparse(path: Path) -> None:
    for _event, element in etree.iterparse(str(path), events=("end",), huge_tree=True):
        element.clear()


def bare_csv(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        for _row in csv.reader(f, delimiter=";"):
            pass


class _Row:
    __slots__ = ("id", "cells", "children", "parents")

    def __init__(self, id: str, cells: list[str]) -> None:
        self.id, self.cells, self.children, self.parents = id, cells, [], []


def minimal_units(path: Path) -> dict[str, _Row]:
    """The least a CSV importer that builds a unit graph can do: one slotted object per row, linked to its parent.

    No metadata is built and nothing is checked; this is the floor under any pure-Python importer, printed
    so that the CSV ratio can be read against what the interpreter itself costs.
    """
    units: dict[str, _Row] = {}
    pending = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        for row in rows:
            unit = units[row[0]] = _Row(row[0], row)
            pending.append((unit, row[1]))
    for unit, parent_key in pending:
        parent = units.get(parent_key)
        if parent is not None:
            parent.children.append(unit)
            unit.parents.append(parent)
    return units


def with_gc_paused(func):
    """*func* run with the collector off, as read_csv runs (so the floor is not charged collections)."""
    def run(*args):
        with gc_paused():
            return func(*args)
    return run


def measure(label: str, func, *args, repeat: int = 3) -> float:
    """Best of *repeat* runs, CPU time (the machine may be shared; wall time is printed too).

    Time is taken without tracing (tracemalloc slows lxml's callbacks tenfold); memory is the process's
    peak RSS so far, so run the bare parse first.
    """
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        result = func(*args)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
        del result
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {label:<28} {best_cpu:6.2f} s CPU ({best_wall:5.2f} s wall)   process peak RSS {peak:7.0f} MB")
    return best_cpu


def full_collection_after(func, *args) -> None:
    """What the first full garbage collection costs once the imported model exists (paid later, by the app)."""
    result = func(*args)
    started = time.process_time()
    gc.collect()
    print(f"  then a full gc.collect()     {time.process_time() - started:6.2f} s CPU (model alive)")
    del result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        manifest, table = Path(tmp) / "manifest.xml", Path(tmp) / "metadata.csv"
        make_manifest(manifest, n)
        make_csv(table, n)
        print(f"Manifest: {n} units, {manifest.stat().st_size / 1e6:.1f} MB")
        floor = measure("lxml iterparse (bare)", bare_iterparse, manifest)
        ours = measure("read_manifest", read_manifest, manifest)
        print(f"  ratio {ours / floor:.2f}x")
        full_collection_after(read_manifest, manifest)
        print(f"CSV: {n} rows, {table.stat().st_size / 1e6:.1f} MB")
        floor = measure("csv.reader (bare)", bare_csv, table)
        units = measure("one object per row (floor)", with_gc_paused(minimal_units), table)
        ours = measure("read_csv", lambda p: read_csv(p, with_files=False), table)
        print(f"  ratio {ours / floor:.2f}x the bare parse, {ours / units:.2f}x the one-object-per-row floor "
              f"(which is itself {units / floor:.2f}x the bare parse)")


if __name__ == "__main__":
    main()
