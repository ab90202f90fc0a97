"""Đo thời gian `drafter check` trên một văn bản khoảng 30+ trang.

Văn bản đo: báo cáo mẫu Cai Kinh (18 trang) với thân văn bản lặp hai lần (≈ 35 trang, 24
chú thích). In số trang (nếu máy có LibreOffice để đếm), thời gian kiểm tra trong tiến trình
(trung vị nhiều lần) và thời gian cả lệnh `python -m drafter check`.

    python bench/check.py [--lan 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra import kiem_tra
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban

MUC_TIEU_S = 0.5


def _dem_trang(docx: Path) -> int | None:
    from drafter.xuat_pdf import KhongCoLibreOffice, xuat_pdf

    try:
        pdf = xuat_pdf(docx, docx.with_suffix(".pdf"))
    except KhongCoLibreOffice:
        return None
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lan", type=int, default=7)
    args = p.parse_args()
    mau = doc_van_ban(tep_mau("van-ban-cai-kinh-quy-I-2024.json"))
    dai = mau.model_copy(update={"noi_dung": [*mau.noi_dung, *mau.noi_dung]})
    with tempfile.TemporaryDirectory() as tam:
        tep = ghi_tep(dai, Path(tam) / "dai.docx")
        trang = _dem_trang(tep)
        kiem_tra(tep)  # làm nóng
        thoi_gian = []
        for _ in range(args.lan):
            bat_dau = time.perf_counter()
            bao_cao = kiem_tra(tep)
            thoi_gian.append(time.perf_counter() - bat_dau)
        bat_dau = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "check", str(tep)], capture_output=True,
                       check=False)
        ca_lenh = time.perf_counter() - bat_dau
    t = statistics.median(thoi_gian)
    print(f"văn bản: {trang if trang else '≈ 35 (chưa đếm được: thiếu LibreOffice)'} trang, "
          f"{len(bao_cao.ket_qua)} quy tắc")
    print(f"kiểm tra (trong tiến trình, trung vị {args.lan} lần): {t:.3f} s "
          f"(mục tiêu < {MUC_TIEU_S} s)")
    print(f"cả lệnh `python -m drafter check` (gồm khởi động Python): {ca_lenh:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
