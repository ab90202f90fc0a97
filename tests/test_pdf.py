"""Bản PDF qua LibreOffice: trang 1 có phần đầu và không có số trang, trang 2 mang số "2"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.xuat_pdf import tim_libreoffice, xuat_pdf

pytestmark = [
    pytest.mark.skipif(tim_libreoffice() is None,
                       reason="chưa cài LibreOffice (apt-get install libreoffice-writer-nogui)"),
    pytest.mark.skipif(shutil.which("pdftotext") is None,
                       reason="chưa cài poppler-utils (pdftotext)"),
]


def _trang(pdf: Path, so: int) -> str:
    kq = subprocess.run(["pdftotext", "-layout", "-f", str(so), "-l", str(so), str(pdf), "-"],
                        capture_output=True, text=True, encoding="utf-8", check=True)
    return kq.stdout


@pytest.fixture(scope="module")
def pdf_mau(docx_mau: Path, tmp_path_factory) -> Path:
    return xuat_pdf(docx_mau, tmp_path_factory.mktemp("pdf") / "mau.pdf")


def test_trang_1_co_phan_dau_khong_co_so_trang(pdf_mau):
    trang1 = _trang(pdf_mau, 1)
    dong = [d.strip() for d in trang1.splitlines() if d.strip()]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in dong[0]  # Quốc hiệu trên một dòng
    assert "ỦY BAN NHÂN DÂN" in dong[0]
    assert "Độc lập - Tự do - Hạnh phúc" in trang1
    assert "Số: 33/BC-UBND" in trang1 and "Cai Kinh, ngày 15 tháng 4 năm 2024" in trang1
    assert "BÁO CÁO" in trang1
    assert dong[0] not in ("1",) and not any(d == "1" for d in dong[:3])


def test_trang_2_mang_so_2_o_dau_trang(pdf_mau):
    dong = [d.strip() for d in _trang(pdf_mau, 2).splitlines() if d.strip()]
    assert dong[0] == "2"


def test_chu_thich_va_chu_ky_trong_pdf(pdf_mau):
    kq = subprocess.run(["pdftotext", "-layout", str(pdf_mau), "-"], capture_output=True,
                        text=True, encoding="utf-8", check=True).stdout
    assert "Lũy kế đàn trâu 318 con" in kq  # chú thích thật hiện ở chân trang
    assert "Nơi nhận:" in kq and "TM. ỦY BAN NHÂN DÂN" in kq and "Nguyễn Văn A" in kq
    trang = [t for t in kq.split("\f") if t.strip()]
    # Câu kết, Nơi nhận và chữ ký cùng nằm trên trang cuối, không bị cắt đôi.
    assert "Nơi nhận:" in trang[-1] and "Nguyễn Văn A" in trang[-1]
    assert "CHỦ TỊCH" in trang[-1] and "- Lưu: VT, VP." in trang[-1]
    assert "của Tỉnh./." in trang[-1]
