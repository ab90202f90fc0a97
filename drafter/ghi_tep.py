"""Ghi tệp của người dùng: trọn vẹn hoặc không ghi gì, không ghi đè khi chưa được phép, tên tệp
an toàn trên mọi máy.

    kiem_tra_dich(dich, dau_vao=[tep_json], ghi_de=args.ghi_de)   # LoiGhiTep nếu không được ghi
    ghi_nguyen_tu(dich, du_lieu)
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Windows (và Word) không mở được đường dẫn từ 260 ký tự trở lên.
DUONG_DAN_TOI_DA = 259
TEN_TEP_TOI_DA = 120
# Tên thiết bị của Windows: "CON.docx" hay "nul.json" không phải là tệp.
_TEN_DANH_RIENG = re.compile(r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$",
                             re.IGNORECASE)
# Antivirus và bộ lập chỉ mục của Windows hay giữ tệp vừa ghi trong chốc lát.
_SO_LAN_DOI_TEN = 6
_CHO_GIUA_CAC_LAN = 0.2


class LoiGhiTep(Exception):
    """Không ghi vào chỗ này; `thong_diep` và `loi_thoat` là câu tiếng Việt để in ra."""

    def __init__(self, thong_diep: str, loi_thoat: str = "") -> None:
        super().__init__(thong_diep)
        self.thong_diep = thong_diep
        self.loi_thoat = loi_thoat


def kiem_tra_dich(dich: Path, dau_vao: Iterable[Path] = (), ghi_de: bool = False) -> None:
    """Chính sách ghi chung của mọi lệnh xuất, gọi trước khi dựng hay ghi gì.

    Không bao giờ ghi lên tệp đầu vào (kể cả qua liên kết hay tên viết khác); tệp đã có chỉ
    được thay khi người dùng cho phép (`--ghi-de`, hay đồng ý trong giao diện); tệp chỉ đọc
    không bao giờ bị thay: người dùng đặt chỉ đọc là để giữ nó.
    """
    dich = Path(dich)
    if dich.is_dir():
        raise LoiGhiTep(f"{dich} là một thư mục.", "Ghi cả tên tệp, ví dụ -o thu-muc/BC.docx.")
    if not dich.exists():
        return
    for nguon in dau_vao:
        if _cung_tep(dich, Path(nguon)):
            raise LoiGhiTep(f"Tệp ra {dich} chính là tệp đầu vào; ghi vào đó sẽ mất tệp đầu vào.",
                            "Chọn tên khác cho tệp ra bằng -o.")
    if not ghi_de:
        raise LoiGhiTep(f"Tệp {dich} đã có.",
                        "Thêm --ghi-de để ghi đè, hoặc chọn tên khác bằng -o.")
    if not dich.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise LoiGhiTep(f"Tệp {dich} đang đặt chỉ đọc nên drafter không ghi đè.",
                        "Bỏ thuộc tính chỉ đọc của tệp, hoặc chọn tên khác.")


def _cung_tep(a: Path, b: Path) -> bool:
    try:
        return b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def ghi_nguyen_tu(duong_dan: Path, du_lieu: bytes) -> Path:
    """Ghi `du_lieu` vào `duong_dan`. Mất điện hay lỗi giữa chừng để lại tệp cũ nguyên vẹn.

    os.replace là thao tác nguyên tử trên cùng một ổ đĩa (cả Windows lẫn Linux), nên tệp tạm
    phải nằm cùng thư mục với tệp đích. Tệp mới có quyền theo umask như mọi chương trình
    (thường 0644: đồng nghiệp trên thư mục chung đọc được); tệp được thay giữ quyền cũ.
    """
    duong_dan = Path(duong_dan)
    duong_dan.parent.mkdir(parents=True, exist_ok=True)
    try:
        quyen_cu: int | None = stat.S_IMODE(duong_dan.stat().st_mode)
    except FileNotFoundError:
        quyen_cu = None
    fd, tam = _tao_tep_tam(duong_dan)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(du_lieu)
            f.flush()
            os.fsync(f.fileno())
        if quyen_cu is not None:
            os.chmod(tam, quyen_cu)
        _doi_ten(tam, duong_dan)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tam)
        raise
    return duong_dan


def _tao_tep_tam(duong_dan: Path) -> tuple[int, Path]:
    # Không dùng mkstemp: nó luôn tạo quyền 0600. O_EXCL với quyền 0666 để hệ điều hành tự trừ
    # umask; O_EXCL cũng không đi theo liên kết có sẵn.
    co = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tam = duong_dan.with_name(f".{duong_dan.name[:60]}.{secrets.token_hex(4)}.tam")
        try:
            return os.open(tam, co, 0o666), tam
        except FileExistsError:
            continue


def _doi_ten(tam: Path, dich: Path) -> None:
    for lan in range(_SO_LAN_DOI_TEN):
        try:
            os.replace(tam, dich)
            return
        except PermissionError:
            if lan == _SO_LAN_DOI_TEN - 1:
                raise
            time.sleep(_CHO_GIUA_CAC_LAN)


def ghi_chu(duong_dan: Path, van_ban: str) -> Path:
    return ghi_nguyen_tu(duong_dan, van_ban.encode("utf-8"))


# ---------------------------------------------------------------- tên tệp

def ten_tep_an_toan(ten: str, duoi: str, thu_muc: Path | None = None) -> str:
    """Tên tệp từ dữ liệu (tên xã nhập từ tệp, tên kỳ…): chỉ chữ Latin không dấu, số, "-", "_".

    Không còn dấu phân cách thư mục, "..", ký tự Windows cấm (: * ? " < > |), tên thiết bị
    (CON, NUL, COM1…), dấu chấm hay khoảng trắng cuối tên; cắt ngắn để cả đường dẫn trong
    `thu_muc` (nếu cho) dưới 260 ký tự. `duoi` là đuôi tệp kèm dấu chấm (".docx").
    """
    s = unicodedata.normalize("NFKD", ten.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", s)
    s = re.sub(r"-{2,}", "-", s).strip("-_")
    toi_da = TEN_TEP_TOI_DA
    if thu_muc is not None:
        toi_da = min(toi_da, DUONG_DAN_TOI_DA - len(str(Path(thu_muc).absolute())) - 1)
    s = s[:max(toi_da - len(duoi), 8)].rstrip("-_")
    if not s or _TEN_DANH_RIENG.match(s):
        s = f"tep-{s}" if s else "tep"
    return s + duoi
