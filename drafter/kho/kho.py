"""Kho báo cáo: hồ sơ các xã, kế hoạch năm, báo cáo theo kỳ với mọi phiên bản, nhật ký xuất.

Mỗi thay đổi là một giao dịch (BEGIN IMMEDIATE … COMMIT): tắt máy, đóng ngang chương trình hay
hai cửa sổ drafter cùng ghi cũng không làm hỏng kho hay mất lần lưu đã xong của nhau. Mỗi lần
lưu báo cáo thêm một phiên bản mới (không ghi đè), nên luôn khôi phục được bản trước.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
from drafter.kho import csdl
from drafter.kho.csdl import LoiKho, giao_dich
from drafter.kho.thu_muc import TEN_TEP_CSDL, thu_muc_du_lieu
from drafter.ky_bao_cao import Ky

TrangThai = Literal["nhap", "da_xuat", "da_ky"]
TEN_TRANG_THAI = {"nhap": "nháp", "da_xuat": "đã xuất", "da_ky": "đã ký"}


@dataclass
class Xa:
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

    def ho_so(self) -> dict:
        return {"co_quan_chu_quan": self.co_quan_chu_quan,
                "co_quan_ban_hanh": self.co_quan_ban_hanh, "ky_hieu": self.ky_hieu,
                "dia_danh": self.dia_danh, "noi_nhan": self.noi_nhan, "luu": self.luu,
                "chu_ky": self.chu_ky}


@dataclass
class BaoCaoTrongKho:
    id: int
    xa_id: int
    ky: str
    bieu_mau: str
    trang_thai: TrangThai
    sua_luc: str
    so_phien_ban: int

    @property
    def ky_bao_cao(self) -> Ky:
        return Ky.doc(self.ky)


@dataclass
class PhienBan:
    so: int
    luc: str
    ghi_chu: str


class Kho:
    def __init__(self, tep: Path, cn: sqlite3.Connection) -> None:
        self.tep = tep
        self.cn = cn

    # ------------------------------------------------------------ mở, đóng

    @classmethod
    def mo(cls, thu_muc: Path | str | None = None, nap_mau: bool = True,
           sao_luu: bool = True) -> Kho:
        """Mở (tạo nếu chưa có) kho trong thư mục dữ liệu; kho trống thì nạp xã mẫu Cai Kinh."""
        goc = thu_muc_du_lieu(thu_muc)
        try:
            goc.mkdir(parents=True, exist_ok=True)
        except OSError as loi:
            raise LoiKho(f"Không tạo được thư mục dữ liệu {goc}: {loi.strerror}.",
                         "Chọn thư mục khác bằng --data-dir hoặc biến DRAFTER_HOME.") from loi
        tep = goc / TEN_TEP_CSDL
        cn = csdl.ket_noi(tep)
        kho = cls(tep, cn)
        try:
            csdl.kiem_tra_toan_ven(cn, tep)
            csdl.di_chuyen(cn, tep)
            if nap_mau and kho._trong():
                from drafter.kho.mau import nap_xa_mau

                nap_xa_mau(kho)
            if sao_luu:
                csdl.sao_luu_hang_ngay(cn, tep)
        except sqlite3.DatabaseError as loi:
            cn.close()
            raise csdl._dich_loi(loi, tep) from loi
        except BaseException:
            cn.close()
            raise
        return kho

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

    def _xa_tu_dong(self, dong: tuple) -> Xa:
        ho_so = json.loads(dong[5])
        return Xa(id=dong[0], ten=dong[1], huyen=dong[2], tinh=dong[3], mac_dinh=bool(dong[4]),
                  co_quan_chu_quan=ho_so.get("co_quan_chu_quan", []),
                  co_quan_ban_hanh=ho_so.get("co_quan_ban_hanh", []),
                  ky_hieu=ho_so.get("ky_hieu", "BC-UBND"), dia_danh=ho_so.get("dia_danh", ""),
                  noi_nhan=ho_so.get("noi_nhan", []), luu=ho_so.get("luu", "VT"),
                  chu_ky=ho_so.get("chu_ky", {}))

    _COT_XA = "id, ten, huyen, tinh, mac_dinh, ho_so"

    def cac_xa(self) -> list[Xa]:
        return [self._xa_tu_dong(d) for d in self.cn.execute(
            f"SELECT {self._COT_XA} FROM xa ORDER BY mac_dinh DESC, ten")]

    def xa_mac_dinh(self) -> Xa:
        ds = self.cac_xa()
        if not ds:
            raise LoiKho("Kho chưa có xã nào.", "Vào Thiết lập để nhập hồ sơ xã.")
        return ds[0]

    def tim_xa(self, ten: str) -> Xa | None:
        d = self.cn.execute(f"SELECT {self._COT_XA} FROM xa WHERE ten = ?", (ten,)).fetchone()
        return self._xa_tu_dong(d) if d else None

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
                xa.id = cur.lastrowid
        return xa

    # ------------------------------------------------------------ kế hoạch năm

    def ke_hoach(self, xa_id: int, nam: int) -> dict[str, str]:
        return dict(self.cn.execute(
            "SELECT ma_chi_tieu, gia_tri FROM ke_hoach_nam WHERE xa_id = ? AND nam = ?",
            (xa_id, nam)))

    def dat_ke_hoach(self, xa_id: int, nam: int, gia_tri: dict[str, str | None]) -> None:
        with self._gd():
            for ma, v in gia_tri.items():
                if v is None or str(v).strip() == "":
                    self.cn.execute("DELETE FROM ke_hoach_nam WHERE xa_id=? AND nam=? AND "
                                    "ma_chi_tieu=?", (xa_id, nam, ma))
                else:
                    self.cn.execute(
                        "INSERT INTO ke_hoach_nam VALUES (?, ?, ?, ?) ON CONFLICT "
                        "(xa_id, nam, ma_chi_tieu) DO UPDATE SET gia_tri=excluded.gia_tri",
                        (xa_id, nam, ma, str(v)))

    # ------------------------------------------------------------ báo cáo

    _COT_BC = ("b.id, b.xa_id, b.ky, b.bieu_mau, b.trang_thai, b.sua_luc, "
               "(SELECT MAX(so) FROM phien_ban p WHERE p.bao_cao_id = b.id)")

    def cac_bao_cao(self, xa_id: int) -> list[BaoCaoTrongKho]:
        ds = [BaoCaoTrongKho(*d) for d in self.cn.execute(
            f"SELECT {self._COT_BC} FROM bao_cao b WHERE b.xa_id = ?", (xa_id,))]
        return sorted(ds, key=lambda b: b.ky_bao_cao, reverse=True)

    def tim_bao_cao(self, xa_id: int, ky: str) -> BaoCaoTrongKho | None:
        d = self.cn.execute(f"SELECT {self._COT_BC} FROM bao_cao b WHERE b.xa_id=? AND b.ky=?",
                            (xa_id, Ky.doc(ky).ma)).fetchone()
        return BaoCaoTrongKho(*d) if d else None

    def doc(self, xa_id: int, ky: str, so: int | None = None) -> BaoCaoDuLieu:
        """Phiên bản mới nhất (hoặc phiên bản `so`) của báo cáo kỳ `ky`."""
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            raise LoiKho(f"Chưa có báo cáo {Ky.doc(ky).ten_gon}.",
                         "Xem danh sách bằng «drafter list» hoặc tạo bằng «drafter new».")
        return self._doc_phien_ban(bc, so or bc.so_phien_ban)

    def doc_neu_co(self, xa_id: int, ky: str) -> BaoCaoDuLieu | None:
        """Phiên bản mới nhất, hoặc None khi kho chưa có báo cáo kỳ này (cùng kỳ, kỳ trước)."""
        bc = self.tim_bao_cao(xa_id, ky)
        return None if bc is None else self._doc_phien_ban(bc, bc.so_phien_ban)

    def _doc_phien_ban(self, bc: BaoCaoTrongKho, so: int) -> BaoCaoDuLieu:
        d = self.cn.execute("SELECT du_lieu FROM phien_ban WHERE bao_cao_id=? AND so=?",
                            (bc.id, so)).fetchone()
        if d is None:
            raise LoiKho(f"Báo cáo {bc.ky_bao_cao.ten_gon} không có phiên bản {so}.")
        return BaoCaoDuLieu.model_validate_json(d[0])

    def luu(self, xa_id: int, bao_cao: BaoCaoDuLieu, ghi_chu: str = "") -> int:
        """Lưu một phiên bản mới (trùng hệt bản mới nhất thì không thêm); trả về số phiên bản."""
        du_lieu = bao_cao.model_dump_json()
        luc = csdl.bay_gio()
        with self._gd():
            d = self.cn.execute("SELECT id FROM bao_cao WHERE xa_id=? AND ky=?",
                                (xa_id, bao_cao.ky)).fetchone()
            if d is None:
                bc_id = self.cn.execute(
                    "INSERT INTO bao_cao (xa_id, ky, bieu_mau, tao_luc, sua_luc) "
                    "VALUES (?, ?, ?, ?, ?)", (xa_id, bao_cao.ky, bao_cao.bieu_mau, luc, luc)
                ).lastrowid
                cuoi = None
            else:
                bc_id = d[0]
                cuoi = self.cn.execute(
                    "SELECT so, du_lieu FROM phien_ban WHERE bao_cao_id=? ORDER BY so DESC "
                    "LIMIT 1", (bc_id,)).fetchone()
            if cuoi is not None and cuoi[1] == du_lieu:
                return cuoi[0]
            so = (cuoi[0] if cuoi else 0) + 1
            self.cn.execute("INSERT INTO phien_ban (bao_cao_id, so, du_lieu, luc, ghi_chu) "
                            "VALUES (?, ?, ?, ?, ?)", (bc_id, so, du_lieu, luc, ghi_chu))
            # Sửa báo cáo đã xuất/đã ký thì nó lại là bản nháp cho tới lần xuất sau.
            self.cn.execute("UPDATE bao_cao SET sua_luc=?, trang_thai='nhap' WHERE id=?",
                            (luc, bc_id))
        return so

    def cac_phien_ban(self, xa_id: int, ky: str) -> list[PhienBan]:
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            return []
        return [PhienBan(*d) for d in self.cn.execute(
            "SELECT so, luc, ghi_chu FROM phien_ban WHERE bao_cao_id=? ORDER BY so", (bc.id,))]

    def khoi_phuc(self, xa_id: int, ky: str, so: int) -> int:
        """Đưa phiên bản `so` trở lại làm mới nhất (thêm một phiên bản, không xóa gì)."""
        cu = self.doc(xa_id, ky, so)
        return self.luu(xa_id, cu, f"khôi phục phiên bản {so}")

    def dat_trang_thai(self, xa_id: int, ky: str, trang_thai: TrangThai) -> None:
        with self._gd():
            self.cn.execute("UPDATE bao_cao SET trang_thai=? WHERE xa_id=? AND ky=?",
                            (trang_thai, xa_id, Ky.doc(ky).ma))

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

    def nhat_ky_xuat(self, xa_id: int, ky: str) -> list[tuple[int, str, str, str]]:
        bc = self.tim_bao_cao(xa_id, ky)
        if bc is None:
            return []
        return list(self.cn.execute(
            "SELECT phien_ban, duong_dan, luc, sha256 FROM nhat_ky_xuat WHERE bao_cao_id=? "
            "ORDER BY id", (bc.id,)))

    # ------------------------------------------------------------ tiện ích

    def ky_truoc_gan_nhat(self, xa_id: int, ky: Ky) -> Ky | None:
        """Báo cáo gần nhất trước kỳ `ky` (cùng loại kỳ nếu có, không thì bất kỳ)."""
        ds = [b.ky_bao_cao for b in self.cac_bao_cao(xa_id) if b.ky_bao_cao < ky]
        cung_loai = [k for k in ds if k.loai == ky.loai]
        return max(cung_loai or ds, default=None)
