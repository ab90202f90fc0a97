"""Sao lưu hằng ngày và khôi phục kho từ bản sao lưu.

Sao lưu: mỗi ngày một bản (API backup của SQLite: nhất quán dù đang có người ghi), giữ 7 bản.
Nhiều cửa sổ drafter mở cùng lúc đầu ngày: chỉ tiến trình giữ được khóa của thư mục sao lưu
chép, vào tệp tạm riêng rồi đổi tên một lần; các tiến trình khác đi tiếp, không chờ.

Khôi phục không bao giờ làm mất gì: chỉ thay kho hỏng (không qua kiểm tra toàn vẹn), hoặc kho
lành khi người dùng ép (--ep) sau khi đã được nói rõ những gì sẽ mất; không chạy khi chương trình
khác đang mở kho; kho cũ luôn được giữ lại dưới một tên chưa ai dùng.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from drafter.kho.csdl import (
    SQLITE_BUSY,
    SQLITE_CORRUPT,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    LoiKho,
    dich_loi,
    ly_do_os,
    ma_loi,
    thu_muc_sao_luu,
)

SO_BAN_SAO_LUU_GIU = 7
TEN_KHOA = ".khoa"  # tệp khóa của thư mục sao lưu: một tiến trình sao lưu/khôi phục một lúc
CHO_KHOA_KHOI_PHUC_GIAY = 10
DAU_TEP_SQLITE = b"SQLite format 3\x00"
# Windows: tệp đang được tiến trình khác mở (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).
LOI_WINDOWS_TEP_DANG_MO = (32, 33)


# ---------------------------------------------------------------- khóa giữa các tiến trình

@contextlib.contextmanager
def khoa_thu_muc(thu_muc: Path, cho_giay: float = 0) -> Iterator[bool]:
    """Khóa loại trừ giữa các tiến trình trên tệp `.khoa` của thư mục; True nếu giữ được.

    Khóa của hệ điều hành (flock / msvcrt.locking) tự nhả khi tiến trình chết, nên không bao
    giờ kẹt khóa cũ như tệp đánh dấu."""
    thu_muc.mkdir(parents=True, exist_ok=True)
    with open(thu_muc / TEN_KHOA, "a+b") as f:
        het_han = time.monotonic() + cho_giay
        while True:
            try:
                _khoa(f.fileno())
                break
            except OSError:
                if time.monotonic() >= het_han:
                    yield False
                    return
                time.sleep(0.05)
        try:
            yield True
        finally:
            _mo_khoa(f.fileno())


if sys.platform == "win32":  # như os.name == "nt"; mypy hiểu điều kiện này
    import msvcrt

    def _khoa(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _mo_khoa(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _khoa(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _mo_khoa(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# ---------------------------------------------------------------- sao lưu hằng ngày

def sao_luu_hang_ngay(cn: sqlite3.Connection, tep: Path,
                      hom_nay: date | None = None) -> Path | None:
    """Bản sao lưu của hôm nay nếu chưa có; None nếu đã có hoặc tiến trình khác đang chép.

    Lỗi (ổ đầy, thư mục không ghi được…) ném LoiKho; Kho.mo coi đó là cảnh báo, không chặn
    người dùng làm việc."""
    thu_muc = thu_muc_sao_luu(tep)
    dich = thu_muc / f"drafter-{(hom_nay or date.today()).isoformat()}.sqlite3"
    if dich.exists():
        return None
    try:
        with khoa_thu_muc(thu_muc) as giu_duoc:
            if not giu_duoc or dich.exists():
                return None  # tiến trình khác đang hoặc vừa chép xong
            _chep_kho(cn, dich)
            for cu in sorted(thu_muc.glob("drafter-*.sqlite3"))[:-SO_BAN_SAO_LUU_GIU]:
                cu.unlink(missing_ok=True)
    except sqlite3.Error as loi:
        raise _loi_sao_luu(dich, dich_loi(loi, tep).thong_diep) from loi
    except OSError as loi:
        raise _loi_sao_luu(dich, ly_do_os(loi)) from loi
    return dich


def _loi_sao_luu(dich: Path, ly_do: str) -> LoiKho:
    return LoiKho(f"Chưa sao lưu được kho hôm nay ({dich.name}): {ly_do}",
                  f"Kiểm tra chỗ trống và quyền ghi của thư mục {dich.parent}; drafter sẽ thử "
                  "lại lần mở sau.")


def _chep_kho(cn: sqlite3.Connection, dich: Path) -> None:
    """Chép kho vào tệp tạm riêng của tiến trình rồi đổi tên một lần: không ai thấy bản dở."""
    fd, ten_tam = tempfile.mkstemp(dir=dich.parent, prefix=f".{dich.stem}-", suffix=".tam")
    os.close(fd)
    tam = Path(ten_tam)
    try:
        dich_cn = sqlite3.connect(tam)
        try:
            cn.backup(dich_cn)
        finally:
            dich_cn.close()
        os.replace(tam, dich)
    finally:
        tam.unlink(missing_ok=True)


def cac_ban_sao_luu(tep: Path) -> list[Path]:
    """Các bản sao lưu hằng ngày, mới nhất trước."""
    return sorted(thu_muc_sao_luu(tep).glob("drafter-*.sqlite3"), reverse=True)


def ban_sao_luu_moi_nhat(tep: Path) -> Path | None:
    ds = cac_ban_sao_luu(tep)
    return ds[0] if ds else None


# ---------------------------------------------------------------- khôi phục

@dataclass
class KhoiPhuc:
    """Kế hoạch (và kết quả) khôi phục kho: in ra cho người dùng trước và sau khi làm."""

    tep: Path
    ban_sao_luu: Path
    luc_sao_luu: str
    hong: str | None              # None: kho qua kiểm tra toàn vẹn; chuỗi: kho hỏng thế nào
    se_mat: list[str] = field(default_factory=list)  # có trong kho, không có trong bản sao lưu
    giu_lai: Path | None = None   # kho cũ được giữ ở đây (sau khi khôi phục)
    da_lam: bool = False


def khoi_phuc_kho(tep: Path, ep: bool = False, xem: bool = False) -> KhoiPhuc:
    """Thay kho bằng bản sao lưu gần nhất còn lành.

    Kho lành chỉ bị thay khi `ep`; `xem` chỉ lập kế hoạch (những gì sẽ mất), không đổi gì."""
    ban = _ban_sao_luu_lanh(tep)
    thu_muc = thu_muc_sao_luu(tep)
    with khoa_thu_muc(thu_muc, CHO_KHOA_KHOI_PHUC_GIAY) as giu_duoc:
        if not giu_duoc:
            raise LoiKho("Đang có một lệnh sao lưu hoặc khôi phục kho khác chạy.",
                         "Đợi lệnh đó xong rồi chạy lại «drafter khoi-phuc».")
        ke_hoach = KhoiPhuc(tep, ban, _luc_tep(ban), "không có tệp kho")
        cn = None
        try:
            if tep.exists():
                cn, hong = _mo_doc_quyen(tep)
                ke_hoach.hong = hong
                ke_hoach.se_mat = _se_mat(cn, ban)
            if xem:
                return ke_hoach
            if ke_hoach.hong is None and not ep:
                raise LoiKho(
                    f"Kho {tep} không hỏng (qua kiểm tra toàn vẹn): không cần khôi phục.",
                    "Muốn đưa một báo cáo về phiên bản cũ: «drafter khoi-phuc --ky KỲ "
                    "--phien-ban SỐ». Muốn thay cả kho bằng bản sao lưu "
                    f"{ban.name} thì xem trước những gì sẽ mất bằng «drafter khoi-phuc --xem», "
                    "rồi chạy «drafter khoi-phuc --ep».")
            _thuc_hien(ke_hoach, cn)
        except OSError as loi:
            raise _loi_tep(loi, ke_hoach) from loi
        finally:
            if cn is not None:
                cn.close()  # đóng hai lần cũng không sao
    ke_hoach.da_lam = True
    return ke_hoach


def _ban_sao_luu_lanh(tep: Path) -> Path:
    """Bản sao lưu mới nhất qua được kiểm tra toàn vẹn (bản hỏng bị bỏ qua)."""
    ds = cac_ban_sao_luu(tep)
    for ban in ds:
        try:
            cn = sqlite3.connect(f"{ban.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if cn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    return ban
            finally:
                cn.close()
        except sqlite3.Error:
            continue
    if ds:
        raise LoiKho(f"Cả {len(ds)} bản sao lưu trong {thu_muc_sao_luu(tep)} đều hỏng.",
                     f"Kho hiện tại vẫn ở {tep}, chưa bị đổi; có thể dùng «drafter import» để "
                     "nạp lại các tệp .json đã xuất.")
    raise LoiKho("Chưa có bản sao lưu nào để khôi phục.",
                 f"Kho hiện tại vẫn ở {tep}, chưa bị đổi; có thể dùng «drafter import» để nạp "
                 "lại các tệp .json đã xuất.")


def _luc_tep(tep: Path) -> str:
    return datetime.fromtimestamp(tep.stat().st_mtime).isoformat(sep=" ", timespec="minutes")


def _mo_doc_quyen(tep: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """Mở kho và giữ độc quyền tới khi đóng; trả về (kết nối, mô tả hỏng hoặc None).

    locking_mode = EXCLUSIVE rồi BEGIN EXCLUSIVE: nếu cửa sổ drafter khác đang mở kho (kể cả chỉ
    đang đọc), SQLite trả SQLITE_BUSY ngay (timeout 0) → báo người dùng, không đụng gì.

    Đầu tệp không phải SQLite (hay tệp rỗng): không ai dùng được nó, và không mở bằng SQLite —
    SQLite sẽ xóa -wal đi kèm khi đóng, mà -wal đó có thể là bản duy nhất của các lần lưu cuối.
    Kết nối tới kho hỏng khác được trả về còn mở: đóng nó có thể gộp -wal vào tệp (SQLite tự
    làm), nên tệp phải được chép giữ lại trước khi đóng."""
    with tep.open("rb") as f:
        dau = f.read(len(DAU_TEP_SQLITE))
    if dau != DAU_TEP_SQLITE:
        return None, "đầu tệp không phải cơ sở dữ liệu SQLite" if dau else "tệp kho rỗng"
    cn = sqlite3.connect(f"{tep.resolve().as_uri()}?mode=rw", uri=True, timeout=0,
                         isolation_level=None)
    try:
        cn.execute("PRAGMA locking_mode = EXCLUSIVE")
        cn.execute("BEGIN EXCLUSIVE")
        ket_qua = [d[0] for d in cn.execute("PRAGMA quick_check")]
        cn.execute("ROLLBACK")  # khóa độc quyền vẫn giữ tới khi đóng kết nối
    except sqlite3.Error as loi:
        if ma_loi(loi) in (SQLITE_BUSY, SQLITE_LOCKED):
            cn.close()
            raise LoiKho(f"Kho {tep} đang được một cửa sổ drafter khác mở: chưa khôi phục gì.",
                         "Đóng mọi cửa sổ drafter (và chương trình đang mở tệp kho) rồi chạy "
                         "lại «drafter khoi-phuc».") from loi
        if ma_loi(loi) in (SQLITE_CORRUPT, SQLITE_NOTADB):
            if cn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    cn.execute("ROLLBACK")
            return cn, "hỏng cấu trúc" if ma_loi(loi) == SQLITE_CORRUPT else "đầu tệp hỏng"
        cn.close()
        raise dich_loi(loi, tep) from loi
    if ket_qua != ["ok"]:
        return cn, "; ".join(ket_qua[:3])
    return cn, None


def _se_mat(cn: sqlite3.Connection | None, ban: Path) -> list[str]:
    """Những gì kho hiện tại có mà bản sao lưu không có: xã, báo cáo, phiên bản, lần xuất."""
    try:
        if cn is None:
            raise sqlite3.DatabaseError("không đọc được")
        hien_tai = _noi_dung(cn)
    except sqlite3.Error:
        return ["Không đọc được kho hiện tại để so sánh: mọi thay đổi sau lúc sao lưu "
                f"({_luc_tep(ban)}) có thể không có trong bản khôi phục; tệp kho cũ được giữ "
                "lại để người hỗ trợ kỹ thuật cứu dữ liệu."]
    nguon = sqlite3.connect(f"{ban.resolve().as_uri()}?mode=ro", uri=True)
    try:
        sao_luu = _noi_dung(nguon)
    finally:
        nguon.close()
    dong: list[str] = []
    for xa in sorted(hien_tai["xa"] - sao_luu["xa"]):
        dong.append(f"Xã {xa}: cả hồ sơ xã (thêm sau lúc sao lưu).")
    moi = hien_tai["phien_ban"] - sao_luu["phien_ban"]
    theo_bao_cao: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for xa, ky, so, luc in moi:
        theo_bao_cao.setdefault((xa, ky), []).append((so, luc))
    bao_cao_sao_luu = {(xa, ky) for xa, ky, _, _ in sao_luu["phien_ban"]}
    for (xa, ky), ds in sorted(theo_bao_cao.items()):
        ds.sort()
        luc = f"lưu lúc {ds[0][1].replace('T', ' ')}"
        if len(ds) > 1:
            luc += f" … {ds[-1][1].replace('T', ' ')}"
        if (xa, ky) not in bao_cao_sao_luu:
            dong.append(f"Báo cáo {_ten_ky(ky)} của xã {xa}: cả báo cáo, {len(ds)} phiên bản "
                        f"({luc}).")
        else:
            so = ", ".join(str(s) for s, _ in ds)
            dong.append(f"Báo cáo {_ten_ky(ky)} của xã {xa}: phiên bản {so} ({luc}).")
    so_lan_xuat = len(hien_tai["xuat"] - sao_luu["xuat"])
    if so_lan_xuat:
        dong.append(f"{so_lan_xuat} dòng nhật ký xuất văn bản (các tệp .docx đã xuất vẫn còn).")
    return dong


def _noi_dung(cn: sqlite3.Connection) -> dict[str, set]:
    return {
        "xa": {d[0] for d in cn.execute("SELECT ten FROM xa")},
        "phien_ban": set(cn.execute(
            "SELECT x.ten, b.ky, p.so, p.luc FROM phien_ban p JOIN bao_cao b ON b.id = "
            "p.bao_cao_id JOIN xa x ON x.id = b.xa_id")),
        "xuat": set(cn.execute("SELECT bao_cao_id, duong_dan, luc FROM nhat_ky_xuat")),
    }


def _ten_ky(ky: str) -> str:
    from drafter.ky_bao_cao import Ky, LoiKy

    try:
        return Ky.doc(ky).ten_gon
    except LoiKy:
        return ky


def _thuc_hien(ke_hoach: KhoiPhuc, cn: sqlite3.Connection | None) -> None:
    """Giữ kho cũ dưới tên mới rồi đưa bản sao lưu vào; đóng `cn`.

    Kho còn mở được (kết nối giữ độc quyền): chép tệp kho và -wal sang tên giữ lại, rồi chép
    bản sao lưu VÀO kho bằng API backup của SQLite — không đổi tên, không xóa tệp nào, -wal do
    SQLite tự quản. Kho không mở được (đầu tệp hỏng): đổi tên tệp kho và -wal của nó (không ai
    dùng được) sang tên giữ lại, rồi đặt bản sao lưu vào chỗ cũ."""
    tep = ke_hoach.tep
    nhan = "hong" if ke_hoach.hong else "truoc-khoi-phuc"
    if cn is not None:
        try:
            ke_hoach.giu_lai = _giu_lai(tep, nhan, chep=True)
            nguon = sqlite3.connect(f"{ke_hoach.ban_sao_luu.resolve().as_uri()}?mode=ro",
                                    uri=True)
            try:
                nguon.backup(cn)
            finally:
                nguon.close()
            if cn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                return
        except sqlite3.Error as loi:
            if ma_loi(loi) in (SQLITE_BUSY, SQLITE_LOCKED):
                raise dich_loi(loi, tep) from loi
        finally:
            cn.close()
        # API backup không ghi được vào tệp hỏng này: đi đường đổi tên như kho không mở được;
        # bản chép vừa giữ lại vẫn còn.
    tam = _tao_ban_tam(ke_hoach.ban_sao_luu, tep)
    try:
        if tep.exists() or Path(f"{tep}-wal").exists():
            # -wal mồ côi cũng phải dời đi: để lại, SQLite sẽ áp nó lên bản khôi phục.
            giu = _giu_lai(tep, nhan, chep=False)
            ke_hoach.giu_lai = ke_hoach.giu_lai or giu
        Path(f"{tep}-shm").unlink(missing_ok=True)  # chỉ mục của -wal, dựng lại được
        _doi_ten_khong_de(tam, tep)
    finally:
        tam.unlink(missing_ok=True)


def _tao_ban_tam(ban: Path, tep: Path) -> Path:
    fd, ten = tempfile.mkstemp(dir=tep.parent, prefix=f".{tep.name}-khoi-phuc-", suffix=".tam")
    os.close(fd)
    tam = Path(ten)
    nguon = sqlite3.connect(f"{ban.resolve().as_uri()}?mode=ro", uri=True)
    dich = sqlite3.connect(tam)
    try:
        nguon.backup(dich)
    finally:
        nguon.close()
        dich.close()
    return tam


def _giu_lai(tep: Path, nhan: str, chep: bool) -> Path:
    """Giữ tệp kho (và -wal nếu có) dưới tên chưa ai dùng: drafter.sqlite3.hong-NGÀY-GIỜ[-2…].

    Tên đích được tạo độc quyền (chép: mở 'xb'; đổi tên: link/rename không ghi đè), nên hai lần
    khôi phục trong cùng một giây cũng không bao giờ đè bản giữ lại trước."""
    goc = f"{tep.name}.{nhan}-{datetime.now():%Y%m%d-%H%M%S}"
    wal = Path(f"{tep}-wal")
    for i in itertools.count(1):
        dich = tep.with_name(goc if i == 1 else f"{goc}-{i}")
        dich_wal = Path(f"{dich}-wal")
        if dich.exists() or dich_wal.exists():
            continue
        try:
            if tep.exists():
                (_chep_khong_de if chep else _doi_ten_khong_de)(tep, dich)
        except FileExistsError:
            continue
        if chep and wal.exists() and wal.stat().st_size:  # -wal rỗng không mang gì
            _chep_khong_de(wal, dich_wal)
        elif not chep and wal.exists():
            _doi_ten_khong_de(wal, dich_wal)
        return dich
    raise AssertionError("không tới được")


def _chep_khong_de(nguon: Path, dich: Path) -> None:
    with nguon.open("rb") as doc, dich.open("xb") as ghi:
        shutil.copyfileobj(doc, ghi)


def _doi_ten_khong_de(nguon: Path, dich: Path) -> None:
    """Đổi tên, không bao giờ ghi đè tệp đã có (FileExistsError)."""
    if os.name == "nt":
        os.rename(nguon, dich)  # Windows: rename từ chối đích đã có
        return
    try:
        os.link(nguon, dich)  # nguyên tử, từ chối đích đã có
    except FileExistsError:
        raise
    except OSError:
        # Hệ tệp không có liên kết cứng (FAT, một số ổ mạng): kiểm tra rồi đổi tên.
        if dich.exists():
            raise FileExistsError(dich) from None
        os.rename(nguon, dich)
        return
    os.unlink(nguon)


def _loi_tep(loi: OSError, ke_hoach: KhoiPhuc) -> LoiKho:
    tep = ke_hoach.tep
    if not tep.exists() and ke_hoach.giu_lai:
        tinh_trang = (f"kho cũ đã được chuyển sang {ke_hoach.giu_lai} nhưng chưa đặt được bản "
                      "sao lưu vào chỗ cũ")
    else:
        tinh_trang = "chưa khôi phục gì"
    if (getattr(loi, "winerror", None) in LOI_WINDOWS_TEP_DANG_MO
            or isinstance(loi, PermissionError)):
        return LoiKho(f"Tệp kho {tep} đang được chương trình khác mở (hoặc không có quyền ghi): "
                      f"{tinh_trang}.",
                      "Đóng mọi cửa sổ drafter và chương trình đang mở tệp này (kể cả phần mềm "
                      "diệt virus, đồng bộ OneDrive) rồi chạy lại «drafter khoi-phuc».")
    return LoiKho(f"Không khôi phục được kho {tep} ({ly_do_os(loi)}): {tinh_trang}.",
                  "Kiểm tra chỗ trống và quyền ghi của thư mục dữ liệu rồi chạy lại "
                  "«drafter khoi-phuc».")
