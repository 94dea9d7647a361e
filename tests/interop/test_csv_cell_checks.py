"""Dates and coded values of the wrong form in a Resip CSV or a workbook: kept, and reported line by line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from app.cli import main
from app.seda.interop import cell_checks
from app.seda.interop.cell_checks import CellChecks
from app.seda.interop.resip_csv import _parse_header, decode, read_csv, read_table, table
from app.seda.interop.sip_import import import_package
from app.seda.interop.xlsx import read_xlsx
from app.seda.report import Report, Severity
from tests.conftest import CORPUS

RESIP = CORPUS / "resip"
# Every Resip metadata CSV of the corpus that Resip itself imports (the others are plan CSVs, header-less
# exports or files made to fail).
RESIP_CSVS = [
    "sedalib/src/test/resources/metadata_OK.csv",
    "sedalib/src/test/resources/MetadataCSV.csv",
    "sedalib/src/test/resources/UnixMetadataCSV.csv",
    "sedalib/src/test/resources/ExpectedResults/ExportedMetadata.csv",
    "sedalib/src/test/resources/ExpectedResults/ExportedMetadataWithExtendedFormat.csv",
    "sedalib/src/test/resources/PacketSamples/MetadataTestOK1col.csv",
    "sedalib/src/test/resources/PacketSamples/MetadataTestOK3col.csv",
    "sedalib/src/test/resources/PacketSamples/MetadataTestManagementOK3col.csv",
]
HEADER = "ID;ParentID;File;Content.DescriptionLevel;Content.Title;Content.StartDate;Management.AccessRule.Rule.0;" \
         "Management.AccessRule.StartDate.0\n"


def _cell_warnings(report: Report) -> list[str]:
    return [p.render() for p in report.problems if p.code.startswith("table-cell")]


def _write(tmp_path: Path, text: str, name: str = "metadata.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_french_date_is_kept_and_reported_with_the_date_to_write(tmp_path):
    path = _write(tmp_path, HEADER + "1;;;Item;Courrier;31/12/2020;ACC-00001;2020-01-01\n")
    result = read_csv(path, "2.2", with_files=False)
    [problem] = result.report.problems
    assert problem.severity is Severity.WARNING and problem.path == str(path)
    assert problem.render() == (f"{path}, line 2, column Content.StartDate: the date “31/12/2020” is not written as "
                                "SEDA expects; write 2020-12-31.")
    unit = next(result.transfer.iter_units())
    assert unit.content.find("StartDate").text == "31/12/2020"  # kept as is: the archivist corrects it


@pytest.mark.parametrize("value, expected", [
    ("12/2020", "write 2020-12"),  # StartDate is SEDA's DateType: a year-month is a date too
    ("2020/12/31", "write 2020-12-31"),
    ("5.1.2020", "write 2020-01-05"),
    ("31/12/2020 14:30", "write 2020-12-31T14:30:00"),
    ("2020-12-31T14:30", "write 2020-12-31T14:30:00"),  # xs:dateTime needs the seconds
    ("2020-12-31 14:30:00", "write 2020-12-31T14:30:00"),
    ("31/02/2020", "expected YYYY-MM-DD, YYYY-MM, YYYY or a date and time"),  # no such day: no suggestion
    ("2021-02-29", "expected YYYY-MM-DD, YYYY-MM, YYYY or a date and time"),
    ("2020-12-31T25:00:00", "expected YYYY-MM-DD, YYYY-MM, YYYY or a date and time"),
    ("fin 2020", "“fin 2020” is not a date"),
])
def test_bad_descriptive_dates(tmp_path, value, expected):
    path = _write(tmp_path, HEADER + f"1;;;Item;Courrier;{value};;\n")
    [warning] = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert "line 2, column Content.StartDate" in warning and expected in warning


def test_rule_start_date_is_an_xsd_date(tmp_path):
    # The rule's StartDate is xs:date, stricter than the descriptive DateType: no year alone, no time.
    path = _write(tmp_path, HEADER + "1;;;Item;a;2020;ACC-00001;2020\n2;;;Item;b;2020;ACC-00001;2020-01-01T10:00:00\n")
    warnings = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert warnings == [
        f"{path}, line 2, column Management.AccessRule.StartDate.0: “2020” is not a date; expected YYYY-MM-DD "
        "(for example 2020-12-31).",
        f"{path}, line 3, column Management.AccessRule.StartDate.0: the date “2020-01-01T10:00:00” is not written "
        "as SEDA expects; write 2020-01-01.",
    ]


def test_bad_datetime(tmp_path):
    header = "File;Content.Title;Content.Signature.0.Signer.0.SigningTime\n"
    path = _write(tmp_path, header + "a;a;2020-12-31\nb;b;2020-12-31T14:30:00+25:00\nc;c;2020-12-31T14:30:00+01:00\n")
    warnings = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert warnings == [
        f"{path}, line 2, column Content.Signature.0.Signer.0.SigningTime: the date “2020-12-31” is not written as "
        "SEDA expects; write 2020-12-31T00:00:00.",
        f"{path}, line 3, column Content.Signature.0.Signer.0.SigningTime: “2020-12-31T14:30:00+25:00” is not a "
        "date and time; expected YYYY-MM-DDThh:mm:ss, optionally followed by a time zone (for example "
        "2020-12-31T14:30:00 or 2020-12-31T14:30:00+01:00).",
    ]


def test_bad_description_level_lists_the_allowed_values(tmp_path):
    path = _write(tmp_path, HEADER + "1;;;Dossier;a;;;\n2;1;;item;b;;;\n3;1;;  Item ;c;;;\n")
    warnings = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert warnings == [
        f"{path}, line 2, column Content.DescriptionLevel: “Dossier” is not an allowed value; expected one of "
        "Fonds, Subfonds, Class, Collection, Series, Subseries, RecordGrp, SubGrp, File, Item, OtherLevel.",
        f"{path}, line 3, column Content.DescriptionLevel: “item” is not an allowed value; write Item (capitals "
        "count).",
    ]  # "  Item " is an xs:token: the spaces around it do not count


def test_other_enumerations_and_free_text(tmp_path):
    header = "File;Content.Title;Content.Keyword.0.KeywordType;Management.AppraisalRule.Rule;" \
             "Management.AppraisalRule.FinalAction;Content.Language;Content.OriginatingAgencyArchiveUnitIdentifier\n"
    path = _write(tmp_path, header + "a;31/12/2020;sujet;n'importe quoi;Destroy;fr;31/12/2020\n"
                                     "b;b;subject;APP-1;Detruire;fr;x\n")
    warnings = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert len(warnings) == 2
    assert "line 2, column Content.Keyword.0.KeywordType: “sujet”" in warnings[0] and "persname" in warnings[0]
    assert "line 3, column Management.AppraisalRule.FinalAction: “Detruire”" in warnings[1]
    assert "Keep, Destroy" in warnings[1]


def test_line_is_the_csv_line_after_a_multi_line_cell(tmp_path):
    text = HEADER + '1;;;Item;"Titre\nsur deux\nlignes";2020-01-01;;\n' + "2;1;;Item;b;2020-01-01;;\n" \
        "3;1;;Item;c;01/02/2020;;\n"
    path = _write(tmp_path, text)
    [warning] = _cell_warnings(read_csv(path, "2.2", with_files=False).report)
    assert warning.startswith(f"{path}, line 6, column Content.StartDate: the date “01/02/2020”")


def test_valid_values_give_no_warning(tmp_path):
    values = ["2020", "2020-12", "2020-12-31", "2020-12-31Z", "2020-12-31+01:00", "2020-12-31T14:30:00",
              "2020-12-31T14:30:00.250-05:00", "2020-12-31T24:00:00", "--12", "--12-31", "---31", "--02-29",
              "2020-02-29", "-0044-03-15", "12345-01-01", " 2020-12-31 "]
    rows = "".join(f"{i};;;Item;t;{v};ACC-00001;2000-02-29\n" for i, v in enumerate(values))
    path = _write(tmp_path, HEADER + rows)
    assert read_csv(path, "2.2", with_files=False).report.problems == []


@pytest.mark.parametrize("relative", RESIP_CSVS)
@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_resip_corpus_csvs_give_no_cell_warning(relative, version):
    path = RESIP / relative
    result = read_csv(path, version, with_files=False)
    assert _cell_warnings(result.report) == []


def test_the_resip_corpus_is_checked_at_all():
    # The zero-warning test above proves something only if its files have filled checked cells.
    filled = 0
    for relative in RESIP_CSVS:
        text, _ = decode((RESIP / relative).read_bytes())
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        _, columns = _parse_header(rows[0], relative)
        checks = CellChecks(relative, Report(), "2.2").plan(rows[0], columns)
        filled += sum(1 for row in rows[1:] for index, _, _ in checks if index < len(row) and row[index])
    assert filled > 1000


def test_valid_sips_exported_as_tables_give_no_cell_warning():
    # Every value of an XSD-valid SIP of the corpus, put in Resip's table and read back: no false alarm.
    packages = sorted(p for p in (CORPUS / "seda" / "sip" / "valid").rglob("*") if p.is_file())
    assert len(packages) > 20
    for package in packages:
        transfer = import_package(package).transfer
        header, rows = table(transfer, package.parent)
        _, report = read_table(header, ((n, r) for n, r in enumerate(rows, start=2)), package.name,
                               package.parent, transfer.version, with_files=False)
        assert _cell_warnings(report) == [], package


def test_warnings_are_capped(tmp_path, monkeypatch):
    rows = "".join(f"{i};;;Item;t;{1 + i % 28}/01/2020;ACC-00001;2020-01-01\n" for i in range(250))
    path = _write(tmp_path, HEADER + rows)
    problems = read_csv(path, "2.2", with_files=False).report.problems
    assert len(problems) == cell_checks.MAX_WARNINGS + 1
    assert "line 101," in problems[-2].render()
    assert problems[-1].render() == f"{path}: other cells with a value of the wrong form, not listed above: 150."


def test_workbook_cells_are_checked_too(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Inventaire"
    sheet.append(HEADER.strip().split(";"))
    sheet.append(["1", None, None, "Fonds", "Fonds", dt.datetime(2020, 12, 31), "ACC-00001", dt.date(2020, 1, 1)])
    sheet.append(["2", "1", None, "Pièce", "Pièce", "31/12/2020", None, None])
    sheet.append(["3", "1", None, "Item", "Item", 2020, "ACC-00001", dt.datetime(2020, 1, 1, 10, 30)])
    path = tmp_path / "inventaire.xlsx"
    book.save(path)
    result = read_xlsx(path, "2.2", with_files=False)
    where = f"{path} (Inventaire)"
    assert _cell_warnings(result.report) == [
        f"{where}, line 3, column Content.DescriptionLevel: “Pièce” is not an allowed value; expected one of Fonds, "
        "Subfonds, Class, Collection, Series, Subseries, RecordGrp, SubGrp, File, Item, OtherLevel.",
        f"{where}, line 3, column Content.StartDate: the date “31/12/2020” is not written as SEDA expects; "
        "write 2020-12-31.",
        f"{where}, line 4, column Management.AccessRule.StartDate.0: the date “2020-01-01T10:30:00” is not "
        "written as SEDA expects; write 2020-01-01.",
    ]  # the year 2020 typed as a number is a valid DateType value
    assert result.transfer.count_units() == 3


def test_cli_build_shows_the_warning(tmp_path, capsys):
    path = _write(tmp_path, HEADER + "1;;;Item;Courrier;31/12/2020;;\n")
    code = main(["build", str(path), "-o", str(tmp_path / "sip.zip"), "--seda", "2.2"])
    captured = capsys.readouterr()
    # build prints its report (import warnings included) on stdout, then why the SIP was not written on stderr.
    assert (f"[warning] {path}, line 2, column Content.StartDate: the date “31/12/2020” is not written as SEDA "
            "expects; write 2020-12-31.") in captured.out
    # The XSD check of the SIP refuses the value too, but names a manifest line, not the CSV's.
    assert code == 1 and "not valid against the official seda 2.2 schema" in captured.out.lower()
    assert "the SIP was not written" in captured.err and not (tmp_path / "sip.zip").exists()


def test_cli_export_shows_the_warning_on_stderr(tmp_path, capsys):
    path = _write(tmp_path, HEADER + "1;;;item;Courrier;2020;;\n")
    assert main(["export", str(path), "--manifest", str(tmp_path / "m.xml")]) == 0
    assert f"{path}, line 2, column Content.DescriptionLevel: “item” is not an allowed value" in capsys.readouterr().err
