"""Sinh số thứ tự đề mục từ cây văn bản: không ai phải gõ "I.", "1.", "a)".

Mỗi văn bản chọn một sơ đồ, ví dụ ["chu_hoa", "la_ma", "so", "chu"] cho A. → I. → 1. → a)
(báo cáo Cai Kinh) hoặc ["phan_thu", "la_ma", "so", "so_thap_phan"] cho PHẦN THỨ NHẤT → I. →
1. → 1.1. (báo cáo Bình Trung). Số đếm bắt đầu lại dưới mỗi đề mục cha, nên thêm, bớt hay
đổi chỗ một mục không bao giờ để lại lỗ hổng (I. → III.) như văn bản làm tay.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafter import vn
from drafter.van_ban import CapDanhSo, Muc, Nut

# Thứ tự các cấp từ lớn đến nhỏ; dùng khi cây sâu hơn sơ đồ đã chọn.
_THU_TU_CAP: tuple[CapDanhSo, ...] = ("phan", "phan_thu", "chu_hoa", "la_ma", "so",
                                      "so_thap_phan", "chu")


@dataclass(frozen=True)
class DeMuc:
    """Một đề mục đã được đánh số."""

    muc: Muc
    cap: CapDanhSo
    nhan: str  # "I.", "1.", "1.2.", "a)", "PHẦN THỨ NHẤT", "Phần I", "A."
    do_sau: int


@dataclass(frozen=True)
class NutDaDanhSo:
    nut: Nut
    de_muc: DeMuc | None  # None với đoạn văn và bảng


def nhan(cap: CapDanhSo, thu_tu: int, so_cha: int | None = None) -> str:
    """Nhãn của đề mục thứ `thu_tu` (từ 1) ở cấp `cap`."""
    match cap:
        case "phan":
            return f"Phần {vn.la_ma(thu_tu)}"
        case "phan_thu":
            return f"PHẦN {vn.thu_tu_chu(thu_tu)}"
        case "chu_hoa":
            return vn.chu_cai(thu_tu).upper() + "."
        case "la_ma":
            return vn.la_ma(thu_tu) + "."
        case "so":
            return f"{thu_tu}."
        case "so_thap_phan":
            return f"{so_cha}.{thu_tu}." if so_cha is not None else f"{thu_tu}."
        case "chu":
            return vn.chu_cai(thu_tu) + ")"
    raise ValueError(f"cấp đánh số không biết: {cap}")


def cap_con(so_do: list[CapDanhSo], cap_cha: CapDanhSo | None) -> CapDanhSo:
    """Cấp mặc định của các đề mục con của một đề mục ở cấp `cap_cha`."""
    if cap_cha is None:
        return so_do[0]
    if cap_cha in so_do:
        i = so_do.index(cap_cha)
        if i + 1 < len(so_do):
            return so_do[i + 1]
    # Sâu hơn sơ đồ: đi tiếp theo thứ tự chuẩn, dừng ở "a)".
    i = _THU_TU_CAP.index(cap_cha)
    tiep = [c for c in _THU_TU_CAP[i + 1:] if c != "phan_thu" and c != "so_thap_phan"]
    return tiep[0] if tiep else "chu"


def duyet(noi_dung: list[Nut], so_do: list[CapDanhSo]) -> Iterator[NutDaDanhSo]:
    """Duyệt cây theo thứ tự đọc, gắn nhãn cho từng đề mục."""
    yield from _duyet(noi_dung, so_do, cap_cha=None, so_cha=None, do_sau=0)


def _duyet(noi_dung: list[Nut], so_do: list[CapDanhSo], cap_cha: CapDanhSo | None,
           so_cha: int | None, do_sau: int) -> Iterator[NutDaDanhSo]:
    dem: dict[CapDanhSo, int] = {}
    mac_dinh = cap_con(so_do, cap_cha)
    for nut in noi_dung:
        if not isinstance(nut, Muc):
            yield NutDaDanhSo(nut, None)
            continue
        cap = nut.cap or mac_dinh
        dem[cap] = dem.get(cap, 0) + 1
        thu_tu = dem[cap]
        de_muc = DeMuc(nut, cap, nhan(cap, thu_tu, so_cha), do_sau)
        yield NutDaDanhSo(nut, de_muc)
        # "1.1." lấy số của khoản "1." gần nhất phía trên.
        so_cua_con = thu_tu if cap == "so" else so_cha
        yield from _duyet(nut.noi_dung, so_do, cap, so_cua_con, do_sau + 1)
