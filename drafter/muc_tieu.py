"""Chỉ tiêu kế hoạch (mục tiêu) có kiểu: một giá trị, một cơ sở giao và một cách đánh giá.

Một mục tiêu gắn với một chỉ tiêu của biểu mẫu (cùng mã), có:
- cơ sở (co_so): kế hoạch năm (KH chung của xã), kế hoạch cấp trên giao, Nghị quyết HĐND xã,
  dự toán cấp trên / xã giao, kế hoạch điều hành của xã;
- kiểu (kieu): mức ("1.300 tấn"), tối thiểu ("trở lên"), tối đa ("không quá"), khoảng
  ("5-6%"), giảm một số điểm so với cuối năm trước ("giảm tỷ lệ hộ nghèo 1,5%"), mốc
  có/không ("hoàn thành lò đốt rác").

Báo cáo tính tỷ lệ thực hiện theo từng cơ sở và đánh giá từng mục tiêu (vượt / đạt / không đạt /
chưa đến kỳ đánh giá). Số giữ như người dùng gõ; đọc số qua cùng hàm với số liệu báo cáo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from drafter import vn

CoSoMucTieu = Literal["ke_hoach", "cap_tren", "nghi_quyet", "du_toan_cap_tren", "du_toan_xa",
                      "dieu_hanh"]
KieuMucTieu = Literal["muc", "toi_thieu", "toi_da", "khoang", "giam", "moc"]
DanhGiaMucTieu = Literal["vuot", "dat", "khong_dat", "chua_den_ky"]

# Thứ tự in các tỷ lệ trong câu: kế hoạch chung, cấp trên, nghị quyết, dự toán, điều hành.
CAC_CO_SO: tuple[CoSoMucTieu, ...] = ("ke_hoach", "cap_tren", "nghi_quyet", "du_toan_cap_tren",
                                      "du_toan_xa", "dieu_hanh")
TEN_CO_SO: dict[str, str] = {
    "ke_hoach": "kế hoạch năm", "cap_tren": "kế hoạch cấp trên giao",
    "nghi_quyet": "Nghị quyết HĐND xã", "du_toan_cap_tren": "dự toán cấp trên giao",
    "du_toan_xa": "dự toán xã giao", "dieu_hanh": "kế hoạch điều hành của xã"}
TEN_KIEU: dict[str, str] = {
    "muc": "mức (đạt là tới mức)", "toi_thieu": "tối thiểu (trở lên)",
    "toi_da": "tối đa (không quá)",
    "khoang": "khoảng (từ … đến …)", "giam": "giảm so với cuối năm trước", "moc": "mốc có/không"}
TEN_DANH_GIA: dict[str, str] = {"vuot": "Vượt", "dat": "Đạt", "khong_dat": "Không đạt",
                                "chua_den_ky": "Chưa đến kỳ đánh giá"}
# Các trường số liệu cũ của báo cáo là mục tiêu "tối thiểu" của ba cơ sở này.
TRUONG_CU: dict[str, CoSoMucTieu] = {"ke_hoach": "ke_hoach", "du_toan_huyen": "du_toan_cap_tren",
                                     "du_toan_xa": "du_toan_xa"}

SoGo = str | int | float | None


class MucTieu(BaseModel):
    """Một chỉ tiêu kế hoạch như người dùng gõ (trong kế hoạch năm hay trong báo cáo)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    co_so: CoSoMucTieu = "ke_hoach"
    kieu: KieuMucTieu = "muc"
    gia_tri: SoGo | bool = None  # mốc: True = phải hoàn thành
    gia_tri_den: SoGo = None  # cận trên của khoảng
    don_vi: str = ""  # trống: đơn vị của chỉ tiêu; "%" khi giảm tỷ lệ theo điểm
    # Chép từ kế hoạch năm trước, chưa ai xem lại: bản chính thức không xuất được.
    xem_lai: bool = False


@dataclass
class MucTieuDaTinh:
    """Mục tiêu đã đọc số, kèm kết quả thực hiện của báo cáo."""

    co_so: CoSoMucTieu
    kieu: KieuMucTieu
    gia_tri: Decimal | bool | None
    gia_tri_den: Decimal | None = None
    don_vi: str = ""
    thuc_hien: Decimal | bool | None = None  # số của báo cáo (giảm: số điểm đã giảm)
    xem_lai: bool = False

    @property
    def ty_le(self) -> Decimal | None:
        """% thực hiện so với mục tiêu (tối thiểu, tối đa, giảm); None: không có cơ sở."""
        if self.kieu in ("moc", "khoang") or not isinstance(self.thuc_hien, Decimal) \
                or not isinstance(self.gia_tri, Decimal) or self.gia_tri == 0:
            return None
        return vn.ty_le(self.thuc_hien, self.gia_tri)

    def danh_gia(self, cuoi_nam: bool) -> DanhGiaMucTieu | None:
        """Vượt / đạt / không đạt; trước cuối năm, mục tiêu chưa tới là «chưa đến kỳ đánh giá».
        None: chưa có số để đánh giá."""
        x, m = self.thuc_hien, self.gia_tri
        if self.kieu == "moc":
            if x is None:
                return None if cuoi_nam else "chua_den_ky"
            return "dat" if bool(x) else ("khong_dat" if cuoi_nam else "chua_den_ky")
        if not isinstance(x, Decimal) or not isinstance(m, Decimal):
            return None
        if self.kieu == "toi_da":
            # Vượt mức trần thì không đạt ngay cả giữa năm (số đã vượt không giảm lại được).
            if x > m:
                return "khong_dat"
            return "dat" if cuoi_nam else "chua_den_ky"
        if self.kieu == "khoang":
            tren = self.gia_tri_den if self.gia_tri_den is not None else m
            if m <= x <= tren:
                return "dat"
            if x > tren:
                return "vuot"
            return "khong_dat" if cuoi_nam else "chua_den_ky"
        # mức, tối thiểu, giảm (cận dưới): tới mục tiêu là đạt, quá là vượt.
        if x > m:
            return "vuot"
        if x == m:
            return "dat"
        return "khong_dat" if cuoi_nam else "chua_den_ky"


def doc_so_muc_tieu(gia_tri: object) -> Decimal | None:
    """Số của mục tiêu; None nếu trống hay gõ sai (lỗi báo ở kiểm tra số liệu)."""
    if gia_tri is None or isinstance(gia_tri, bool) or (isinstance(gia_tri, str)
                                                         and not gia_tri.strip()):
        return None
    try:
        if isinstance(gia_tri, int | float):
            return Decimal(repr(gia_tri)) if isinstance(gia_tri, float) else Decimal(gia_tri)
        return vn.doc_so(str(gia_tri), cho_phep_phan_tram=True)
    except (vn.LoiNhapSo, ArithmeticError, ValueError):
        return None


def loi_muc_tieu(mt: MucTieu) -> str | None:
    """Câu lỗi tiếng Việt cho một mục tiêu gõ sai; None nếu đúng."""
    if mt.kieu == "moc":
        if mt.gia_tri not in (None, True, False, "có", "không", ""):
            return "mốc chỉ nhận «có» (phải hoàn thành) hoặc để trống"
        return None
    for ten, v in (("giá trị", mt.gia_tri), ("cận trên", mt.gia_tri_den)):
        if v in (None, ""):
            continue
        if isinstance(v, bool):
            return f"{ten} phải là số"
        try:
            vn.doc_so(str(v), cho_phep_phan_tram=True) if isinstance(v, str) else None
        except vn.LoiNhapSo as loi:
            return f"{ten} «{v}»: {loi}"
    if mt.kieu == "khoang" and mt.gia_tri_den in (None, ""):
        return "khoảng cần cả cận dưới và cận trên (ví dụ 5 và 6)"
    if mt.gia_tri in (None, ""):
        return "chưa có giá trị"
    return None


def so_muc_tieu(mt: MucTieuDaTinh, viet_so: Callable[[Decimal], str]) -> str:
    """Số của mục tiêu kèm đơn vị, không chữ chỉ kiểu: "1.300 tấn", "5-6%", "26 triệu đồng".
    `viet_so` viết một số theo đơn vị của chỉ tiêu (cau_van); mục tiêu có đơn vị riêng ("%"
    của tỷ lệ giảm) thì viết số trần kèm đơn vị đó."""
    a = mt.gia_tri
    if mt.kieu == "moc" or not isinstance(a, Decimal):
        return ""
    if mt.kieu in ("khoang", "giam") and mt.gia_tri_den is not None:
        # Khoảng "5-6%": số đầu viết trần, đơn vị chỉ sau số cuối (cách viết của văn bản xã).
        cuoi = viet_so(mt.gia_tri_den)
        dau = vn.so(a, 2)
        return f"{dau}-{cuoi}"
    return viet_so(a)


def chu_muc_tieu(mt: MucTieuDaTinh, viet_so: Callable[[Decimal], str]) -> str:
    """"1.300 tấn", "26 triệu đồng trở lên", "không quá 3%", "5-6%", "giảm 1,5%",
    "hoàn thành"."""
    if mt.kieu == "moc":
        return "hoàn thành"
    so = so_muc_tieu(mt, viet_so)
    if not so:
        return ""
    return {"toi_thieu": f"{so} trở lên", "toi_da": f"không quá {so}",
            "giam": f"giảm {so}"}.get(mt.kieu, so)


def chu_muc_tieu_go(mt: MucTieu, don_vi: str = "") -> str:
    """Chữ của một mục tiêu như gõ, không cần biểu mẫu (màn hình Thiết lập): "26.000.000 trở
    lên", "giảm 5-6%"."""
    dv = mt.don_vi or don_vi
    da_tinh = MucTieuDaTinh(mt.co_so, mt.kieu, True if mt.kieu == "moc"
                            else doc_so_muc_tieu(mt.gia_tri), doc_so_muc_tieu(mt.gia_tri_den),
                            mt.don_vi)

    def viet(x: Decimal) -> str:
        if dv in ("đồng", "triệu đồng", "tỷ đồng"):  # số tiền gõ theo đồng
            return vn.tien(x, dv, 2)
        return f"{vn.so(x)}{dv}" if dv == "%" else f"{vn.so(x)} {dv}".strip()

    return chu_muc_tieu(da_tinh, viet)
