"""Mở cơ sở dữ liệu SQLite: chế độ WAL, bảng phiên bản lược đồ, di chuyển lược đồ, và thông báo
tiếng Việt kèm lối thoát cho mọi lỗi SQLite (hỏng, bị khóa, ổ đầy, chỉ đọc…). Sao lưu và khôi
phục ở kho/sao_luu.py."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

CHO_KHOA_MS = 10_000  # hai cửa sổ drafter cùng ghi: chờ nhau tối đa 10 giây thay vì báo lỗi

# Mỗi bước di chuyển là một danh sách câu lệnh SQL đưa lược đồ từ phiên bản i lên i + 1, chạy
# trong một giao dịch; không bao giờ sửa bước đã phát hành, chỉ thêm bước mới.
DI_CHUYEN: list[list[str]] = [
    # 0 → 1: lược đồ đầu tiên.
    [
        """CREATE TABLE xa (
        id INTEGER PRIMARY KEY,
        ten TEXT NOT NULL UNIQUE,            -- "Cai Kinh"
        huyen TEXT NOT NULL DEFAULT '',
        tinh TEXT NOT NULL DEFAULT '',
        ho_so TEXT NOT NULL DEFAULT '{}',    -- JSON: cơ quan, ký hiệu, địa danh, nơi nhận, người ký
        mac_dinh INTEGER NOT NULL DEFAULT 0, -- xã của chính người dùng
        tao_luc TEXT NOT NULL
    )""",
        """CREATE TABLE ke_hoach_nam (
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        nam INTEGER NOT NULL,
        ma_chi_tieu TEXT NOT NULL,
        gia_tri TEXT NOT NULL,               -- như người dùng gõ: "154", "1.312.259.000"
        PRIMARY KEY (xa_id, nam, ma_chi_tieu)
    )""",
        """CREATE TABLE bao_cao (
        id INTEGER PRIMARY KEY,
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        ky TEXT NOT NULL,                    -- "2024-Q1", "2024-H1", "2024-9M", "2024"
        bieu_mau TEXT NOT NULL,
        trang_thai TEXT NOT NULL DEFAULT 'nhap' CHECK (trang_thai IN ('nhap', 'da_xuat', 'da_ky')),
        tao_luc TEXT NOT NULL,
        sua_luc TEXT NOT NULL,
        UNIQUE (xa_id, ky)
    )""",
        """CREATE TABLE phien_ban (
        bao_cao_id INTEGER NOT NULL REFERENCES bao_cao(id) ON DELETE CASCADE,
        so INTEGER NOT NULL,                 -- 1, 2, 3… mỗi lần lưu một phiên bản
        du_lieu TEXT NOT NULL,               -- JSON của BaoCaoDuLieu
        luc TEXT NOT NULL,
        ghi_chu TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (bao_cao_id, so)
    )""",
        """CREATE TABLE nhat_ky_xuat (
        id INTEGER PRIMARY KEY,
        bao_cao_id INTEGER NOT NULL REFERENCES bao_cao(id) ON DELETE CASCADE,
        phien_ban INTEGER NOT NULL,
        duong_dan TEXT NOT NULL,
        luc TEXT NOT NULL,
        sha256 TEXT NOT NULL
    )""",
        "CREATE INDEX bao_cao_theo_xa ON bao_cao (xa_id, ky)",
    ],
    # 1 → 2: phiên bản lưu gọn (nén, hoặc chỉ phần khác so với phiên bản sau nó) và đánh dấu
    # lần tự lưu để gộp một đợt sửa thành một phiên bản. Các phiên bản cũ giữ nguyên dạng JSON
    # ('json'); Kho.mo nén lại chúng sau khi di chuyển.
    [
        """CREATE TABLE phien_ban_2 (
        bao_cao_id INTEGER NOT NULL REFERENCES bao_cao(id) ON DELETE CASCADE,
        so INTEGER NOT NULL,                 -- 1, 2, 3…
        cach_luu TEXT NOT NULL CHECK (cach_luu IN ('json', 'zlib', 'delta')),
        du_lieu BLOB NOT NULL,               -- json: chữ JSON; zlib: JSON nén; delta: khác biệt
                                             -- so với phiên bản so + 1 (xem kho/delta.py)
        luc TEXT NOT NULL,                   -- lần ghi cuối
        ghi_chu TEXT NOT NULL DEFAULT '',
        tu_luu_bat_dau TEXT,                 -- tự lưu: lúc bắt đầu đợt sửa; NULL: lưu chủ động
        PRIMARY KEY (bao_cao_id, so)
    )""",
        "INSERT INTO phien_ban_2 (bao_cao_id, so, cach_luu, du_lieu, luc, ghi_chu) "
        "SELECT bao_cao_id, so, 'json', du_lieu, luc, ghi_chu FROM phien_ban",
        "DROP TABLE phien_ban",
        "ALTER TABLE phien_ban_2 RENAME TO phien_ban",
        # Chỉ chứa các phiên bản chưa nén: hỏi «còn gì để nén không» khi mở kho là tức thì.
        "CREATE INDEX phien_ban_chua_nen ON phien_ban (bao_cao_id) WHERE cach_luu = 'json'",
    ],
    # 2 → 3: sắp xếp đơn vị hành chính (từ 01/7/2025): xã mới biết các xã cũ hợp thành nó,
    # ngày sắp xếp và nghị quyết; báo cáo của các xã cũ vẫn nằm dưới chính xã cũ, không đổi.
    # Kế hoạch năm cộng từ kế hoạch các xã cũ được đánh dấu chờ xem lại.
    [
        "ALTER TABLE xa ADD COLUMN ngay_sap_nhap TEXT",       # "2025-07-01"; NULL: không sắp xếp
        "ALTER TABLE xa ADD COLUMN nghi_quyet TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE xa_tien_than (
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,        -- xã sau sắp xếp
        tien_than_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE RESTRICT, -- một xã cũ
        thu_tu INTEGER NOT NULL,             -- thứ tự ghi trong nghị quyết (in chú thích theo đó)
        PRIMARY KEY (xa_id, tien_than_id),
        CHECK (xa_id <> tien_than_id)
    )""",
        "CREATE INDEX xa_tien_than_nguoc ON xa_tien_than (tien_than_id)",
        "ALTER TABLE ke_hoach_nam ADD COLUMN xem_lai INTEGER NOT NULL DEFAULT 0",
    ],
    # 3 → 4: loại tài liệu của mỗi kỳ: báo cáo theo biểu mẫu, hay văn bản tự do nhập từ Word
    # (van_ban_tu_do.py; cột bieu_mau để trống). Báo cáo đã có đều là theo biểu mẫu.
    [
        "ALTER TABLE bao_cao ADD COLUMN loai TEXT NOT NULL DEFAULT 'bieu_mau' "
        "CHECK (loai IN ('bieu_mau', 'tu_do'))",
    ],
    # 4 → 5: chỉ tiêu kế hoạch có kiểu và cơ sở, và biết mình từ đâu ra (gõ ở Thiết lập, cộng
    # từ các xã cũ, hay từ kế hoạch năm đã lưu). Mỗi dòng cũ của ke_hoach_nam là một mục tiêu
    # kiểu "mức": "ma" của kế hoạch năm, "ma.du_toan_huyen" / "ma.du_toan_xa" của dự toán.
    [
        """CREATE TABLE muc_tieu_nam (
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        nam INTEGER NOT NULL,
        ma_chi_tieu TEXT NOT NULL,
        co_so TEXT NOT NULL,                 -- ke_hoach, cap_tren, nghi_quyet, du_toan_cap_tren,
                                             -- du_toan_xa, dieu_hanh
        kieu TEXT NOT NULL DEFAULT 'muc',     -- muc, toi_thieu, toi_da, khoang, giam, moc
        gia_tri TEXT NOT NULL,               -- như người dùng gõ; mốc: "có"
        gia_tri_den TEXT,                    -- cận trên của khoảng
        don_vi TEXT NOT NULL DEFAULT '',
        nguon TEXT NOT NULL DEFAULT 'go_tay' CHECK (nguon IN ('go_tay', 'xa_cu', 'ke_hoach')),
        xem_lai INTEGER NOT NULL DEFAULT 0,  -- cộng từ xã cũ / chép từ kế hoạch năm trước
        PRIMARY KEY (xa_id, nam, ma_chi_tieu, co_so)
    )""",
        """INSERT INTO muc_tieu_nam (xa_id, nam, ma_chi_tieu, co_so, gia_tri, nguon, xem_lai)
        SELECT xa_id, nam,
            CASE WHEN ma_chi_tieu LIKE '%.du_toan_huyen'
                     THEN substr(ma_chi_tieu, 1, length(ma_chi_tieu) - 14)
                 WHEN ma_chi_tieu LIKE '%.du_toan_xa'
                     THEN substr(ma_chi_tieu, 1, length(ma_chi_tieu) - 11)
                 ELSE ma_chi_tieu END,
            CASE WHEN ma_chi_tieu LIKE '%.du_toan_huyen' THEN 'du_toan_cap_tren'
                 WHEN ma_chi_tieu LIKE '%.du_toan_xa' THEN 'du_toan_xa'
                 ELSE 'ke_hoach' END,
            gia_tri, CASE WHEN xem_lai = 1 THEN 'xa_cu' ELSE 'go_tay' END, xem_lai
        FROM ke_hoach_nam""",
        "DROP TABLE ke_hoach_nam",
    ],
    # 5 → 6: trạng thái «đã ký» lưu là 'da_ky_ban_hanh' thay cho 'da_ky' (tên ky đọc được cả kỳ
    # lẫn ký). Ràng buộc CHECK không sửa tại chỗ được nên dựng lại bảng bao_cao, giữ nguyên id và
    # thứ tự cột; phien_ban, nhat_ky_xuat trỏ tới bao_cao theo id nên không đổi gì. di_chuyen tắt
    # khóa ngoại trong lúc chạy (không thì DROP TABLE xóa dây chuyền các phiên bản) và kiểm lại
    # khóa ngoại trước khi ghi.
    [
        """CREATE TABLE bao_cao_moi (
        id INTEGER PRIMARY KEY,
        xa_id INTEGER NOT NULL REFERENCES xa(id) ON DELETE CASCADE,
        ky TEXT NOT NULL,                    -- "2024-Q1", "2024-H1", "2024-9M", "2024", "2025-KH"
        bieu_mau TEXT NOT NULL,
        trang_thai TEXT NOT NULL DEFAULT 'nhap'
            CHECK (trang_thai IN ('nhap', 'da_xuat', 'da_ky_ban_hanh')),
        tao_luc TEXT NOT NULL,
        sua_luc TEXT NOT NULL,
        loai TEXT NOT NULL DEFAULT 'bieu_mau' CHECK (loai IN ('bieu_mau', 'tu_do')),
        UNIQUE (xa_id, ky)
    )""",
        "INSERT INTO bao_cao_moi (id, xa_id, ky, bieu_mau, trang_thai, tao_luc, sua_luc, loai) "
        "SELECT id, xa_id, ky, bieu_mau, "
        "CASE trang_thai WHEN 'da_ky' THEN 'da_ky_ban_hanh' ELSE trang_thai END, "
        "tao_luc, sua_luc, loai FROM bao_cao",
        "DROP TABLE bao_cao",
        "ALTER TABLE bao_cao_moi RENAME TO bao_cao",
        "CREATE INDEX bao_cao_theo_xa ON bao_cao (xa_id, ky)",
    ],
]
PHIEN_BAN_LUOC_DO = len(DI_CHUYEN)


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
    """Kết nối đã đặt WAL, khóa ngoại, chờ khóa; isolation_level=None để tự quản giao dịch.

    Chỉ luồng đã mở kết nối được dùng nó (mặc định của sqlite3): luồng xuất văn bản chỉ ghi tệp,
    mọi lần ghi kho đi qua luồng giao diện."""
    try:
        cn = sqlite3.connect(tep, timeout=CHO_KHOA_MS / 1000, isolation_level=None)
        cn.execute(f"PRAGMA busy_timeout = {CHO_KHOA_MS}")
        cn.execute("PRAGMA foreign_keys = ON")
        che_do = cn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        cn.execute("PRAGMA synchronous = NORMAL")  # an toàn với WAL: mất điện không hỏng tệp
        if che_do.lower() != "wal":
            raise LoiKho(f"Không bật được chế độ ghi an toàn (WAL) cho {tep}.",
                         "Hãy để thư mục dữ liệu trên ổ đĩa của máy, không phải ổ mạng.")
        return cn
    except sqlite3.Error as loi:
        raise dich_loi(loi, tep) from loi


# Mã lỗi chính của SQLite (https://sqlite.org/rescode.html); mã mở rộng = mã chính + 256 × k.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_TOOBIG, SQLITE_AUTH, SQLITE_NOTADB = 18, 23, 26


def ma_loi(loi: sqlite3.Error) -> int | None:
    """Mã lỗi chính của SQLite; None với lỗi không đến từ SQLite (dùng sai API…)."""
    ma = getattr(loi, "sqlite_errorcode", None)
    return None if ma is None else ma & 0xFF


def dich_loi(loi: sqlite3.Error, tep: Path) -> LoiKho:
    """Lỗi SQLite → câu tiếng Việt kèm lối thoát, phân loại theo mã lỗi (không theo câu chữ)."""
    ma = ma_loi(loi)
    if ma in (SQLITE_BUSY, SQLITE_LOCKED):
        return LoiKho(f"Kho dữ liệu {tep} đang bị một chương trình khác giữ.",
                      "Đóng các cửa sổ drafter khác rồi thử lại.")
    if ma in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return loi_hong(tep)
    if ma == SQLITE_FULL:
        return LoiKho(f"Ổ đĩa chứa kho dữ liệu {tep} đã đầy: thay đổi vừa rồi chưa được lưu "
                      "(những gì đã lưu trước đó vẫn nguyên vẹn).",
                      "Giải phóng chỗ trống trên ổ đĩa (xóa tệp không cần, dọn Thùng rác) rồi "
                      "lưu lại.")
    if ma == SQLITE_READONLY:
        return LoiKho(f"Kho dữ liệu {tep} chỉ đọc: không ghi được thay đổi.",
                      "Bỏ thuộc tính chỉ đọc của tệp (Windows: chuột phải › Properties › bỏ chọn "
                      "Read-only) hoặc cấp quyền ghi cho thư mục; hoặc chép thư mục dữ liệu sang "
                      "chỗ ghi được rồi dùng --data-dir.")
    if ma in (SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH):
        return LoiKho(f"Không mở được tệp dữ liệu {tep}.",
                      "Kiểm tra quyền ghi của thư mục, hoặc chọn thư mục khác bằng --data-dir.")
    if ma == SQLITE_IOERR:
        return LoiKho(f"Lỗi đọc/ghi ổ đĩa khi dùng kho dữ liệu {tep}.",
                      "Kiểm tra ổ đĩa (USB, ổ mạng còn cắm, còn kết nối) rồi thử lại; nếu lỗi "
                      "lặp lại, chạy «drafter khoi-phuc --xem».")
    if ma == SQLITE_NOMEM:
        return LoiKho("Máy không đủ bộ nhớ để dùng kho dữ liệu.",
                      "Đóng bớt các chương trình khác rồi thử lại.")
    if ma == SQLITE_TOOBIG:
        return LoiKho("Dữ liệu quá lớn để lưu vào kho.",
                      "Rút gọn báo cáo (bớt đoạn văn rất dài) rồi lưu lại.")
    ten = getattr(loi, "sqlite_errorname", None) or type(loi).__name__
    return LoiKho(f"Lỗi kho dữ liệu {tep} (mã {ten}).",
                  "Ghi lại thông báo này và gửi người hỗ trợ kỹ thuật.")


def ly_do_os(loi: OSError) -> str:
    """Lý do lỗi hệ điều hành bằng tiếng Việt (theo mã lỗi, cả mã của Windows)."""
    from drafter.loi_tieng_viet import ly_do_loi_os

    return ly_do_loi_os(loi)


@contextlib.contextmanager
def giao_dich(cn: sqlite3.Connection, tep: Path) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE: giữ khóa ghi ngay từ đầu nên hai tiến trình không ghi đè nhau.

    Lỗi SQLite trong giao dịch thành LoiKho. Khi SQLite đã tự hủy giao dịch (ổ đầy, hết bộ
    nhớ…) thì không ROLLBACK nữa: trước đây lệnh ROLLBACK thừa đó ném lỗi «no transaction is
    active» che mất lỗi thật."""
    try:
        cn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as loi:
        raise dich_loi(loi, tep) from loi
    try:
        yield cn
        cn.execute("COMMIT")
    except BaseException as loi:
        _huy_neu_con(cn)
        if isinstance(loi, sqlite3.Error):
            raise dich_loi(loi, tep) from loi
        raise


def _huy_neu_con(cn: sqlite3.Connection) -> None:
    if cn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            cn.execute("ROLLBACK")


def phien_ban_luoc_do(cn: sqlite3.Connection) -> int:
    """Phiên bản lược đồ của kho (0: kho mới). Chỉ đọc, nên mở được cả kho chỉ đọc."""
    co_bang = cn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'luoc_do'").fetchone()
    if co_bang is None:
        return 0
    return cn.execute("SELECT MAX(phien_ban) FROM luoc_do").fetchone()[0] or 0


def di_chuyen(cn: sqlite3.Connection, tep: Path) -> int:
    """Đưa lược đồ lên phiên bản mới nhất; trả về phiên bản trước khi chạy. Kho đã mới nhất
    thì không ghi gì (kho chỉ đọc vẫn mở để xem được)."""
    try:
        cu = phien_ban_luoc_do(cn)
    except sqlite3.Error as loi:
        raise dich_loi(loi, tep) from loi
    _kiem_khong_moi_hon(cu, tep)
    if cu == PHIEN_BAN_LUOC_DO:
        return cu
    # Bước dựng lại bảng (5 → 6) cần khóa ngoại tắt: PRAGMA này chỉ đổi được ngoài giao dịch.
    cn.execute("PRAGMA foreign_keys = OFF")
    try:
        with giao_dich(cn, tep):
            cu = phien_ban_luoc_do(cn)  # tiến trình khác có thể vừa di chuyển xong
            _kiem_khong_moi_hon(cu, tep)
            cn.execute("CREATE TABLE IF NOT EXISTS luoc_do "
                       "(phien_ban INTEGER NOT NULL, luc TEXT NOT NULL)")
            # Chỗ lệch khóa ngoại có sẵn (kho sửa tay, công cụ khác ghi) không chặn việc nâng
            # cấp: chỉ từ chối khi chính các bước di chuyển làm lệch thêm.
            lech_truoc = set(cn.execute("PRAGMA foreign_key_check").fetchall())
            for i in range(cu, PHIEN_BAN_LUOC_DO):
                for cau_lenh in DI_CHUYEN[i]:
                    cn.execute(cau_lenh)
                cn.execute("INSERT INTO luoc_do (phien_ban, luc) VALUES (?, ?)",
                           (i + 1, bay_gio()))
            if set(cn.execute("PRAGMA foreign_key_check").fetchall()) - lech_truoc:
                raise LoiKho(f"Không nâng cấp được kho dữ liệu {tep}: dữ liệu sau khi chuyển "
                             "không khớp nhau (kho chưa bị sửa).",
                             "Ghi lại thông báo này và gửi người hỗ trợ kỹ thuật.")
    finally:
        cn.execute("PRAGMA foreign_keys = ON")
    return cu


def _kiem_khong_moi_hon(phien_ban: int, tep: Path) -> None:
    if phien_ban > PHIEN_BAN_LUOC_DO:
        raise LoiKho(f"Kho dữ liệu {tep} do bản drafter mới hơn tạo (lược đồ {phien_ban}).",
                     "Hãy cập nhật drafter lên bản mới nhất.")


def kiem_tra_toan_ven(cn: sqlite3.Connection, tep: Path) -> None:
    try:
        ket_qua = cn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as loi:
        raise dich_loi(loi, tep) from loi
    if ket_qua != "ok":
        raise loi_hong(tep, f" ({ket_qua})")


def loi_hong(tep: Path, chi_tiet: str = "") -> LoiKho:
    return LoiKho(f"Tệp dữ liệu {tep} bị hỏng{chi_tiet}.",
                  "Chạy «drafter khoi-phuc» để mở bản sao lưu gần nhất "
                  f"(trong {thu_muc_sao_luu(tep)}).")


def thu_muc_sao_luu(tep: Path) -> Path:
    return tep.parent / "sao_luu"
