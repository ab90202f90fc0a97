"""Xã mẫu nạp vào kho trống lần đầu chạy: Cai Kinh với báo cáo quý I/2024 (dữ liệu mẫu của
sample_data/), kế hoạch năm 2024 suy từ báo cáo đó, và lịch sử năm 2023 để thử tạo kỳ mới và
so sánh cùng kỳ.

Quý I/2023 lấy đúng các số cùng kỳ mà báo cáo quý I/2024 ngầm nêu (148 ha bằng 110% cùng kỳ →
134,5 ha…). Quý II/2023 là SỐ LIỆU MINH HỌA (bản gốc không có): mỗi phiên bản và mục chỉ đạo của
nó ghi rõ điều đó, để không ai nhầm là số thật của xã.

Sắp xếp đơn vị hành chính (01/7/2025), cũng là SỐ LIỆU MINH HỌA với tên bịa không trùng tên xã
thật nào (đã so với danh mục đơn vị hành chính trước và sau sắp xếp): xã Hợp Mẫu hình thành từ
Cai Kinh và xã Khe Thử. Hai xã cũ có quý I, quý II/2025 (quý I/2025 của Khe Thử cố ý thiếu số
trồng rừng, để thấy số cùng kỳ thiếu kèm lý do); Hợp Mẫu có quý III, quý IV/2025 của chính nó,
nên «drafter --xa "Hợp Mẫu" new --ky 2026-Q1» lấy số cùng kỳ từ hai xã cũ và «new --ky
2025» gộp 6 tháng đầu năm của hai xã cũ với quý III, IV của Hợp Mẫu.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, ChuKyNhap, DauBaoCao, SoLieuNhap, doc_bao_cao
from drafter.tai_nguyen import tep_mau

if TYPE_CHECKING:
    from drafter.kho.kho import Kho, Xa

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


XA_MOI_MAU = "Hợp Mẫu"
XA_CU_MAU = "Khe Thử"
# Mỗi dòng: mã, Cai Kinh quý I, quý II/2025; Khe Thử quý I, quý II/2025; Hợp Mẫu quý III, quý
# IV/2025 (lũy kế tính từ đầu năm, gồm cả 6 tháng đầu năm của hai xã cũ). "x/y" là tỷ số.
_SAP_XEP_2025 = [
    ("dien_tich_gieo_trong", "150", "212", "102", "140", "390", "455"),
    ("lua_xuan", "52", "53", "38", "38", "91", "91"),
    ("ngo_xuan", "41", "71", "30", "49", "120", "120"),
    ("trong_rung", "30", "45", None, "20", "70", "82"),
    ("luot_kham", "940", "880", "610", "590", "1.480", "1.510"),
    ("luot_tiep_dan", "4", "5", "2", "1", "6", "5"),
    ("tai_nan_giao_thong", "1", "0", "0", "1", "1", "0"),
    ("nguoi_chet_tngt", "0", "0", "0", "0", "0", "0"),
    ("thu_ngan_sach", "105.000.000", "190.000.000", "64.000.000", "118.000.000",
     "420.000.000", "575.000.000"),
    ("chi_ngan_sach", "1.350.000.000", "2.600.000.000", "980.000.000", "1.890.000.000",
     "6.700.000.000", "9.050.000.000"),
    ("dan_trau", "320", "316", "215", "212", "525", "521"),
    ("dan_bo", "30", "32", "22", "21", "52", "54"),
    ("dan_lon", "210", "236", "160", "171", "402", "395"),
    ("dan_gia_cam", "17.500", "16.800", "11.200", "10.900", "27.900", "28.600"),
    ("ho_so_truc_tuyen", "160/168", "171/175", "96/104", "99/101", "262/270", "255/259"),
    ("thon_ra_quan", "8/8", None, "6/6", None, None, None),
    ("ty_le_bhyt", "93,5", "93,6", "91", "91,2", "92,6", "92,9"),
    ("tieu_chi_ntm", "7/19", "7/19", "9/19", "9/19", "8/19", "9/19"),
    ("ho_ngheo", "41", "41", "37", "36", "76", "71"),
    ("so_sinh", "14", "12", "9", "10", "21", "19"),
]


# Lời văn của Hợp Mẫu: đúng như lời văn gợi ý của biểu mẫu cho hai mục này.
_VAN_BAN_HOP_MAU = {
    "trong_trot": ["- *Trồng trọt*: [[dien_tich_gieo_trong.cau]]"
                   "[[dien_tich_gieo_trong.chu_thich]];"],
    "lam_nghiep": ["- **Lâm nghiệp:** [[trong_rung.cau]][[trong_rung.chu_thich]]."],
}


def nap_xa_mau(kho: Kho) -> None:
    from drafter.kho.kho import Xa

    mau = doc_bao_cao(tep_mau(TEP_MAU))
    xa = kho.luu_xa(Xa(
        id=0, ten=mau.xa, huyen="Hữu Lũng", tinh="Lạng Sơn", mac_dinh=True,
        **Xa.ho_so_tu_dau(mau.dau), noi_nhan=mau.noi_nhan, luu=mau.luu,
        chu_ky=mau.chu_ky.model_dump()))
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
    kho.dat_trang_thai(xa.id, "2023-Q1", "da_ky_ban_hanh")
    kho.dat_trang_thai(xa.id, "2023-Q2", "da_ky_ban_hanh")
    kho.luu(xa.id, mau, "báo cáo mẫu xã Cai Kinh quý I/2024")
    _nap_sap_xep_mau(kho, xa, mau)


def _so(chu: str) -> SoLieuNhap:
    x, _, y = chu.partition("/")
    return SoLieuNhap(gia_tri=x, mau_so=y or None)


def _nap_sap_xep_mau(kho: Kho, cai_kinh: Xa, mau: BaoCaoDuLieu) -> None:
    """Xã Hợp Mẫu (minh họa) hình thành ngày 01/7/2025 từ Cai Kinh và Khe Thử (minh họa)."""
    from drafter.kho.kho import Xa
    from drafter.sap_nhap import ho_so_xa_moi

    khe_thu = kho.luu_xa(Xa(id=0, huyen="Hữu Lũng", **ho_so_xa_moi(XA_CU_MAU, "Lạng Sơn")
                            | {"ten": XA_CU_MAU, "noi_nhan": mau.noi_nhan, "luu": mau.luu}))
    hop_mau = kho.luu_xa(Xa(id=0, **ho_so_xa_moi(XA_MOI_MAU, "Lạng Sơn") | {"ten": XA_MOI_MAU}))
    kho.dat_sap_nhap(hop_mau.id, [cai_kinh.id, khe_thu.id], date(2025, 7, 1))
    ghi = GHI_CHU_MINH_HOA.replace("của xã", "của các xã") + " sau sắp xếp đơn vị hành chính"
    cot = {(cai_kinh.id, "2025-Q1"): 1, (cai_kinh.id, "2025-Q2"): 2, (khe_thu.id, "2025-Q1"): 3,
           (khe_thu.id, "2025-Q2"): 4, (hop_mau.id, "2025-Q3"): 5, (hop_mau.id, "2025-Q4"): 6}
    for (xa_id, ky), i in cot.items():
        so_lieu = {d[0]: _so(chu) for d in _SAP_XEP_2025 if (chu := d[i]) is not None}
        if xa_id == cai_kinh.id:
            bc = _khung(mau, ky, so_lieu, ghi + ".")
        else:
            x = khe_thu if xa_id == khe_thu.id else hop_mau
            van_ban = {"chi_dao": [ghi + "."]}
            if xa_id == hop_mau.id:
                van_ban |= _VAN_BAN_HOP_MAU
            bc = BaoCaoDuLieu(
                bieu_mau=mau.bieu_mau, ky=ky, xa=x.ten, so_lieu=so_lieu, van_ban=van_ban,
                dau=DauBaoCao(**x.dau_mac_dinh()),
                noi_nhan=x.noi_nhan, luu=x.luu,
                chu_ky=ChuKyNhap.model_validate(mau.chu_ky.model_dump()))
        kho.luu(xa_id, bc, ghi)  # nạp thẳng, không qua biểu mẫu: lần mở đầu tiên nhanh
        kho.dat_trang_thai(xa_id, ky, "da_ky_ban_hanh")


def _khung(mau: BaoCaoDuLieu, ky: str, so_lieu: dict[str, SoLieuNhap],
           ghi_chu: str) -> BaoCaoDuLieu:
    return mau.model_copy(update={
        "ky": ky, "so_lieu": so_lieu, "van_ban": {"chi_dao": [ghi_chu]}, "tieu_de_muc": {},
        "dau": mau.dau.model_copy(update={"so": None, "ngay": None, "trich_yeu": None}),
        "cau_ket": None})
