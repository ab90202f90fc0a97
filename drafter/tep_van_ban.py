"""Đọc tệp văn bản JSON (UTF-8) thành VanBan; lỗi báo bằng tiếng Việt, không bao giờ traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final, TypeVar

from pydantic import BaseModel, ValidationError

from drafter.loi_tieng_viet import cac_loi, cau_loi_os
from drafter.van_ban import VanBan

M = TypeVar("M", bound=BaseModel)
# Giá trị khóa "loai" của tệp văn bản tự do (văn bản nhập từ Word): nhận dạng tệp mà không phải
# nạp mô hình văn bản tự do.
LOAI_TU_DO: Final = "van_ban_tu_do"


class LoiTepVanBan(Exception):
    """Tệp không đọc được hoặc không hợp lệ; `cac_dong` là các câu tiếng Việt để in ra."""

    def __init__(self, tieu_de: str, cac_dong: list[str] | None = None) -> None:
        super().__init__(tieu_de)
        self.tieu_de = tieu_de
        self.cac_dong = cac_dong or []


def doc_json(duong_dan: Path) -> object:
    try:
        # utf-8-sig: Notepad trên Windows hay thêm BOM vào đầu tệp.
        noi_dung = Path(duong_dan).read_text(encoding="utf-8-sig")
    except FileNotFoundError as loi:
        raise LoiTepVanBan(f"Không tìm thấy tệp {duong_dan}.") from loi
    except UnicodeDecodeError as loi:
        raise LoiTepVanBan(f"Tệp {duong_dan} không phải văn bản UTF-8 "
                           "(lưu lại bằng bảng mã Unicode UTF-8).") from loi
    except OSError as loi:
        raise LoiTepVanBan(cau_loi_os(loi, "Không đọc được tệp", duong_dan)) from loi
    try:
        return json.loads(noi_dung, parse_int=_so_nguyen)
    except json.JSONDecodeError as loi:
        raise LoiTepVanBan(
            f"Tệp {duong_dan} không đúng cú pháp JSON ở dòng {loi.lineno}, cột {loi.colno} "
            "(thiếu dấu phẩy, ngoặc hoặc dấu ngoặc kép?).") from loi
    except RecursionError as loi:
        raise LoiTepVanBan(f"Tệp {duong_dan} có các ngoặc [ ] {{ }} lồng nhau quá sâu; tệp báo "
                           "cáo thật không lồng sâu như vậy (tệp hỏng?).") from loi


def _so_nguyen(chu: str) -> int | str:
    # Python từ chối đổi chuỗi quá 4300 chữ số thành int (ValueError giữa chừng json.loads):
    # giữ số dài như chữ để phần kiểm tra báo đúng trường "quá nhiều chữ số".
    return int(chu) if len(chu) <= 100 else chu


def kiem_mo_hinh(mo_hinh: type[M], du_lieu: object, nguon: str = "Tệp") -> M:
    """Dữ liệu JSON → mô hình pydantic; lỗi thành LoiTepVanBan với mỗi lỗi một câu tiếng Việt."""
    try:
        return mo_hinh.model_validate(du_lieu)
    except ValidationError as loi:
        dong = cac_loi(loi)
        raise LoiTepVanBan(f"{nguon} có {len(dong)} lỗi:", dong) from loi


def tu_du_lieu(du_lieu: object, nguon: str = "tệp") -> VanBan:
    return kiem_mo_hinh(VanBan, du_lieu, nguon)


def doc_van_ban(duong_dan: Path) -> VanBan:
    return tu_du_lieu(doc_json(duong_dan), f"Tệp {duong_dan}")
