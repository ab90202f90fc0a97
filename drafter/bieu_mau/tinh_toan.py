"""Đọc số liệu đã nhập và tính các số suy ra: % kế hoạch, % cùng kỳ, tăng/giảm, % dự toán,
tỷ lệ x/y, tổng các phần. Không ai phải gõ "đạt 96,1% KH" nữa.

Các tỷ lệ giữ nguyên giá trị Decimal chưa làm tròn; làm tròn (nửa lên) chỉ khi in ra.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from drafter import vn
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, SoLieuNhap, SoNhap
from drafter.muc_tieu import (
    CAC_CO_SO,
    TRUONG_CU,
    MucTieu,
    MucTieuDaTinh,
    doc_so_muc_tieu,
    loi_muc_tieu,
)

TRUONG_SO = ("gia_tri", "mau_so", "ke_hoach", "cung_ky", "ky_truoc", "du_toan_huyen",
             "du_toan_xa", "cuoi_nam_truoc")
TEN_TRUONG = {
    "gia_tri": "số liệu", "mau_so": "mẫu số (y của x/y)", "ke_hoach": "kế hoạch năm",
    "cung_ky": "cùng kỳ năm trước", "cung_ky_mau_so": "mẫu số cùng kỳ", "ky_truoc": "kỳ trước",
    "du_toan_huyen": "dự toán huyện giao",
    "du_toan_xa": "dự toán xã giao", "phan_con": "chi tiết",
    "cuoi_nam_truoc": "số cuối năm trước", "muc_tieu": "chỉ tiêu kế hoạch",
    "chi_tieu_ke_hoach": "chỉ tiêu kế hoạch năm", "chi_tieu": "chỉ tiêu kế hoạch năm",
}


@dataclass
class LoiDoc:
    truong: str
    thong_diep: str


@dataclass
class SoLieuDaTinh:
    ct: ChiTieu
    gia_tri: Decimal | bool | str | None = None
    mau_so: Decimal | None = None
    ke_hoach: Decimal | None = None
    cung_ky: Decimal | None = None
    ky_truoc: Decimal | None = None
    du_toan_huyen: Decimal | None = None
    du_toan_xa: Decimal | None = None
    cuoi_nam_truoc: Decimal | None = None
    phan_con: list[tuple[str, Decimal | None]] = field(default_factory=list)
    loi: list[LoiDoc] = field(default_factory=list)
    # Mọi mục tiêu của chỉ tiêu (ba trường cũ và các mục tiêu có kiểu), theo thứ tự CAC_CO_SO.
    cac_muc_tieu: list[MucTieuDaTinh] = field(default_factory=list)
    # Chỉ kế hoạch năm: các chỉ tiêu kế hoạch mà văn bản này đặt cho năm kế hoạch.
    chi_tieu_dat: list[MucTieuDaTinh] = field(default_factory=list)

    def muc_tieu(self, co_so: str) -> MucTieuDaTinh | None:
        return next((m for m in self.cac_muc_tieu if m.co_so == co_so), None)

    @property
    def muc_tieu_khac(self) -> list[MucTieuDaTinh]:
        """Mục tiêu có tỷ lệ thực hiện mà câu so sánh chưa in theo lựa chọn của biểu mẫu (cấp
        trên, nghị quyết, điều hành; kế hoạch năm khi biểu mẫu không chọn so với kế hoạch): in
        thêm "đạt 76,4% Nghị quyết HĐND xã" — mọi cơ sở chỉ tiêu có đều được so."""
        khac = ("cap_tren", "nghi_quyet", "dieu_hanh") if "ke_hoach" in self.ct.so_sanh \
            else ("ke_hoach", "cap_tren", "nghi_quyet", "dieu_hanh")
        return [m for m in self.cac_muc_tieu if m.co_so in khac and m.ty_le is not None]

    @property
    def muc_tieu_chinh(self) -> MucTieuDaTinh | None:
        """Mục tiêu đầu tiên có số (kế hoạch năm trước nhất): mẫu số của "340/285 con"."""
        return next((m for m in self.cac_muc_tieu if isinstance(m.gia_tri, Decimal)
                     and m.kieu in ("muc", "toi_thieu", "toi_da")), None)

    @property
    def chenh_lech_cuoi_nam(self) -> Decimal | None:
        so = self.gia_tri_so
        if so is None or self.cuoi_nam_truoc is None:
            return None
        return so - self.cuoi_nam_truoc

    @property
    def co_so(self) -> bool:
        return isinstance(self.gia_tri, Decimal)

    @property
    def gia_tri_so(self) -> Decimal | None:
        """gia_tri khi là số (co_so); None với có/không, chữ, ô trống: để tính mà kiểu rõ."""
        return self.gia_tri if isinstance(self.gia_tri, Decimal) else None

    # ------------------------------------------------------------ số suy ra (None: không có cơ sở)

    def _chia(self, co_so: Decimal | None) -> Decimal | None:
        so = self.gia_tri_so
        if so is None or co_so is None or co_so == 0:
            return None
        return vn.ty_le(so, co_so)

    @property
    def ty_le_ke_hoach(self) -> Decimal | None:
        if "ke_hoach" not in self.ct.so_sanh:
            return None
        m = self.muc_tieu("ke_hoach")
        return m.ty_le if m is not None else None

    @property
    def ty_le_cung_ky(self) -> Decimal | None:
        return self._chia(self.cung_ky) if "cung_ky" in self.ct.so_sanh else None

    @property
    def chenh_lech_cung_ky(self) -> Decimal | None:
        so = self.gia_tri_so
        if "cung_ky_tang_giam" not in self.ct.so_sanh or so is None or self.cung_ky is None:
            return None
        return so - self.cung_ky

    @property
    def ty_le_du_toan_huyen(self) -> Decimal | None:
        return self._chia(self.du_toan_huyen) if "du_toan" in self.ct.so_sanh else None

    @property
    def ty_le_du_toan_xa(self) -> Decimal | None:
        return self._chia(self.du_toan_xa) if "du_toan" in self.ct.so_sanh else None

    @property
    def ty_le(self) -> Decimal | None:
        """x/y × 100 của tỷ số."""
        return self._chia(self.mau_so)

    @property
    def con_lai(self) -> Decimal | None:
        so = self.gia_tri_so
        if so is None or self.mau_so is None:
            return None
        return self.mau_so - so

    @property
    def ty_le_con_lai(self) -> Decimal | None:
        if self.con_lai is None or not self.mau_so:
            return None
        return vn.ty_le(self.con_lai, self.mau_so)

    @property
    def tong_phan_con(self) -> Decimal | None:
        so = [v for _, v in self.phan_con if v is not None]
        if not so or len(so) < len(self.phan_con):
            return None
        return sum(so, Decimal(0))


def doc_o_so(gia_tri: SoNhap, ct: ChiTieu, truong: str) -> tuple[Decimal | None, str | None]:
    """Một ô số → (Decimal, None) hoặc (None, câu lỗi tiếng Việt). Ô trống → (None, None)."""
    if gia_tri is None or (isinstance(gia_tri, str) and not gia_tri.strip()):
        return None, None
    if isinstance(gia_tri, bool):
        return None, "phải là số"
    try:
        if isinstance(gia_tri, int | float):
            # Số JSON trong tệp (NaN, 1e300, số nguyên dài) qua cùng giới hạn với số gõ tay.
            so = Decimal(repr(gia_tri)) if isinstance(gia_tri, float) else Decimal(gia_tri)
            so = vn.kiem_gioi_han(so, gia_tri)
        else:
            so = vn.doc_so(gia_tri, cho_phep_phan_tram=ct.loai == "phan_tram")
    except vn.LoiNhapSo as loi:
        return None, str(loi)
    if ct.loai in ("dem",) and truong in ("gia_tri", "mau_so", "ke_hoach", "cung_ky", "ky_truoc") \
            and so != so.to_integral_value():
        return None, f"«{gia_tri}» phải là số nguyên ({ct.don_vi or 'số đếm'})"
    return so, None


def tinh_so_lieu(ct: ChiTieu, nhap: SoLieuNhap | None) -> SoLieuDaTinh:
    nhap = nhap or SoLieuNhap()
    s = _tinh_so(ct, nhap)
    tinh_muc_tieu(s, nhap)
    return s


def tinh_muc_tieu(s: SoLieuDaTinh, nhap: SoLieuNhap) -> None:
    """Các mục tiêu của chỉ tiêu: ba trường cũ (tối thiểu) rồi các mục tiêu có kiểu (cùng cơ sở
    thì mục tiêu có kiểu thắng); số thực hiện là số của báo cáo, mục tiêu "giảm" là số điểm đã
    giảm so với cuối năm trước."""
    theo_co_so: dict[str, MucTieuDaTinh] = {}
    for truong, co_so in TRUONG_CU.items():
        v = getattr(s, truong, None)
        if isinstance(v, Decimal):
            theo_co_so[co_so] = MucTieuDaTinh(co_so, "muc", v)
    for i, mt in enumerate(nhap.muc_tieu):
        loi = loi_muc_tieu(mt)
        if loi:
            s.loi.append(LoiDoc("muc_tieu", f"chỉ tiêu kế hoạch {i + 1}: {loi}"))
            continue
        gia_tri = True if mt.kieu == "moc" else doc_so_muc_tieu(mt.gia_tri)
        theo_co_so[mt.co_so] = MucTieuDaTinh(mt.co_so, mt.kieu, gia_tri,
                                             doc_so_muc_tieu(mt.gia_tri_den), mt.don_vi,
                                             xem_lai=mt.xem_lai)
    for m in theo_co_so.values():
        if m.kieu == "giam":
            so = s.gia_tri_so
            m.thuc_hien = (s.cuoi_nam_truoc - so
                           if so is not None and s.cuoi_nam_truoc is not None else None)
        elif m.kieu == "moc":
            m.thuc_hien = s.gia_tri if isinstance(s.gia_tri, bool) else (
                True if s.co_so and s.gia_tri else None)
        else:
            m.thuc_hien = s.gia_tri_so
    s.cac_muc_tieu = sorted(theo_co_so.values(), key=lambda m: CAC_CO_SO.index(m.co_so))


def tinh_chi_tieu_dat(s: SoLieuDaTinh, cac: list[MucTieu]) -> None:
    """Các chỉ tiêu kế hoạch năm (MucTieu) mà kế hoạch đặt cho chỉ tiêu này, đã đọc số."""
    ra = []
    for i, mt in enumerate(cac):
        loi = loi_muc_tieu(mt)
        if loi:
            s.loi.append(LoiDoc("chi_tieu_ke_hoach", f"chỉ tiêu kế hoạch {i + 1}: {loi}"))
            continue
        ra.append(MucTieuDaTinh(mt.co_so, mt.kieu, True if mt.kieu == "moc"
                                else doc_so_muc_tieu(mt.gia_tri),
                                doc_so_muc_tieu(mt.gia_tri_den), mt.don_vi, xem_lai=mt.xem_lai))
    s.chi_tieu_dat = sorted(ra, key=lambda m: CAC_CO_SO.index(m.co_so))


def _tinh_so(ct: ChiTieu, nhap: SoLieuNhap) -> SoLieuDaTinh:
    s = SoLieuDaTinh(ct)
    if ct.loai == "co_khong":
        v = nhap.gia_tri
        if isinstance(v, str):
            chu = vn.bo_dau(v.strip())
            v = {"co": True, "khong": False, "": None}.get(chu, v)
        if v is not None and not isinstance(v, bool):
            s.loi.append(LoiDoc("gia_tri", f"«{nhap.gia_tri}» phải là «có» hoặc «không»"))
        else:
            s.gia_tri = v
        return s
    if ct.loai == "chu":
        s.gia_tri = str(nhap.gia_tri).strip() if nhap.gia_tri not in (None, "") else None
        return s
    for truong in TRUONG_SO:
        so, loi = doc_o_so(getattr(nhap, truong), ct, truong)
        if loi:
            s.loi.append(LoiDoc(truong, loi))
        setattr(s, truong, so)
    for i, phan in enumerate(nhap.phan_con):
        so, loi = doc_o_so(phan.gia_tri, ct, "phan_con")
        if loi:
            s.loi.append(LoiDoc("phan_con", f"phần {i + 1} «{phan.ten}»: {loi}"))
        s.phan_con.append((phan.ten, so))
    if s.gia_tri is None and ct.phan_con is not None and ct.phan_con.phai_du_tong \
            and s.tong_phan_con is not None:
        # Tổng để trống mà các phần đủ số: tổng là tổng các phần (tính, không gõ).
        s.gia_tri = s.tong_phan_con
    return s


def tinh_tat_ca(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> dict[str, SoLieuDaTinh]:
    """Mọi chỉ tiêu của báo cáo đã tính, kể cả chỉ tiêu là tổng / tích của chỉ tiêu khác và
    chỉ tiêu kế hoạch mà kế hoạch năm đặt."""
    ra = {ct.ma: tinh_so_lieu(ct, bao_cao.so_lieu.get(ct.ma)) for ct in bieu_mau.chi_tieu}
    # Tổng, tích của các chỉ tiêu khác, để trống: tính (đủ số mọi phần mới có). Biểu mẫu khai
    # báo chỉ tiêu thành phần trước chỉ tiêu tính từ nó, nên một lượt theo thứ tự là đủ.
    for ct in bieu_mau.chi_tieu:
        s = ra[ct.ma]
        if s.gia_tri is not None or not (ct.tong_cua or ct.tich_cua):
            continue
        thanh_phan = (ct.tong_cua or ct.tich_cua)
        cac = [so for ma in thanh_phan if (so := ra[ma].gia_tri_so) is not None]
        if len(cac) < len(thanh_phan):
            continue
        if ct.tong_cua:
            s.gia_tri = sum(cac, Decimal(0))
        else:
            s.gia_tri = cac[0] * cac[-1] * Decimal(repr(ct.he_so))
        tinh_muc_tieu(s, bao_cao.so_lieu.get(ct.ma) or SoLieuNhap())
    for ma, chi_tieu_dat in bao_cao.chi_tieu_ke_hoach.items():
        if ma in ra:
            tinh_chi_tieu_dat(ra[ma], chi_tieu_dat)
    return ra
