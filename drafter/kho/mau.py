"""Xã mẫu nạp vào kho trống lần đầu chạy: Cai Kinh với báo cáo quý I/2024 (dữ liệu mẫu của
sample_data/), kế hoạch năm 2024 suy từ báo cáo đó, và lịch sử năm 2023 để thử tạo kỳ mới và
so sánh cùng kỳ.

Quý I/2023 lấy đúng các số cùng kỳ mà báo cáo quý I/2024 ngầm nêu (148 ha bằng 110% cùng kỳ →
134,5 ha…). Quý II/2023 là SỐ LIỆU MINH HỌA (bản gốc không có): mỗi phiên bản và mục chỉ đạo của
nó ghi rõ điều đó, để không ai nhầm là số thật của xã.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, SoLieuNhap, doc_bao_cao
from drafter.tai_nguyen import tep_mau

if TYPE_CHECKING:
    from drafter.kho.kho import Kho

TEP_MAU = "bao-cao-cai-kinh-quy-I-2024.json"
GHI_CHU_MINH_HOA = "Số liệu minh họa (không phải số liệu thật của xã) để thử so sánh cùng kỳ"

# Quý II/2023, minh họa: lũy kế lớn hơn quý I, trong kỳ cùng cỡ, hiện có gần bằng.
_QUY_II_2023 = {
    "dien_tich_gieo_trong": "210", "lua_xuan": "51", "ngo_xuan": "70", "trong_rung": "44",
    "khai_thac_go": "22", "trong_cay_an_qua": "13", "dan_trau": "310", "dan_bo": "33",
    "dan_lon": "240", "dan_gia_cam": "16.900", "luot_kham": "870", "so_sinh": "12",
    "luot_tiep_dan": "4", "ho_so_dat_dai": "29", "tai_nan_giao_thong": "0",
    "nguoi_chet_tngt": "0", "thu_ngan_sach": "182.450.000", "chi_ngan_sach": "2.490.600.000",
}


def nap_xa_mau(kho: Kho) -> None:
    from drafter.kho.kho import Xa

    mau = doc_bao_cao(tep_mau(TEP_MAU))
    xa = kho.luu_xa(Xa(
        id=0, ten=mau.xa, huyen="Hữu Lũng", tinh="Lạng Sơn", mac_dinh=True,
        co_quan_chu_quan=mau.dau.co_quan_chu_quan, co_quan_ban_hanh=mau.dau.co_quan_ban_hanh,
        ky_hieu=mau.dau.ky_hieu or "BC-UBND", dia_danh=mau.dau.dia_danh,
        noi_nhan=mau.noi_nhan, luu=mau.luu, chu_ky=mau.chu_ky.model_dump()))
    # Kế hoạch năm 2024: các chỉ tiêu kế hoạch có trong báo cáo mẫu.
    ke_hoach = {ma: str(s.ke_hoach) for ma, s in mau.so_lieu.items()
                if s.ke_hoach not in (None, "")}
    for loai in ("du_toan_huyen", "du_toan_xa"):
        ke_hoach |= {f"{ma}.{loai}": str(getattr(s, loai)) for ma, s in mau.so_lieu.items()
                     if getattr(s, loai) not in (None, "")}
    kho.dat_ke_hoach(xa.id, 2024, ke_hoach)

    # Quý I/2023: đúng các số cùng kỳ suy ra từ báo cáo quý I/2024.
    quy_i_2023 = _khung(mau, "2023-Q1", {
        ma: SoLieuNhap(gia_tri=s.cung_ky) for ma, s in mau.so_lieu.items()
        if s.cung_ky not in (None, "")}, "Số liệu suy ra từ tỷ lệ so với cùng kỳ của báo cáo "
        "quý I/2024.")
    kho.luu(xa.id, quy_i_2023, "số cùng kỳ suy từ báo cáo quý I/2024")
    quy_ii_2023 = _khung(mau, "2023-Q2", {ma: SoLieuNhap(gia_tri=v)
                                          for ma, v in _QUY_II_2023.items()},
                         GHI_CHU_MINH_HOA + ".")
    kho.luu(xa.id, quy_ii_2023, GHI_CHU_MINH_HOA)
    kho.dat_trang_thai(xa.id, "2023-Q1", "da_ky")
    kho.dat_trang_thai(xa.id, "2023-Q2", "da_ky")
    kho.luu(xa.id, mau, "báo cáo mẫu xã Cai Kinh quý I/2024")


def _khung(mau: BaoCaoDuLieu, ky: str, so_lieu: dict[str, SoLieuNhap],
           ghi_chu: str) -> BaoCaoDuLieu:
    return mau.model_copy(update={
        "ky": ky, "so_lieu": so_lieu, "van_ban": {"chi_dao": [ghi_chu]}, "tieu_de_muc": {},
        "dau": mau.dau.model_copy(update={"so": None, "ngay": None, "trich_yeu": None}),
        "cau_ket": None})
