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
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, create_model
from pydantic_core import PydanticCustomError

from drafter import vn
from drafter.bieu_mau.danh_dau import cac_giu_cho, phan_tich
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, SoLieuNhap
from drafter.bieu_mau.tinh_toan import TEN_TRUONG, SoLieuDaTinh, tinh_so_lieu, tinh_tat_ca

if TYPE_CHECKING:
    from drafter.van_ban_tu_do import VanBanTuDo

MucDo = Literal["loi", "canh_bao"]
# Nhóm của một thông báo: bản kết luận khi xuất gom theo nhóm, theo đúng thứ tự này.
NHOM: dict[str, str] = {
    "thieu_so": "Số liệu còn thiếu",
    "so_chep": "Số giữ từ kỳ trước chưa xác nhận",
    "doan_chep": "Lời văn chép từ kỳ trước chưa xem lại",
    "nhiem_vu": "Kết quả nhiệm vụ kỳ trước",
    "muc_tieu": "Chỉ tiêu kế hoạch chép từ năm trước chưa xem lại",
    "gan_ky": "Từ ngữ gắn với kỳ khác",
    "cho_trong": "Chỗ giữ số liệu, chỗ để trống, mục trống",
    "cung_ky": "Số cùng kỳ của các xã trước sắp xếp",
    "so_lieu": "Kiểm tra số liệu",
    "van_ban": "Thông tin văn bản",
}
Nhom = Literal["thieu_so", "so_chep", "doan_chep", "nhiem_vu", "muc_tieu", "gan_ky",
               "cho_trong", "cung_ky", "so_lieu", "van_ban"]


@dataclass(frozen=True)
class ThongBao:
    muc_do: MucDo
    thong_diep: str
    ma_muc: str = ""  # mục của biểu mẫu ("" = phần đầu, nơi nhận, chữ ký)
    ma_chi_tieu: str = ""
    truong: str = ""  # ô cụ thể: gia_tri, ke_hoach, phan_con, van_ban, ngay, …
    noi: str = ""  # "Lĩnh vực kinh tế › … › Tổng diện tích gieo trồng" để in ra
    nhom: Nhom = "so_lieu"
    vi_tri: int = 0  # đoạn thứ mấy của mục, nhiệm vụ thứ mấy (từ 1); 0 = không có

    def dong(self) -> str:
        nhan = "Lỗi" if self.muc_do == "loi" else "Cảnh báo"
        return f"{nhan} – {self.noi}: {self.thong_diep}" if self.noi else \
            f"{nhan}: {self.thong_diep}"


# ---------------------------------------------------------------- mô hình pydantic theo biểu mẫu

def _bo_kiem_tra(ct: ChiTieu):
    def kiem(nhap: SoLieuNhap | None) -> SoLieuNhap | None:
        if nhap is None:
            return None
        s = tinh_so_lieu(ct, nhap)
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
    so = s.gia_tri_so
    if ct.loai == "phan_tram" and so is not None and not ct.vuot and not 0 <= so <= 100:
        ra.append(("gia_tri", f"tỷ lệ phải trong khoảng 0–100% (đang là {vn.so(so)}%)"))
    if ct.loai == "ti_so":
        if so is not None and s.mau_so is None:
            ra.append(("mau_so", "tỷ số x/y cần cả mẫu số y"))
        elif so is not None and s.mau_so == 0:
            ra.append(("mau_so", "mẫu số y phải lớn hơn 0"))
        elif so is not None and s.mau_so is not None and so > s.mau_so and not ct.vuot:
            ra.append(("gia_tri", f"x = {vn.so(so)} lớn hơn y = {vn.so(s.mau_so)} "
                                  f"({vn.so(so)}/{vn.so(s.mau_so)}); nếu thật sự vượt, "
                                  "biểu mẫu phải cho phép «vượt»"))
    if s.phan_con and ct.phan_con and ct.phan_con.phai_du_tong:
        tong = s.tong_phan_con
        if so is None and tong is not None:
            ra.append(("gia_tri", f"đã nhập chi tiết theo {ct.phan_con.theo} nhưng chưa nhập tổng"))
        elif tong is not None and so is not None and tong != so:
            ra.append(("phan_con", f"các phần theo {ct.phan_con.theo} cộng lại "
                                   f"{vn.so(tong, ct.so_le)} {ct.don_vi}".rstrip()
                       + f", khác tổng {vn.so(so, ct.so_le)} {ct.don_vi}".rstrip()))
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

_GIU_CHO_CHU = re.compile(r"(?:^|\s)(?:…|\.{3,})(?=\s+\w)|…{2,}|\.{5,}")
NGAY_TRE_TOI_DA = 45  # ngày ban hành quá ngần này ngày sau cuối kỳ thì nhắc


def kiem_tra(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu, chinh_thuc: bool = False,
             so_lieu: dict[str, SoLieuDaTinh] | None = None) -> list[ThongBao]:
    """Mọi lỗi và cảnh báo của báo cáo, mỗi cái một nhóm (NHOM).

    Lỗi là điều phải sửa trước khi trình ký: số sai, số còn thiếu, lời văn và số chép từ kỳ
    trước chưa xem lại, nhiệm vụ chưa ghi kết quả, ngày ban hành sai. chinh_thuc=True (bản phát
    hành): số và ngày văn bản, họ tên người ký cũng bắt buộc; bản nháp trình ký để trống số và
    ngày là đúng (văn thư cấp sau khi ký, NĐ 30 Điều 15)."""
    ra: list[ThongBao] = []
    ra += _kiem_so_lieu(bieu_mau, bao_cao)
    so_lieu = so_lieu or tinh_tat_ca(bieu_mau, bao_cao)
    ra += _canh_bao_so_lieu(bieu_mau, so_lieu)
    ra += _kiem_van_ban(bieu_mau, bao_cao, so_lieu)
    ra += _so_chua_nhap(bieu_mau, bao_cao, so_lieu)
    ra += _so_lieu_chep(bieu_mau, bao_cao)
    ra += _doan_chep(bieu_mau, bao_cao)
    ra += _nhiem_vu(bieu_mau, bao_cao)
    ra += _muc_tieu_xem_lai(bieu_mau, bao_cao)
    ra += _muc_trong(bieu_mau, bao_cao, so_lieu)
    ra += _cung_ky_xa_cu(bieu_mau, bao_cao)
    ra += kiem_thong_tin(bao_cao, chinh_thuc)
    thu_tu = list(NHOM)
    return sorted(ra, key=lambda t: thu_tu.index(t.nhom))  # sort ổn định: giữ thứ tự trong nhóm


def _cung_ky_xa_cu(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    """Cảnh báo (không chặn) cho chỉ tiêu so với cùng kỳ mà tổng các xã cũ không tính được:
    câu văn sẽ không có phép so sánh đó; nói rõ vì sao để người làm báo cáo nhập báo cáo còn
    thiếu hay tự ghi số cùng kỳ."""
    xa_cu = bao_cao.cung_ky_xa_cu
    if xa_cu is None:
        return []
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    ky_ck = bao_cao.ky_bao_cao.cung_ky_nam_truoc()
    ten_ck = ky_ck.ten_gon if ky_ck.loai == "quy" else ky_ck.ten
    ra: list[ThongBao] = []
    for ma, ly_do in xa_cu.thieu.items():
        ct = ct_theo_ma.get(ma)
        s = bao_cao.so_lieu.get(ma)
        if ct is None or (s is not None and s.cung_ky not in (None, "")):
            continue
        ra.append(ThongBao("canh_bao", f"chưa có số cùng kỳ {ten_ck} (tổng các xã trước sắp "
                                       f"xếp) nên câu văn không so với cùng kỳ: {ly_do}",
                           ct.muc, ma, "cung_ky",
                           _noi(bieu_mau, ct, "cung_ky"), nhom="cung_ky"))
    return ra


def kiem_tra_chi_tieu(bieu_mau: BieuMau, ct: ChiTieu, nhap: SoLieuNhap | None,
                      bao_cao: BaoCaoDuLieu | None = None) -> list[ThongBao]:
    """Lỗi và cảnh báo của riêng một chỉ tiêu: đủ nhanh để chạy sau mỗi phím gõ."""
    s = tinh_so_lieu(ct, nhap)
    ra = [ThongBao("loi", x.thong_diep, ct.muc, ct.ma, x.truong, _noi(bieu_mau, ct, x.truong))
          for x in s.loi]
    ra += [ThongBao("loi", tb, ct.muc, ct.ma, truong, _noi(bieu_mau, ct, truong))
           for truong, tb in _rang_buoc(ct, s)]
    if bao_cao is not None and ct.ma in bao_cao.so_lieu_chep:
        ra += [t for t in _so_lieu_chep(bieu_mau, bao_cao) if t.ma_chi_tieu == ct.ma]
    if bao_cao is not None and bao_cao.cung_ky_xa_cu and ct.ma in bao_cao.cung_ky_xa_cu.thieu:
        ra += [t for t in _cung_ky_xa_cu(bieu_mau, bao_cao) if t.ma_chi_tieu == ct.ma]
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
        so = s.gia_tri_so
        if so is None or s.loi:
            continue
        noi = _noi(bieu_mau, ct)
        if s.ty_le_ke_hoach is not None and s.ty_le_ke_hoach > 200 and ct.loai != "ti_so":
            ra.append(ThongBao("canh_bao", f"đạt {vn.phan_tram(s.ty_le_ke_hoach)} kế hoạch "
                                           "(trên 200%): kiểm tra lại số liệu hoặc kế hoạch",
                               ct.muc, ma, "ke_hoach", noi))
        if ct.ky == "luy_ke" and s.ky_truoc is not None and so < s.ky_truoc:
            ra.append(ThongBao("canh_bao", f"số lũy kế {vn.so(so, ct.so_le)} nhỏ hơn kỳ "
                                           f"trước ({vn.so(s.ky_truoc, ct.so_le)})",
                               ct.muc, ma, "ky_truoc", noi))
        if ct.nguong_thay_doi:
            for ten, co_so in (("kỳ trước", s.ky_truoc), ("cùng kỳ năm trước", s.cung_ky)):
                # Không có cơ sở (trống hay 0): không so.
                ty_le = vn.ty_le(so, co_so) if co_so else None
                if ty_le is not None:
                    doi = ty_le - 100
                    if abs(doi) > Decimal(str(ct.nguong_thay_doi)):
                        huong = "tăng" if doi > 0 else "giảm"
                        ra.append(ThongBao(
                            "canh_bao", f"{huong} {vn.phan_tram(abs(doi))} so với {ten} "
                                        f"(ngưỡng {vn.so(ct.nguong_thay_doi)}%): kiểm tra lại",
                            ct.muc, ma, "gia_tri", noi))
    return ra


def _cac_muc_soat_ky(bieu_mau: BieuMau) -> set[str]:
    """Mục nói về kỳ báo cáo. Phần nhiệm vụ kỳ tới (danh sách nhiệm vụ) nói về kỳ sau."""
    return {m.ma for m in bieu_mau.muc if not m.danh_sach_so}


def _kiem_van_ban(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
                  so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    from drafter.bieu_mau.cau_van import CauVan, la_truong_hop_le, mo_ta_thieu
    from drafter.bieu_mau.gan_ky import soat

    ra: list[ThongBao] = []
    muc_theo_ma = bieu_mau.muc_theo_ma()
    ky = bao_cao.ky_bao_cao
    cach_viet = bao_cao.cach_viet or bieu_mau.cach_viet
    soat_ky = _cac_muc_soat_ky(bieu_mau)
    da_bao_thieu: set[tuple[str, str]] = set()
    for ma in set(bao_cao.van_ban) | set(bao_cao.tieu_de_muc):
        if ma not in muc_theo_ma:
            ra.append(ThongBao("loi", f"biểu mẫu không có mục mã «{ma}»", ma, noi=f"mục {ma}",
                               nhom="cho_trong"))
    for ma_muc, doan in bao_cao.van_ban.items():
        if ma_muc not in muc_theo_ma:
            continue
        noi = bieu_mau.duong_dan(ma_muc)
        chua_xem = set(bao_cao.doan_chua_xem(ma_muc))
        for i, chu in enumerate(doan, start=1):
            for g in cac_giu_cho(phan_tich(chu)):
                if g.ma not in so_lieu:
                    ra.append(ThongBao("loi", f"đoạn {i}: chỗ giữ {g.chu} không ứng với chỉ tiêu "
                                              "nào (gõ nhầm mã?)", ma_muc, truong="van_ban",
                                       noi=noi, nhom="cho_trong", vi_tri=i))
                    continue
                if not la_truong_hop_le(g.truong):
                    ra.append(ThongBao("loi", f"đoạn {i}: chỗ giữ {g.chu} có phần «{g.truong}» "
                                              "không biết", ma_muc, truong="van_ban", noi=noi,
                                       nhom="cho_trong", vi_tri=i))
                    continue
                s = so_lieu[g.ma]
                thieu = CauVan(s, cach_viet).thieu(g.truong)
                # Mỗi số còn thiếu báo một lần, ở đúng ô phải nhập (dù được nhắc ở nhiều đoạn).
                moi = [o for o in thieu if (g.ma, o) not in da_bao_thieu]
                if moi:
                    da_bao_thieu.update((g.ma, o) for o in moi)
                    ct = s.ct
                    ra.append(ThongBao(
                        "loi", f"chưa có {mo_ta_thieu(ct, moi, g.truong)} — lời văn cần số này "
                               f"(mục «{muc_theo_ma[ma_muc].ten}», đoạn {i})",
                        ct.muc, ct.ma, moi[0], _noi(bieu_mau, ct, moi[0]), "thieu_so"))
            if ma_muc in soat_ky:
                for c in soat(chu, ky, da_chep=chu in chua_xem):
                    ra.append(ThongBao("canh_bao", f"đoạn {i}: «{c.chu}» — {c.ly_do}",
                                       ma_muc, truong="van_ban", noi=noi, nhom="gan_ky",
                                       vi_tri=i))
            for m in _GIU_CHO_CHU.finditer(chu):
                # «...» người gõ để trống thay cho số là một lỗ trong văn bản như số còn thiếu.
                doan_trich = trich_quanh(chu, m.start(), m.end())
                ra.append(ThongBao("loi", f"đoạn {i}: còn chỗ để trống «{doan_trich}»",
                                   ma_muc, truong="van_ban", noi=noi, nhom="cho_trong",
                                   vi_tri=i))
    return ra


def trich_quanh(chu: str, dau: int, cuoi: int, rong: int = 25) -> str:
    """Đoạn trích quanh [dau, cuoi), cắt ở ranh giới từ cho dễ đọc."""
    tu = max(0, dau - rong)
    if tu > 0 and " " in chu[tu:dau]:
        tu = chu.index(" ", tu) + 1
    den = min(len(chu), cuoi + rong)
    if den < len(chu) and " " in chu[cuoi:den]:
        den = chu.rindex(" ", cuoi, den)
    return chu[tu:den].strip()


def trich_dau(chu: str, rong: int = 60) -> str:
    """Mấy chữ đầu của đoạn để gọi tên nó: "Chỉ đạo thực hiện Chỉ thị số 02/CT-UBND…"."""
    chu = " ".join(chu.split())
    if len(chu) <= rong:
        return chu
    cat = chu.rfind(" ", 0, rong)
    return chu[:cat if cat > rong // 2 else rong] + "…"


def _so_chua_nhap(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
                  so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    """Chỉ tiêu kỳ trước có số mà kỳ này chưa nhập và lời văn không nhắc tới: dòng số liệu tự
    thêm của kỳ trước sẽ vắng mặt. Nhắc (không chặn): có khi kỳ này thật sự không có."""
    ra: list[ThongBao] = []
    for ma, s in so_lieu.items():
        if s.ky_truoc is None or s.gia_tri not in (None, "") or s.loi:
            continue
        ct = s.ct
        if _duoc_nhac(bao_cao, ma):
            continue  # lời văn có nhắc: _kiem_van_ban đã báo lỗi số còn thiếu
        ra.append(ThongBao("canh_bao", f"kỳ trước có số ({vn.so(s.ky_truoc, ct.so_le)} "
                                       f"{ct.don_vi}".rstrip() + "), kỳ này chưa nhập nên dòng "
                                       "này không có trong văn bản", ct.muc, ma, "gia_tri",
                           _noi(bieu_mau, ct), "thieu_so"))
    return ra


def _duoc_nhac(bao_cao: BaoCaoDuLieu, ma: str) -> bool:
    for doan in bao_cao.van_ban.values():
        for chu in doan:
            if f"[[{ma}" in chu and any(g.ma == ma for g in cac_giu_cho(phan_tich(chu))):
                return True
    return False


def _so_lieu_chep(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    """Số hiện có / lũy kế giữ từ kỳ trước làm số khởi đầu mà chưa ai xác nhận còn đúng."""
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    ra: list[ThongBao] = []
    for ma in bao_cao.so_lieu_chep:
        ct = ct_theo_ma.get(ma)
        s = bao_cao.so_lieu.get(ma)
        if ct is None or s is None or s.gia_tri in (None, ""):
            continue
        gia_tri = s.gia_tri if not isinstance(s.gia_tri, bool) else ("có" if s.gia_tri
                                                                      else "không")
        ra.append(ThongBao("loi", f"số {gia_tri} {ct.don_vi}".rstrip() + " giữ từ kỳ trước "
                           f"({'lũy kế' if ct.ky == 'luy_ke' else 'hiện có'}): nhập số kỳ này "
                           "hoặc xác nhận vẫn đúng", ct.muc, ma, "gia_tri", _noi(bieu_mau, ct),
                           "so_chep"))
    return ra


def _doan_chep(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    """Mỗi đoạn chép từ kỳ trước còn nguyên chữ: giữ, sửa hay bỏ — chưa làm thì là lỗi."""
    ra: list[ThongBao] = []
    for muc in bieu_mau.muc:
        if muc.ma not in bao_cao.doan_chep:
            continue
        chua_xem = set(bao_cao.doan_chua_xem(muc.ma))
        for i, chu in enumerate(bao_cao.van_ban.get(muc.ma, []), start=1):
            if chu in chua_xem:
                ra.append(ThongBao("loi", f"đoạn {i} chép từ kỳ trước chưa xem lại "
                                          f"(giữ, sửa hoặc bỏ): «{trich_dau(chu)}»",
                                   muc.ma, truong="van_ban",
                                   noi=bieu_mau.duong_dan(muc.ma), nhom="doan_chep", vi_tri=i))
    return ra


def _nhiem_vu(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    dich = next((m for m in bieu_mau.muc if m.nhan_nhiem_vu_ky_truoc), None)
    if dich is None:
        return []
    ra: list[ThongBao] = []
    for i, nv in enumerate(bao_cao.nhiem_vu_ky_truoc, start=1):
        if dich.danh_gia_nhiem_vu or nv.danh_gia is not None:
            # Nhiệm vụ của kế hoạch năm / nghị quyết: đánh giá theo chỉ tiêu của nhiệm vụ.
            if nv.danh_gia is None:
                ra.append(ThongBao("loi", f"nhiệm vụ {i} chưa có kết quả đánh giá (đạt và vượt "
                                          "/ đạt / đúng tiến độ / chậm tiến độ / không đạt): "
                                          f"«{trich_dau(nv.noi_dung[0])}»",
                                   dich.ma, truong="danh_gia", noi=bieu_mau.duong_dan(dich.ma),
                                   nhom="nhiem_vu", vi_tri=i))
            continue
        if nv.trang_thai is None:
            ra.append(ThongBao("loi", f"nhiệm vụ {i} chưa ghi kết quả (hoàn thành / đang thực "
                                      f"hiện / chưa thực hiện): «{trich_dau(nv.noi_dung[0])}»",
                               dich.ma, truong="trang_thai", noi=bieu_mau.duong_dan(dich.ma),
                               nhom="nhiem_vu", vi_tri=i))
        elif nv.trang_thai != "hoan_thanh" and not nv.ket_qua.strip():
            ra.append(ThongBao("canh_bao", f"nhiệm vụ {i} chưa hoàn thành mà chưa có câu kết "
                                           "quả (đã làm được gì, vướng ở đâu)", dich.ma,
                               truong="ket_qua", noi=bieu_mau.duong_dan(dich.ma),
                               nhom="nhiem_vu", vi_tri=i))
    return ra


def _muc_tieu_xem_lai(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> list[ThongBao]:
    """Chỉ tiêu kế hoạch chép từ kế hoạch năm trước (dấu "cần xem lại"): sửa số hay xác nhận
    từng chỉ tiêu; chưa xem là lỗi (bản chính thức không xuất được)."""
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    # Thẻ chỉ tiêu kế hoạch nằm ở mục liệt kê nó (Các chỉ tiêu kinh tế…), không ở mục số liệu.
    noi_the = {ma: m.ma for m in bieu_mau.muc for ma in m.chi_tieu_ke_hoach}
    ra: list[ThongBao] = []
    for ma, cac in bao_cao.chi_tieu_ke_hoach.items():
        ct = ct_theo_ma.get(ma)
        ma_muc = noi_the.get(ma) or (ct.muc if ct is not None else "")
        for mt in cac:
            if mt.xem_lai:
                ten = ct.ten if ct is not None else ma
                ra.append(ThongBao("loi", f"chỉ tiêu kế hoạch «{ten}» chép từ kế hoạch năm "
                                          "trước, chưa xem lại: sửa hoặc giữ nguyên (F6)",
                                   ma_muc, ma, "chi_tieu_ke_hoach",
                                   bieu_mau.duong_dan(ma_muc) if ma_muc else "",
                                   nhom="muc_tieu"))
    return ra


def _muc_trong(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
               so_lieu: dict[str, SoLieuDaTinh]) -> list[ThongBao]:
    """Mục bắt buộc chưa có chữ và số liệu nào sẽ không được in: nhắc người làm báo cáo."""
    co_noi_dung: dict[str, bool] = {}
    co_nhiem_vu = bool(bao_cao.nhiem_vu_ky_truoc)
    for muc in reversed(bieu_mau.muc):  # con đứng sau cha trong tệp: đi ngược để gộp lên cha
        rieng = any(chu.strip() for chu in bao_cao.van_ban.get(muc.ma, [])) or any(
            so_lieu[ct.ma].gia_tri not in (None, "") for ct in bieu_mau.chi_tieu_cua(muc.ma)) \
            or (muc.nhan_nhiem_vu_ky_truoc and co_nhiem_vu) \
            or (muc.danh_gia_muc_tieu and any(s.cac_muc_tieu for s in so_lieu.values())) \
            or any(bao_cao.chi_tieu_ke_hoach.get(ma) for ma in muc.chi_tieu_ke_hoach) \
            or (muc.nhiem_vu_ke_hoach and bool(bao_cao.nhiem_vu_ke_hoach))
        co_noi_dung[muc.ma] = rieng or any(co_noi_dung.get(c.ma, False)
                                          for c in bieu_mau.con_cua(muc.ma))
    return [ThongBao("canh_bao", "mục chưa có nội dung nên sẽ không có trong văn bản", muc.ma,
                     noi=bieu_mau.duong_dan(muc.ma), nhom="cho_trong")
            for muc in bieu_mau.muc
            if muc.de_muc and not muc.tuy_chon and not co_noi_dung[muc.ma]]


def kiem_thong_tin(bao_cao: BaoCaoDuLieu | VanBanTuDo, chinh_thuc: bool) -> list[ThongBao]:
    """Thông tin văn bản: ngày hợp với kỳ; bản chính thức phải có số, ngày, người ký."""
    ra: list[ThongBao] = []
    dau = bao_cao.dau
    ky = bao_cao.ky_bao_cao

    def bao(muc_do: MucDo, truong: str, thong_diep: str, noi: str = "Thông tin văn bản") -> None:
        ra.append(ThongBao(muc_do, thong_diep, truong=truong, noi=noi, nhom="van_ban"))

    if dau.ngay is not None and ky.la_ke_hoach:
        # Kế hoạch năm N soạn trong năm N-1 (Hữu Kiên: 28/6/2024 cho năm 2025).
        if dau.ngay.year > ky.nam:
            bao("loi", "ngay", f"ngày ban hành {dau.ngay:%d/%m/%Y} đã qua năm kế hoạch {ky.nam}")
        elif dau.ngay.year == ky.nam:
            bao("canh_bao", "ngay", f"ngày ban hành {dau.ngay:%d/%m/%Y} đã vào năm kế hoạch: kế "
                                    f"hoạch năm {ky.nam} thường ban hành trong năm {ky.nam - 1}")
    elif dau.ngay is not None:
        if dau.ngay <= ky.ngay_cuoi:
            bao("loi", "ngay", f"ngày ban hành {dau.ngay:%d/%m/%Y} chưa qua hết {ky.ten_gon} "
                               f"(kỳ kết thúc ngày {ky.ngay_cuoi:%d/%m/%Y}): báo cáo chỉ ban hành "
                               "sau khi hết kỳ")
        elif (dau.ngay - ky.ngay_cuoi).days > NGAY_TRE_TOI_DA:
            bao("canh_bao", "ngay", f"ngày ban hành {dau.ngay:%d/%m/%Y} cách cuối {ky.ten_gon} "
                                    f"{(dau.ngay - ky.ngay_cuoi).days} ngày (quá "
                                    f"{NGAY_TRE_TOI_DA} ngày): kiểm tra lại ngày")
    if not dau.co_quan_ban_hanh:
        bao("loi", "co_quan_ban_hanh", "chưa có tên cơ quan ban hành (ỦY BAN NHÂN DÂN / XÃ …)")
    if not dau.dia_danh.strip():
        bao("loi", "dia_danh", "chưa có địa danh")
    if dau.trich_yeu is not None and not dau.trich_yeu.strip():
        bao("loi", "trich_yeu", "trích yếu đang để trống")
    if not bao_cao.noi_nhan:
        bao("loi", "noi_nhan", "chưa có nơi nhận", "Nơi nhận")
    if not bao_cao.luu.strip():
        bao("loi", "luu", "thiếu dòng «Lưu: VT, …» cuối Nơi nhận", "Nơi nhận")
    if not bao_cao.chu_ky.co_quan_hoac_chuc_vu.strip():
        bao("loi", "chu_ky", "chưa có thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)", "Chữ ký")
    if not bao_cao.chu_ky.ho_ten.strip():
        bao("loi" if chinh_thuc else "canh_bao", "ho_ten", "chưa có họ tên người ký", "Chữ ký")
    if chinh_thuc:
        if not dau.so:
            bao("loi", "so", "bản chính thức cần số văn bản (văn thư cấp sau khi ký)")
        if dau.ngay is None:
            bao("loi", "ngay", "bản chính thức cần ngày ban hành")
    return ra


def co_loi(thong_bao: list[ThongBao]) -> bool:
    return any(t.muc_do == "loi" for t in thong_bao)
