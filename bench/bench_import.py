"""Benchmark: import 100,000 member rows from an XLSX through the import service (goal ≤ 60 s).

Run on a scratch database (it is flushed first):

    DJANGO_SETTINGS_MODULE=vanphong.settings DATABASE_URL=sqlite:////tmp/vp_bench.sqlite3 \
        .venv/bin/python bench/bench_import.py [--rows 100000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vp_bench .venv/bin/python bench/bench_import.py

It prints rows, seconds, rows/s and peak memory, and, as a baseline measured in the same run,
the time openpyxl alone takes to stream the same sheet (the floor for any XLSX import).
"""

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
os.environ.setdefault("VANPHONG_SECRET_KEY", "bench-only-key")  # debug stays off, as measured
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/vp_bench_import.sqlite3")

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Hà",
    "Vi",
    "Sùng",
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Đình", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Bích", "Diệu", "Thùy"]
GIVEN_MALE = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khoa",
    "Lâm",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tú",
]
GIVEN_FEMALE = [
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hằng",
    "Hoa",
    "Hòa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngân",
    "Thảo",
    "Thủy",
    "Yến",
]
ETHNICITIES = ["Kinh"] * 17 + ["Tày", "Thái", "Mường", "H'Mông", "Dao", "Khmer"]
PLACES = ["Hà Nội", "Lào Cai", "Nghệ An", "Thanh Hóa", "Huế", "Đà Nẵng", "Cần Thơ", "Khánh Hòa"]
CELLS = 50


def _setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)


def _tree():
    from vanphong.core.models import User
    from vanphong.organizations.models import Organization, OrgKind

    centre = Organization.objects.add_root(
        {"name": "Ban Chấp hành Trung ương", "code": "TW", "kind": OrgKind.CENTRAL}
    )
    province = Organization.objects.add_child(
        centre, {"name": "Đảng bộ tỉnh Nghệ An", "code": "TU", "kind": OrgKind.PROVINCIAL}
    )
    commune = Organization.objects.add_child(
        Organization.objects.get(pk=province.pk),
        {"name": "Đảng bộ xã Nam Đàn", "code": "ĐU", "kind": OrgKind.COMMUNE},
    )
    cells = []
    for index in range(1, CELLS + 1):
        parent = Organization.objects.get(pk=commune.pk)
        values = {"name": f"Chi bộ xóm {index}", "code": "CB", "kind": OrgKind.CELL}
        cells.append(Organization.objects.add_child(parent, values))
    admin = User.objects.create_superuser("bench_admin", password="bench-only-password")
    return Organization.objects.get(pk=commune.pk), cells, admin


def _row(rng: random.Random, index: int, cells) -> list:
    female = rng.random() < 0.4
    middle, given = (MIDDLE_FEMALE, GIVEN_FEMALE) if female else (MIDDLE_MALE, GIVEN_MALE)
    name = f"{rng.choice(SURNAMES)} {rng.choice(middle)} {rng.choice(given)}"
    birth_year = rng.randint(1945, 2000)
    admitted_year = rng.randint(birth_year + 19, min(birth_year + 50, 2024))
    official = rng.random() < 0.9
    return [
        name,
        "Nữ" if female else "Nam",
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{birth_year}",
        rng.choice(ETHNICITIES),
        "",
        f"Xã {rng.choice(GIVEN_MALE)}, tỉnh {rng.choice(PLACES)}",
        f"0{index:011d}",
        f"{index:08d}",
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{admitted_year}",
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{admitted_year + 1}"
        if official
        else "",
        "",
        "",
        "",
        "",
        rng.choice(cells),
        f"09{rng.randint(10000000, 99999999)}",
    ]


def _write_file(path: Path, rows: int, cell_ids: list[int]) -> None:
    """Write the file as Excel does (shared strings, the used range recorded), with openpyxl's
    ordinary mode. Run in a child process so that its memory does not count in the import's."""
    from openpyxl import Workbook

    from vanphong.organizations.xlsx.columns import MEMBER_COLUMNS, MEMBER_SHEET

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(MEMBER_SHEET)
    sheet.append([column.label for column in MEMBER_COLUMNS])
    rng = random.Random(2026)
    for index in range(1, rows + 1):
        sheet.append(_row(rng, index, cell_ids))
    workbook.save(path)


def _generate(path: Path, rows: int, cell_ids: list[int]) -> None:
    child = multiprocessing.get_context("fork").Process(
        target=_write_file, args=(path, rows, cell_ids)
    )
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit("generating the file failed")


def _stream_only(path: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _values in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    workbook.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    _setup_django()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection

    from vanphong.organizations.models import Member
    from vanphong.organizations.xlsx.importer import import_members

    settings.IMPORT_MAX_BYTES = max(settings.IMPORT_MAX_BYTES, 200 * 1024 * 1024)
    commune, cells, admin = _tree()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "dang-vien-100k.xlsx"
        start = time.perf_counter()
        _generate(path, args.rows, [cell.pk for cell in cells])
        generated = time.perf_counter() - start
        size = path.stat().st_size
        baseline = _stream_only(path)
        with path.open("rb") as handle:
            upload = SimpleUploadedFile(path.name, handle.read())
        start = time.perf_counter()
        result = import_members(acting_user=admin, organization=commune, file=upload)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert result.created == args.rows == Member.objects.count()
    print(f"database        {connection.vendor}")
    print(f"file            {size / 1024 / 1024:.1f} MB, generated in {generated:.1f} s")
    print(f"rows            {result.created}")
    print(f"import          {seconds:.1f} s ({result.created / seconds:,.0f} rows/s), goal ≤ 60 s")
    print(f"baseline        {baseline:.1f} s to stream the sheet with openpyxl alone")
    print(f"ratio           {seconds / baseline:.2f}x the bare streaming")
    print(f"peak memory     {peak_mb:.0f} MB (process RSS)")


if __name__ == "__main__":
    main()
