"""Nhận ra số thứ tự đề mục và dấu đầu dòng mà cán bộ gõ tay ở đầu đoạn: "PHẦN THỨ NHẤT",
"Phần I", "A.", "I.", "1.", "1.1.", "1.2" (thiếu dấu chấm), "a)", "a.", "a,", "-", "+", "*".

Chỉ nhìn chữ; cấp của đề mục trong cây do than.py quyết định theo thứ tự xuất hiện.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from drafter import vn
from drafter.van_ban import KieuDauDong

# Loại nhãn. "so" là 1., "so2" là 1.1., "so3" là 1.1.1., "so4" là 1.1.1.1.
LoaiNhan = Literal["phan_thu", "phan_thu_thuong", "phan", "chu_hoa", "la_ma", "so", "so2",
                   "so3", "so4", "chu"]
CAP_THAP_PHAN: dict[str, int] = {"so": 1, "so2": 2, "so3": 3, "so4": 4}

_THU = {"NHẤT": 1, "HAI": 2, "BA": 3, "TƯ": 4, "BỐN": 4, "NĂM": 5, "SÁU": 6, "BẢY": 7,
        "TÁM": 8, "CHÍN": 9, "MƯỜI": 10}
_LA_MA = {vn.la_ma(i): i for i in range(1, 40)}

# Khoảng trắng cán bộ gõ sau nhãn: dấu cách, tab, dấu cách không ngắt.
_TRANG = "[ \t\u00a0\u2002\u2003]"
_PHAN_THU = re.compile(r"(?i)(phần)[ \t\u00a0]+(thứ)[ \t\u00a0]+(\w+)")
_PHAN = re.compile(r"(?i)(phần)[ \t\u00a0]+([IVXLC]+|\d{1,2})(?=$|[\s.:\-–])")
_CHU_HOA = re.compile(rf"([A-ZĐ])([.)/])(?={_TRANG}|$)")
_LA_MA_RE = re.compile(rf"([IVXLC]{{1,7}})([.)/])(?={_TRANG}|$|[A-ZĐÀ-Ỹ])")
# Số thập phân: nhóm một, hai chữ số ("2.000" không phải nhãn); "1." "1)" "1.2." "1.2"
_SO = re.compile(rf"(\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(\.|\))?(?={_TRANG}|$|[^\W\d_])")
_CHU = re.compile(rf"([a-zđ])([).,/])(?={_TRANG}|$)")
_KY_HIEU_DAU_DONG = re.compile(
    rf"([-–—•+*\uf0b7\uf0a7\u25cf\u25aa\u2022\u2013\u2014o§])(?={_TRANG})|"
    r"([-–+])(?=[^\W\d_])")
_LOAI_DAU_DONG: dict[str, KieuDauDong] = {"-": "gach", "–": "gach", "—": "gach", "•": "gach",
                                          "\uf0b7": "gach", "\uf0a7": "gach", "\u25cf": "gach",
                                          "\u25aa": "gach", "§": "gach", "+": "cong", "o": "cong",
                                          "*": "sao"}


@dataclass(frozen=True)
class Nhan:
    """Nhãn đầu đoạn: loại, số thứ tự (từ 1), chữ như gõ, và chỗ nội dung bắt đầu."""

    loai: LoaiNhan
    so: int
    chu: str  # "III.", "1.2", "a.", "PHẦN THỨ NHẤT"
    het: int  # vị trí ký tự đầu tiên sau nhãn và khoảng trắng/dấu ngăn cách
    thap_phan: tuple[int, ...] = ()  # "1.2." → (1, 2)


@dataclass(frozen=True)
class DauDong:
    loai: KieuDauDong
    het: int


def _bo_trang(chu: str, i: int) -> int:
    n = len(chu)
    while i < n and chu[i] in " \t\u00a0\u2002\u2003":
        i += 1
    return i


def _sau_phan(chu: str, i: int) -> int:
    """Sau "PHẦN THỨ NHẤT" có thể có ":", ".", "-" rồi tên phần trên cùng dòng."""
    i = _bo_trang(chu, i)
    if i < len(chu) and chu[i] in ":.-–":
        i = _bo_trang(chu, i + 1)
    while i < len(chu) and chu[i] == "\n":
        i = _bo_trang(chu, i + 1)
    return i


def doc_nhan(chu: str, chu_hoa_truoc: int = 0) -> Nhan | None:
    """Nhãn ở đầu `chu` (đã bỏ khoảng trắng đầu), hoặc None.

    chu_hoa_truoc: số thứ tự chữ in hoa của mục A., B. … gần nhất cùng cấp, để "I." hay "V."
    nối tiếp "H." hay "U." được đọc là chữ cái chứ không phải số La Mã."""
    if not chu:
        return None
    dau = chu[0]
    if dau in "Pp":
        m = _PHAN_THU.match(chu)
        if m and m[3].upper() in _THU:
            loai: LoaiNhan = "phan_thu" if m[1] == "PHẦN" else "phan_thu_thuong"
            return Nhan(loai, _THU[m[3].upper()], m[0], _sau_phan(chu, m.end()))
        m = _PHAN.match(chu)
        if m:
            so = int(m[2]) if m[2].isdigit() else _LA_MA.get(m[2].upper(), 0)
            if so:
                return Nhan("phan", so, m[0], _sau_phan(chu, m.end()))
        return None
    if dau.isdigit():
        m = _SO.match(chu)
        if not m:
            return None
        phan = tuple(int(x) for x in m[1].split("."))
        if len(phan) == 1 and not m[2]:
            return None  # "2024 là năm…", "15 ha…"
        if any(x == 0 for x in phan):
            return None
        loai = ("so", "so2", "so3", "so4")[len(phan) - 1]
        return Nhan(loai, phan[-1], m[0], _bo_trang(chu, m.end()), phan)
    if "A" <= dau <= "Z" or dau == "Đ":
        m = _LA_MA_RE.match(chu)
        if m and m[1] in _LA_MA and len(m[1]) > 1:
            return Nhan("la_ma", _LA_MA[m[1]], m[0], _bo_trang(chu, m.end()))
        m = _CHU_HOA.match(chu)
        if m:
            chu_cai = m[1]
            thu_tu = vn.CHU_CAI.index(chu_cai.lower()) + 1 if chu_cai.lower() in vn.CHU_CAI else 0
            la_chu_ke = chu_hoa_truoc and thu_tu == chu_hoa_truoc + 1
            if chu_cai in ("I", "V", "X") and not la_chu_ke:
                return Nhan("la_ma", _LA_MA[chu_cai], m[0], _bo_trang(chu, m.end()))
            if thu_tu:
                return Nhan("chu_hoa", thu_tu, m[0], _bo_trang(chu, m.end()))
        return None
    if "a" <= dau <= "z" or dau == "đ":
        m = _CHU.match(chu)
        if m:
            thu_tu = thu_tu_chu(m[1])
            return Nhan("chu", thu_tu, m[0], _bo_trang(chu, m.end()))
    return None


def thu_tu_chu(chu_cai: str) -> int:
    """Thứ tự của chữ cái điểm theo bảng chữ cái tiếng Việt (a b c d đ e g …); chữ ngoài bảng
    (f, j, w, z) đứng sau cùng để vẫn so được."""
    chu_cai = chu_cai.lower()
    if chu_cai in vn.CHU_CAI:
        return vn.CHU_CAI.index(chu_cai) + 1
    return 100 + ord(chu_cai)


def thu_tu_la_tinh(chu_cai: str) -> int:
    """Thứ tự theo bảng chữ cái La-tinh (a b c d e f …), như Word tự đánh."""
    chu_cai = chu_cai.lower()
    return 4 + 1 if chu_cai == "đ" else ord(chu_cai) - ord("a") + 1


def doc_dau_dong(chu: str) -> DauDong | None:
    """Dấu đầu dòng "-", "+", "*" (và các dấu chấm tròn của Word) ở đầu `chu`."""
    m = _KY_HIEU_DAU_DONG.match(chu)
    if not m:
        return None
    ky_hieu = m[1] or m[2]
    if ky_hieu == "o" and not chu.startswith(("o ", "o\t")):
        return None
    return DauDong(_LOAI_DAU_DONG.get(ky_hieu, "gach"), _bo_trang(chu, m.end()))
