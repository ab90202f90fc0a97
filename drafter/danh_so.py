"""Sinh số thứ tự đề mục từ cây văn bản: không ai phải gõ "I.", "1.", "a)".

Mỗi văn bản chọn một sơ đồ, ví dụ ["chu_hoa", "la_ma", "so", "chu"] cho A. → I. → 1. → a)
(báo cáo Cai Kinh) hoặc ["phan_thu", "la_ma", "so", "so_thap_phan"] cho PHẦN THỨ NHẤT → I. →
1. → 1.1. (báo cáo Bình Trung); một đề mục có thể đổi sơ đồ cho nhánh của nó (Muc.danh_so).
Số đếm bắt đầu lại dưới mỗi đề mục cha, nên thêm, bớt hay đổi chỗ một mục không bao giờ để lại
lỗ hổng (I. → III.) như văn bản làm tay.

Số thập phân đi tới bốn cấp (1. → 1.1. → 1.1.1. → 1.1.1.1.), mỗi cấp nối số của cấp trên.
Hình dạng không đánh số được cho rõ nghĩa — cấp thứ năm, "1.1." không nằm dưới "1.", một cấp
lặp lại dưới chính nó ("a)" dưới "a)", "1." dưới "1.1."), "Phần" không ở ngoài cùng — bị từ
chối bằng LoiDanhSo kèm đường dẫn tới đề mục, không bao giờ in ra số sai.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter import vn
from drafter.van_ban import CapDanhSo, Muc, NoiDungDong, Nut, VanBan, chu_tron

# Thứ tự các cấp từ lớn đến nhỏ; dùng khi cây sâu hơn sơ đồ đã chọn.
_THU_TU_CAP: tuple[CapDanhSo, ...] = ("phan", "phan_thu", "phan_thu_thuong", "chu_hoa",
                                      "la_ma", "so", "so_thap_phan", "chu")
_PHAN: frozenset[str] = frozenset(("phan", "phan_thu", "phan_thu_thuong"))
SO_CAP_THAP_PHAN = 4  # 1.1.1.1. là sâu nhất
_SO_THAP_PHAN = re.compile(r"^(\d{1,3}\.)+$")


class LoiDanhSo(ValueError):
    """Cây đề mục không đánh số được; thông điệp tiếng Việt chỉ rõ đề mục."""


@dataclass(frozen=True)
class DeMuc:
    """Một đề mục đã được đánh số."""

    muc: Muc
    cap: CapDanhSo
    nhan: str  # "I.", "1.", "1.2.", "a)", "PHẦN THỨ NHẤT", "Phần I", "A.", hay nhãn tự ghi
    do_sau: int
    so_thap_phan: tuple[int, ...] | None = None  # "1.2.3." → (1, 2, 3)


@dataclass(frozen=True)
class NutDaDanhSo:
    nut: Nut
    de_muc: DeMuc | None  # None với đoạn văn và bảng


def nhan(cap: CapDanhSo, thu_tu: int, duong: tuple[int, ...] | None = None,
         bang_chu_cai: str = "tieng_viet") -> str:
    """Nhãn của đề mục thứ `thu_tu` (từ 1) ở cấp `cap`; `duong` là số thập phân của cấp trên
    (đề mục "1.2." có đường (1, 2), con thứ 3 của nó là "1.2.3.")."""
    match cap:
        case "phan":
            return f"Phần {vn.la_ma(thu_tu)}"
        case "phan_thu":
            return f"PHẦN {vn.thu_tu_chu(thu_tu)}"
        case "phan_thu_thuong":
            return f"Phần {vn.thu_tu_chu(thu_tu).lower()}"
        case "chu_hoa":
            return vn.chu_cai(thu_tu).upper() + "."
        case "la_ma":
            return vn.la_ma(thu_tu) + "."
        case "so":
            return f"{thu_tu}."
        case "so_thap_phan":
            return "".join(f"{n}." for n in (*(duong or ()), thu_tu))
        case "chu":
            return vn.chu_cai(thu_tu, bang_chu_cai) + ")"
    raise ValueError(f"cấp đánh số không biết: {cap}")


@dataclass(frozen=True)
class _Nhanh:
    """Trạng thái khi đi xuống một nhánh: sơ đồ đang dùng và các đề mục phía trên."""

    so_do: tuple[CapDanhSo, ...]
    vi_tri: int | None  # cấp mặc định của con = so_do[vi_tri]; None: theo thứ tự chuẩn
    cap_cha: CapDanhSo | None
    cap_to_tien: frozenset[str]  # các cấp (phần gộp một) của mọi đề mục phía trên
    duong: tuple[int, ...] | None  # số thập phân của đề mục cha
    ten: tuple[str, ...]  # "«I. CÔNG TÁC…»" của từng đề mục phía trên, để báo lỗi

    def loi(self, muc: Muc, nhan_muc: str, thong_diep: str) -> LoiDanhSo:
        return LoiDanhSo(f"đề mục {' › '.join((*self.ten, _ten_muc(nhan_muc, muc)))}: "
                         f"{thong_diep}")

    def mac_dinh(self) -> CapDanhSo | None:
        if self.vi_tri is not None and self.vi_tri < len(self.so_do):
            return self.so_do[self.vi_tri]
        # Sâu hơn sơ đồ: cấp nhỏ kế tiếp theo thứ tự chuẩn chưa dùng ở phía trên (không tự
        # sinh số thập phân hay phần).
        i = _THU_TU_CAP.index(self.cap_cha) + 1 if self.cap_cha else 0
        return next((c for c in _THU_TU_CAP[i:] if c not in _PHAN and c != "so_thap_phan"
                     and c not in self.cap_to_tien), None)


def _ten_muc(nhan_muc: str, muc: Muc) -> str:
    """«1.1. Sản xuất nông - lâm nghiệp» (tiêu đề, hay đầu đoạn văn đầu tiên, cắt ngắn)."""
    chu = " ".join((chu_tron(muc.tieu_de) or chu_tron(_dau_doan(muc))).split())
    chu = chu if len(chu) <= 40 else chu[:39].rstrip() + "…"
    return "«" + " ".join(x for x in (nhan_muc, chu) if x) + "»"


def _dau_doan(muc: Muc) -> NoiDungDong | None:
    from drafter.van_ban import DoanVan

    dau = muc.noi_dung[0] if muc.noi_dung else None
    return dau.noi_dung if isinstance(dau, DoanVan) else None


def _ho(cap: str) -> str:
    return "phan" if cap in _PHAN else cap


def duyet(noi_dung: list[Nut], so_do: list[CapDanhSo],
          bang_chu_cai: str = "tieng_viet") -> Iterator[NutDaDanhSo]:
    """Duyệt cây theo thứ tự đọc, gắn nhãn cho từng đề mục; LoiDanhSo nếu không đánh được."""
    goc = _Nhanh(tuple(so_do), 0, None, frozenset(), None, ())
    yield from _duyet(noi_dung, goc, 0, bang_chu_cai)


def duyet_van_ban(van_ban: VanBan) -> Iterator[NutDaDanhSo]:
    return duyet(van_ban.noi_dung, van_ban.danh_so, van_ban.bang_chu_cai)


def kiem_tra_danh_so(van_ban: VanBan) -> None:
    """Đánh số thử cả cây: hình dạng không đánh số được thì LoiDanhSo."""
    for _ in duyet_van_ban(van_ban):
        pass


def _duyet(noi_dung: list[Nut], nhanh: _Nhanh, do_sau: int,
           bang_chu_cai: str) -> Iterator[NutDaDanhSo]:
    dem: dict[CapDanhSo, int] = {}
    for nut in noi_dung:
        if not isinstance(nut, Muc):
            yield NutDaDanhSo(nut, None)
            continue
        cap = nut.cap or nhanh.mac_dinh()
        if cap is None:
            raise nhanh.loi(nut, nut.nhan or "", "sâu quá mọi cấp đánh số (dưới điểm «a)» chỉ "
                            "còn đoạn văn có dấu đầu dòng: \"dau_dong\": \"gach\" hoặc \"cong\")")
        if nut.nhan is not None:
            nhan_muc = nut.nhan
            duong = tuple(int(x) for x in nhan_muc.split(".")[:-1]) \
                if _SO_THAP_PHAN.match(nhan_muc) and cap in ("so", "so_thap_phan") else None
        else:
            dem[cap] = dem.get(cap, 0) + 1
            thu_tu = dem[cap]
            duong = None
            if cap == "so":
                duong = (thu_tu,)
            elif cap == "so_thap_phan":
                if nhanh.duong is None:
                    raise nhanh.loi(nut, f"?.{thu_tu}.", "số thập phân (1.1.) phải nằm ngay dưới "
                                    "một khoản đánh số (1. hoặc 1.1.)")
                duong = (*nhanh.duong, thu_tu)
                if len(duong) > SO_CAP_THAP_PHAN:
                    raise nhanh.loi(nut, nhan("so_thap_phan", thu_tu, nhanh.duong),
                                    f"số thập phân chỉ tới {SO_CAP_THAP_PHAN} cấp (1.1.1.1.); "
                                    "cấp sâu hơn dùng điểm a), b) hoặc dấu đầu dòng")
            nhan_muc = nhan(cap, thu_tu, nhanh.duong, bang_chu_cai)
            if cap != "so_thap_phan" and _ho(cap) in nhanh.cap_to_tien:
                raise nhanh.loi(nut, nhan_muc, f"cấp «{nhan_muc}» lặp lại bên trong một đề mục "
                                "cùng cấp, số in ra sẽ trùng nhau; đổi \"cap\" hoặc ghi \"nhan\"")
        if cap in _PHAN and do_sau > 0:
            raise nhanh.loi(nut, nhan_muc, "«Phần» chỉ đứng ở cấp ngoài cùng của văn bản")
        if cap in _PHAN and nut.in_hoa is False:
            raise nhanh.loi(nut, nhan_muc, "tên phần phải in hoa (NĐ 30, Phụ lục I, mục II.6)")
        yield NutDaDanhSo(nut, DeMuc(nut, cap, nhan_muc, do_sau, duong))
        vi_tri: int | None
        if nut.danh_so is not None:
            so_do, vi_tri = tuple(nut.danh_so), 0
        else:
            so_do, vi_tri = nhanh.so_do, _vi_tri_con(nhanh, cap, nut.cap is None)
        con = _Nhanh(so_do, vi_tri, cap, nhanh.cap_to_tien | {_ho(cap)}, duong,
                     (*nhanh.ten, _ten_muc(nhan_muc, nut)))
        yield from _duyet(nut.noi_dung, con, do_sau + 1, bang_chu_cai)


def _vi_tri_con(nhanh: _Nhanh, cap: CapDanhSo, theo_so_do: bool) -> int | None:
    """Chỗ trong sơ đồ của cấp con: ngay sau cấp của đề mục này trong sơ đồ."""
    if theo_so_do and nhanh.vi_tri is not None and nhanh.vi_tri < len(nhanh.so_do):
        return nhanh.vi_tri + 1
    tu = nhanh.vi_tri or 0
    for i in (*range(tu, len(nhanh.so_do)), *range(tu)):
        if nhanh.so_do[i] == cap:
            return i + 1
    return None


__all__ = ["DeMuc", "LoiDanhSo", "NutDaDanhSo", "duyet", "duyet_van_ban",
           "kiem_tra_danh_so", "nhan"]
