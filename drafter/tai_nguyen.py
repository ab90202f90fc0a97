"""Tìm các thư mục dữ liệu đi kèm chương trình (forms/, templates/, sample_data/).

Trong gói cài đặt (wheel) chúng nằm ở drafter/_du_lieu/; khi chạy từ mã nguồn chúng nằm ở thư
mục gốc của dự án. Hai chỗ, một hàm: phần còn lại của chương trình không cần biết.
"""

from __future__ import annotations

from pathlib import Path

_GOI = Path(__file__).resolve().parent


def thu_muc(ten: str) -> Path:
    """Đường dẫn thư mục dữ liệu `ten` ("forms", "templates", "sample_data")."""
    for ung_vien in (_GOI / "_du_lieu" / ten, _GOI.parent / ten):
        if ung_vien.is_dir():
            return ung_vien
    raise FileNotFoundError(f"không tìm thấy thư mục dữ liệu '{ten}' của drafter (cài đặt hỏng?)")


def tep_mau(ten: str) -> Path:
    return thu_muc("sample_data") / ten
