"""Đo: tạo báo cáo mẫu bằng drafter so với ghi cùng các đoạn văn bằng python-docx trần.

Hai phép đo (issue 16, «khởi động nhẹ»):
- cả tiến trình, như người dùng chạy lệnh: `drafter demo` (kiểm tra số liệu, câu văn, dựng
  .docx, kiểm tra thể thức NĐ 30) so với một tiến trình python-docx trần ghi cùng các đoạn văn
  (mục tiêu ≤ 2×); thêm văn bản dựng sẵn (đọc JSON, ghi .docx);
- trong một tiến trình đã nạp sẵn thư viện: ghi văn bản dựng sẵn so với python-docx trần
  (mục tiêu ≤ 1,5×).
Lặp nhiều lần lấy trung vị; in thời gian, tỷ lệ và bộ nhớ đỉnh (RSS).

    python bench/render.py [--lan 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent
MUC_TIEU_DEMO = 2.0
MUC_TIEU_TRONG_TIEN_TRINH = 1.5
MUC_TIEU_MB = 80

_DRAFTER = """
import sys
from pathlib import Path
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from drafter.ghi_docx import ghi_tep
ghi_tep(doc_van_ban(tep_mau("van-ban-cai-kinh-quy-I-2024.json")), Path(sys.argv[1]))
"""

# Đúng lệnh `drafter demo`: dữ liệu biểu mẫu → kiểm tra, tính số, câu văn từ mẫu jinja2 →
# .docx → kiểm tra thể thức NĐ 30 của tệp vừa ghi (in kết luận, ở đây bỏ đi).
_BIEU_MAU = """
import contextlib, io, sys
from drafter.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["demo", "-o", sys.argv[1], "--ghi-de"])
"""

# Cùng nội dung chữ (đoạn văn, đề mục, chú thích in thành đoạn thường), không thể thức.
_HAM_TRAN = """
def chu(nd):
    if isinstance(nd, str):
        return nd
    out = []
    for p in nd:
        if isinstance(p, str):
            out.append(p)
        elif "chu" in p:
            out.append(p["chu"])
        else:
            out.append(chu(p["chu_thich"]))
    return "".join(out)

def duyet(nut, doc):
    for n in nut:
        if n["loai"] == "muc":
            if n.get("tieu_de"):
                doc.add_paragraph(chu(n["tieu_de"]))
            duyet(n.get("noi_dung", []), doc)
        elif n["loai"] == "doan":
            doc.add_paragraph(chu(n["noi_dung"]))
"""

_TRAN = """
import json, sys
import docx
from drafter.tai_nguyen import tep_mau
""" + _HAM_TRAN + """
du_lieu = json.loads(tep_mau("van-ban-cai-kinh-quy-I-2024.json").read_text(encoding="utf-8"))
doc = docx.Document()
duyet(du_lieu["noi_dung"], doc)
doc.add_paragraph(du_lieu["cau_ket"])
doc.save(sys.argv[1])
"""

_DO_BO_NHO = """
import resource, sys
print("RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _mot_lan(ma: str, ra: Path) -> tuple[float, float]:
    bat_dau = time.perf_counter()
    kq = subprocess.run([sys.executable, "-c", ma + _DO_BO_NHO, str(ra)], cwd=GOC,
                        capture_output=True, text=True, check=True)
    thoi_gian = time.perf_counter() - bat_dau
    kb = next(int(d.split()[1]) for d in kq.stderr.splitlines() if d.startswith("RSS_KB"))
    return thoi_gian, kb / 1024


_TRONG_TIEN_TRINH = """
import io, json, statistics, sys, time
import docx
from drafter.ghi_docx import thanh_bytes
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
""" + _HAM_TRAN + """
du_lieu = json.loads(tep_mau("van-ban-cai-kinh-quy-I-2024.json").read_text(encoding="utf-8"))

def drafter_mot_lan():
    thanh_bytes(doc_van_ban(tep_mau("van-ban-cai-kinh-quy-I-2024.json")))

def tran_mot_lan():
    doc = docx.Document()
    duyet(du_lieu["noi_dung"], doc)
    doc.add_paragraph(du_lieu["cau_ket"])
    doc.save(io.BytesIO())

def do(ham, lan):
    ham(); ham()  # làm nóng: mẫu jinja, bảng tra, bộ nhớ đệm của python-docx
    ra = []
    for _ in range(lan):
        t = time.perf_counter(); ham(); ra.append(time.perf_counter() - t)
    return statistics.median(ra)

lan = int(sys.argv[1])
print(json.dumps({"drafter": do(drafter_mot_lan, lan), "tran": do(tran_mot_lan, lan)}))
"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lan", type=int, default=7, help="số lần đo mỗi cách")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tam:
        ket_qua = {}
        for ten, ma in (("drafter", _DRAFTER), ("biểu mẫu", _BIEU_MAU),
                        ("python-docx trần", _TRAN)):
            _mot_lan(ma, Path(tam) / "khoi-dong.docx")  # làm nóng bộ nhớ đệm đĩa
            do = [_mot_lan(ma, Path(tam) / f"{i}.docx") for i in range(args.lan)]
            ket_qua[ten] = (statistics.median(t for t, _ in do), max(m for _, m in do))
        trong = json.loads(subprocess.run(
            [sys.executable, "-c", _TRONG_TIEN_TRINH, str(max(args.lan * 3, 9))], cwd=GOC,
            capture_output=True, text=True, check=True).stdout)
    t_d, m_d = ket_qua["drafter"]
    t_b, m_b = ket_qua["biểu mẫu"]
    t_t, m_t = ket_qua["python-docx trần"]
    ti_d, ti_t = trong["drafter"], trong["tran"]
    print("Cả tiến trình (như người dùng chạy lệnh):")
    print(f"  drafter demo (kiểm tra, câu văn, .docx, NĐ 30): {t_b:.3f} s, đỉnh {m_b:.1f} MB")
    print(f"  drafter, văn bản dựng sẵn → .docx:             {t_d:.3f} s, đỉnh {m_d:.1f} MB")
    print(f"  python-docx trần (cùng đoạn văn):               {t_t:.3f} s, đỉnh {m_t:.1f} MB")
    print(f"  tỷ lệ demo / trần: {t_b / t_t:.2f}× (mục tiêu ≤ {MUC_TIEU_DEMO}×); dựng sẵn / trần: "
          f"{t_d / t_t:.2f}×; bộ nhớ tối đa {max(m_d, m_b):.1f} MB (mục tiêu < {MUC_TIEU_MB} MB)")
    print("Trong một tiến trình đã nạp thư viện:")
    print(f"  drafter, văn bản dựng sẵn → .docx: {ti_d * 1000:.1f} ms; python-docx trần: "
          f"{ti_t * 1000:.1f} ms; tỷ lệ {ti_d / ti_t:.2f}× (mục tiêu ≤ "
          f"{MUC_TIEU_TRONG_TIEN_TRINH}×)")
    print(json.dumps({"demo_s": round(t_b, 4), "dung_san_s": round(t_d, 4),
                      "tran_s": round(t_t, 4), "ty_le_demo": round(t_b / t_t, 3),
                      "ty_le_dung_san": round(t_d / t_t, 3),
                      "trong_tien_trinh_ms": round(ti_d * 1000, 1),
                      "tran_trong_tien_trinh_ms": round(ti_t * 1000, 1),
                      "ty_le_trong_tien_trinh": round(ti_d / ti_t, 3),
                      "dinh_mb": round(max(m_d, m_b), 1), "tran_mb": round(m_t, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
