"""Đánh giá các chỉ tiêu kế hoạch của một báo cáo: mỗi mục tiêu một kết quả (vượt / đạt / không
đạt / chưa đến kỳ đánh giá), và câu đếm "đạt và vượt 12/16 chỉ tiêu". Chỉ báo cáo cả năm mới
kết luận "không đạt" cho mục tiêu chưa tới; báo cáo quý, 6 tháng, 9 tháng ghi "chưa đến kỳ".
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.bieu_mau.tinh_toan import SoLieuDaTinh
from drafter.ky_bao_cao import Ky
from drafter.muc_tieu import DanhGiaMucTieu, MucTieuDaTinh


@dataclass
class DongDanhGia:
    ct: ChiTieu
    s: SoLieuDaTinh
    muc_tieu: MucTieuDaTinh
    ket_qua: DanhGiaMucTieu | None  # None: chưa có số thực hiện


def danh_gia_bao_cao(bieu_mau: BieuMau, so_lieu: dict[str, SoLieuDaTinh], ky: Ky
                     ) -> list[DongDanhGia]:
    """Mọi mục tiêu của mọi chỉ tiêu có mục tiêu, theo thứ tự biểu mẫu. Dự toán ngân sách là
    mục tiêu như mọi mục tiêu khác (thu đạt dự toán là đạt)."""
    cuoi_nam = ky.loai == "nam"
    ra = []
    for ct in bieu_mau.chi_tieu:
        s = so_lieu.get(ct.ma)
        if s is None:
            continue
        for m in s.cac_muc_tieu:
            ra.append(DongDanhGia(ct, s, m, m.danh_gia(cuoi_nam)))
    return ra


def dem_danh_gia(ds: list[DongDanhGia]) -> dict[str, int]:
    dem = {"tong": len(ds), "vuot": 0, "dat": 0, "khong_dat": 0, "chua_den_ky": 0, "chua_co": 0}
    for d in ds:
        dem[d.ket_qua or "chua_co"] += 1
    dem["dat_va_vuot"] = dem["dat"] + dem["vuot"]
    return dem
