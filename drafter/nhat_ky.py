"""Nhật ký lỗi không lường trước: traceback ghi vào tệp trong thư mục dữ liệu, người dùng chỉ
thấy một câu tiếng Việt kèm đường dẫn tệp để gửi cho người hỗ trợ. Không traceback nào tới
màn hình của người làm báo cáo, nhưng báo lỗi của họ vẫn mang đủ chi tiết."""

from __future__ import annotations

import contextlib
import traceback
from datetime import datetime
from pathlib import Path

TEN_TEP = "nhat-ky-loi.txt"
DUNG_LUONG_TOI_DA = 1_000_000  # quá thì giữ nửa sau: tệp không lớn mãi trên máy văn phòng


def tep_nhat_ky(thu_muc: Path | str | None = None) -> Path:
    from drafter.kho.thu_muc import thu_muc_du_lieu

    return thu_muc_du_lieu(thu_muc) / TEN_TEP


def ghi_loi(loi: BaseException, boi_canh: str, thu_muc: Path | str | None = None
            ) -> Path | None:
    """Ghi traceback của `loi` (đang làm gì: `boi_canh`) vào nhật ký; trả về đường dẫn tệp,
    hoặc None nếu chính việc ghi nhật ký cũng không được (ổ đầy, không có quyền)."""
    from drafter import __version__

    tep = tep_nhat_ky(thu_muc)
    dong = "".join(traceback.format_exception(loi))
    muc = (f"==== {datetime.now():%Y-%m-%d %H:%M:%S} · drafter {__version__} · {boi_canh}\n"
           f"{dong}\n")
    try:
        tep.parent.mkdir(parents=True, exist_ok=True)
        cu = tep.read_text(encoding="utf-8", errors="replace") if tep.exists() else ""
        if len(cu) > DUNG_LUONG_TOI_DA:
            cu = cu[-DUNG_LUONG_TOI_DA // 2:]
        tep.write_text(cu + muc, encoding="utf-8")
    except OSError:
        return None
    return tep


def cau_bao_loi(loi: BaseException, boi_canh: str, thu_muc: Path | str | None = None) -> str:
    """Câu cho người dùng: việc gì không làm được, lỗi đã ghi ở đâu (ghi luôn vào nhật ký)."""
    tep = None
    with contextlib.suppress(Exception):
        tep = ghi_loi(loi, boi_canh, thu_muc)
    noi = f" Chi tiết đã ghi vào {tep}: gửi tệp này cho người hỗ trợ." if tep else ""
    return f"{boi_canh} không thành: lỗi chương trình chưa lường trước ({type(loi).__name__}).{noi}"
