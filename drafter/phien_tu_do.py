"""Một phiên sửa văn bản tự do (nhập từ Word): dàn ý (thêm, xóa, dời, thụt vào / ra đề mục và
đoạn văn; sửa chữ bằng cú pháp đánh dấu), thông tin văn bản, kiểm tra, lưu vào kho.

Cùng giao tiếp với PhienSoan ở những chỗ màn hình dùng chung (thông tin văn bản, xuất):
bao_cao, ky, xa_id, kho, dat_phan_dau, dat_chu_ky, dat, thong_bao, thong_bao_chinh_thuc, dem,
dung_van_ban, luu, da_thay_doi. Không biết gì về giao diện.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drafter.danh_so import LoiDanhSo, duyet
from drafter.kho import Kho
from drafter.ky_bao_cao import Ky
from drafter.phien_chung import SuaThongTinVanBan
from drafter.van_ban import DAU_DONG, Bang, DoanVan, Muc, Nut, VanBan
from drafter.van_ban_tu_do import (
    VanBanTuDo,
    cac_doan_van,
    dung_van_ban,
    kiem_tra,
    thanh_danh_dau,
    tu_danh_dau,
)

Duong = tuple[int, ...]
_VONG_DAU_DONG = [None, *DAU_DONG]  # F5 đổi lần lượt: không dấu, -, +, *


class LoiThaoTac(ValueError):
    """Thao tác dàn ý không làm được (câu tiếng Việt nói vì sao); văn bản giữ nguyên."""


@dataclass
class PhienTuDo(SuaThongTinVanBan):
    kho: Kho
    xa_id: int
    bao_cao: VanBanTuDo
    _thong_bao: list | None = None
    da_thay_doi: bool = False

    @classmethod
    def mo(cls, kho: Kho, xa_id: int, ky: Ky) -> PhienTuDo:
        tai_lieu = kho.doc(xa_id, ky.ma)
        if not isinstance(tai_lieu, VanBanTuDo):
            from drafter.kho import LoiKho

            raise LoiKho(f"{ky.ten_gon.capitalize()} là báo cáo theo biểu mẫu.")
        return cls(kho, xa_id, tai_lieu)

    @property
    def ky(self) -> Ky:
        return self.bao_cao.ky_bao_cao

    # ------------------------------------------------------------ chung với PhienSoan

    def kiem_tra_lai(self) -> None:
        self._thong_bao = None

    def thong_bao(self) -> list:
        if self._thong_bao is None:
            self._thong_bao = kiem_tra(self.bao_cao)
        return self._thong_bao

    def thong_bao_chinh_thuc(self) -> list:
        return kiem_tra(self.bao_cao, chinh_thuc=True)

    def dem(self) -> tuple[int, int]:
        tb = self.thong_bao()
        return sum(t.muc_do == "loi" for t in tb), sum(t.muc_do == "canh_bao" for t in tb)

    def loi_them_cho_chinh_thuc(self) -> list:
        """Lỗi chỉ bản chính thức mới có (số, ngày, họ tên người ký), như PhienSoan: màn hình
        thông tin văn bản dùng chung cho cả hai loại phiên."""
        da_co = {(t.truong, t.thong_diep) for t in self.thong_bao() if t.muc_do == "loi"}
        return [t for t in self.thong_bao_chinh_thuc()
                if t.muc_do == "loi" and (t.truong, t.thong_diep) not in da_co]

    def dung_van_ban(self) -> VanBan:
        return dung_van_ban(self.bao_cao)[0]

    def luu(self, ghi_chu: str = "", gop: bool = False) -> int:
        self._gon_doan_chep()
        so = self.kho.luu(self.xa_id, self.bao_cao, ghi_chu, gop=gop)
        self.da_thay_doi = False
        return so

    # ------------------------------------------------------------ đọc cây

    def nut(self, duong: Duong) -> Nut:
        cac: list[Nut] = self.bao_cao.noi_dung
        n: Nut | None = None
        for i in duong:
            n = cac[i]
            cac = n.noi_dung if isinstance(n, Muc) else []
        if n is None:
            raise LoiThaoTac("không có dòng này")
        return n

    def chu_cua(self, duong: Duong) -> str:
        """Chữ đánh dấu của tiêu đề đề mục / đoạn văn (ô sửa)."""
        n = self.nut(duong)
        if isinstance(n, Muc):
            return thanh_danh_dau(n.tieu_de) if n.tieu_de else ""
        if isinstance(n, DoanVan):
            return thanh_danh_dau(n.noi_dung)
        return ""

    def la_doan_chep(self, duong: Duong) -> bool:
        n = self.nut(duong)
        return isinstance(n, DoanVan) and thanh_danh_dau(n.noi_dung) in set(self.bao_cao.doan_chep)

    def so_doan_chua_xem(self) -> int:
        con = set(self.bao_cao.doan_chep)
        return sum(1 for _, chu in cac_doan_van(self.bao_cao) if chu in con)

    # ------------------------------------------------------------ sửa cây

    def _thay_cay(self, moi: list[Nut]) -> None:
        """Đặt cây mới nếu vẫn đánh số được (không thì LoiThaoTac, cây cũ giữ nguyên)."""
        try:
            for _ in duyet(moi, self.bao_cao.danh_so, self.bao_cao.bang_chu_cai):
                pass
        except LoiDanhSo as loi:
            raise LoiThaoTac(f"không làm được vì {loi}") from loi
        self.bao_cao.noi_dung = moi
        self._doi()

    def sua_chu(self, duong: Duong, chu: str) -> None:
        """Sửa tiêu đề / đoạn văn bằng chữ đánh dấu (**đậm**, *nghiêng*, [^chú thích])."""
        n = self.nut(duong)
        noi = tu_danh_dau(chu.strip())
        if isinstance(n, Muc):
            moi: Nut = n.model_copy(update={"tieu_de": noi or None})
        elif isinstance(n, DoanVan):
            moi = n.model_copy(update={"noi_dung": noi or [""]})
        else:
            raise LoiThaoTac("bảng chưa sửa được ở đây; sửa bằng Word rồi nhập lại")
        self._thay_cay(_thay(self.bao_cao.noi_dung, duong, lambda _: [moi]))

    def doi_dau_dong(self, duong: Duong) -> str | None:
        """Đoạn văn: không dấu → «-» → «+» → «*» → không dấu."""
        n = self.nut(duong)
        if not isinstance(n, DoanVan):
            raise LoiThaoTac("chỉ đoạn văn mới có dấu đầu dòng")
        kieu = _VONG_DAU_DONG[(_VONG_DAU_DONG.index(n.dau_dong) + 1) % len(_VONG_DAU_DONG)]
        self._thay_cay(_thay(self.bao_cao.noi_dung, duong,
                             lambda _: [n.model_copy(update={"dau_dong": kieu})]))
        return kieu

    def them_doan(self, duong: Duong | None) -> Duong:
        """Đoạn văn mới: đầu đề mục đang chọn, hay ngay sau đoạn / bảng đang chọn."""
        moi = DoanVan(noi_dung=[""])
        if not duong:
            self._thay_cay([*self.bao_cao.noi_dung, moi])
            return (len(self.bao_cao.noi_dung) - 1,)
        n = self.nut(duong)
        if isinstance(n, Muc):
            self._thay_cay(_thay(self.bao_cao.noi_dung, duong, lambda _: [
                n.model_copy(update={"noi_dung": [moi, *n.noi_dung]})]))
            return (*duong, 0)
        self._thay_cay(_thay(self.bao_cao.noi_dung, duong, lambda x: [x, moi]))
        return (*duong[:-1], duong[-1] + 1)

    def them_muc(self, duong: Duong | None) -> Duong:
        """Đề mục mới cùng cấp, ngay sau đề mục đang chọn (hay đề mục chứa đoạn đang chọn)."""
        if not duong:
            self._thay_cay([*self.bao_cao.noi_dung, Muc(tieu_de=["Mục mới"])])
            return (len(self.bao_cao.noi_dung) - 1,)
        while len(duong) > 1 and not isinstance(self.nut(duong), Muc):
            duong = duong[:-1]
        n = self.nut(duong)
        cap = n.cap if isinstance(n, Muc) else None
        moi = Muc(tieu_de=["Mục mới"], cap=cap)
        self._thay_cay(_thay(self.bao_cao.noi_dung, duong, lambda x: [x, moi]))
        return (*duong[:-1], duong[-1] + 1)

    def xoa(self, duong: Duong) -> None:
        self.nut(duong)
        self._thay_cay(_thay(self.bao_cao.noi_dung, duong, lambda _: []))

    def doi_cho(self, duong: Duong, buoc: int) -> Duong:
        """Dời lên (buoc = -1) hay xuống (+1) trong cùng đề mục cha."""
        cha = self.con_cua(duong[:-1])
        i, j = duong[-1], duong[-1] + buoc
        if not 0 <= j < len(cha):
            raise LoiThaoTac("đã ở " + ("đầu" if buoc < 0 else "cuối") + " đề mục chứa nó")
        moi = list(cha)
        moi[i], moi[j] = moi[j], moi[i]
        self._thay_cay(_thay_con(self.bao_cao.noi_dung, duong[:-1], moi))
        return (*duong[:-1], j)

    def thut_vao(self, duong: Duong) -> Duong:
        """Thành con cuối cùng của đề mục đứng ngay trên nó (cấp sâu hơn một bậc)."""
        if duong[-1] == 0 or not isinstance(
                truoc := self.con_cua(duong[:-1])[duong[-1] - 1], Muc):
            raise LoiThaoTac("ngay phía trên không phải một đề mục để đưa vào")
        n = _bo_cap(self.nut(duong))
        cha = list(self.con_cua(duong[:-1]))
        k = duong[-1]
        cha[k - 1] = truoc.model_copy(update={"noi_dung": [*truoc.noi_dung, n]})
        del cha[k]
        self._thay_cay(_thay_con(self.bao_cao.noi_dung, duong[:-1], cha))
        return (*duong[:-1], k - 1, len(truoc.noi_dung))

    def thut_ra(self, duong: Duong) -> Duong:
        """Ra khỏi đề mục chứa nó, đứng ngay sau đề mục đó (cấp nông hơn một bậc)."""
        if len(duong) < 2:
            raise LoiThaoTac("đã ở cấp ngoài cùng")
        n = _bo_cap(self.nut(duong))
        cha_duong = duong[:-1]
        cha = self.nut(cha_duong)
        assert isinstance(cha, Muc)
        con = list(cha.noi_dung)
        del con[duong[-1]]
        moi_cha = cha.model_copy(update={"noi_dung": con})
        self._thay_cay(_thay(self.bao_cao.noi_dung, cha_duong, lambda _: [moi_cha, n]))
        return (*cha_duong[:-1], cha_duong[-1] + 1)

    def giu_doan(self, duong: Duong) -> bool:
        """Đoạn chép từ kỳ trước vẫn đúng kỳ này: không còn chờ xem lại."""
        chu = self.chu_cua(duong)
        if chu not in self.bao_cao.doan_chep:
            return False
        self.bao_cao.doan_chep = [c for c in self.bao_cao.doan_chep if c != chu]
        self._doi()
        return True

    def giu_ca_muc(self, duong: Duong | None) -> int:
        """Giữ mọi đoạn chép chưa xem trong đề mục đang chọn (hay cả văn bản)."""
        from drafter.van_ban_tu_do import cac_dong

        con = set(self.bao_cao.doan_chep)
        giu = {thanh_danh_dau(d.nut.noi_dung) for d in cac_dong(self.bao_cao.noi_dung,
                                                              self.bao_cao.danh_so)
               if isinstance(d.nut, DoanVan) and (not duong or d.duong[:len(duong)] == duong)
               and thanh_danh_dau(d.nut.noi_dung) in con}
        if giu:
            self.bao_cao.doan_chep = [c for c in self.bao_cao.doan_chep if c not in giu]
            self._doi()
        return len(giu)

    def con_cua(self, duong: Duong) -> list[Nut]:
        """Các nút con của nút ở `duong` (đường rỗng: thân văn bản); đoạn văn, bảng: rỗng."""
        if not duong:
            return self.bao_cao.noi_dung
        n = self.nut(duong)
        return n.noi_dung if isinstance(n, Muc) else []

    def _gon_doan_chep(self) -> None:
        """Chỉ giữ trong doan_chep những đoạn còn nguyên chữ lúc chép."""
        if self.bao_cao.doan_chep:
            con = {chu for _, chu in cac_doan_van(self.bao_cao)}
            gon = [c for c in self.bao_cao.doan_chep if c in con]
            if gon != self.bao_cao.doan_chep:
                self.bao_cao.doan_chep = gon


def _bo_cap(n: Nut) -> Nut:
    # Đổi cấp trong cây: cấp ghi rõ cũ không còn đúng, để sơ đồ tự cho cấp ở chỗ mới.
    return n.model_copy(update={"cap": None}) if isinstance(n, Muc) else n


def _thay(cay: list[Nut], duong: Duong, f: Callable[[Nut], list[Nut]]) -> list[Nut]:
    """Cây mới với nút ở `duong` thay bằng f(nút) (0, 1 hay nhiều nút)."""
    i = duong[0]
    if len(duong) == 1:
        return [*cay[:i], *f(cay[i]), *cay[i + 1:]]
    n = cay[i]
    assert isinstance(n, Muc)
    return [*cay[:i], n.model_copy(update={"noi_dung": _thay(n.noi_dung, duong[1:], f)}),
            *cay[i + 1:]]


def _thay_con(cay: list[Nut], duong_cha: Duong, con: list[Nut]) -> list[Nut]:
    if not duong_cha:
        return con
    return _thay(cay, duong_cha, lambda n: [n.model_copy(update={"noi_dung": con})])


__all__ = ["Bang", "LoiThaoTac", "PhienTuDo"]
