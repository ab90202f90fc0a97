"""Gói wheel mang theo forms/, templates/, sample_data/ và chạy được ngoài thư mục mã nguồn."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

GOC = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def banh_xe(tmp_path_factory) -> Path:
    ra = tmp_path_factory.mktemp("wheel")
    kq = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                         "-q", "-w", str(ra), str(GOC)], capture_output=True, text=True,
                        check=False)
    assert kq.returncode == 0, kq.stderr
    (whl,) = ra.glob("drafter-*.whl")
    return whl


def test_wheel_mang_du_lieu(banh_xe):
    with zipfile.ZipFile(banh_xe) as z:
        ten = z.namelist()
        ep = next(n for n in ten if n.endswith("entry_points.txt"))
        assert "drafter = drafter.cli:main" in z.read(ep).decode()
    assert "drafter/_du_lieu/sample_data/van-ban-cai-kinh-quy-I-2024.json" in ten
    # Mọi tệp dữ liệu của mã nguồn đều có trong wheel.
    for thu_muc in ("forms", "templates", "sample_data"):
        for tep in (GOC / thu_muc).rglob("*"):
            if tep.is_file():
                assert f"drafter/_du_lieu/{tep.relative_to(GOC).as_posix()}" in ten
    assert "drafter/tui/ung_dung.tcss" in ten  # giao diện cần tệp CSS của nó
    assert not any(n.startswith("tests/") for n in ten)


def test_wheel_cai_vao_thu_muc_rieng_va_chay_demo(banh_xe, tmp_path):
    dich = tmp_path / "site"
    kq = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                         str(dich), str(banh_xe)], capture_output=True, text=True, check=False)
    assert kq.returncode == 0, kq.stderr
    lam_viec = tmp_path / "lam-viec"
    lam_viec.mkdir()
    moi_truong = {**os.environ, "PYTHONPATH": str(dich), "PYTHONSAFEPATH": "1"}
    kq = subprocess.run([sys.executable, "-c",
                         "import drafter, sys; print(drafter.__file__); "
                         "from drafter.cli import main; sys.exit(main(['demo', '-o', 'bc.docx']))"],
                        cwd=lam_viec, env=moi_truong, capture_output=True, text=True,
                        encoding="utf-8", check=False)
    assert kq.returncode == 0, kq.stderr
    assert kq.stdout.splitlines()[0].startswith(str(dich))  # chạy đúng bản trong wheel
    assert (lam_viec / "bc.docx").stat().st_size > 20_000
