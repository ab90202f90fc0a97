"""Đo thời gian `drafter from-docx` trên báo cáo khoảng 30 trang.

Hai văn bản đo:
- gõ như cán bộ: thân ba báo cáo mẫu (tests/fixtures/nguon/, python-docx: số gõ tay có tab,
  chữ đậm trực tiếp, phần đầu trong bảng, chú thích thật) nối lại và lặp tới ≥ 30 trang;
- do drafter in: báo cáo mẫu Cai Kinh lặp thân hai lần (≈ 35 trang), như bench/check.py.

In số trang (nếu máy có LibreOffice để đếm), thời gian đọc trong tiến trình (trung vị nhiều
lần) và thời gian cả lệnh `python -m drafter from-docx` (gồm khởi động Python).

    python bench/from_docx.py [--lan 7]
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.fixtures

from drafter.ghi_docx import ghi_tep
from drafter.nhap_docx import doc_docx
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from tests.fixtures.van_ban_can_bo import CAC_BAN, Nguon, doc_nguon, ghi_nguon

MUC_TIEU_S = 1.0  # «well under a second»: đo được phải nhỏ hơn hẳn
SO_LAN_LAP = 2  # ba báo cáo rút gọn nối lại ≈ 18 trang; lặp hai lần ≈ 36 trang


def _dem_trang(docx: Path) -> int | None:
    from drafter.xuat_pdf import KhongCoLibreOffice, LoiXuatPdf, xuat_pdf

    try:
        pdf = xuat_pdf(docx, docx.with_suffix(".pdf"))
    except (KhongCoLibreOffice, LoiXuatPdf):
        return None
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def van_ban_can_bo_dai(dich: Path, lan: int = SO_LAN_LAP) -> Path:
    """Thân ba báo cáo mẫu gõ như cán bộ, nối lại và lặp `lan` lần (chú thích đánh mã riêng)."""
    goc = [doc_nguon(CAC_BAN[ten][0]) for ten in ("cai-kinh", "binh-trung", "huu-kien")]
    n = Nguon(truong=dict(goc[1].truong))
    for k in range(lan):
        for j, nguon in enumerate(goc):
            lech = 1000 * (k * len(goc) + j)
            doi = lambda d, lech=lech: re.sub(r"\[\^(\d+)\]",  # noqa: E731
                                              lambda m: f"[^{int(m[1]) + lech}]", d)
            n.than += [doi(d) for d in nguon.than[:-1]]
            n.chu_thich |= {str(int(ma) + lech): cac for ma, cac in nguon.chu_thich.items()}
    n.than.append(goc[1].than[-1])  # câu kết
    return ghi_nguon(n, dich)


def _do(tep: Path, lan: int) -> tuple[float, float, str]:
    doc_docx(tep)  # làm nóng
    thoi_gian = []
    for _ in range(lan):
        bat_dau = time.perf_counter()
        kq = doc_docx(tep)
        thoi_gian.append(time.perf_counter() - bat_dau)
    bat_dau = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drafter", "from-docx", str(tep), "-o",
                    str(tep.with_suffix(".json")), "--ghi-de"], capture_output=True, check=True)
    return statistics.median(thoi_gian), time.perf_counter() - bat_dau, kq.tom_tat()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lan", type=int, default=7)
    args = p.parse_args()
    mau = doc_van_ban(tep_mau("van-ban-cai-kinh-quy-I-2024.json"))
    with tempfile.TemporaryDirectory() as tam:
        cac = {
            "gõ như cán bộ (ba mẫu nối, lặp 2 lần)": van_ban_can_bo_dai(Path(tam) / "can-bo.docx"),
            "drafter in (Cai Kinh lặp 2 lần)": ghi_tep(
                mau.model_copy(update={"noi_dung": [*mau.noi_dung, *mau.noi_dung]}),
                Path(tam) / "drafter.docx"),
        }
        for ten, tep in cac.items():
            trang = _dem_trang(tep)
            t, ca_lenh, tom_tat = _do(tep, args.lan)
            print(f"{ten}: {trang if trang else '? (chưa đếm được: thiếu LibreOffice)'} trang, "
                  f"{tep.stat().st_size // 1024} KB — {tom_tat}")
            print(f"  đọc (trong tiến trình, trung vị {args.lan} lần): {t:.3f} s "
                  f"(mục tiêu < {MUC_TIEU_S} s)")
            print(f"  cả lệnh `python -m drafter from-docx` (gồm khởi động Python): "
                  f"{ca_lenh:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
