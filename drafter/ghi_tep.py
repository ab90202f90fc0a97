"""Ghi tệp trọn vẹn hoặc không ghi gì: ghi vào tệp tạm cùng thư mục rồi đổi tên."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def ghi_nguyen_tu(duong_dan: Path, du_lieu: bytes) -> Path:
    """Ghi `du_lieu` vào `duong_dan`. Mất điện hay lỗi giữa chừng để lại tệp cũ nguyên vẹn.

    os.replace là thao tác nguyên tử trên cùng một ổ đĩa (cả Windows lẫn Linux), nên tệp tạm
    phải nằm cùng thư mục với tệp đích.
    """
    duong_dan = Path(duong_dan)
    duong_dan.parent.mkdir(parents=True, exist_ok=True)
    fd, tam = tempfile.mkstemp(prefix=f".{duong_dan.name}.", suffix=".tam", dir=duong_dan.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(du_lieu)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tam, duong_dan)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tam)
        raise
    return duong_dan


def ghi_chu(duong_dan: Path, van_ban: str) -> Path:
    return ghi_nguyen_tu(duong_dan, van_ban.encode("utf-8"))
