"""Đo: tạo báo cáo mẫu bằng drafter so với ghi cùng các đoạn văn bằng python-docx trần.

Mỗi lần đo là một tiến trình Python mới (tính cả thời gian nạp thư viện, như người dùng chạy
lệnh), lặp nhiều lần lấy trung vị. In thời gian, tỷ lệ và bộ nhớ đỉnh (RSS) của mỗi cách.

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
MUC_TIEU_TY_LE = 1.3
MUC_TIEU_MB = 80

_DRAFTER = """
import sys
from pathlib import Path
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from drafter.ghi_docx import ghi_tep
ghi_tep(doc_van_ban(tep_mau("van-ban-cai-kinh-quy-I-2024.json")), Path(sys.argv[1]))
"""

# Như `drafter demo`: dữ liệu biểu mẫu → kiểm tra, tính số, câu văn từ mẫu jinja2 → .docx.
_BIEU_MAU = """
import sys
from pathlib import Path
from drafter.tai_nguyen import tep_mau
from drafter.nap_bao_cao import nap
from drafter.ghi_docx import ghi_tep
ghi_tep(nap(tep_mau("bao-cao-cai-kinh-quy-I-2024.json")).van_ban, Path(sys.argv[1]))
"""

# Cùng nội dung chữ (đoạn văn, đề mục, chú thích in thành đoạn thường), không thể thức.
_TRAN = """
import json, sys
import docx
from drafter.tai_nguyen import tep_mau

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
    t_d, m_d = ket_qua["drafter"]
    t_b, m_b = ket_qua["biểu mẫu"]
    t_t, m_t = ket_qua["python-docx trần"]
    print(f"drafter, văn bản dựng sẵn (đủ thể thức):      {t_d:.3f} s, bộ nhớ đỉnh {m_d:.1f} MB")
    print(f"drafter, từ dữ liệu biểu mẫu (= demo):      {t_b:.3f} s, bộ nhớ đỉnh {m_b:.1f} MB")
    print(f"python-docx trần (cùng đoạn văn):           {t_t:.3f} s, bộ nhớ đỉnh {m_t:.1f} MB")
    print(f"tỷ lệ thời gian: dựng sẵn {t_d / t_t:.2f}×, biểu mẫu {t_b / t_t:.2f}× "
          f"(mục tiêu ≤ {MUC_TIEU_TY_LE}×); bộ nhớ tối đa {max(m_d, m_b):.1f} MB "
          f"(mục tiêu < {MUC_TIEU_MB} MB)")
    print(json.dumps({"drafter_s": round(t_d, 4), "bieu_mau_s": round(t_b, 4),
                      "tran_s": round(t_t, 4), "ty_le": round(t_d / t_t, 3),
                      "ty_le_bieu_mau": round(t_b / t_t, 3), "drafter_mb": round(m_d, 1),
                      "bieu_mau_mb": round(m_b, 1), "tran_mb": round(m_t, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
