"""Đo: kho 25 xã × 10 năm × 4 quý (1.000 báo cáo), thời gian mở một báo cáo kèm số so sánh.

"Mở" = đọc phiên bản mới nhất, lấy số cùng kỳ năm trước và kỳ trước trong kho, rồi tính mọi số
suy ra và kiểm tra (như màn hình soạn báo cáo làm khi mở). Mục tiêu dưới 50 ms.

    python bench/history.py [--xa 25] [--nam 10] [--lan 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal

from drafter import vn
from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.du_lieu import SoLieuNhap, doc_bao_cao
from drafter.chuyen_ky import mo_kem_so_sanh
from drafter.kho import Kho
from drafter.kho.kho import Xa
from drafter.ky_bao_cao import Ky
from drafter.nap_bao_cao import tu_bao_cao
from drafter.tai_nguyen import tep_mau

MUC_TIEU_MS = 50


def _bien_doi(so: str | int | float | None, he_so: float) -> str | int | float | None:
    if so in (None, ""):
        return so
    try:
        d = vn.doc_so(str(so))
    except vn.LoiNhapSo:
        return so
    return vn.so((d * Decimal(str(he_so))).quantize(Decimal(1)), 0)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--xa", type=int, default=25)
    p.add_argument("--nam", type=int, default=10)
    p.add_argument("--lan", type=int, default=20)
    args = p.parse_args()
    ngau_nhien = random.Random(2024)
    mau = doc_bao_cao(tep_mau("bao-cao-cai-kinh-quy-I-2024.json"))
    giu_nguyen = {c.ma for c in doc_bieu_mau(mau.bieu_mau).chi_tieu if c.loai == "phan_tram"}
    with tempfile.TemporaryDirectory() as tam, Kho.mo(tam, nap_mau=False) as kho:
        bat_dau = time.perf_counter()
        cac_xa = []
        for i in range(args.xa):
            cac_xa.append(kho.luu_xa(Xa(id=0, ten=f"Xã thử {i + 1:02d}", mac_dinh=i == 0)))
        for xa in cac_xa:
            for nam in range(2024 - args.nam + 1, 2025):
                for quy in range(1, 5):
                    he_so = 0.8 + ngau_nhien.random() * 0.4
                    # Số nhân hệ số ngẫu nhiên; tỷ số x/y, tỷ lệ % và chỉ tiêu có chi tiết
                    # giữ nguyên để dữ liệu vẫn hợp lệ.
                    so_lieu = {ma: SoLieuNhap(gia_tri=s.gia_tri if s.mau_so or ma in giu_nguyen
                                              else _bien_doi(s.gia_tri, he_so),
                                              mau_so=s.mau_so, ke_hoach=s.ke_hoach)
                               for ma, s in mau.so_lieu.items() if not s.phan_con}
                    kho.luu(xa.id, mau.model_copy(update={
                        "xa": xa.ten, "ky": Ky(nam, "quy", quy).ma, "so_lieu": so_lieu}))
        thoi_gian_nap = time.perf_counter() - bat_dau
        so_bao_cao = kho.cn.execute("SELECT COUNT(*) FROM bao_cao").fetchone()[0]
        dung_luong = kho.tep.stat().st_size / 1024 / 1024

        # Lần mở đầu tiên trong tiến trình còn nạp biểu mẫu, mẫu câu: đo riêng.
        t = time.perf_counter()
        tu_bao_cao(mo_kem_so_sanh(kho, cac_xa[0].id, Ky(2024, "quy", 2)),
                   dung_van_ban=False)
        lan_dau = (time.perf_counter() - t) * 1000
        do = []
        for _ in range(args.lan):
            xa = ngau_nhien.choice(cac_xa)
            ky = Ky(ngau_nhien.randint(2024 - args.nam + 2, 2024), "quy", ngau_nhien.randint(1, 4))
            t = time.perf_counter()
            bc = mo_kem_so_sanh(kho, xa.id, ky)
            kq = tu_bao_cao(bc, dung_van_ban=False)
            do.append((time.perf_counter() - t) * 1000)
            assert bc.so_lieu["dan_trau"].cung_ky is not None
            assert not [t for t in kq.thong_bao if t.muc_do == "loi" and t.nhom == "so_lieu"]
    print(f"kho: {so_bao_cao} báo cáo ({args.xa} xã × {args.nam} năm × 4 quý), "
          f"{dung_luong:.1f} MB, nạp trong {thoi_gian_nap:.1f} s")
    print(f"mở một báo cáo kèm số cùng kỳ, kỳ trước và kiểm tra: trung vị "
          f"{statistics.median(do):.1f} ms, chậm nhất {max(do):.1f} ms "
          f"(mục tiêu < {MUC_TIEU_MS} ms, {args.lan} lần); lần đầu trong tiến trình "
          f"{lan_dau:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
