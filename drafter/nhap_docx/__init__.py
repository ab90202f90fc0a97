"""`drafter from-docx`: đọc báo cáo, kế hoạch Word của chính cán bộ (gõ tay hay do drafter
làm) thành tệp văn bản của drafter, kèm danh sách những gì chưa đặt được vào mô hình.

    kq = doc_docx(Path("BC-quy-I.docx"))
    kq.van_ban          # VanBan: phần đầu, cây đề mục, chú thích, bảng, Nơi nhận, người ký
    kq.chua_dat         # [ChoChuaDat]: "đoạn 37: không nhận ra cấp đề mục «…»"
"""

from __future__ import annotations

import json

from drafter.nhap_docx.doc import doc_docx
from drafter.nhap_docx.ket_qua import ChoChuaDat, KetQuaDoc, ThongKe
from drafter.van_ban import VanBan

__all__ = ["ChoChuaDat", "KetQuaDoc", "ThongKe", "doc_docx", "thanh_json"]


def thanh_json(van_ban: VanBan) -> str:
    """Tệp văn bản gọn như người soạn tay: bỏ các trường đang là mặc định, trừ phiên bản lược
    đồ (tệp không ghi phiên bản sẽ bị đọc như phiên bản mới nhất)."""
    gon = van_ban.model_dump(mode="json", exclude_defaults=True)
    _giu_loai(gon, van_ban.model_dump(mode="json"))
    du_lieu = {"phien_ban": van_ban.phien_ban, **gon}
    return json.dumps(du_lieu, ensure_ascii=False, indent=1) + "\n"


def _giu_loai(gon: object, day_du: object) -> None:
    """exclude_defaults bỏ cả "loai": "muc" (mặc định của từng lớp), mà trường này là khóa
    phân biệt nút khi đọc lại: đặt lại theo bản đầy đủ, đứng đầu như tệp soạn tay."""
    if isinstance(gon, dict) and isinstance(day_du, dict):
        if "loai" in day_du:
            cu = dict(gon)
            gon.clear()
            gon.update({"loai": day_du["loai"], **cu})
        for k, v in gon.items():
            _giu_loai(v, day_du.get(k))
    elif isinstance(gon, list) and isinstance(day_du, list):
        for a, b in zip(gon, day_du, strict=False):
            _giu_loai(a, b)
