"""Đo: dung lượng kho sau một năm dùng hằng ngày (mục tiêu dưới 10 MB), thời gian mỗi lần lưu.

Mô phỏng (giờ giả, chạy trong chừng một phút): kho mẫu Cai Kinh; mỗi ngày làm việc của năm 2025
một buổi soạn 20–60 phút báo cáo của quý đang diễn ra (đầu quý tạo kỳ mới từ kỳ trước; tháng 7
và tháng 10 soạn thêm báo cáo 6 tháng, 9 tháng gộp từ các quý). Trong buổi, người dùng ngừng gõ
trung bình mỗi 75 giây — mỗi lần là một lần tự lưu (gop=True) với vài chữ thêm vào một đoạn hay
một số liệu đổi; một hai lần F2; lưu khi thoát; ba ngày cuối quý xuất văn bản («trước khi xuất»
và nhật ký xuất).

In ra: số lần lưu, số phiên bản, dung lượng tệp kho (và sau VACUUM), thư mục sao lưu (7 bản), so
với cách lưu trước lược đồ 2 (mỗi lần tự lưu một bản JSON đầy đủ, không gộp) tính bằng tổng độ
dài JSON các bản đó sẽ lưu; thời gian một lần tự lưu, một lần lưu chủ động, đọc phiên bản cũ
nhất (dựng lại qua chuỗi khác biệt).

    python bench/kho_mot_nam.py [--ngay 250] [--giay-moi-lan-luu 75]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
from drafter.chuyen_ky import tao_ky_moi, tong_hop
from drafter.kho import Kho
from drafter.kho.sao_luu import sao_luu_hang_ngay
from drafter.ky_bao_cao import Ky

MUC_TIEU_MB = 10
TU = ("kết quả", "thực hiện", "nhiệm vụ", "trên địa bàn", "xã", "đạt", "so với cùng kỳ",
      "tăng", "giảm", "người dân", "hộ", "thôn", "chỉ đạo", "triển khai", "kịp thời", "đảm bảo",
      "an ninh", "trật tự", "sản xuất", "nông nghiệp", "kế hoạch", "tiếp tục", "tuyên truyền")


class DongHo:
    def __init__(self) -> None:
        self.luc = datetime(2025, 1, 1, 8, 0)

    def __call__(self) -> datetime:
        return self.luc


def _sua(bc: BaoCaoDuLieu, ngau_nhien: random.Random) -> None:
    """Một đợt gõ giữa hai lần ngừng: vài chữ vào một đoạn, đôi khi một số liệu."""
    if ngau_nhien.random() < 0.25 and bc.so_lieu:
        ma = ngau_nhien.choice(sorted(bc.so_lieu))
        bc.so_lieu[ma].gia_tri = str(ngau_nhien.randint(1, 5000))
        return
    muc = ngau_nhien.choice(sorted(bc.van_ban) or ["chi_dao"])
    doan = list(bc.van_ban.get(muc, [])) or [""]
    i = ngau_nhien.randrange(len(doan))
    them = " ".join(ngau_nhien.choice(TU) for _ in range(ngau_nhien.randint(2, 8)))
    doan[i] = (doan[i] + " " + them).strip() if ngau_nhien.random() < 0.85 else them.capitalize()
    bc.van_ban[muc] = doan


def _ky_dang_soan(ngay: date) -> Ky:
    """Nửa đầu tháng 7, tháng 10: báo cáo 6 tháng, 9 tháng; còn lại: quý đang diễn ra."""
    if ngay.month == 7 and ngay.day <= 15:
        return Ky.doc(f"{ngay.year}-H1")
    if ngay.month == 10 and ngay.day <= 15:
        return Ky.doc(f"{ngay.year}-9M")
    return Ky.doc(f"{ngay.year}-Q{(ngay.month - 1) // 3 + 1}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--ngay", type=int, default=250, help="số ngày làm việc mô phỏng")
    p.add_argument("--giay-moi-lan-luu", type=int, default=75,
                   help="trung bình số giây giữa hai lần ngừng gõ (mỗi lần một lần tự lưu)")
    args = p.parse_args()
    ngau_nhien = random.Random(2025)
    dong_ho = DongHo()
    so_tu_luu = so_chu_dong = 0
    json_cach_cu = 0  # tổng độ dài JSON mà cách lưu cũ (mỗi lần một bản đầy đủ) sẽ ghi
    do_tu_luu: list[float] = []
    do_chu_dong: list[float] = []
    with tempfile.TemporaryDirectory() as tam:
        thu_muc = Path(tam)
        with Kho.mo(thu_muc) as kho:
            kho.bay_gio = dong_ho
            xa = kho.xa_mac_dinh()

            ban_cuoi: dict[str, str] = {}

            def luu(bc: BaoCaoDuLieu, ghi_chu: str = "", gop: bool = False) -> None:
                nonlocal so_tu_luu, so_chu_dong, json_cach_cu
                chu = bc.model_dump_json()
                t = time.perf_counter()
                kho.luu(xa.id, bc, ghi_chu, gop=gop)
                (do_tu_luu if gop else do_chu_dong).append((time.perf_counter() - t) * 1000)
                if gop:
                    so_tu_luu += 1
                else:
                    so_chu_dong += 1
                if chu != ban_cuoi.get(bc.ky):  # cách cũ: khác bản mới nhất là thêm một bản
                    json_cach_cu += len(chu.encode("utf-8"))
                    ban_cuoi[bc.ky] = chu

            ngay, so_ngay = date(2025, 1, 1), 0
            bat_dau = time.perf_counter()
            while so_ngay < args.ngay:
                ngay += timedelta(days=1)
                if ngay.weekday() >= 5:
                    continue
                so_ngay += 1
                dong_ho.luc = datetime.combine(ngay, datetime.min.time()) + timedelta(
                    hours=8, minutes=ngau_nhien.randint(0, 120))
                ky = _ky_dang_soan(ngay)
                if kho.tim_bao_cao(xa.id, ky.ma) is None:
                    bc, _ = (tao_ky_moi(kho, xa.id, ky) if ky.loai == "quy"
                             else tong_hop(kho, xa.id, ky))
                    luu(bc, "tạo từ báo cáo kỳ trước")
                doc = kho.doc(xa.id, ky.ma)
                assert isinstance(doc, BaoCaoDuLieu)  # kho thử chỉ có báo cáo theo biểu mẫu
                bc = doc
                het_buoi = dong_ho.luc + timedelta(minutes=ngau_nhien.randint(20, 60))
                while dong_ho.luc < het_buoi:
                    dong_ho.luc += timedelta(seconds=ngau_nhien.expovariate(
                        1 / args.giay_moi_lan_luu))
                    _sua(bc, ngau_nhien)
                    luu(bc, gop=True)
                    if ngau_nhien.random() < 1 / 40:
                        luu(bc)  # F2
                _sua(bc, ngau_nhien)
                luu(bc, "lưu khi thoát")
                if ky.loai == "quy" and ngay.month == ky.thang_cuoi and ngay.day >= 26:
                    luu(bc, "trước khi xuất")
                    tep = thu_muc / f"{ky.ma}.docx"
                    tep.write_bytes(bc.model_dump_json().encode("utf-8")[:20_000])
                    kho.ghi_xuat(xa.id, ky.ma, tep)
                sao_luu_hang_ngay(kho.cn, kho.tep, ngay)
            thoi_gian = time.perf_counter() - bat_dau

            so_phien_ban = kho.cn.execute("SELECT COUNT(*) FROM phien_ban").fetchone()[0]
            cach_luu = dict(kho.cn.execute("SELECT cach_luu, COUNT(*) FROM phien_ban GROUP BY 1"))
            so_bao_cao = kho.cn.execute("SELECT COUNT(*) FROM bao_cao").fetchone()[0]
            # Đọc phiên bản cũ nhất của báo cáo nhiều phiên bản nhất: chuỗi khác biệt dài nhất.
            ky_nhieu = kho.cn.execute(
                "SELECT b.ky FROM bao_cao b JOIN phien_ban p ON p.bao_cao_id = b.id "
                "GROUP BY b.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
            do_doc = []
            for so in (1, 2, 3):
                t = time.perf_counter()
                kho.doc(xa.id, ky_nhieu, so=so)
                do_doc.append((time.perf_counter() - t) * 1000)
        mb = (thu_muc / "drafter.sqlite3").stat().st_size / 1e6
        with Kho.mo(thu_muc, sao_luu=False) as kho:
            kho.cn.execute("VACUUM")
        mb_vacuum = (thu_muc / "drafter.sqlite3").stat().st_size / 1e6
        mb_sao_luu = sum(t.stat().st_size for t in (thu_muc / "sao_luu").glob("*.sqlite3")) / 1e6

    print(f"một năm: {so_ngay} ngày làm việc, {so_bao_cao} báo cáo, {so_tu_luu} lần tự lưu + "
          f"{so_chu_dong} lần lưu chủ động → {so_phien_ban} phiên bản "
          f"({cach_luu.get('zlib', 0)} đầy đủ nén, {cach_luu.get('delta', 0)} khác biệt); "
          f"mô phỏng trong {thoi_gian:.0f} s")
    print(f"tệp kho: {mb:.2f} MB ({mb_vacuum:.2f} MB sau VACUUM; mục tiêu < {MUC_TIEU_MB} MB); "
          f"thư mục sao lưu (7 bản): {mb_sao_luu:.1f} MB")
    print(f"cách lưu cũ (mỗi lần tự lưu một bản JSON đầy đủ): {json_cach_cu / 1e6:.0f} MB "
          "(tổng độ dài JSON, chưa tính phần đầu trang SQLite)")
    print(f"một lần tự lưu: trung vị {statistics.median(do_tu_luu):.1f} ms, chậm nhất "
          f"{max(do_tu_luu):.1f} ms; lưu chủ động: trung vị {statistics.median(do_chu_dong):.1f} "
          f"ms; đọc phiên bản 1–3 của {ky_nhieu}: chậm nhất {max(do_doc):.1f} ms")
    return 0 if mb < MUC_TIEU_MB else 1


if __name__ == "__main__":
    sys.exit(main())
