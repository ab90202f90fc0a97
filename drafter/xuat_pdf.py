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

from drafter.ghi_tep import ghi_nguyen_tu

_CHO_WINDOWS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)


class KhongCoLibreOffice(RuntimeError):
    pass


class LoiXuatPdf(RuntimeError):
    pass


def tim_libreoffice() -> Path | None:
    for ten in ("soffice", "libreoffice"):
        tim = shutil.which(ten)
        if tim:
            return Path(tim)
    return next((p for p in _CHO_WINDOWS if p.is_file()), None)


def xuat_pdf(tep_docx: Path, tep_pdf: Path, thoi_gian_toi_da: float = 180) -> Path:
    """Chuyển `tep_docx` thành `tep_pdf`; ghi trọn vẹn hoặc không ghi gì."""
    soffice = tim_libreoffice()
    if soffice is None:
        raise KhongCoLibreOffice(
            "Máy chưa cài LibreOffice nên chưa xuất được PDF; tệp .docx vẫn dùng bình thường. "
            "Cài LibreOffice (miễn phí) rồi chạy lại với --pdf.")
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tam:
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
