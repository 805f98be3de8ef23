"""Issue 28, item 17: a table beyond the import's limits is refused before it is read, quickly,
with a Swedish message, and nothing is written (interchange/tables.py: MAX_ROWS, MAX_COLUMNS,
MAX_UNPACKED).

Before: a 1.6 kB workbook declaring a sheet of A1:XFD1048576 made import hang and take
gigabytes, and a 100 000-row indicator CSV took minutes.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import FIXTURES
from tests.reliability.conftest import assert_clean, snapshot
from trygghet_cli.errors import DataError
from trygghet_cli.interchange import tables


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewrite_sheet(data: bytes, change: callable) -> bytes:  # type: ignore[valid-type]
    """The workbook with its first sheet's XML passed through `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def _huge_dimension(path: Path) -> Path:
    data = _workbook([["Titel", "Löfte"], ["Nattvandring", 1]])
    path.write_bytes(_rewrite_sheet(data, lambda xml: re.sub(
        rb"<dimension ref=\"[^\"]*\" ?/>", b"<dimension ref=\"A1:XFD1048576\"/>", xml)))
    return path


def _import(run, root: Path, table: Path):
    return run("--data", str(root), "import", "activities", str(table), "--period", "2024-2025")


def test_a_small_workbook_declaring_a_huge_sheet_is_refused_at_once(run, minimal_root, tmp_path) -> None:
    table = _huge_dimension(tmp_path / "lista.xlsx")
    assert table.stat().st_size < 8_000
    before = snapshot(minimal_root)
    tracemalloc.start()
    started = time.monotonic()
    result = _import(run, minimal_root, table)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert_clean(result, exits=(1,))
    assert ("bladet 'Sheet' anger att det har 1\u00a0048\u00a0576 rader och 16\u00a0384 kolumner; "
            "trygghet läser högst 10\u00a0000 rader och 200 kolumner") in result.stderr
    assert "tips: kopiera tabellen ensam till ett nytt blad" in result.stderr
    assert elapsed < 20, elapsed  # it hung before
    assert peak < 200 * 1024 * 1024, peak  # gigabytes before
    assert snapshot(minimal_root) == before


def test_rows_far_down_without_a_declared_size_stop_the_reading_at_the_limit(tmp_path) -> None:
    data = _workbook([["Titel"], ["Nattvandring"]])
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = tmp_path / "lista.xlsx"
    path.write_bytes(_rewrite_sheet(data, lambda xml: re.sub(rb"<dimension[^>]*/>", b"", xml)
                                    .replace(b"</sheetData>", far + b"</sheetData>")))
    started = time.monotonic()
    with pytest.raises(DataError) as refused:
        tables.read(path)
    assert refused.value.text("sv")[0].endswith(
        "fler än 10\u00a0000 rader; trygghet importerar tabeller på högst 10\u00a0000 rader")
    assert time.monotonic() - started < 20


def test_a_zip_bomb_is_refused_by_its_unpacked_size(run, minimal_root, tmp_path) -> None:
    data = _workbook([["Titel"], ["Nattvandring"]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)
        target.writestr("xl/media/padding.bin", b"\0" * (tables.MAX_UNPACKED + 1),
                        compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    table = tmp_path / "lista.xlsx"
    table.write_bytes(out.getvalue())
    assert table.stat().st_size < 100_000
    result = _import(run, minimal_root, table)
    assert_clean(result, exits=(1,))
    assert "arbetsboken packas upp till 20,0 MB; trygghet läser arbetsböcker på högst 20,0 MB " \
           "uppackat" in result.stderr


def test_a_100k_row_indicator_csv_is_refused_in_seconds(run, tmp_path) -> None:
    root = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", root)
    table = tmp_path / "statistik.csv"
    row = "Hamnen;2024;Andel som känner sig otrygga ute sent på kvällen;32,5\r\n"
    table.write_text("Område;År;Mått;Värde\r\n" + row * 100_000, encoding="utf-8-sig")
    before = snapshot(root)
    started = time.monotonic()
    result = run("--data", str(root), "import", "indicators", str(table))
    elapsed = time.monotonic() - started
    assert_clean(result, exits=(1,))
    assert "fler än 10\u00a0000 rader; trygghet importerar tabeller på högst 10\u00a0000 rader" \
        in result.stderr
    assert elapsed < 20, elapsed  # minutes before
    assert snapshot(root) == before


def test_a_table_just_within_the_row_limit_imports_in_time_proportional_to_it(run, tmp_path) -> None:
    """2 000 indicator values (more than any lägesbild holds) import in seconds: the values
    of an indicator are looked up once, not once per row."""
    root = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", root)
    lines = [f"Hamnen;{2000 + n // 12}-{n % 12 + 1:02d};Andel som känner sig otrygga ute sent på "
             f"kvällen;{n % 90},5" for n in range(2_000)]
    table = tmp_path / "statistik.csv"
    table.write_text("Område;År;Mått;Värde\r\n" + "\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    started = time.monotonic()
    result = run("--data", str(root), "import", "indicators", str(table))
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert "lade till 2000 och uppdaterade 0 indikatorvärden" in result.stdout
    assert elapsed < 60, elapsed
