"""Độ rộng chữ Times New Roman để tính độ dài đường kẻ dưới Tiêu ngữ, tên cơ quan, trích yếu.

NĐ 30 đòi đường kẻ dưới Tiêu ngữ dài bằng dòng chữ, dưới tên cơ quan và trích yếu dài 1/3–1/2
dòng chữ. Bảng độ rộng (đơn vị 1/2048 em) lấy từ Liberation Serif, phông có số đo trùng Times
New Roman; chữ có dấu tiếng Việt rộng bằng chữ gốc của nó.
"""

from __future__ import annotations

import unicodedata

# fmt: off
# ruff: noqa: E501

_THUONG_CHAR = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ĐđƠơƯư'
_THUONG_DO_RONG = (512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108, 1479, 1024, 1479, 1083, 1589, 1110)

_DAM_CHAR = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ĐđƠơƯư'
_DAM_DO_RONG = (512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065, 1479, 1139, 1593, 1134, 1630, 1229)

# fmt: on

_BANG = {
    False: dict(zip(_THUONG_CHAR, _THUONG_DO_RONG, strict=True)),
    True: dict(zip(_DAM_CHAR, _DAM_DO_RONG, strict=True)),
}
_EM = 2048


def _goc(char: str) -> str:
    """Chữ gốc của một chữ có dấu: "ế" → "e", "Ộ" → "O" (giữ đ, ơ, ư vốn có trong bảng)."""
    if char in _BANG[False]:
        return char
    tach = unicodedata.normalize("NFD", char)
    goc = tach[0]
    if "\u031b" in tach:  # dấu móc: ơ, ư
        goc = unicodedata.normalize("NFC", goc + "\u031b")
    return goc


def do_rong_cm(van_ban: str, co_chu_pt: float, dam: bool = False) -> float:
    """Độ rộng (cm) của một dòng chữ Times New Roman cỡ `co_chu_pt`."""
    bang = _BANG[dam]
    mac_dinh = bang["n"]
    don_vi = sum(bang.get(_goc(c), mac_dinh) for c in unicodedata.normalize("NFC", van_ban))
    return don_vi / _EM * co_chu_pt / 72 * 2.54
