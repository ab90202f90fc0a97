"""Kiểm tra một báo cáo theo biểu mẫu: lỗi (chặn xuất văn bản) và cảnh báo (không chặn).

Mô hình pydantic của phần số liệu được dựng từ định nghĩa biểu mẫu: mỗi chỉ tiêu một trường,
kèm bộ kiểm tra riêng của chỉ tiêu đó (loại số, không âm, x ≤ y, tỷ lệ trong 0–100%, các phần
cộng đúng tổng). Mọi thông báo bằng tiếng Việt, gọi đúng tên mục và chỉ tiêu, đặt được ngay
dưới ô nhập trên màn hình.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, create_model
from pydantic_core import PydanticCustomError

from drafter import vn
from drafter.bieu_mau.danh_dau import cac_giu_cho, phan_tich
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, SoLieuNhap
from drafter.bieu_mau.tinh_toan import TEN_TRUONG, SoLieuDaTinh, tinh

MucThongBao = Literal["loi", "canh_bao"]


@dataclass(frozen=True)
class ThongBao:
    muc: MucThongBao
    thong_diep: str
    ma_muc: str = ""  # mục của biểu mẫu ("" = phần đầu, nơi nhận, chữ ký)
    ma_chi_tieu: str = ""
    truong: str = ""  # ô cụ thể: gia_tri, ke_hoach, phan_con, ngay, …
    noi: str = ""  # "Lĩnh vực kinh tế › … › Tổng diện tích gieo trồng" để in ra

    def dong(self) -> str:
        nhan = "Lỗi" if self.muc == "loi" else "Cảnh báo"
        return f"{nhan} – {self.noi}: {self.thong_diep}" if self.noi else \
            f"{nhan}: {self.thong_diep}"


# ---------------------------------------------------------------- mô hình pydantic theo biểu mẫu

def _bo_kiem_tra(ct: ChiTieu):
    def kiem(nhap: SoLieuNhap | None) -> SoLieuNhap | None:
        if nhap is None:
            return None
        s = tinh(ct, nhap)
        cac_loi = [(x.truong, x.thong_diep) for x in s.loi]
        cac_loi += _rang_buoc(ct, s)
        if cac_loi:
            # Một chỉ tiêu có thể sai nhiều chỗ: gửi đủ cả danh sách trong ngữ cảnh lỗi.
            raise PydanticCustomError("chi_tieu", "{thong_diep}",
                                      {"thong_diep": cac_loi[0][1], "cac_loi": cac_loi})
        return nhap

    return kiem


def _rang_buoc(ct: ChiTieu, s: SoLieuDaTinh) -> list[tuple[str, str]]:
    ra: list[tuple[str, str]] = []
    if not ct.la_so:
        return ra
    for truong in ("gia_tri", "mau_so", "ke_hoach", "cung_ky", "ky_truoc", "du_toan_huyen",
                   "du_toan_xa"):
        v = getattr(s, truong)
        if isinstance(v, Decimal) and v < 0 and ct.loai != "so":
            ra.append((truong, f"{TEN_TRUONG[truong]} không được âm ({vn.so(v)})"))
    if ct.loai == "phan_tram" and s.co_so and not ct.vuot and not 0 <= s.gia_tri <= 100:
        ra.append(("gia_tri", f"tỷ lệ phải trong khoảng 0–100% (đang là {vn.so(s.gia_tri)}%)"))
    if ct.loai == "ti_so":
        if s.co_so and s.mau_so is None:
            ra.append(("mau_so", "tỷ số x/y cần cả mẫu số y"))
        elif s.co_so and s.mau_so == 0:
            ra.append(("mau_so", "mẫu số y phải lớn hơn 0"))
        elif s.co_so and s.mau_so is not None and s.gia_tri > s.mau_so and not ct.vuot:
            ra.append(("gia_tri", f"x = {vn.so(s.gia_tri)} lớn hơn y = {vn.so(s.mau_so)} "
                                  f"({vn.so(s.gia_tri)}/{vn.so(s.mau_so)}); nếu thật sự vượt, "
                                  "biểu mẫu phải cho phép «vượt»"))
    if s.phan_con and ct.phan_con and ct.phan_con.phai_du_tong:
        tong = s.tong_phan_con
        if not s.co_so and tong is not None:
            ra.append(("gia_tri", f"đã nhập chi tiết theo {ct.phan_con.theo} nhưng chưa nhập tổng"))
        elif tong is not None and s.co_so and tong != s.gia_tri:
            ra.append(("phan_con", f"các phần theo {ct.phan_con.theo} cộng lại "
                                   f"{vn.so(tong, ct.so_le)} {ct.don_vi}".rstrip()
                       + f", khác tổng {vn.so(s.gia_tri, ct.so_le)} {ct.don_vi}".rstrip()))
    if s.phan_con and not ct.phan_con:
        ra.append(("phan_con", "chỉ tiêu này không có phần chi tiết"))
    return ra


_MO_HINH: dict[int, tuple[BieuMau, type[BaseModel]]] = {}


def mo_hinh_so_lieu(bieu_mau: BieuMau) -> type[BaseModel]:
    """Lớp pydantic cho phần số liệu của biểu mẫu: mỗi chỉ tiêu một trường có bộ kiểm tra.

    Dựng một lần cho mỗi biểu mẫu đã nạp (khóa theo đối tượng, vì biểu mẫu chứa danh sách
    nên không băm được)."""
    da_co = _MO_HINH.get(id(bieu_mau))
    if da_co is not None and da_co[0] is bieu_mau:
        return da_co[1]
    truong: dict[str, Any] = {
        ct.ma: (Annotated[SoLieuNhap | None, AfterValidator(_bo_kiem_tra(ct))], None)
        for ct in bieu_mau.chi_tieu
    }
    lop = create_model(f"SoLieu_{bieu_mau.ma.replace('-', '_')}",
                       __config__=ConfigDict(extra="forbid"), **truong)
    _MO_HINH[id(bieu_mau)] = (bieu_mau, lop)
    return lop


# ---------------------------------------------------------------- kiểm tra cả báo cáo

def _so_thang(so: str) -> re.Pattern[str]:
    """"N tháng" là độ dài kỳ, không phải ngày tháng ("ngày 06 tháng 02", "Mồng 06 tháng Giêng")."""
    return re.compile(rf"(?<!ngày )(?<!Mồng )(?<!mồng )\b(?:{so}) tháng\b"
                      r"(?!\s+(?:\d|Giêng|Chạp|giêng|chạp))")


_TRONG_NAM = re.compile(r"\b(?:trong|cả) năm\b(?!\s+(?:\d|học|tài chính))", re.I)
_TRONG_QUY = re.compile(r"\btrong quý\b(?!\s+[IV1-4])", re.I)
_TU_KY = {
    # Từ chỉ kỳ không khớp kỳ báo cáo (seeds-catalog §5: "4 tháng" trong báo cáo quý I…).
    "quy": [_so_thang(r"0?[4-9]|1[0-2]"), _TRONG_NAM,
            re.compile(r"\btrong tháng\b(?!\s+\d)", re.I)],
    "6thang": [_so_thang(r"0?[1-57-9]|1[0-2]"), _TRONG_NAM, _TRONG_QUY],
    "9thang": [_so_thang(r"0?[1-8]|1[0-2]"), _TRONG_NAM],
    "nam": [re.compile(r"\b\d{1,2} tháng đầu năm\b"), _TRONG_QUY],
}
_GIU_CHO_CHU = re.compile(r"(?:^|\s)(?:…|\.{3,})(?=\s+\w)|…{2,}|\.{5,}")


def kiem_tra(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu, xuat: bool = False,
             so_lieu: dict[str, SoLieuDaTinh] | None = None) -> list[ThongBao]:
    """Mọi lỗi và cảnh báo của báo cáo. xuat=True: thêm các yêu cầu khi xuất văn bản chính thức
    (ngày, Nơi nhận, người ký…); bản nháp không cần đủ những thứ đó để được lưu."""
    ra: list[ThongBao] = []
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    ra += _kiem_so_lieu(bieu_mau, bao_cao)
    so_lieu = so_lieu or {ma: tinh(ct, bao_cao.so_lieu.get(ma)) for ma, ct in ct_theo_ma.items()}
    ra += _canh_bao_so_lieu(bieu_mau, so_lieu)
    ra += _kiem_van_ban(bieu_mau, bao_cao, so_lieu)
    ra += _muc_trong(bieu_mau, bao_cao, so_lieu)
    if xuat:
        ra += _kiem_khi_xuat(bao_cao)
    return ra


def kiem_tra_chi_tieu(bieu_mau: BieuMau, ct: ChiTieu, nhap: SoLieuNhap | None) -> list[ThongBao]:
    """Lỗi và cảnh báo của riêng một chỉ tiêu: đủ nhanh để chạy sau mỗi phím gõ."""
    s = tinh(ct, nhap)
    ra = [ThongBao("loi", x.thong_diep, ct.muc, ct.ma, x.truong, _noi(bieu_mau, ct, x.truong))
          for x in s.loi]
    ra += [ThongBao("loi", tb, ct.muc, ct.ma, truong, _noi(bieu_mau, ct, truong))
           for truong, tb in _rang_buoc(ct, s)]
    return ra + _canh_bao_so_lieu(bieu_mau, {ct.ma: s})


def _noi(bieu_mau: BieuMau, ct: ChiTieu, truong: str = "") -> str:
    phan = f"{bieu_mau.duong_dan(ct.muc)} › {ct.ten}"
    return f"{phan} ({TEN_TRUONG[truong]})" if truong and truong != "gia_tri" else phan


def _kiem_so_lieu(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    ra: list[ThongBao] = []
    la = [ma for ma in bao_cao.so_lieu if ma not in ct_theo_ma]
    for ma in la:
        ra.append(ThongBao("loi", f"biểu mẫu «{bieu_mau.ten}» không có chỉ tiêu mã «{ma}»",
                           ma_chi_tieu=ma, noi=f"số liệu › {ma}"))
    try:
        mo_hinh_so_lieu(bieu_mau).model_validate(
            {ma: v for ma, v in bao_cao.so_lieu.items() if ma in ct_theo_ma})
    except ValidationError as loi:
        for e in loi.errors(include_url=False):
            ma = str(e["loc"][0])
            ct = ct_theo_ma[ma]
            for truong, thong_diep in (e.get("ctx") or {}).get("cac_loi", [("", e["msg"])]):
                ra.append(ThongBao("loi", thong_diep, ct.muc, ma, truong,
                                   _noi(bieu_mau, ct, truong)))
    return ra


def _canh_bao_so_lieu(bieu_mau: BieuMau, so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    ra: list[ThongBao] = []
    for ma, s in so_lieu.items():
        ct = s.ct
        if not s.co_so or s.loi:
            continue
        noi = _noi(bieu_mau, ct)
        if s.ty_le_ke_hoach is not None and s.ty_le_ke_hoach > 200 and ct.loai != "ti_so":
            ra.append(ThongBao("canh_bao", f"đạt {vn.phan_tram(s.ty_le_ke_hoach)} kế hoạch "
                                           "(trên 200%): kiểm tra lại số liệu hoặc kế hoạch",
                               ct.muc, ma, "ke_hoach", noi))
        if ct.ky == "luy_ke" and s.ky_truoc is not None and s.gia_tri < s.ky_truoc:
            ra.append(ThongBao("canh_bao", f"số lũy kế {vn.so(s.gia_tri, ct.so_le)} nhỏ hơn kỳ "
                                           f"trước ({vn.so(s.ky_truoc, ct.so_le)})",
                               ct.muc, ma, "ky_truoc", noi))
        if ct.nguong_thay_doi:
            for ten, co_so in (("kỳ trước", s.ky_truoc), ("cùng kỳ năm trước", s.cung_ky)):
                if co_so:
                    doi = vn.ty_le(s.gia_tri, co_so) - 100
                    if abs(doi) > Decimal(str(ct.nguong_thay_doi)):
                        huong = "tăng" if doi > 0 else "giảm"
                        ra.append(ThongBao(
                            "canh_bao", f"{huong} {vn.phan_tram(abs(doi))} so với {ten} "
                                        f"(ngưỡng {vn.so(ct.nguong_thay_doi)}%): kiểm tra lại",
                            ct.muc, ma, "gia_tri", noi))
    return ra


def _kiem_van_ban(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
                  so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    from drafter.bieu_mau.cau_van import la_truong_hop_le

    ra: list[ThongBao] = []
    muc_theo_ma = bieu_mau.muc_theo_ma()
    ky = bao_cao.ky_bao_cao
    for ma in set(bao_cao.van_ban) | set(bao_cao.tieu_de_muc):
        if ma not in muc_theo_ma:
            ra.append(ThongBao("loi", f"biểu mẫu không có mục mã «{ma}»", ma, noi=f"mục {ma}"))
    for ma_muc, doan in bao_cao.van_ban.items():
        if ma_muc not in muc_theo_ma:
            continue
        noi = bieu_mau.duong_dan(ma_muc)
        # Phần nhiệm vụ kỳ tới nói về kỳ sau: không soát từ chỉ kỳ ở đó.
        soat_ky = not muc_theo_ma[ma_muc].danh_sach_so
        for i, chu in enumerate(doan, start=1):
            for g in cac_giu_cho(phan_tich(chu)):
                if g.ma not in so_lieu:
                    ra.append(ThongBao("loi", f"đoạn {i}: chỗ giữ {g.chu} không ứng với chỉ tiêu "
                                              "nào (gõ nhầm mã?)", ma_muc, truong="van_ban",
                                       noi=noi))
                elif not la_truong_hop_le(g.truong):
                    ra.append(ThongBao("loi", f"đoạn {i}: chỗ giữ {g.chu} có phần «{g.truong}» "
                                              "không biết", ma_muc, truong="van_ban", noi=noi))
                elif so_lieu[g.ma].gia_tri in (None, ""):
                    ra.append(ThongBao("canh_bao", f"đoạn {i}: {g.chu} chưa có số liệu nên chỗ "
                                                   "này sẽ trống", ma_muc, g.ma, "van_ban", noi))
            if soat_ky:
                for mau in _TU_KY.get(ky.loai, []):
                    for m in mau.finditer(chu):
                        ra.append(ThongBao("canh_bao", f"đoạn {i}: «{m.group()}» không khớp kỳ "
                                                       f"báo cáo ({ky.ten_gon})",
                                           ma_muc, truong="van_ban", noi=noi))
            for m in _GIU_CHO_CHU.finditer(chu):
                doan_trich = _trich(chu, m.start(), m.end())
                ra.append(ThongBao("canh_bao", f"đoạn {i}: còn chỗ để trống «{doan_trich}»",
                                   ma_muc, truong="van_ban", noi=noi))
    return ra


def _trich(chu: str, dau: int, cuoi: int, rong: int = 25) -> str:
    """Đoạn trích quanh [dau, cuoi), cắt ở ranh giới từ cho dễ đọc."""
    tu = max(0, dau - rong)
    if tu > 0 and " " in chu[tu:dau]:
        tu = chu.index(" ", tu) + 1
    den = min(len(chu), cuoi + rong)
    if den < len(chu) and " " in chu[cuoi:den]:
        den = chu.rindex(" ", cuoi, den)
    return chu[tu:den].strip()


def _muc_trong(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
               so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    """Mục bắt buộc chưa có chữ và số liệu nào sẽ không được in: nhắc người làm báo cáo."""
    co_noi_dung: dict[str, bool] = {}
    for muc in reversed(bieu_mau.muc):  # con đứng sau cha trong tệp: đi ngược để gộp lên cha
        rieng = any(chu.strip() for chu in bao_cao.van_ban.get(muc.ma, [])) or any(
            so_lieu[ct.ma].gia_tri not in (None, "") for ct in bieu_mau.chi_tieu_cua(muc.ma))
        co_noi_dung[muc.ma] = rieng or any(co_noi_dung.get(c.ma, False)
                                          for c in bieu_mau.con_cua(muc.ma))
    return [ThongBao("canh_bao", "mục chưa có nội dung nên sẽ không có trong văn bản", muc.ma,
                     noi=bieu_mau.duong_dan(muc.ma))
            for muc in bieu_mau.muc
            if muc.de_muc and not muc.tuy_chon and not co_noi_dung[muc.ma]]


def _kiem_khi_xuat(bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    ra: list[ThongBao] = []
    dau = bao_cao.dau

    def thieu(truong: str, thong_diep: str, noi: str = "Thông tin văn bản") -> None:
        ra.append(ThongBao("loi", thong_diep, truong=truong, noi=noi))

    if not dau.co_quan_ban_hanh:
        thieu("co_quan_ban_hanh", "chưa có tên cơ quan ban hành (ỦY BAN NHÂN DÂN / XÃ …)")
    if not dau.dia_danh.strip():
        thieu("dia_danh", "chưa có địa danh")
    if dau.ngay is None:
        thieu("ngay", "chưa có ngày ban hành")
    if dau.trich_yeu is not None and not dau.trich_yeu.strip():
        thieu("trich_yeu", "trích yếu đang để trống")
    if not bao_cao.noi_nhan:
        thieu("noi_nhan", "chưa có nơi nhận", "Nơi nhận")
    if not bao_cao.luu.strip():
        thieu("luu", "thiếu dòng «Lưu: VT, …» cuối Nơi nhận", "Nơi nhận")
    if not bao_cao.chu_ky.co_quan_hoac_chuc_vu.strip():
        thieu("chu_ky", "chưa có thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)", "Chữ ký")
    if not bao_cao.chu_ky.ho_ten.strip():
        thieu("ho_ten", "chưa có họ tên người ký", "Chữ ký")
    return ra


def co_loi(thong_bao: list[ThongBao]) -> bool:
    return any(t.muc == "loi" for t in thong_bao)

