"""Xuất PDF bằng LibreOffice (không bắt buộc). Chỉ dùng khi máy có cài LibreOffice.

Đây là chỗ duy nhất chương trình gọi một chương trình ngoài; lõi (mô hình, định dạng, ghi
.docx) không phụ thuộc vào nó.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from drafter.ghi_tep import ghi_nguyen_tu

_KHOA_APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe"


class KhongCoLibreOffice(RuntimeError):
    pass


class LoiXuatPdf(RuntimeError):
    pass


def tim_libreoffice() -> Path | None:
    for ten in ("soffice", "libreoffice"):
        tim = shutil.which(ten)
        if tim:
            return Path(tim)
    return next((p for p in _cho_windows() if p.is_file()), None)


def _cho_windows() -> list[Path]:
    """Các chỗ LibreOffice hay nằm trên Windows, nơi soffice không có trong PATH.

    Python 32 bit trên Windows 64 bit thấy %PROGRAMFILES% là "Program Files (x86)": bản
    LibreOffice 64 bit (thường gặp nhất) chỉ tìm được qua %ProgramW6432%. Cài vào thư mục khác
    thì bộ cài ghi đường dẫn vào App Paths của sổ đăng ký.
    """
    cac_goc = [os.environ.get("ProgramW6432", ""),
               os.environ.get("PROGRAMFILES", r"C:\Program Files"),
               os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")]
    ra = [Path(goc) / "LibreOffice" / "program" / "soffice.exe"
          for goc in dict.fromkeys(cac_goc) if goc]
    return ra + _tu_so_dang_ky()


def _tu_so_dang_ky() -> list[Path]:
    """soffice.exe theo App Paths (người dùng, rồi cả máy; nhánh 64 bit và 32 bit)."""
    try:
        import winreg
    except ImportError:  # không phải Windows
        return []
    # typeshed chỉ khai báo nội dung winreg khi kiểm kiểu cho Windows; mypy chạy trên Linux.
    reg: Any = winreg
    ra: list[Path] = []
    for goc in (reg.HKEY_CURRENT_USER, reg.HKEY_LOCAL_MACHINE):
        for nhanh in (reg.KEY_WOW64_64KEY, reg.KEY_WOW64_32KEY):
            try:
                with reg.OpenKey(goc, _KHOA_APP_PATHS, 0, reg.KEY_READ | nhanh) as khoa:
                    gia_tri, _ = reg.QueryValueEx(khoa, "")
            except OSError:
                continue
            if isinstance(gia_tri, str) and gia_tri.strip():
                ra.append(Path(os.path.expandvars(gia_tri.strip().strip('"'))))
    return ra


def xuat_pdf(tep_docx: Path, tep_pdf: Path, thoi_gian_toi_da: float = 180) -> Path:
    """Chuyển `tep_docx` thành `tep_pdf`; ghi trọn vẹn hoặc không ghi gì."""
    soffice = tim_libreoffice()
    if soffice is None:
        raise KhongCoLibreOffice(
            "Máy chưa cài LibreOffice nên chưa xuất được PDF; tệp .docx vẫn dùng bình thường. "
            "Cài LibreOffice (miễn phí) rồi chạy lại với --pdf.")
    # LibreOffice (hay antivirus) có thể còn giữ tệp trong thư mục tạm một lúc sau khi thoát:
    # không dọn được thì thôi, không được biến một lần xuất PDF thành công thành lỗi.
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-", ignore_cleanup_errors=True) as tam:
        tam_dir = Path(tam)
        # Hồ sơ người dùng riêng: không đụng LibreOffice đang mở của người dùng.
        ho_so = (tam_dir / "hoso").as_uri()
        lenh = [str(soffice), f"-env:UserInstallation={ho_so}", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", str(tam_dir), str(Path(tep_docx).resolve())]
        try:
            kq = subprocess.run(lenh, capture_output=True, timeout=thoi_gian_toi_da, check=False)
        except subprocess.TimeoutExpired as loi:
            raise LoiXuatPdf("LibreOffice chạy quá lâu, đã dừng.") from loi
        ra = tam_dir / (Path(tep_docx).stem + ".pdf")
        if kq.returncode != 0 or not ra.is_file():
            chi_tiet = kq.stderr.decode("utf-8", "replace").strip()[-300:]
            raise LoiXuatPdf(f"LibreOffice không chuyển được sang PDF. {chi_tiet}")
        return ghi_nguyen_tu(Path(tep_pdf), ra.read_bytes())
