"""Kho SQLite như một bản drafter cũ để lại (lược đồ 1 … mới nhất − 1), để kiểm thử các bước di
chuyển. Dùng chung cho các tệp kiểm thử, không nhập từ tệp kiểm thử khác."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from drafter.kho import csdl
from drafter.kho.thu_muc import TEN_TEP_CSDL


def kho_luoc_do(thu_muc: Path, phien_ban: int) -> sqlite3.Connection:
    """Tạo kho trống đúng lược đồ `phien_ban` trong `thu_muc` (chạy các bước di chuyển đầu tiên,
    ghi bảng luoc_do như bản cũ); trả kết nối tự cam kết để thêm dữ liệu của bản cũ."""
    thu_muc.mkdir(parents=True, exist_ok=True)
    cn = sqlite3.connect(thu_muc / TEN_TEP_CSDL, isolation_level=None)
    cn.execute("PRAGMA journal_mode = WAL")
    for buoc in csdl.DI_CHUYEN[:phien_ban]:
        for cau_lenh in buoc:
            cn.execute(cau_lenh)
    cn.execute("CREATE TABLE luoc_do (phien_ban INTEGER NOT NULL, luc TEXT NOT NULL)")
    cn.executemany("INSERT INTO luoc_do VALUES (?, 'x')", [(i,) for i in range(1, phien_ban + 1)])
    return cn
