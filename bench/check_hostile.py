"""Đo `drafter check` trên tệp lớn và tệp cố ý phá: thời gian và bộ nhớ đỉnh của cả lệnh.

Mỗi tệp chạy `python -m drafter check` trong một tiến trình riêng; bộ nhớ đỉnh (RSS) lấy từ
os.wait4 của đúng tiến trình đó. Các tệp được tạo lúc chạy:

- 20.000 đoạn: báo cáo do drafter ghi, thân 20.000 đoạn văn (mục tiêu: vài giây);
- bom zip: báo cáo nhỏ mà word/document.xml đệm 2.600 MB khoảng trắng, nén còn ≈ 2,7 MB
  (mục tiêu: từ chối ngay, mã thoát 2);
- bom cây XML: 750.000 thẻ w:bookmarkStart có thuộc tính (30 MB, nén còn vài chục KB), dưới
  giới hạn kích thước phần nhưng cây lxml cần hàng trăm MB (mục tiêu: từ chối ngay);
- sát giới hạn: 104.000 đoạn chữ, mỗi đoạn một định dạng khác, vừa dưới giới hạn cây XML —
  trường hợp tốn bộ nhớ nhất còn được kiểm tra (mục tiêu: dưới 300 MB).

    python bench/check_hostile.py [--nguon THƯ_MỤC] [--chi 20000,bom,bom_cay,gioi_han]

--nguon chạy mã drafter ở thư mục khác (ví dụ một bản checkout cũ) để so trước/sau. Chỉ chạy
trên Linux/macOS (os.wait4).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from drafter.ghi_docx import ghi_tep
from drafter.van_ban import VanBan

MUC_TIEU_MB = 300
D = "word/document.xml"


def _van_ban(noi_dung: list[dict]) -> VanBan:
    return VanBan.model_validate({
        "phien_ban": 1,
        "dau": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"], "so": "5",
                "ky_hieu": "BC-UBND", "dia_danh": "Thử Nghiệm", "ngay": "2024-02-05",
                "trich_yeu": "Tình hình kinh tế - xã hội quý I năm 2024"},
        "danh_so": ["la_ma", "so", "chu"],
        "noi_dung": noi_dung,
        "cau_ket": "Trên đây là báo cáo",
        "noi_nhan": ["UBND huyện (b/c)"],
        "luu": "VT, VP",
        "chu_ky": {"co_quan_hoac_chuc_vu": "ỦY BAN NHÂN DÂN", "chuc_vu": ["CHỦ TỊCH"],
                   "ho_ten": "Nguyễn Văn A"},
    })


def _nhieu_doan(thu_muc: Path) -> Path:
    doan = [{"loai": "doan", "noi_dung": f"Đoạn thứ {i} của báo cáo, nội dung bình thường."}
            for i in range(20_000)]
    return ghi_tep(_van_ban(doan), thu_muc / "20000-doan.docx")


_Viet = Callable[[bytes], Callable[[IO[bytes]], object]]  # xml gốc → hàm ghi vào tệp trong zip


def _thay_than(goc: Path, dich: Path, viet: _Viet) -> Path:
    """Chép goc sang dich; document.xml được viết lại bằng viet(goc)(tệp_ghi)."""
    with zipfile.ZipFile(goc) as z, zipfile.ZipFile(dich, "w", zipfile.ZIP_DEFLATED) as ra:
        for ten in z.namelist():
            if ten == D:
                with ra.open(ten, "w", force_zip64=True) as f:
                    viet(z.read(ten))(f)
            else:
                ra.writestr(ten, z.read(ten))
    return dich


def _bom(thu_muc: Path) -> Path:
    nho = ghi_tep(_van_ban([{"loai": "doan", "noi_dung": "Nội dung."}]), thu_muc / "nho.docx")
    khoi = b" " * ((1 << 20) - 7) + b"<!---->"  # chú thích cắt khoảng trắng thành nút < 1 GB

    def viet(xml: bytes) -> Callable[[IO[bytes]], object]:
        i = xml.rindex(b"</w:body>")

        def ghi(f) -> None:
            f.write(xml[:i])
            for _ in range(2600):
                f.write(khoi)
            f.write(xml[i:])
        return ghi
    return _thay_than(nho, thu_muc / "bom.docx", viet)


def _bom_cay(thu_muc: Path) -> Path:
    nho = ghi_tep(_van_ban([{"loai": "doan", "noi_dung": "Nội dung."}]), thu_muc / "nho3.docx")
    than = b'<w:bookmarkStart w:id="0" w:name="a"/>' * 750_000  # 30 MB, ~1,5 triệu thuộc tính

    def viet(xml: bytes) -> Callable[[IO[bytes]], object]:
        i = xml.rindex(b"<w:sectPr")
        return lambda f: f.write(xml[:i] + than + xml[i:])
    return _thay_than(nho, thu_muc / "bom-cay.docx", viet)


def _gioi_han(thu_muc: Path) -> Path:
    nho = ghi_tep(_van_ban([{"loai": "doan", "noi_dung": "Nội dung."}]), thu_muc / "nho2.docx")
    than = "".join("<w:p>" + "".join(
        f'<w:r><w:rPr><w:sz w:val="{i * 5 + k}"/></w:rPr><w:t>x</w:t></w:r>' for k in range(5))
        + "</w:p>" for i in range(104_000 // 5)).encode()

    def viet(xml: bytes) -> Callable[[IO[bytes]], object]:
        i = xml.rindex(b"<w:sectPr")
        return lambda f: f.write(xml[:i] + than + xml[i:])
    return _thay_than(nho, thu_muc / "gioi-han.docx", viet)


# Đo trong một tiến trình trung gian nhỏ: ru_maxrss của tiến trình con tính cả bộ nhớ của
# tiến trình cha lúc fork (Linux giữ mức cao nhất qua execve), mà tiến trình bench này đang
# giữ các tệp vừa tạo.
_TRUNG_GIAN = """
import os, subprocess, sys, time
bat_dau = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
ra = p.stdout.read()
_, trang_thai, dung = os.wait4(p.pid, 0)
sys.stdout.buffer.write(ra)
print(f"\\n@@ {os.waitstatus_to_exitcode(trang_thai)} {time.perf_counter() - bat_dau} "
      f"{dung.ru_maxrss}")
"""


def _do(tep: Path, nguon: str | None) -> tuple[int, float, float, str]:
    """(mã thoát, giây, MB đỉnh, dòng cuối) của `python -m drafter check tep`."""
    moi_truong = dict(os.environ)
    if nguon:
        moi_truong["PYTHONPATH"] = nguon
    ra = subprocess.run([sys.executable, "-c", _TRUNG_GIAN, sys.executable, "-m", "drafter",
                         "check", str(tep)], capture_output=True, env=moi_truong,
                        cwd=nguon or None, check=True).stdout.decode("utf-8", "replace")
    ra, _, so_do = ra.rpartition("\n@@ ")
    ma_thoat, giay, kb = so_do.split()
    dong = ra.strip().splitlines()[-1] if ra.strip() else ""
    mb = int(kb) / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    return int(ma_thoat), float(giay), mb, dong


CAC_TEP: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "20000": ("20.000 đoạn (drafter ghi)", _nhieu_doan),
    "bom": ("bom zip (2.600 MB khoảng trắng)", _bom),
    "bom_cay": ("bom cây XML (30 MB thẻ có thuộc tính)", _bom_cay),
    "gioi_han": ("sát giới hạn (104.000 đoạn chữ khác định dạng)", _gioi_han),
}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nguon", help="thư mục mã drafter cần đo (mặc định: bản đang cài)")
    p.add_argument("--chi", default=",".join(CAC_TEP), help="các tệp cần đo, cách nhau dấu phẩy")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tam:
        for ma in args.chi.split(","):
            ten, tao = CAC_TEP[ma]
            tep = tao(Path(tam))
            ma_thoat, giay, mb, dong = _do(tep, args.nguon)
            print(f"{ten}: tệp {tep.stat().st_size / 1e6:.1f} MB — {giay:.1f} s, đỉnh {mb:.0f} MB"
                  f" (mục tiêu < {MUC_TIEU_MB} MB), mã thoát {ma_thoat}", flush=True)
            print(f"    {dong[:200]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
