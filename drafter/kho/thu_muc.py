"""Thư mục dữ liệu của drafter: --data-dir, rồi biến DRAFTER_HOME, rồi thư mục dữ liệu người
dùng của hệ điều hành (platformdirs: %LOCALAPPDATA%\\drafter trên Windows)."""

from __future__ import annotations

import os
from pathlib import Path

TEN_TEP_CSDL = "drafter.sqlite3"


def thu_muc_du_lieu(chi_dinh: Path | str | None = None) -> Path:
    if chi_dinh:
        return Path(chi_dinh).expanduser()
    moi_truong = os.environ.get("DRAFTER_HOME")
    if moi_truong:
        return Path(moi_truong).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("drafter", appauthor=False))
