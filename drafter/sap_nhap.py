"""Chính quyền địa phương hai cấp (từ 01/7/2025): cấp huyện không còn, nhiều xã sáp nhập thành
xã mới báo cáo thẳng lên tỉnh. Ở đây là những mặc định theo thời điểm đó: phần đầu không còn dòng
cơ quan cấp huyện, Nơi nhận cấp tỉnh, hồ sơ của xã mới, chú thích số cùng kỳ là tổng của các xã
cũ, và kế hoạch năm khởi đầu bằng tổng kế hoạch các xã cũ (chờ xem lại).

Báo cáo của các kỳ trước ngày đó giữ nguyên cách viết của thời ấy (UBND huyện, dự toán huyện
giao…). Số liệu các kỳ trước sắp xếp tính ở so_lieu_ky.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from drafter import vn
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, CungKyXaCu
from drafter.ky_bao_cao import Ky

if TYPE_CHECKING:
    from drafter.bieu_mau.dinh_nghia import BieuMau
    from drafter.kho.kho import Kho, Xa

# Luật Tổ chức chính quyền địa phương 2025: từ ngày này không còn đơn vị hành chính cấp huyện.
NGAY_BO_CAP_HUYEN = date(2025, 7, 1)
# Nơi nhận cấp tỉnh thường dùng thay cho «UBND huyện (b/c)»: báo cáo kinh tế – xã hội gửi UBND
# tỉnh và sở theo dõi kế hoạch, ngân sách (Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở Tài chính).
NOI_NHAN_CAP_TINH = ["UBND tỉnh (b/c)", "Sở Tài chính (b/c)"]
NOI_NHAN_CAP_XA = ["TT Đảng ủy, HĐND xã", "CT, PCT UBND xã", "UBMTTQ Việt Nam xã"]
_CAP_HUYEN = re.compile(r"(?i)\bhuyện\b")


def sau_bo_cap_huyen(ky: Ky) -> bool:
    """Báo cáo kỳ này viết khi cấp huyện đã không còn (kỳ kết thúc từ 01/7/2025 trở đi: quý
    III/2025, 9 tháng và năm 2025…). Báo cáo 6 tháng đầu năm 2025 vẫn là của thời có huyện."""
    return ky.ngay_cuoi >= NGAY_BO_CAP_HUYEN


def nhac_cap_huyen(chu: str) -> bool:
    return _CAP_HUYEN.search(chu) is not None


def goi_y_noi_nhan(noi_nhan_thuong_dung: list[str], ky: Ky) -> list[str]:
    """Gợi ý Nơi nhận cho báo cáo kỳ `ky`: danh sách thường dùng của xã; sau khi bỏ cấp huyện
    thì bỏ các nơi cấp huyện và thêm các nơi cấp tỉnh."""
    if not sau_bo_cap_huyen(ky):
        return list(noi_nhan_thuong_dung)
    giu = [n for n in noi_nhan_thuong_dung if not nhac_cap_huyen(n)]
    return [n for n in NOI_NHAN_CAP_TINH if n not in giu] + giu


def bo_cap_huyen(bao_cao: BaoCaoDuLieu) -> tuple[BaoCaoDuLieu, list[str]]:
    """Báo cáo kỳ sau khi bỏ cấp huyện chép từ báo cáo kỳ trước đó: bỏ dòng cơ quan chủ quản
    cấp huyện ở phần đầu, Kính gửi và Nơi nhận cấp huyện, thêm Nơi nhận cấp tỉnh. Trả về báo
    cáo mới và mô tả từng thay đổi (cho danh sách thay đổi)."""
    dau = bao_cao.dau
    ghi: list[str] = []
    chu_quan = [d for d in dau.co_quan_chu_quan if not nhac_cap_huyen(d)]
    if chu_quan != dau.co_quan_chu_quan:
        ghi.append("bỏ dòng cơ quan chủ quản cấp huyện ở phần đầu («"
                   + "», «".join(d for d in dau.co_quan_chu_quan if nhac_cap_huyen(d)) + "»)")
    kinh_gui = [d for d in dau.kinh_gui if not nhac_cap_huyen(d)]
    if kinh_gui != dau.kinh_gui:
        ghi.append("bỏ Kính gửi cấp huyện")
    bo = [n for n in bao_cao.noi_nhan if nhac_cap_huyen(n)]
    noi_nhan = [n for n in bao_cao.noi_nhan if not nhac_cap_huyen(n)]
    if bo:
        them = [n for n in NOI_NHAN_CAP_TINH if n not in noi_nhan]
        noi_nhan = them + noi_nhan
        ghi.append(f"Nơi nhận: bỏ «{'», «'.join(bo)}»"
                   + (f", thêm «{'», «'.join(them)}»" if them else ""))
    if not ghi:
        return bao_cao, []
    moi = bao_cao.model_copy(update={
        "dau": dau.model_copy(update={"co_quan_chu_quan": chu_quan, "kinh_gui": kinh_gui}),
        "noi_nhan": noi_nhan})
    return moi, ghi


def ho_so_xa_moi(ten: str, tinh: str = "") -> dict:
    """Hồ sơ mặc định của xã hình thành sau sắp xếp: phần đầu chỉ có «ỦY BAN NHÂN DÂN / XÃ …»
    (không dòng cấp huyện), Nơi nhận cấp tỉnh và cấp xã."""
    return {"tinh": tinh, "co_quan_chu_quan": [],
            "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", f"XÃ {ten.upper()}"], "dia_danh": ten,
            "noi_nhan": NOI_NHAN_CAP_TINH + NOI_NHAN_CAP_XA, "luu": "VT",
            "chu_ky": {"quyen_han": "TM.", "co_quan_hoac_chuc_vu": "ỦY BAN NHÂN DÂN",
                       "chuc_vu": ["CHỦ TỊCH"], "ho_ten": ""}}


def chu_thich_cung_ky(xa_cu: CungKyXaCu) -> str:
    """Chú thích in ở chỗ đầu tiên văn bản so với cùng kỳ: «Số liệu cùng kỳ là tổng số liệu
    của các xã Cai Kinh và Khe Thử trước khi sắp xếp.»"""
    from drafter.so_lieu_ky import ten_cac_xa

    chu = f"Số liệu cùng kỳ là tổng số liệu của {ten_cac_xa(xa_cu.cac_xa)} trước khi sắp xếp"
    if xa_cu.nghi_quyet:
        chu += f" theo Nghị quyết số {xa_cu.nghi_quyet}"
    return chu + "."


# ---------------------------------------------------------------- kế hoạch năm

@dataclass
class KetQuaCongKeHoach:
    da_dat: dict[str, str] = field(default_factory=dict)  # mã → tổng, đã ghi (chờ xem lại)
    da_co: list[str] = field(default_factory=list)  # xã mới đã có kế hoạch này: giữ nguyên
    thieu: dict[str, str] = field(default_factory=dict)  # mã → vì sao không cộng được
    nguon: dict[str, str] = field(default_factory=dict)  # tên xã cũ → "bảng kế hoạch"/"báo cáo…"


def ke_hoach_cua_xa(kho: Kho, xa_id: int, nam: int) -> tuple[dict[str, str], str]:
    """Kế hoạch năm của một xã: bảng kế hoạch năm; xã chỉ có báo cáo nhập từ tệp thì lấy kế
    hoạch ghi trong báo cáo mới nhất của năm đó."""
    ke_hoach = kho.ke_hoach(xa_id, nam)
    if ke_hoach:
        return ke_hoach, "kế hoạch năm trong kho"
    cac = [b for b in kho.cac_bao_cao(xa_id) if b.ky_bao_cao.nam == nam and b.loai != "tu_do"]
    if not cac:
        return {}, ""
    bc = kho.doc_bieu_mau(xa_id, cac[0].ky)
    ra: dict[str, str] = {}
    for ma, s in bc.so_lieu.items():
        for truong, khoa in (("ke_hoach", ma), ("du_toan_huyen", f"{ma}.du_toan_huyen"),
                             ("du_toan_xa", f"{ma}.du_toan_xa")):
            v = getattr(s, truong)
            if v not in (None, ""):
                ra[khoa] = str(v)
    return ra, f"kế hoạch ghi trong báo cáo {cac[0].ky_bao_cao.ten_gon}"


def cong_ke_hoach_xa_cu(kho: Kho, xa: Xa, nam: int, bieu_mau: BieuMau) -> KetQuaCongKeHoach:
    """Kế hoạch năm `nam` khởi đầu của xã mới = tổng kế hoạch các xã cũ, ghi vào kho với dấu
    chờ xem lại. Kế hoạch xã mới đã có thì giữ; tỷ lệ % và chỉ tiêu không cộng được thì bỏ,
    kèm lý do; một xã cũ thiếu kế hoạch thì không cộng (không đoán)."""
    from drafter.bieu_mau.tinh_toan import doc_o_so
    from drafter.so_lieu_ky import ly_do_khong_cong

    kq = KetQuaCongKeHoach()
    cac: list[tuple[str, dict[str, str]]] = []
    for t in kho.cac_tien_than(xa):
        ke_hoach, nguon = ke_hoach_cua_xa(kho, t.id, nam)
        cac.append((t.ten, ke_hoach))
        kq.nguon[t.ten] = nguon or "chưa có kế hoạch năm"
    da_co = kho.ke_hoach(xa.id, nam)
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    khoa = dict.fromkeys(k for _, kh in cac for k in kh)
    for k in khoa:
        ct = ct_theo_ma.get(k.split(".")[0])
        if ct is None:
            continue
        if k in da_co:
            kq.da_co.append(k)
            continue
        ly_do = ly_do_khong_cong(ct) if "." not in k else None
        thieu = [ten for ten, kh in cac if k not in kh]
        if ly_do is None and thieu:
            ly_do = f"xã {', '.join(thieu)} chưa có kế hoạch này"
        tong = Decimal(0)
        for ten, kh in cac:
            if ly_do:
                break
            so, loi = doc_o_so(kh[k], ct, "ke_hoach")
            if so is None:
                ly_do = f"kế hoạch của xã {ten} không đọc được («{kh[k]}»: {loi})"
                break
            tong += so
        if ly_do:
            kq.thieu[k] = ly_do
        else:
            kq.da_dat[k] = vn.so(tong, 4)
    if kq.da_dat:
        kho.dat_ke_hoach(xa.id, nam, kq.da_dat, xem_lai=True)
    return kq
