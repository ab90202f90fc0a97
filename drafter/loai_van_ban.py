"""Các loại văn bản có tên loại mà drafter ghi được: tên loại, mã viết tắt trong ký hiệu
(Phụ lục III NĐ 30) và Kính gửi. Thêm một loại là thêm một dòng dữ liệu, không thêm nhánh if.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from drafter.nd30 import MA_TEN_LOAI

# "khong": loại này không có Kính gửi (kế hoạch, thông báo: Mẫu 1.4 không có ô 9a);
# "tuy_chon": có khi gửi cấp trên (báo cáo); "can": thiếu thì cảnh báo (tờ trình gửi HĐND…).
KinhGui = Literal["khong", "tuy_chon", "can"]


@dataclass(frozen=True)
class LoaiVanBan:
    ten: str  # "BÁO CÁO": dòng tên loại in hoa
    ma: str  # "BC": phần đầu ký hiệu "BC-UBND"
    kinh_gui: KinhGui


# Mã viết tắt theo Phụ lục III, lấy từ danh mục quy tắc (bộ kiểm tra dùng cùng bảng).
_KINH_GUI: tuple[tuple[str, KinhGui], ...] = (
    ("BÁO CÁO", "tuy_chon"), ("KẾ HOẠCH", "khong"), ("TỜ TRÌNH", "can"), ("THÔNG BÁO", "khong"))
CAC_LOAI: tuple[LoaiVanBan, ...] = tuple(
    LoaiVanBan(ten, MA_TEN_LOAI[ten], kinh_gui) for ten, kinh_gui in _KINH_GUI)


def loai_cua(ten_loai: str) -> LoaiVanBan | None:
    """Loại của một dòng tên loại: "BÁO CÁO" hay tên loại dài "BÁO CÁO TÌNH HÌNH …"."""
    chu = " ".join(ten_loai.upper().split())
    for loai in CAC_LOAI:
        if chu == loai.ten or chu.startswith(loai.ten + " "):
            return loai
    return None


def ten_cac_loai() -> str:
    return ", ".join(f"{loai.ten} ({loai.ma})" for loai in CAC_LOAI)
