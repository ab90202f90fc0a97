"""Đọc số liệu đã nhập và tính các số suy ra: % kế hoạch, % cùng kỳ, tăng/giảm, % dự toán,
tỷ lệ x/y, tổng các phần. Không ai phải gõ "đạt 96,1% KH" nữa.

Các tỷ lệ giữ nguyên giá trị Decimal chưa làm tròn; làm tròn (nửa lên) chỉ khi in ra.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from drafter import vn
from drafter.bieu_mau.dinh_nghia import ChiTieu
from drafter.bieu_mau.du_lieu import SoLieuNhap, SoNhap

TRUONG_SO = ("gia_tri", "mau_so", "ke_hoach", "cung_ky", "ky_truoc", "du_toan_huyen",
             "du_toan_xa")
TEN_TRUONG = {
    "gia_tri": "số liệu", "mau_so": "mẫu số (y của x/y)", "ke_hoach": "kế hoạch năm",
    "cung_ky": "cùng kỳ năm trước", "cung_ky_mau_so": "mẫu số cùng kỳ", "ky_truoc": "kỳ trước",
    "du_toan_huyen": "dự toán huyện giao",
    "du_toan_xa": "dự toán xã giao", "phan_con": "chi tiết",
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
    phan_con: list[tuple[str, Decimal | None]] = field(default_factory=list)
    loi: list[LoiDoc] = field(default_factory=list)

    @property
    def co_so(self) -> bool:
        return isinstance(self.gia_tri, Decimal)

    # ------------------------------------------------------------ số suy ra (None: không có cơ sở)

    def _chia(self, co_so: Decimal | None) -> Decimal | None:
        if not self.co_so or co_so is None or co_so == 0:
            return None
        return vn.ty_le(self.gia_tri, co_so)

    @property
    def ty_le_ke_hoach(self) -> Decimal | None:
        return self._chia(self.ke_hoach) if "ke_hoach" in self.ct.so_sanh else None

    @property
    def ty_le_cung_ky(self) -> Decimal | None:
        return self._chia(self.cung_ky) if "cung_ky" in self.ct.so_sanh else None

    @property
    def chenh_lech_cung_ky(self) -> Decimal | None:
        if "cung_ky_tang_giam" not in self.ct.so_sanh or not self.co_so or self.cung_ky is None:
            return None
        return self.gia_tri - self.cung_ky

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
        if not self.co_so or self.mau_so is None:
            return None
        return self.mau_so - self.gia_tri

    @property
    def ty_le_con_lai(self) -> Decimal | None:
        if self.con_lai is None or not self.mau_so:
            return None
        return vn.ty_le(self.con_lai, self.mau_so)

    @property
    def tong_phan_con(self) -> Decimal | None:
        so = [v for _, v in self.phan_con]
        if not so or any(v is None for v in so):
            return None
        return sum(so, Decimal(0))

    @property
    def thay_doi_ky_truoc(self) -> Decimal | None:
        """% thay đổi so với kỳ trước (đã trừ 100)."""
        if not self.co_so or not self.ky_truoc:
            return None
        return vn.ty_le(self.gia_tri, self.ky_truoc) - 100


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


def tinh(ct: ChiTieu, nhap: SoLieuNhap | None) -> SoLieuDaTinh:
    nhap = nhap or SoLieuNhap()
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
    return s
