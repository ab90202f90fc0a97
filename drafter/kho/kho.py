"""Kho báo cáo: hồ sơ các xã, kế hoạch năm, báo cáo theo kỳ với mọi phiên bản, nhật ký xuất.

Mỗi thay đổi là một giao dịch (BEGIN IMMEDIATE … COMMIT): tắt máy, đóng ngang chương trình hay
hai cửa sổ drafter cùng ghi cũng không làm hỏng kho hay mất lần lưu đã xong của nhau. Mỗi lần
lưu chủ động (F2, trước khi xuất, nhập, tạo kỳ, khôi phục) thêm một phiên bản mới, không ghi đè;
các lần tự lưu của một đợt sửa (gop=True) gộp vào một phiên bản, giữ đúng trạng thái cuối.

Phiên bản được lưu gọn: bản mới nhất của mỗi báo cáo nén zlib, các bản trước chỉ lưu phần khác
so với bản ngay sau nó (kho/delta.py), cứ MOC_DAY_DU phiên bản lại giữ một bản đầy đủ.

Mọi lỗi SQLite thành LoiKho tiếng Việt; dòng dữ liệu không đọc được (bản drafter mới hơn ghi,
JSON hỏng) được báo, không làm hỏng cả lệnh: `list` luôn chạy.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, Concatenate, Literal, ParamSpec, TypeVar

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, DauBaoCao
from drafter.kho import csdl, delta
from drafter.kho.csdl import LoiKho, giao_dich
from drafter.kho.thu_muc import TEN_TEP_CSDL, thu_muc_du_lieu
from drafter.ky_bao_cao import Ky, LoiKy
from drafter.muc_tieu import MucTieu
from drafter.van_ban_tu_do import VanBanTuDo, la_van_ban_tu_do

# Giá trị lưu trong cột bao_cao.trang_thai. 'da_ky_ban_hanh' là 'da_ky' của kho lược đồ ≤ 5
# (ky đọc được cả kỳ lẫn ký), csdl.DI_CHUYEN bước 5 → 6 đổi các dòng cũ.
TrangThai = Literal["nhap", "da_xuat", "da_ky_ban_hanh"]
TEN_TRANG_THAI = {"nhap": "nháp", "da_xuat": "đã xuất", "da_ky_ban_hanh": "đã ký"}

GOP_TU_LUU_PHUT = 10  # một đợt tự lưu gộp vào một phiên bản tối đa chừng này phút
MOC_DAY_DU = 50       # phiên bản số 50, 100… giữ đầy đủ: dựng bản cũ không quá 49 bước
GHI_CHU_TU_LUU = "tự lưu"

P = ParamSpec("P")
R = TypeVar("R")


def _bao_loi_sqlite(ham: Callable[Concatenate[Kho, P], R]) -> Callable[Concatenate[Kho, P], R]:
    """Lỗi SQLite trong một thao tác của kho → LoiKho tiếng Việt (không bao giờ traceback)."""
    @functools.wraps(ham)
    def boc(kho: Kho, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return ham(kho, *args, **kwargs)
        except sqlite3.Error as loi:
            raise csdl.dich_loi(loi, kho.tep) from loi
    return boc


@dataclass
class Xa:
    """Một xã trong kho. Các trường trong COT là cột riêng của bảng xa; hai trường xã cũ đọc từ
    bảng xa_tien_than; mọi trường còn lại là hồ sơ xã (TRUONG_HO_SO), lưu JSON trong cột ho_so:
    thêm một trường hồ sơ chỉ cần khai ở đây."""

    COT: ClassVar[tuple[str, ...]] = ("id", "ten", "huyen", "tinh", "mac_dinh", "ngay_sap_nhap",
                                      "nghi_quyet")
    XA_CU: ClassVar[tuple[str, ...]] = ("xa_tien_than", "tien_than_id")

    id: int
    ten: str
    huyen: str = ""
    tinh: str = ""
    mac_dinh: bool = False
    co_quan_chu_quan: list[str] = field(default_factory=list)
    co_quan_ban_hanh: list[str] = field(default_factory=list)
    ky_hieu: str = "BC-UBND"
    dia_danh: str = ""
    noi_nhan: list[str] = field(default_factory=list)
    luu: str = "VT"
    chu_ky: dict = field(default_factory=dict)
    # Sắp xếp đơn vị hành chính: xã này hình thành từ các xã cũ (theo thứ tự của nghị quyết) kể
    # từ ngày_sap_nhap. Không nằm trong ho_so: chỉ đổi qua Kho.dat_sap_nhap.
    ngay_sap_nhap: date | None = None
    nghi_quyet: str = ""
    xa_tien_than: list[str] = field(default_factory=list)
    tien_than_id: list[int] = field(default_factory=list)

    @property
    def co_tien_than(self) -> bool:
        return bool(self.tien_than_id) and self.ngay_sap_nhap is not None

    def ho_so(self) -> dict:
        """Hồ sơ xã (cơ quan, ký hiệu, địa danh, nơi nhận, người ký) như lưu trong cột ho_so."""
        return {ten: getattr(self, ten) for ten in TRUONG_HO_SO}

    def dau_mac_dinh(self) -> dict[str, Any]:
        """Phần đầu của báo cáo mới theo hồ sơ xã (cơ quan, ký hiệu, địa danh), để dựng
        DauBaoCao: mọi trường hồ sơ cùng tên với một trường của DauBaoCao."""
        return {ten: _chep(getattr(self, ten)) for ten in TRUONG_DAU_XA}

    @staticmethod
    def ho_so_tu_dau(dau: DauBaoCao) -> dict[str, Any]:
        """Hồ sơ xã lấy từ phần đầu một văn bản (nhập tệp của xã chưa có trong kho): các trường
        phần đầu có chữ; trường trống giữ mặc định của Xa (ký hiệu BC-UBND). Ký hiệu của hồ sơ
        là ký hiệu báo cáo: văn bản nhập là kế hoạch, tờ trình (KH-UBND, TTr-UBND…) thì không
        lấy, để báo cáo đầu tiên của xã không in «KH-UBND»."""
        return {ten: _chep(gia_tri) for ten in TRUONG_DAU_XA
                if (gia_tri := getattr(dau, ten)) not in (None, "")
                and not (ten == "ky_hieu" and not str(gia_tri).startswith("BC-"))}


def _chep(gia_tri: Any) -> Any:
    return list(gia_tri) if isinstance(gia_tri, list) else gia_tri


# Hồ sơ xã: mọi trường của Xa không phải cột riêng, không phải xã cũ (theo thứ tự khai).
TRUONG_HO_SO: tuple[str, ...] = tuple(f.name for f in fields(Xa)
                                      if f.name not in (*Xa.COT, *Xa.XA_CU))
# Phần đầu văn bản hồ sơ xã giữ sẵn: trường hồ sơ cùng tên với một trường của DauBaoCao
# (co_quan_chu_quan, co_quan_ban_hanh, ky_hieu, dia_danh).
TRUONG_DAU_XA: tuple[str, ...] = tuple(t for t in TRUONG_HO_SO if t in DauBaoCao.model_fields)


LoaiTaiLieu = Literal["bieu_mau", "tu_do"]


@dataclass
class BaoCaoTrongKho:
    id: int
    xa_id: int
    ky: str
    bieu_mau: str
    trang_thai: TrangThai
    sua_luc: str
    so_phien_ban: int
    loai: LoaiTaiLieu = "bieu_mau"  # "tu_do": văn bản tự do nhập từ Word (van_ban_tu_do.py)

    @property
    def ky_bao_cao(self) -> Ky:
        return Ky.doc(self.ky)


@dataclass
class MucTieuTrongKho:
    """Một chỉ tiêu kế hoạch của năm trong kho và nguồn của nó: "go_tay" (Thiết lập),
    "xa_cu" (cộng từ các xã cũ), "ke_hoach" (từ kế hoạch năm đã lưu)."""

    ma: str
    muc_tieu: MucTieu
    nguon: str


@dataclass
class PhienBan:
    so: int
    luc: str
    ghi_chu: str


class Kho:
    def __init__(self, tep: Path, cn: sqlite3.Connection) -> None:
        self.tep = tep
        self.cn = cn
        # Những điều người dùng cần biết mà không chặn việc: sao lưu chưa được, dòng dữ liệu
        # không đọc được. Dòng lệnh in ra stderr sau mỗi lệnh.
        self.canh_bao: list[str] = []
        # Giờ của các lần lưu; bench và kiểm thử đặt giờ giả (ở đây, hay qua csdl.bay_gio).
        self.bay_gio: Callable[[], datetime] = lambda: datetime.fromisoformat(csdl.bay_gio())
        # Lần tự lưu cuối của chính kết nối này cho mỗi báo cáo: (số phiên bản, CRC nội dung).
        # Chỉ gộp vào bản tự lưu của mình: hai cửa sổ cùng sửa một báo cáo thì không cửa sổ nào
        # thay mất bản của cửa sổ kia.
        self._tu_luu_cua_minh: dict[int, tuple[int, int]] = {}

    def _canh_bao(self, dong: str) -> None:
        if dong not in self.canh_bao:
            self.canh_bao.append(dong)

    # ------------------------------------------------------------ mở, đóng

    @classmethod
    def mo(cls, thu_muc: Path | str | None = None, nap_mau: bool = True,
           sao_luu: bool = True) -> Kho:
        """Mở (tạo nếu chưa có) kho trong thư mục dữ liệu; kho trống thì nạp xã mẫu Cai Kinh."""
        goc = thu_muc_du_lieu(thu_muc)
        try:
            goc.mkdir(parents=True, exist_ok=True)
        except OSError as loi:
            raise LoiKho(f"Không tạo được thư mục dữ liệu {goc}: {csdl.ly_do_os(loi)}.",
                         "Chọn thư mục khác bằng --data-dir hoặc biến DRAFTER_HOME.") from loi
        tep = goc / TEN_TEP_CSDL
        cn = csdl.ket_noi(tep)
        kho = cls(tep, cn)
        try:
            csdl.kiem_tra_toan_ven(cn, tep)
            cu = csdl.phien_ban_luoc_do(cn)
            if sao_luu and cu:
                kho._sao_luu()  # trước khi di chuyển: bản sao lưu hôm nay còn lược đồ cũ
            csdl.di_chuyen(cn, tep)
            kho._luu_gon_phien_ban_cu()
            if nap_mau and kho._trong():
                from drafter.kho.xa_mau import nap_xa_mau

                nap_xa_mau(kho)
            if sao_luu and not cu:
                kho._sao_luu()
        except sqlite3.Error as loi:
            cn.close()
            raise csdl.dich_loi(loi, tep) from loi
        except BaseException:
            cn.close()
            raise
        return kho

    def _sao_luu(self) -> None:
        from drafter.kho.sao_luu import sao_luu_hang_ngay

        try:
            sao_luu_hang_ngay(self.cn, self.tep)
        except LoiKho as loi:
            self._canh_bao(str(loi))  # không sao lưu được thì vẫn làm việc được, nhưng phải biết

    def cac_tep(self) -> list[Path]:
        """Tệp kho và hai tệp đi kèm của chế độ WAL: không lệnh xuất nào được ghi lên chúng."""
        return [self.tep, *(self.tep.with_name(self.tep.name + duoi) for duoi in ("-wal", "-shm"))]

    def dong(self) -> None:
        self.cn.close()

    def __enter__(self) -> Kho:
        return self

    def __exit__(self, *_: object) -> None:
        self.dong()

    def _trong(self) -> bool:
        return self.cn.execute("SELECT COUNT(*) FROM xa").fetchone()[0] == 0

    def _gd(self) -> AbstractContextManager[sqlite3.Connection]:
        return giao_dich(self.cn, self.tep)

    # ------------------------------------------------------------ xã

    def _doc(self, sql: str, tham_so: tuple = ()) -> sqlite3.Cursor:
        """Như cn.execute, nhưng mỗi dòng đọc theo tên cột (sqlite3.Row), không theo vị trí."""
        con_tro = self.cn.cursor()
        con_tro.row_factory = sqlite3.Row
        return con_tro.execute(sql, tham_so)

    def _xa_tu_dong(self, dong: sqlite3.Row) -> Xa:
        """Hồ sơ xã hỏng (JSON sai, trường sai kiểu) không làm hỏng lệnh: dùng giá trị mặc định
        cho phần đọc không được, và cảnh báo."""
        xa = Xa(id=dong["id"], ten=dong["ten"], huyen=dong["huyen"], tinh=dong["tinh"],
                mac_dinh=bool(dong["mac_dinh"]), nghi_quyet=dong["nghi_quyet"] or "")
        ngay = dong["ngay_sap_nhap"]
        try:
            xa.ngay_sap_nhap = date.fromisoformat(ngay) if ngay else None
        except ValueError:
            self._canh_bao(f"Ngày sắp xếp của xã «{xa.ten}» trong kho không đọc được "
                           f"(«{ngay}»); tạm coi như xã không có xã cũ. Đặt lại bằng "
                           "«drafter xa them».")
        cac = self._doc("SELECT t.tien_than_id, x.ten FROM xa_tien_than t JOIN xa x ON "
                        "x.id = t.tien_than_id WHERE t.xa_id = ? ORDER BY t.thu_tu",
                        (xa.id,)).fetchall()
        xa.tien_than_id = [d["tien_than_id"] for d in cac]
        xa.xa_tien_than = [d["ten"] for d in cac]
        try:
            ho_so = json.loads(dong["ho_so"])
        except (ValueError, TypeError):
            ho_so = None
        if not isinstance(ho_so, dict):
            self._canh_bao(f"Hồ sơ xã «{xa.ten}» trong kho không đọc được; tạm dùng hồ sơ trống. "
                           "Vào Thiết lập để nhập lại hồ sơ xã.")
            return xa
        sai = []
        for ten, mac_dinh in xa.ho_so().items():
            if ten not in ho_so:
                continue
            gia_tri = ho_so[ten]
            if isinstance(gia_tri, type(mac_dinh)) and (
                    not isinstance(gia_tri, list) or all(isinstance(v, str) for v in gia_tri)):
                setattr(xa, ten, gia_tri)
            else:
                sai.append(ten)
        if sai:
            self._canh_bao(f"Hồ sơ xã «{xa.ten}» trong kho có trường sai kiểu ({', '.join(sai)}); "
                           "tạm dùng giá trị mặc định. Vào Thiết lập để nhập lại hồ sơ xã.")
        return xa

    _COT_XA = ", ".join((*Xa.COT, "ho_so"))

    @_bao_loi_sqlite
    def cac_xa(self) -> list[Xa]:
        return [self._xa_tu_dong(d) for d in self._doc(
            f"SELECT {self._COT_XA} FROM xa ORDER BY mac_dinh DESC, ten")]

    def xa_mac_dinh(self) -> Xa:
        ds = self.cac_xa()
        if not ds:
            raise LoiKho("Kho chưa có xã nào.", "Vào Thiết lập để nhập hồ sơ xã.")
        return ds[0]

    @_bao_loi_sqlite
    def tim_xa(self, ten: str) -> Xa | None:
        """Xã theo tên; gõ «xã Khe Thử», «KHE THỬ» hay thiếu dấu dựng sẵn cũng tìm được."""
        d = self._doc(f"SELECT {self._COT_XA} FROM xa WHERE ten = ?", (ten,)).fetchone()
        if d is None:
            khoa = khoa_ten_xa(ten)
            d = next((x for x in self._doc(f"SELECT {self._COT_XA} FROM xa")
                      if khoa_ten_xa(x["ten"]) == khoa), None)
        return self._xa_tu_dong(d) if d else None

    @_bao_loi_sqlite
    def xa_theo_id(self, xa_id: int) -> Xa:
        d = self._doc(f"SELECT {self._COT_XA} FROM xa WHERE id = ?", (xa_id,)).fetchone()
        if d is None:
            raise LoiKho(f"Kho không có xã mã số {xa_id}.", "Xem các xã bằng «drafter xa list».")
        return self._xa_tu_dong(d)

    def cac_tien_than(self, xa: Xa) -> list[Xa]:
        """Các xã cũ hợp thành xã `xa` (rỗng: xã không qua sắp xếp)."""
        return [self.xa_theo_id(i) for i in xa.tien_than_id]

    @_bao_loi_sqlite
    def xa_sau_sap_nhap(self, xa_id: int) -> Xa | None:
        """Xã mới mà xã `xa_id` đã hợp vào (None: xã chưa sắp xếp)."""
        d = self.cn.execute("SELECT xa_id FROM xa_tien_than WHERE tien_than_id = ?",
                            (xa_id,)).fetchone()
        return self.xa_theo_id(d[0]) if d else None

    @_bao_loi_sqlite
    def dat_sap_nhap(self, xa_id: int, tien_than_id: list[int], ngay: date,
                     nghi_quyet: str = "") -> None:
        """Ghi xã `xa_id` hình thành từ các xã `tien_than_id` (theo thứ tự) kể từ `ngay`."""
        if xa_id in tien_than_id:
            raise LoiKho("Một xã không thể là xã cũ của chính nó.",
                         "Ghi tên các xã cũ khác tên xã mới.")
        with self._gd():
            self.cn.execute("UPDATE xa SET ngay_sap_nhap=?, nghi_quyet=? WHERE id=?",
                            (ngay.isoformat(), nghi_quyet, xa_id))
            self.cn.execute("DELETE FROM xa_tien_than WHERE xa_id=?", (xa_id,))
            self.cn.executemany("INSERT INTO xa_tien_than VALUES (?, ?, ?)",
                                [(xa_id, t, i) for i, t in enumerate(tien_than_id, 1)])

    @_bao_loi_sqlite
    def luu_xa(self, xa: Xa) -> Xa:
        ho_so = json.dumps(xa.ho_so(), ensure_ascii=False)
        with self._gd():
            if xa.mac_dinh:
                self.cn.execute("UPDATE xa SET mac_dinh = 0")
            if xa.id:
                self.cn.execute("UPDATE xa SET ten=?, huyen=?, tinh=?, mac_dinh=?, ho_so=? "
                                "WHERE id=?", (xa.ten, xa.huyen, xa.tinh, int(xa.mac_dinh),
                                               ho_so, xa.id))
            else:
                cur = self.cn.execute(
                    "INSERT INTO xa (ten, huyen, tinh, mac_dinh, ho_so, tao_luc) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (xa.ten, xa.huyen, xa.tinh, int(xa.mac_dinh), ho_so, csdl.bay_gio()))
                assert cur.lastrowid is not None  # luôn có sau INSERT
                xa.id = cur.lastrowid
        return xa

    # ------------------------------------------------------------ kế hoạch năm

    # Khóa cũ của bảng kế hoạch năm ("ma", "ma.du_toan_huyen", "ma.du_toan_xa") ↔ mục tiêu
    # tối thiểu theo cơ sở; giữ cho màn hình Thiết lập, gộp xã cũ và tạo kỳ mới.
    _DUOI_CO_SO: ClassVar[dict[str, str]] = {"ke_hoach": "", "du_toan_cap_tren": ".du_toan_huyen",
                                             "du_toan_xa": ".du_toan_xa"}

    @staticmethod
    def _khoa_cu(khoa: str) -> tuple[str, str]:
        for co_so, duoi in (("du_toan_cap_tren", ".du_toan_huyen"), ("du_toan_xa", ".du_toan_xa")):
            if khoa.endswith(duoi):
                return khoa[: -len(duoi)], co_so
        return khoa, "ke_hoach"

    @_bao_loi_sqlite
    def ke_hoach(self, xa_id: int, nam: int) -> dict[str, str]:
        """Kế hoạch năm theo khóa cũ: mục tiêu (mức, tối thiểu) của kế hoạch năm và hai dự
        toán."""
        return {ma + self._DUOI_CO_SO[co_so]: gia_tri for ma, co_so, gia_tri in self.cn.execute(
            "SELECT ma_chi_tieu, co_so, gia_tri FROM muc_tieu_nam WHERE xa_id = ? AND nam = ? "
            "AND kieu IN ('muc', 'toi_thieu') "
            "AND co_so IN ('ke_hoach', 'du_toan_cap_tren', 'du_toan_xa')",
            (xa_id, nam))}

    @_bao_loi_sqlite
    def ke_hoach_xem_lai(self, xa_id: int, nam: int) -> set[str]:
        """Các kế hoạch năm (khóa cũ) cộng từ các xã cũ hay chép từ kế hoạch năm trước mà người
        dùng chưa xem lại."""
        return {ma + self._DUOI_CO_SO.get(co_so, "." + co_so) for ma, co_so in self.cn.execute(
            "SELECT ma_chi_tieu, co_so FROM muc_tieu_nam WHERE xa_id = ? AND nam = ? "
            "AND xem_lai = 1", (xa_id, nam))}

    @_bao_loi_sqlite
    def dat_ke_hoach(self, xa_id: int, nam: int, gia_tri: Mapping[str, str | None],
                     xem_lai: bool = False) -> None:
        """Ghi kế hoạch năm theo khóa cũ (gõ ở Thiết lập; xem_lai=True: cộng từ các xã cũ).
        Người dùng lưu là đã xem: bỏ dấu chờ xem lại, kể cả khi giữ nguyên số; số không đổi
        thì giữ nguồn cũ (vẫn là «từ kế hoạch năm»), số đổi thì thành «gõ ở Thiết lập»."""
        nguon = "xa_cu" if xem_lai else "go_tay"
        with self._gd():
            for khoa, v in gia_tri.items():
                ma, co_so = self._khoa_cu(khoa)
                if v is None or str(v).strip() == "":
                    self.cn.execute("DELETE FROM muc_tieu_nam WHERE xa_id=? AND nam=? AND "
                                    "ma_chi_tieu=? AND co_so=?", (xa_id, nam, ma, co_so))
                    continue
                cu = self.cn.execute(
                    "SELECT gia_tri FROM muc_tieu_nam WHERE xa_id=? AND nam=? AND "
                    "ma_chi_tieu=? AND co_so=?", (xa_id, nam, ma, co_so)).fetchone()
                if cu is not None and cu[0] == str(v) and not xem_lai:
                    self.cn.execute("UPDATE muc_tieu_nam SET xem_lai=0 WHERE xa_id=? AND nam=? "
                                    "AND ma_chi_tieu=? AND co_so=?", (xa_id, nam, ma, co_so))
                    continue
                self.cn.execute(
                    "INSERT INTO muc_tieu_nam (xa_id, nam, ma_chi_tieu, co_so, kieu, gia_tri, "
                    "nguon, xem_lai) VALUES (?, ?, ?, ?, 'muc', ?, ?, ?) "
                    "ON CONFLICT (xa_id, nam, ma_chi_tieu, co_so) DO UPDATE SET "
                    "gia_tri=excluded.gia_tri, nguon=excluded.nguon, xem_lai=excluded.xem_lai",
                    (xa_id, nam, ma, co_so, str(v), nguon, int(xem_lai)))

    @_bao_loi_sqlite
    def muc_tieu_nam(self, xa_id: int, nam: int) -> list[MucTieuTrongKho]:
        """Mọi chỉ tiêu kế hoạch của năm, kèm nguồn, theo mã chỉ tiêu rồi cơ sở."""
        ra = []
        for ma, co_so, kieu, gia_tri, den, don_vi, nguon, xem_lai in self.cn.execute(
                "SELECT ma_chi_tieu, co_so, kieu, gia_tri, gia_tri_den, don_vi, nguon, xem_lai "
                "FROM muc_tieu_nam WHERE xa_id = ? AND nam = ? ORDER BY ma_chi_tieu, co_so",
                (xa_id, nam)):
            try:
                mt = MucTieu(co_so=co_so, kieu=kieu, gia_tri=True if kieu == "moc" else gia_tri,
                             gia_tri_den=den, don_vi=don_vi, xem_lai=bool(xem_lai))
            except ValueError:
                continue  # dòng của bản drafter mới hơn (cơ sở, kiểu lạ): bỏ qua, không đoán
            ra.append(MucTieuTrongKho(ma, mt, nguon))
        return ra

    @_bao_loi_sqlite
    def dat_muc_tieu_ke_hoach(self, xa_id: int, nam: int,
                              chi_tieu: dict[str, list[MucTieu]]) -> None:
        """Kế hoạch năm vừa lưu: các chỉ tiêu của nó thành chỉ tiêu của năm (thay các chỉ tiêu
        lần lưu trước của kế hoạch, và chỉ tiêu gõ tay cùng mã, cùng cơ sở)."""
        with self._gd():
            self.cn.execute("DELETE FROM muc_tieu_nam WHERE xa_id=? AND nam=? AND nguon="
                            "'ke_hoach'", (xa_id, nam))
            for ma, cac in chi_tieu.items():
                for mt in cac:
                    if mt.gia_tri in (None, "") and mt.kieu != "moc":
                        continue
                    gia_tri = "có" if mt.kieu == "moc" else str(mt.gia_tri)
                    self.cn.execute(
                        "INSERT INTO muc_tieu_nam (xa_id, nam, ma_chi_tieu, co_so, kieu, "
                        "gia_tri, gia_tri_den, don_vi, nguon, xem_lai) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ke_hoach', ?) "
                        "ON CONFLICT (xa_id, nam, ma_chi_tieu, co_so) DO UPDATE SET "
                        "kieu=excluded.kieu, gia_tri=excluded.gia_tri, "
                        "gia_tri_den=excluded.gia_tri_den, don_vi=excluded.don_vi, "
                        "nguon='ke_hoach', xem_lai=excluded.xem_lai",
                        (xa_id, nam, ma, mt.co_so, mt.kieu, gia_tri,
                         None if mt.gia_tri_den in (None, "") else str(mt.gia_tri_den),
                         mt.don_vi, int(mt.xem_lai)))

    # ------------------------------------------------------------ báo cáo

    # Mỗi trường của BaoCaoTrongKho là một cột cùng tên (số phiên bản đếm từ bảng phien_ban).
    _COT_BC = ", ".join(
        "(SELECT MAX(so) FROM phien_ban p WHERE p.bao_cao_id = b.id) AS so_phien_ban"
        if f.name == "so_phien_ban" else f"b.{f.name} AS {f.name}"
        for f in fields(BaoCaoTrongKho))

    @_bao_loi_sqlite
    def cac_bao_cao(self, xa_id: int) -> list[BaoCaoTrongKho]:
        """Các báo cáo của xã, kỳ mới nhất trước. Dòng có mã kỳ không đọc được (bản drafter mới
        hơn ghi?) bị bỏ qua kèm cảnh báo, không làm hỏng danh sách."""
        ds = []
        for d in self._doc(f"SELECT {self._COT_BC} FROM bao_cao b WHERE b.xa_id = ?",
                           (xa_id,)):
            bc = BaoCaoTrongKho(**d)
            try:
                Ky.doc(bc.ky)
            except LoiKy:
                self._canh_bao(f"Báo cáo có mã kỳ «{bc.ky}» không đọc được (có thể do bản "
                               "drafter mới hơn ghi), không hiện trong danh sách. Hãy cập nhật "
                               "drafter.")
                continue
            ds.append(bc)
        return sorted(ds, key=lambda b: b.ky_bao_cao, reverse=True)

    @_bao_loi_sqlite
    def tim_bao_cao(self, xa_id: int, ky: str) -> BaoCaoTrongKho | None:
        d = self._doc(f"SELECT {self._COT_BC} FROM bao_cao b WHERE b.xa_id=? AND b.ky=?",
                      (xa_id, Ky.doc(ky).ma)).fetchone()
        return BaoCaoTrongKho(**d) if d else None

    def doc(self, xa_id: int, ky: str, so: int | None = None) -> BaoCaoDuLieu | VanBanTuDo:
        """Phiên bản mới nhất (hoặc phiên bản `so`) của báo cáo kỳ `ky`: báo cáo theo biểu
        mẫu, hay văn bản tự do nhập từ Word (xem BaoCaoTrongKho.loai)."""
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            raise LoiKho(f"Chưa có báo cáo {Ky.doc(ky).ten_gon}.",
                         "Xem danh sách bằng «drafter list» hoặc tạo bằng «drafter new».")
        return self._doc_phien_ban(bc, so or bc.so_phien_ban)

    def doc_neu_co(self, xa_id: int, ky: str) -> BaoCaoDuLieu | None:
        """Số liệu theo biểu mẫu của kỳ này (cùng kỳ, kỳ trước để so sánh), hoặc None khi kho
        chưa có báo cáo kỳ này. Kỳ là văn bản tự do: các số đã xác nhận từ đề xuất (None nếu
        chưa có số nào)."""
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            return None
        bao_cao = self._doc_phien_ban(bc, bc.so_phien_ban)
        if isinstance(bao_cao, VanBanTuDo):
            # Văn bản Word: chỉ những số cán bộ đã xác nhận từ đề xuất (nếu có).
            return bao_cao.so_lieu_theo_bieu_mau()
        return bao_cao

    def doc_bieu_mau(self, xa_id: int, ky: str) -> BaoCaoDuLieu:
        """Báo cáo theo biểu mẫu của kỳ `ky`; kỳ là văn bản tự do thì LoiKho nói rõ."""
        bao_cao = self.doc(xa_id, ky)
        if not isinstance(bao_cao, BaoCaoDuLieu):
            raise LoiKho(f"{Ky.doc(ky).ten_gon.capitalize()} là văn bản tự do nhập từ Word, "
                         "không có số liệu theo biểu mẫu.",
                         "Mở văn bản đó để sửa, hay tạo kỳ sau từ nó bằng «drafter new».")
        return bao_cao

    @_bao_loi_sqlite
    def _doc_phien_ban(self, bc: BaoCaoTrongKho, so: int) -> BaoCaoDuLieu | VanBanTuDo:
        """Dựng lại và kiểm tra một phiên bản; không đọc được thì LoiKho chỉ cách lấy bản khác."""
        from pydantic import ValidationError

        from drafter.loi_tieng_viet import cac_loi

        ten = bc.ky_bao_cao.ten_gon
        try:
            chu = self._chu_phien_ban(bc.id, so)
            if chu is None:
                raise LoiKho(f"Báo cáo {ten} không có phiên bản {so}.",
                             f"Xem các phiên bản bằng «drafter show {bc.ky}».")
            # Loại theo chính nội dung phiên bản: một kỳ có thể đổi loại giữa các phiên bản
            # (nhập văn bản Word thay báo cáo theo biểu mẫu, rồi khôi phục bản cũ).
            if '"loai":"van_ban_tu_do"' in chu[:200] or la_van_ban_tu_do(json.loads(chu)):
                return VanBanTuDo.model_validate_json(chu)
            return BaoCaoDuLieu.model_validate_json(chu)
        except (ValidationError, ValueError) as loi:
            if isinstance(loi, ValidationError):
                dong = cac_loi(loi)
                chi_tiet = "; ".join(dong[:3]) + (f" (và {len(dong) - 3} lỗi khác)"
                                                  if len(dong) > 3 else "")
            else:
                chi_tiet = str(loi)
            truoc = (f" Hoặc đưa báo cáo về phiên bản trước: «drafter khoi-phuc --ky {bc.ky} "
                     f"--phien-ban {so - 1}»." if so > 1 else "")
            raise LoiKho(f"Phiên bản {so} của báo cáo {ten} trong kho không đọc được "
                         f"(có thể do bản drafter mới hơn ghi, hoặc dữ liệu hỏng): {chi_tiet}.",
                         "Hãy cập nhật drafter lên bản mới nhất." + truoc) from loi

    def _chu_phien_ban(self, bc_id: int, so: int) -> str | None:
        """JSON của phiên bản `so`: đi lên tới bản đầy đủ gần nhất rồi áp ngược các bản khác
        biệt (mỗi bản khác biệt dựng phiên bản của nó từ phiên bản ngay sau)."""
        chuoi: list[bytes] = []
        chu = None
        for so_i, cach_luu, du_lieu in self.cn.execute(
                "SELECT so, cach_luu, du_lieu FROM phien_ban WHERE bao_cao_id = ? AND so >= ? "
                "ORDER BY so", (bc_id, so)):
            if so_i != so + len(chuoi):
                break  # thiếu phiên bản giữa chuỗi
            if cach_luu != "delta":
                chu = _giai_day_du(cach_luu, du_lieu)
                break
            chuoi.append(du_lieu)
        if chu is None:
            if not chuoi:
                return None
            raise delta.DeltaError("chuỗi phiên bản thiếu bản đầy đủ")
        for d in reversed(chuoi):
            chu = delta.apply_delta(chu, d)
        return chu

    @_bao_loi_sqlite
    def luu(self, xa_id: int, bao_cao: BaoCaoDuLieu | VanBanTuDo, ghi_chu: str = "",
            gop: bool = False) -> int:
        """Lưu báo cáo (xem _luu_phien_ban). Lưu kế hoạch năm thì các chỉ tiêu của nó thành chỉ
        tiêu của năm: báo cáo quý, 6 tháng, năm của năm đó tính % kế hoạch theo chúng."""
        so = self._luu_phien_ban(xa_id, bao_cao, ghi_chu, gop)
        if isinstance(bao_cao, BaoCaoDuLieu) and bao_cao.ky_bao_cao.la_ke_hoach:
            self.dat_muc_tieu_ke_hoach(xa_id, bao_cao.ky_bao_cao.nam, bao_cao.chi_tieu_ke_hoach)
        return so

    def _luu_phien_ban(self, xa_id: int, bao_cao: BaoCaoDuLieu | VanBanTuDo, ghi_chu: str,
                       gop: bool) -> int:
        """Lưu báo cáo; trả về số phiên bản chứa nội dung này.

        Lưu chủ động (gop=False) thêm một phiên bản mới. Tự lưu (gop=True, khi người dùng ngừng
        gõ): nếu bản mới nhất cũng là tự lưu của đợt sửa bắt đầu chưa quá GOP_TU_LUU_PHUT phút
        thì thay nội dung bản đó, không thêm bản mới — chỉ khi bản đó do chính kết nối này tự
        lưu (cửa sổ drafter khác cùng sửa thì không thay bản của nó). Trùng hệt bản mới nhất thì
        không thêm gì; lưu chủ động trùng hệt bản tự lưu mới nhất thì giữ bản đó lại (không gộp
        tiếp vào nó)."""
        chu = bao_cao.model_dump_json()
        loai = "tu_do" if isinstance(bao_cao, VanBanTuDo) else "bieu_mau"
        crc = zlib.crc32(chu.encode("utf-8"))
        bay_gio = self.bay_gio()
        luc = bay_gio.isoformat(timespec="seconds")
        with self._gd():
            d = self.cn.execute("SELECT id FROM bao_cao WHERE xa_id=? AND ky=?",
                                (xa_id, bao_cao.ky)).fetchone()
            if d is None:
                moi = self.cn.execute(
                    "INSERT INTO bao_cao (xa_id, ky, bieu_mau, loai, tao_luc, sua_luc) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (xa_id, bao_cao.ky, bao_cao.bieu_mau, loai, luc, luc)).lastrowid
                assert moi is not None  # luôn có sau INSERT
                bc_id = moi
                cuoi = None
            else:
                bc_id = d[0]
                # Kỳ đổi loại (nhập văn bản Word thay báo cáo theo biểu mẫu, hay khôi phục bản
                # cũ khác loại): phiên bản mới nhất quyết định loại.
                self.cn.execute("UPDATE bao_cao SET loai=?, bieu_mau=? WHERE id=?",
                                (loai, bao_cao.bieu_mau, bc_id))
                cuoi = self.cn.execute(
                    "SELECT so, cach_luu, du_lieu, tu_luu_bat_dau FROM phien_ban "
                    "WHERE bao_cao_id=? ORDER BY so DESC LIMIT 1", (bc_id,)).fetchone()
            if cuoi is None:
                so = 1
                self._them_phien_ban(bc_id, so, chu, luc, ghi_chu, gop)
            else:
                so, cach_luu, du_lieu, tu_luu_bat_dau = cuoi
                try:
                    chu_cuoi: str | None = _giai_day_du(cach_luu, du_lieu)
                except ValueError:
                    chu_cuoi = None  # bản mới nhất hỏng: để nguyên nó, thêm bản mới sau nó
                if chu_cuoi == chu:
                    if not gop and tu_luu_bat_dau is not None:
                        self.cn.execute("UPDATE phien_ban SET tu_luu_bat_dau=NULL, ghi_chu=? "
                                        "WHERE bao_cao_id=? AND so=?", (ghi_chu, bc_id, so))
                    return so
                gop_duoc = (gop and chu_cuoi is not None and tu_luu_bat_dau is not None
                            and bay_gio - datetime.fromisoformat(tu_luu_bat_dau)
                            < timedelta(minutes=GOP_TU_LUU_PHUT)
                            and self._tu_luu_cua_minh.get(bc_id)
                            == (so, zlib.crc32(chu_cuoi.encode("utf-8"))))
                if not (gop_duoc and chu_cuoi is not None
                        and self._thay_ban_moi_nhat(bc_id, so, chu_cuoi, chu, luc)):
                    if chu_cuoi is not None and so % MOC_DAY_DU:
                        # Bản mới nhất cũ thành phần khác biệt so với bản mới.
                        self._dat_du_lieu(bc_id, so, *_gon(chu, chu_cuoi))
                    elif chu_cuoi is not None and cach_luu == "json":
                        self._dat_du_lieu(bc_id, so, "zlib", delta.compress(chu_cuoi))
                    so += 1
                    self._them_phien_ban(bc_id, so, chu, luc, ghi_chu, gop)
            # Sửa báo cáo đã xuất/đã ký thì nó lại là bản nháp cho tới lần xuất sau.
            self.cn.execute("UPDATE bao_cao SET sua_luc=?, trang_thai='nhap' WHERE id=?",
                            (luc, bc_id))
        if gop:
            self._tu_luu_cua_minh[bc_id] = (so, crc)  # chỉ ghi nhớ khi giao dịch đã xong
        return so

    def _them_phien_ban(self, bc_id: int, so: int, chu: str, luc: str, ghi_chu: str,
                        gop: bool) -> None:
        self.cn.execute(
            "INSERT INTO phien_ban (bao_cao_id, so, cach_luu, du_lieu, luc, ghi_chu, "
            "tu_luu_bat_dau) VALUES (?, ?, 'zlib', ?, ?, ?, ?)",
            (bc_id, so, delta.compress(chu), luc, ghi_chu or (GHI_CHU_TU_LUU if gop else ""),
             luc if gop else None))

    def _thay_ban_moi_nhat(self, bc_id: int, so: int, chu_cu: str, chu: str, luc: str) -> bool:
        """Gộp lần tự lưu vào bản mới nhất: bản ngay trước, nếu lưu dạng khác biệt so với nội
        dung cũ của bản này, được tính lại so với nội dung mới. False (không gộp) nếu bản ngay
        trước không dựng lại được: đổi gốc của nó sẽ làm mất hẳn nó."""
        truoc = self._doc("SELECT cach_luu, du_lieu FROM phien_ban WHERE bao_cao_id=? AND so=?",
                          (bc_id, so - 1)).fetchone()
        if truoc is not None and truoc["cach_luu"] == "delta":
            try:
                chu_truoc = delta.apply_delta(chu_cu, truoc["du_lieu"])
            except delta.DeltaError:
                return False
            self._dat_du_lieu(bc_id, so - 1, *_gon(chu, chu_truoc))
        self.cn.execute("UPDATE phien_ban SET cach_luu='zlib', du_lieu=?, luc=? "
                        "WHERE bao_cao_id=? AND so=?", (delta.compress(chu), luc, bc_id, so))
        return True

    def _dat_du_lieu(self, bc_id: int, so: int, cach_luu: str, du_lieu: bytes) -> None:
        self.cn.execute("UPDATE phien_ban SET cach_luu=?, du_lieu=? WHERE bao_cao_id=? AND so=?",
                        (cach_luu, du_lieu, bc_id, so))

    def _luu_gon_phien_ban_cu(self) -> None:
        """Nén lại các phiên bản còn dạng JSON (kho lược đồ 1), từng báo cáo một giao dịch, rồi
        VACUUM để tệp nhỏ lại thật. Dở dang (tắt máy) thì lần mở sau làm tiếp; chỉ mục riêng
        phien_ban_chua_nen làm phép hỏi này tức thì khi không còn gì để nén."""
        cac_id = [d[0] for d in self.cn.execute(
            "SELECT DISTINCT bao_cao_id FROM phien_ban WHERE cach_luu = 'json'")]
        for bc_id in cac_id:
            with self._gd():
                cac_so = [d[0] for d in self.cn.execute(
                    "SELECT so FROM phien_ban WHERE bao_cao_id=? ORDER BY so", (bc_id,))]
                try:
                    cac_chu = [self._chu_phien_ban(bc_id, so) or "" for so in cac_so]
                except ValueError:
                    continue  # có phiên bản hỏng: để nguyên cả báo cáo, không làm hỏng thêm
                for i, so in enumerate(cac_so):
                    if i + 1 < len(cac_so) and so % MOC_DAY_DU:
                        self._dat_du_lieu(bc_id, so, *_gon(cac_chu[i + 1], cac_chu[i]))
                    else:
                        self._dat_du_lieu(bc_id, so, "zlib", delta.compress(cac_chu[i]))
        if cac_id:
            try:
                self.cn.execute("VACUUM")
            except sqlite3.Error:
                pass  # cửa sổ khác đang đọc: tệp nhỏ lại ở lần sau, dữ liệu đã gọn

    @_bao_loi_sqlite
    def cac_phien_ban(self, xa_id: int, ky: str) -> list[PhienBan]:
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            return []
        return [PhienBan(**d) for d in self._doc(
            "SELECT so, luc, ghi_chu FROM phien_ban WHERE bao_cao_id=? ORDER BY so", (bc.id,))]

    def khoi_phuc(self, xa_id: int, ky: str, so: int) -> int:
        """Đưa phiên bản `so` trở lại làm mới nhất (thêm một phiên bản, không xóa gì)."""
        cu = self.doc(xa_id, ky, so)
        return self.luu(xa_id, cu, f"khôi phục phiên bản {so}")

    @_bao_loi_sqlite
    def dat_trang_thai(self, xa_id: int, ky: str, trang_thai: TrangThai) -> None:
        with self._gd():
            self.cn.execute("UPDATE bao_cao SET trang_thai=? WHERE xa_id=? AND ky=?",
                            (trang_thai, xa_id, Ky.doc(ky).ma))

    @_bao_loi_sqlite
    def ghi_xuat(self, xa_id: int, ky: str, tep: Path) -> str:
        """Ghi nhật ký một lần xuất văn bản (đường dẫn, giờ, SHA-256); báo cáo thành "đã xuất"."""
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            raise LoiKho(f"Chưa có báo cáo {Ky.doc(ky).ten_gon}.")
        bam = hashlib.sha256(Path(tep).read_bytes()).hexdigest()
        with self._gd():
            self.cn.execute("INSERT INTO nhat_ky_xuat (bao_cao_id, phien_ban, duong_dan, luc, "
                            "sha256) VALUES (?, ?, ?, ?, ?)",
                            (bc.id, bc.so_phien_ban, str(Path(tep).resolve()), csdl.bay_gio(), bam))
            self.cn.execute("UPDATE bao_cao SET trang_thai='da_xuat' WHERE id=?", (bc.id,))
        return bam

    @_bao_loi_sqlite
    def nhat_ky_xuat(self, xa_id: int, ky: str) -> list[tuple[int, str, str, str]]:
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            return []
        return list(self.cn.execute(
            "SELECT phien_ban, duong_dan, luc, sha256 FROM nhat_ky_xuat WHERE bao_cao_id=? "
            "ORDER BY id", (bc.id,)))

    # ------------------------------------------------------------ tiện ích

    def ky_truoc_gan_nhat(self, xa_id: int, ky: Ky) -> Ky | None:
        """Báo cáo gần nhất trước kỳ `ky` (cùng loại kỳ nếu có, không thì bất kỳ). Kế hoạch năm
        chỉ nối với kế hoạch năm: báo cáo không chép từ kế hoạch và ngược lại."""
        ds = [b.ky_bao_cao for b in self.cac_bao_cao(xa_id) if b.ky_bao_cao < ky
              and b.ky_bao_cao.la_ke_hoach == ky.la_ke_hoach]
        cung_loai = [k for k in ds if k.loai == ky.loai]
        return max(cung_loai or ds, default=None)


def khoa_ten_xa(ten: str) -> str:
    """Khóa so tên xã: bỏ chữ «xã»/«phường» đứng đầu, dựng sẵn (NFC), không phân biệt hoa
    thường; «Xã Khe Thử», «KHE THỬ» cùng một xã."""
    import unicodedata

    chu = " ".join(unicodedata.normalize("NFC", ten).casefold().split())
    for dau in ("xã ", "phường ", "thị trấn ", "đặc khu "):
        chu = chu.removeprefix(dau)
    return chu


def _giai_day_du(cach_luu: str, du_lieu: bytes | str) -> str:
    """Nội dung của một phiên bản lưu đầy đủ: 'json' (kho lược đồ 1) hoặc 'zlib'."""
    if cach_luu == "json":
        return du_lieu if isinstance(du_lieu, str) else du_lieu.decode("utf-8")
    if cach_luu == "zlib":
        if not isinstance(du_lieu, bytes):  # cột du_lieu là chữ: kho sửa tay hay công cụ khác ghi
            raise delta.DeltaError("dữ liệu nén lại lưu thành chữ")
        return delta.decompress(du_lieu)
    raise delta.DeltaError(f"cách lưu lạ «{cach_luu}»")


def _gon(goc: str, dich: str) -> tuple[str, bytes]:
    """Cách lưu gọn nhất cho `dich` khi `goc` (phiên bản ngay sau) đã có: khác biệt hay nén."""
    khac_biet = delta.make_delta(goc, dich)
    if len(khac_biet) < 4096:
        return "delta", khac_biet  # thường gặp: nhỏ hơn hẳn bản nén (~17 KB), khỏi nén thử
    nen = delta.compress(dich)
    return ("delta", khac_biet) if len(khac_biet) < len(nen) else ("zlib", nen)
