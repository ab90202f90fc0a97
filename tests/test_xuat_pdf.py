"""Xuất PDF không cần LibreOffice thật: tìm soffice.exe như trên Windows (Python 32 bit, sổ đăng
ký), và thư mục tạm không dọn được không làm hỏng một lần xuất thành công."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from drafter import xuat_pdf


def _soffice(goc: Path) -> Path:
    p = goc / "LibreOffice" / "program" / "soffice.exe"
    p.parent.mkdir(parents=True)
    p.write_bytes(b"")
    return p


@pytest.fixture
def khong_co_trong_path(monkeypatch, tmp_path):
    monkeypatch.setattr(xuat_pdf.shutil, "which", lambda _ten: None)
    for bien in ("ProgramW6432", "PROGRAMFILES", "PROGRAMFILES(X86)"):
        monkeypatch.setenv(bien, str(tmp_path / "trong" / bien))
    monkeypatch.setitem(sys.modules, "winreg", None)  # như Linux: không có sổ đăng ký


def test_ban_64_bit_tu_python_32_bit(tmp_path, monkeypatch, khong_co_trong_path):
    # Python 32 bit: PROGRAMFILES trỏ vào "Program Files (x86)", LibreOffice 64 bit ở chỗ khác.
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files (x86)"))
    monkeypatch.setenv("ProgramW6432", str(tmp_path / "Program Files"))
    that = _soffice(tmp_path / "Program Files")
    assert xuat_pdf.tim_libreoffice() == that


def test_khong_co_o_dau_ca(khong_co_trong_path):
    assert xuat_pdf.tim_libreoffice() is None


def test_tim_qua_app_paths_cua_so_dang_ky(tmp_path, monkeypatch, khong_co_trong_path):
    that = _soffice(tmp_path / "D" / "Ung dung")
    monkeypatch.setenv("O_D", str(tmp_path / "D"))
    da_hoi: list[tuple] = []

    class Khoa:
        def __init__(self, goc, duong, _du_phong, quyen):
            da_hoi.append((goc, duong, quyen))
            if goc != "HKLM" or not quyen & 0x100:  # chỉ có ở nhánh 64 bit của cả máy
                raise FileNotFoundError(errno.ENOENT, "không có")

        def __enter__(self):
            return self

        def __exit__(self, *_):
            return None

    bien = "%O_D%" if os.name == "nt" else "$O_D"  # REG_EXPAND_SZ: biến môi trường trong đường dẫn
    gia = '"' + os.path.join(bien, "Ung dung", "LibreOffice", "program", "soffice.exe") + '"'
    gia_winreg = types.SimpleNamespace(
        HKEY_CURRENT_USER="HKCU", HKEY_LOCAL_MACHINE="HKLM", KEY_READ=0x20019,
        KEY_WOW64_64KEY=0x100, KEY_WOW64_32KEY=0x200, OpenKey=Khoa,
        QueryValueEx=lambda _khoa, _ten: (gia, 2))
    monkeypatch.setitem(sys.modules, "winreg", gia_winreg)
    assert xuat_pdf.tim_libreoffice() == that
    assert all(d[1].endswith(r"App Paths\soffice.exe") for d in da_hoi)


def test_thu_muc_tam_khong_don_duoc_van_la_thanh_cong(tmp_path, monkeypatch):
    """LibreOffice hay antivirus còn giữ tệp trong thư mục tạm: PDF đã ghi thì vẫn là thành công."""
    monkeypatch.setattr(xuat_pdf, "tim_libreoffice", lambda: Path("soffice"))

    def chay_gia(lenh, **_k):
        ra = Path(lenh[lenh.index("--outdir") + 1]) / (Path(lenh[-1]).stem + ".pdf")
        ra.write_bytes(b"%PDF-1.7 gia")
        return subprocess.CompletedProcess(lenh, 0, b"", b"")

    that = shutil.rmtree

    def khong_don_duoc(ten, *a, onerror=None, **k):
        if "drafter-pdf-" in str(ten) and onerror is not None:
            onerror(os.rmdir, ten, (OSError, OSError(errno.EBUSY, "busy"), None))
            return None
        return that(ten, *a, onerror=onerror, **k)

    monkeypatch.setattr(xuat_pdf.subprocess, "run", chay_gia)
    monkeypatch.setattr(shutil, "rmtree", khong_don_duoc)
    docx = tmp_path / "bc.docx"
    docx.write_bytes(b"PK")
    pdf = xuat_pdf.xuat_pdf(docx, tmp_path / "bc.pdf")
    assert pdf.read_bytes() == b"%PDF-1.7 gia"
