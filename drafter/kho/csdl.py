"""Mở cơ sở dữ liệu SQLite: chế độ WAL, bảng phiên bản lược đồ, di chuyển lược đồ, sao lưu
hằng ngày, và thông báo tiếng Việt kèm lối thoát khi tệp hỏng hay bị khóa."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

PHIEN_BAN_LUOC_DO = 1
SO_BAN_SAO_LUU_GIU = 7
CHO_KHOA_MS = 10_000  # hai cửa sổ drafter cùng ghi: chờ nhau tối đa 10 giây thay vì báo lỗi

# Mỗi bước di chuyển đưa lược đồ từ phiên bản i lên i + 1; không bao giờ sửa bước đã phát hành.
DI_CHUYEN: list[str] = [
    # 0 → 1: lược đồ đầu tiên.
    """
    CREATE TABLE xa (
        id INTEGER PRIMARY KEY,
        ten TEXT NOT NULL UNIQUE,            -- "Cai Kinh"
        huyen TEXT NOT NULL DEFAULT '',
        tinh TEXT NOT NULL DEFAULT '',
        ho_so TEXT NOT NULL DEFAULT '{}',    -- JSON: cơ quan, ký hiệu, địa danh, nơi nhận, người ký
        mac_dinh INTEGER NOT NULL DEFAULT 0, -- xã của chính người dùng
        tao_luc TEXT NOT NULL
    );
    CREATE TABLE ke_hoach_nam (
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        nam INTEGER NOT NULL,
        ma_chi_tieu TEXT NOT NULL,
        gia_tri TEXT NOT NULL,               -- như người dùng gõ: "154", "1.312.259.000"
        PRIMARY KEY (xa_id, nam, ma_chi_tieu)
    );
    CREATE TABLE bao_cao (
        id INTEGER PRIMARY KEY,
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        ky TEXT NOT NULL,                    -- "2024-Q1", "2024-H1", "2024-9M", "2024"
        bieu_mau TEXT NOT NULL,
        trang_thai TEXT NOT NULL DEFAULT 'nhap' CHECK (trang_thai IN ('nhap', 'da_xuat', 'da_ky')),
        tao_luc TEXT NOT NULL,
        sua_luc TEXT NOT NULL,
        UNIQUE (xa_id, ky)
    );
    CREATE TABLE phien_ban (
        bao_cao_id INTEGER NOT NULL REFERENCES bao_cao(id) ON DELETE CASCADE,
        so INTEGER NOT NULL,                 -- 1, 2, 3… mỗi lần lưu một phiên bản
        du_lieu TEXT NOT NULL,               -- JSON của BaoCaoDuLieu
        luc TEXT NOT NULL,
        ghi_chu TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (bao_cao_id, so)
    );
    CREATE TABLE nhat_ky_xuat (
        id INTEGER PRIMARY KEY,
        bao_cao_id INTEGER NOT NULL REFERENCES bao_cao(id) ON DELETE CASCADE,
        phien_ban INTEGER NOT NULL,
        duong_dan TEXT NOT NULL,
        luc TEXT NOT NULL,
        sha256 TEXT NOT NULL
    );
    CREATE INDEX bao_cao_theo_xa ON bao_cao (xa_id, ky);
    """,
]


class LoiKho(Exception):
    """Lỗi kho dữ liệu, kèm câu hướng dẫn lối thoát cho người dùng."""

    def __init__(self, thong_diep: str, loi_thoat: str = "") -> None:
        super().__init__(thong_diep)
        self.thong_diep = thong_diep
        self.loi_thoat = loi_thoat

    def __str__(self) -> str:
        return f"{self.thong_diep} {self.loi_thoat}".strip()


def bay_gio() -> str:
    return datetime.now().isoformat(timespec="seconds")


def ket_noi(tep: Path) -> sqlite3.Connection:
    """Kết nối đã đặt WAL, khóa ngoại, chờ khóa; isolation_level=None để tự quản giao dịch."""
    try:
        cn = sqlite3.connect(tep, timeout=CHO_KHOA_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        cn.execute(f"PRAGMA busy_timeout = {CHO_KHOA_MS}")
        cn.execute("PRAGMA foreign_keys = ON")
        che_do = cn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        cn.execute("PRAGMA synchronous = NORMAL")  # an toàn với WAL: mất điện không hỏng tệp
        if che_do.lower() != "wal":
            raise LoiKho(f"Không bật được chế độ ghi an toàn (WAL) cho {tep}.",
                         "Hãy để thư mục dữ liệu trên ổ đĩa của máy, không phải ổ mạng.")
        return cn
    except sqlite3.DatabaseError as loi:
        raise _dich_loi(loi, tep) from loi


def _dich_loi(loi: sqlite3.Error, tep: Path) -> LoiKho:
    chu = str(loi).lower()
    if "locked" in chu or "busy" in chu:
        return LoiKho(f"Kho dữ liệu {tep} đang bị một chương trình khác giữ.",
                      "Đóng các cửa sổ drafter khác rồi thử lại.")
    if "not a database" in chu or "malformed" in chu or "corrupt" in chu:
        return _loi_hong(tep)
    if "unable to open" in chu or "readonly" in chu or "permission" in chu:
        return LoiKho(f"Không mở được tệp dữ liệu {tep}.",
                      "Kiểm tra quyền ghi của thư mục, hoặc chọn thư mục khác bằng --data-dir.")
    return LoiKho(f"Lỗi kho dữ liệu {tep}: {loi}.")


@contextlib.contextmanager
def giao_dich(cn: sqlite3.Connection, tep: Path) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE: giữ khóa ghi ngay từ đầu nên hai tiến trình không ghi đè nhau."""
    try:
        cn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as loi:
        raise _dich_loi(loi, tep) from loi
    try:
        yield cn
    except BaseException:
        cn.execute("ROLLBACK")
        raise
    else:
        try:
            cn.execute("COMMIT")
        except sqlite3.Error as loi:
            cn.execute("ROLLBACK")
            raise _dich_loi(loi, tep) from loi


def phien_ban_luoc_do(cn: sqlite3.Connection) -> int:
    cn.execute("CREATE TABLE IF NOT EXISTS luoc_do (phien_ban INTEGER NOT NULL, luc TEXT NOT NULL)")
    dong = cn.execute("SELECT MAX(phien_ban) FROM luoc_do").fetchone()
    return dong[0] or 0


def di_chuyen(cn: sqlite3.Connection, tep: Path) -> int:
    """Đưa lược đồ lên phiên bản mới nhất; trả về phiên bản trước khi chạy."""
    with giao_dich(cn, tep):
        cu = phien_ban_luoc_do(cn)
        if cu > len(DI_CHUYEN):
            raise LoiKho(f"Kho dữ liệu {tep} do bản drafter mới hơn tạo (lược đồ {cu}).",
                         "Hãy cập nhật drafter lên bản mới nhất.")
        for i in range(cu, len(DI_CHUYEN)):
            for cau_lenh in DI_CHUYEN[i].split(";"):
                if cau_lenh.strip():
                    cn.execute(cau_lenh)
            cn.execute("INSERT INTO luoc_do (phien_ban, luc) VALUES (?, ?)", (i + 1, bay_gio()))
    return cu


def kiem_tra_toan_ven(cn: sqlite3.Connection, tep: Path) -> None:
    try:
        ket_qua = cn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as loi:
        raise _dich_loi(loi, tep) from loi
    if ket_qua != "ok":
        raise _loi_hong(tep, f" ({ket_qua})")


def _loi_hong(tep: Path, chi_tiet: str = "") -> LoiKho:
    return LoiKho(f"Tệp dữ liệu {tep} bị hỏng{chi_tiet}.",
                  "Chạy «drafter khoi-phuc» để mở bản sao lưu gần nhất "
                  f"(trong {thu_muc_sao_luu(tep)}).")


# ---------------------------------------------------------------- sao lưu hằng ngày

def thu_muc_sao_luu(tep: Path) -> Path:
    return tep.parent / "sao_luu"


def sao_luu_hang_ngay(cn: sqlite3.Connection, tep: Path,
                      hom_nay: date | None = None) -> Path | None:
    """Mỗi ngày một bản sao (API backup của SQLite: nhất quán dù đang có người ghi)."""
    thu_muc = thu_muc_sao_luu(tep)
    ngay = (hom_nay or date.today()).isoformat()
    dich = thu_muc / f"drafter-{ngay}.sqlite3"
    if dich.exists():
        return None
    thu_muc.mkdir(parents=True, exist_ok=True)
    tam = dich.with_suffix(".tam")
    dich_cn = sqlite3.connect(tam)
    try:
        cn.backup(dich_cn)
    finally:
        dich_cn.close()
    tam.replace(dich)
    for cu in sorted(thu_muc.glob("drafter-*.sqlite3"))[:-SO_BAN_SAO_LUU_GIU]:
        cu.unlink(missing_ok=True)
    return dich


def ban_sao_luu_moi_nhat(tep: Path) -> Path | None:
    ds = sorted(thu_muc_sao_luu(tep).glob("drafter-*.sqlite3"))
    return ds[-1] if ds else None


def khoi_phuc_tu_sao_luu(tep: Path) -> Path:
    """Thay tệp hỏng bằng bản sao lưu gần nhất; tệp hỏng được giữ lại để gửi kỹ thuật xem."""
    ban = ban_sao_luu_moi_nhat(tep)
    if ban is None:
        raise LoiKho("Chưa có bản sao lưu nào để khôi phục.",
                     f"Tệp hỏng vẫn ở {tep}; có thể dùng «drafter import» để nạp lại "
                     "các tệp .json.")
    if tep.exists():
        tep.replace(tep.with_name(f"{tep.name}.hong-{datetime.now():%Y%m%d-%H%M%S}"))
    for phu in (tep.with_name(tep.name + "-wal"), tep.with_name(tep.name + "-shm")):
        phu.unlink(missing_ok=True)
    dich_cn = sqlite3.connect(tep)
    nguon = sqlite3.connect(f"{ban.resolve().as_uri()}?mode=ro", uri=True)
    try:
        nguon.backup(dich_cn)
    finally:
        nguon.close()
        dich_cn.close()
    return ban
