"""Một phiên soạn báo cáo: báo cáo đang sửa, kiểm tra, cụm số suy ra để hiện ngay, lưu vào kho.

Không biết gì về giao diện: màn hình soạn của Textual chỉ gọi các hàm ở đây. Mọi giá trị được
giữ đúng như người dùng gõ (kể cả gõ sai) để không mất chữ nào; kiểm tra chạy lại khi có thay đổi.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from drafter.bieu_mau.cau_van import CauVan
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu, MucBieuMau, doc_bieu_mau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, PhanConNhap, SoLieuNhap
from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao, kiem_tra, kiem_tra_chi_tieu
from drafter.bieu_mau.tinh_toan import tinh_so_lieu
from drafter.kho import Kho
from drafter.ky_bao_cao import Ky
from drafter.phien_chung import SuaThongTinVanBan
from drafter.van_ban import ChuThich, DoanChu, VanBan

if TYPE_CHECKING:
    from drafter.so_lieu_ky import SoLieuKy

TrangThaiMuc = Literal["loi", "canh_bao", "xem_lai", "xong", "trong"]
KY_HIEU_TRANG_THAI = {"loi": "✗", "canh_bao": "!", "xem_lai": "↻", "xong": "✓", "trong": "·"}


@dataclass
class PhienSoan(SuaThongTinVanBan):
    kho: Kho
    xa_id: int
    bao_cao: BaoCaoDuLieu
    bieu_mau: BieuMau
    _thong_bao: list[ThongBao] | None = None
    da_thay_doi: bool = False
    # Số so sánh lấy từ kho khi mở ("cung_ky", "ky_truoc"): để nói mỗi số từ đâu mà có.
    so_sanh: dict[str, SoLieuKy] = field(default_factory=dict)
    lan_luu: tuple[datetime, int] | None = None  # (lúc, số phiên bản) của lần lưu gần nhất

    @classmethod
    def mo(cls, kho: Kho, xa_id: int, ky: Ky) -> PhienSoan:
        from drafter.chuyen_ky import dien_so_sanh, so_sanh_cua

        bao_cao = kho.doc_bieu_mau(xa_id, ky.ma)
        bieu_mau = doc_bieu_mau(bao_cao.bieu_mau)
        so_sanh = so_sanh_cua(kho, xa_id, ky, bieu_mau)
        return cls(kho, xa_id, dien_so_sanh(bao_cao, bieu_mau, so_sanh), bieu_mau,
                   so_sanh=so_sanh)

    @property
    def ky(self) -> Ky:
        return self.bao_cao.ky_bao_cao

    # ------------------------------------------------------------ sửa

    def so_lieu(self, ma: str) -> SoLieuNhap:
        """Số đã nhập của chỉ tiêu, chỉ để đọc: chưa nhập thì một bản trống không gắn vào báo
        cáo (đọc không thêm gì vào báo cáo). Sửa số qua dat_so, dat_phan_con."""
        s = self.bao_cao.so_lieu.get(ma)
        return SoLieuNhap() if s is None else s

    def _so_lieu_de_sua(self, ma: str) -> SoLieuNhap:
        """Số của chỉ tiêu trong báo cáo, thêm một bản trống vào báo cáo nếu chưa có."""
        return self.bao_cao.so_lieu.setdefault(ma, SoLieuNhap())

    def dat_so(self, ma: str, truong: str, chu: str) -> None:
        setattr(self._so_lieu_de_sua(ma), truong, chu if chu.strip() else None)
        if truong == "gia_tri":
            self._bo_so_chep(ma)  # gõ số kỳ này: số giữ từ kỳ trước đã được thay
        self._doi()

    def _bo_so_chep(self, ma: str) -> None:
        if ma in self.bao_cao.so_lieu_chep:
            self.bao_cao.so_lieu_chep = [m for m in self.bao_cao.so_lieu_chep if m != ma]

    def xac_nhan_so(self, ma: str) -> bool:
        """Số giữ từ kỳ trước vẫn đúng kỳ này. Trả về False nếu số đó không chờ xác nhận."""
        if ma not in self.bao_cao.so_lieu_chep:
            return False
        self._bo_so_chep(ma)
        self._doi()
        return True

    def xac_nhan_so_ca_muc(self, ma_muc: str) -> int:
        """Xác nhận mọi số giữ từ kỳ trước của một mục (và các mục con); trả về số đã xác nhận."""
        cac_ma = {c.ma for m in self._cac_muc_con(ma_muc) for c in self.bieu_mau.chi_tieu_cua(m)}
        chon = [m for m in self.bao_cao.so_lieu_chep if m in cac_ma]
        for m in chon:
            self._bo_so_chep(m)
        if chon:
            self._doi()
        return len(chon)

    def dat_phan_con(self, ma: str, phan: list[tuple[str, str]]) -> None:
        self._so_lieu_de_sua(ma).phan_con = [PhanConNhap(ten=t, gia_tri=g or None)
                                             for t, g in phan if t.strip() or g.strip()]
        self._doi()

    def dat_van_ban(self, ma_muc: str, chu: str) -> None:
        """Lời văn cả mục (các đoạn cách nhau một dòng trống). Đoạn chép từ kỳ trước mà chữ đã
        sửa thì không còn chờ xem lại: chúng không còn khớp chữ lúc chép."""
        doan = [d.strip() for d in chu.replace("\r\n", "\n").split("\n\n")]
        self.bao_cao.van_ban[ma_muc] = [d for d in doan if d]
        self._gon_doan_chep(ma_muc)
        self._doi()

    def chu_van_ban(self, ma_muc: str) -> str:
        return "\n\n".join(self.bao_cao.van_ban.get(ma_muc, []))

    def doan_chua_xem(self, ma_muc: str) -> list[tuple[int, str]]:
        """(số thứ tự từ 1, chữ) của các đoạn chép từ kỳ trước chưa xem lại trong mục."""
        chua = set(self.bao_cao.doan_chua_xem(ma_muc))
        return [(i, d) for i, d in enumerate(self.bao_cao.van_ban.get(ma_muc, []), start=1)
                if d in chua]

    def giu_doan(self, ma_muc: str, chu: str) -> None:
        """Giữ nguyên một đoạn chép từ kỳ trước (đã đọc, vẫn đúng kỳ này)."""
        chep = self.bao_cao.doan_chep.get(ma_muc, [])
        if chu in chep:
            chep = list(chep)
            chep.remove(chu)
            self._dat_doan_chep(ma_muc, chep)
            self._doi()

    def bo_doan(self, ma_muc: str, chu: str) -> None:
        """Bỏ một đoạn chép từ kỳ trước khỏi báo cáo (phiên bản trước vẫn giữ chữ đó)."""
        doan = list(self.bao_cao.van_ban.get(ma_muc, []))
        if chu in doan:
            doan.remove(chu)
            self.bao_cao.van_ban[ma_muc] = doan
            self.giu_doan(ma_muc, chu)
            self._gon_doan_chep(ma_muc)
            self._doi()

    def giu_ca_muc(self, ma_muc: str) -> int:
        """Giữ mọi đoạn chép còn chờ của mục; trả về số đoạn."""
        so = len(self.bao_cao.doan_chua_xem(ma_muc))
        if ma_muc in self.bao_cao.doan_chep:
            self._dat_doan_chep(ma_muc, [])
            self._doi()
        return so

    def _dat_doan_chep(self, ma_muc: str, chep: list[str]) -> None:
        doan_chep = dict(self.bao_cao.doan_chep)
        if chep:
            doan_chep[ma_muc] = chep
        else:
            doan_chep.pop(ma_muc, None)
        self.bao_cao.doan_chep = doan_chep

    def _gon_doan_chep(self, ma_muc: str) -> None:
        """Chỉ giữ trong doan_chep những đoạn còn nguyên chữ trong lời văn."""
        if ma_muc in self.bao_cao.doan_chep:
            self._dat_doan_chep(ma_muc, self.bao_cao.doan_chua_xem(ma_muc))

    # ------------------------------------------------------------ nhiệm vụ kỳ trước

    def dat_nhiem_vu(self, i: int, **thay: object) -> None:
        """Sửa nhiệm vụ thứ i (từ 0): trang_thai, ket_qua, noi_dung."""
        ds = list(self.bao_cao.nhiem_vu_ky_truoc)
        ds[i] = ds[i].model_copy(update=thay)
        self.bao_cao.nhiem_vu_ky_truoc = ds
        self._doi()

    def dat_chi_tieu_ke_hoach(self, ma: str, cac: list) -> None:
        """Kế hoạch năm: các chỉ tiêu kế hoạch (MucTieu) của chỉ tiêu `ma`; rỗng là bỏ."""
        ds = dict(self.bao_cao.chi_tieu_ke_hoach)
        if cac:
            ds[ma] = list(cac)
        else:
            ds.pop(ma, None)
        self.bao_cao.chi_tieu_ke_hoach = ds
        self._doi()

    def dat_nhiem_vu_ke_hoach(self, ds: list) -> None:
        self.bao_cao.nhiem_vu_ke_hoach = list(ds)
        self._doi()

    def goi_y_nhiem_vu(self) -> list[str]:
        from drafter.chuyen_ky import goi_y_nhiem_vu

        return goi_y_nhiem_vu(self.bao_cao)

    # ------------------------------------------------------------ số của các xã cũ

    def dat_chu_thich_xa_cu(self, bat: bool) -> bool:
        """Bật/tắt chú thích «số cùng kỳ là tổng của các xã cũ»; False nếu báo cáo không có số
        cùng kỳ nào của các xã cũ."""
        xa_cu = self.bao_cao.cung_ky_xa_cu
        if xa_cu is None:
            return False
        if xa_cu.chu_thich != bat:
            self.bao_cao.cung_ky_xa_cu = xa_cu.model_copy(update={"chu_thich": bat})
            self._doi()
        return True

    def nguon_cung_ky(self, ct: ChiTieu) -> str:
        """Số cùng kỳ của chỉ tiêu từ đâu mà có, khi đó là tổng của các xã cũ (rỗng: số của
        chính xã, không cần nói)."""
        from drafter.so_lieu_ky import ten_cac_xa

        ck = self.so_sanh.get("cung_ky")
        if ck is None or not ck.xa_cu:
            return ""
        don_vi = f" {ct.don_vi}" if ct.don_vi and ct.loai != "ti_so" else ""
        ten_ky = ck.ky.ten_gon if ck.ky.loai == "quy" else ck.ky.ten
        nhap = (self.bao_cao.so_lieu.get(ct.ma) or SoLieuNhap()).cung_ky
        tong = ck.gia_tri(ct.ma)
        if tong is None:
            ly_do = ck.thieu.get(ct.ma) or "các xã cũ không có số này"
            if nhap not in (None, ""):
                return f"Cùng kỳ: số bạn nhập (tổng các xã cũ chưa có: {ly_do})."
            return f"Cùng kỳ {ten_ky}: chưa có — {ly_do}."
        phan = "; ".join(f"{ten} {_x_y(x, y)}{don_vi}" if x is not None else f"{ten} chưa có"
                         for ten, x, y in ck.chi_tiet.get(ct.ma, []))
        tong_chu = _x_y(tong.gia_tri, tong.mau_so) + don_vi
        if ct.loai == "ti_so" and tong.mau_so not in (None, ""):
            s = tinh_so_lieu(ct, SoLieuNhap(gia_tri=tong.gia_tri, mau_so=tong.mau_so))
            if s.ty_le is not None:
                from drafter import vn

                tong_chu += f", đạt {vn.phan_tram(s.ty_le, ct.so_le_ty_le)}"
        if nhap not in (None, "") and str(nhap) != str(tong.gia_tri):
            return f"Cùng kỳ: số bạn nhập; tổng {ten_ky} của các xã cũ là {tong_chu} ({phan})."
        return (f"Cùng kỳ {ten_ky} = tổng của {ten_cac_xa(ck.xa_cu)} trước sắp xếp: "
                f"{tong_chu} ({phan}).")

    # ------------------------------------------------------------ kiểm tra và số suy ra

    def kiem_tra_lai(self) -> None:
        """Bỏ kết quả kiểm tra đã nhớ: lần hỏi sau kiểm tra lại cả báo cáo."""
        self._thong_bao = None

    def thong_bao(self) -> list[ThongBao]:
        """Mọi lỗi và cảnh báo của bản trình ký (số, ngày văn bản để trống là đúng)."""
        if self._thong_bao is None:
            self._thong_bao = kiem_tra(self.bieu_mau, self.bao_cao)
        return self._thong_bao

    def thong_bao_chinh_thuc(self) -> list[ThongBao]:
        """Như thong_bao, thêm các đòi hỏi của bản phát hành (số, ngày, họ tên người ký)."""
        return kiem_tra(self.bieu_mau, self.bao_cao, chinh_thuc=True)

    def loi_them_cho_chinh_thuc(self) -> list[ThongBao]:
        """Lỗi chỉ bản chính thức mới có (số, ngày văn bản, họ tên người ký): cùng với các lỗi
        của thong_bao là đủ mọi điều màn hình xuất từ chối bản chính thức. Chỉ kiểm tra thông tin
        văn bản, nên rẻ, gọi được mỗi lần cập nhật dòng trạng thái."""
        from drafter.bieu_mau.kiem_tra_so_lieu import kiem_thong_tin

        da_co = {t.truong for t in self.thong_bao() if t.nhom == "van_ban" and t.muc_do == "loi"}
        return [t for t in kiem_thong_tin(self.bao_cao, chinh_thuc=True)
                if t.muc_do == "loi" and t.truong not in da_co]

    def chi_tieu_theo_thu_tu_in(self, ma_muc: str) -> list[ChiTieu]:
        """Chỉ tiêu của mục theo thứ tự sẽ in: trước hết theo chỗ giữ [[mã]] trong lời văn, rồi
        các chỉ tiêu lời văn không nhắc (in thành gạch đầu dòng cuối mục) theo thứ tự biểu mẫu."""
        from drafter.bieu_mau.danh_dau import cac_giu_cho, phan_tich

        cac = self.bieu_mau.chi_tieu_cua(ma_muc)
        thu_tu: dict[str, int] = {}
        for doan in self.bao_cao.van_ban.get(ma_muc, []):
            # phan_tich không bao giờ lỗi: đoạn viết dở vẫn cho các chỗ giữ đã đóng.
            for g in cac_giu_cho(phan_tich(doan)):
                thu_tu.setdefault(g.ma, len(thu_tu))
        return sorted(cac, key=lambda c: thu_tu.get(c.ma, len(thu_tu) + cac.index(c)))

    def dem(self) -> tuple[int, int]:
        tb = self.thong_bao()
        return sum(t.muc_do == "loi" for t in tb), sum(t.muc_do == "canh_bao" for t in tb)

    def thong_bao_cua(self, ma_chi_tieu: str) -> list[ThongBao]:
        """Thông báo của một chỉ tiêu. Khi báo cáo vừa đổi, chỉ kiểm tra riêng chỉ tiêu đó
        (nhanh, cho mỗi phím gõ); kiểm tra cả báo cáo chạy khi lưu."""
        if self._thong_bao is None:
            ct = self.bieu_mau.chi_tieu_theo_ma()[ma_chi_tieu]
            return kiem_tra_chi_tieu(self.bieu_mau, ct, self.bao_cao.so_lieu.get(ma_chi_tieu),
                                     self.bao_cao)
        return [t for t in self.thong_bao() if t.ma_chi_tieu == ma_chi_tieu]

    def cum_so_lieu(self, ct: ChiTieu) -> str:
        """Câu số liệu như sẽ in trong văn bản, để hiện ngay dưới ô nhập."""
        s = tinh_so_lieu(ct, self.bao_cao.so_lieu.get(ct.ma))
        if s.loi:
            return ""
        from drafter.bieu_mau.dung_van_ban import cach_viet_cua

        cach_viet = cach_viet_cua(self.bieu_mau, self.bao_cao)
        return "".join(x if isinstance(x, str) else x.chu for x in
                       CauVan(s, cach_viet).theo_truong("cau") if not isinstance(x, ChuThich)
                       and isinstance(x, str | DoanChu))

    def tong_phan_con(self, ct: ChiTieu) -> str:
        from drafter import vn

        s = tinh_so_lieu(ct, self.bao_cao.so_lieu.get(ct.ma))
        tong = s.tong_phan_con
        if tong is None:
            return ""
        chu = f"Cộng các phần: {vn.so(tong, ct.so_le)} {ct.don_vi}".rstrip()
        so = s.gia_tri_so
        if so is not None and tong != so:
            chu += f" — khác tổng {vn.so(so, ct.so_le)} {ct.don_vi}".rstrip()
        return chu

    def trang_thai_muc(self, muc: MucBieuMau) -> TrangThaiMuc:
        cac_ma = self._cac_muc_con(muc.ma)
        tb = [t for t in self.thong_bao() if t.ma_muc in cac_ma]
        xem_lai = ("doan_chep", "so_chep", "muc_tieu")  # chép từ kỳ / kế hoạch trước
        if any(t.muc_do == "loi" and t.nhom not in xem_lai for t in tb):
            return "loi"
        if any(t.nhom in xem_lai for t in tb):
            return "xem_lai"
        if tb:
            return "canh_bao"
        co_noi_dung = any(self.bao_cao.van_ban.get(m) for m in cac_ma) or any(
            not self.so_lieu_trong(c.ma) for m in cac_ma for c in self.bieu_mau.chi_tieu_cua(m))
        return "xong" if co_noi_dung else "trong"

    def so_lieu_trong(self, ma: str) -> bool:
        s = self.bao_cao.so_lieu.get(ma)
        return s is None or s.gia_tri in (None, "")

    def _cac_muc_con(self, ma: str) -> set[str]:
        ra = {ma}
        for con in self.bieu_mau.con_cua(ma):
            ra |= self._cac_muc_con(con.ma)
        return ra

    # ------------------------------------------------------------ lưu

    def dung_van_ban(self) -> VanBan:
        """Văn bản để in (màn hình xuất dùng chung với văn bản tự do: PhienTuDo)."""
        from drafter.bieu_mau.dung_van_ban import dung

        return dung(self.bieu_mau, self.bao_cao)

    def luu(self, ghi_chu: str = "", gop: bool = False) -> int:
        """gop=True cho tự lưu khi ngừng gõ: cả đợt sửa gộp vào một phiên bản (Kho.luu)."""
        so = self.kho.luu(self.xa_id, self.bao_cao, ghi_chu, gop=gop)
        self.da_thay_doi = False
        self.lan_luu = (datetime.now(), so)
        return so


def _x_y(x: object, y: object) -> str:
    return f"{x}/{y}" if y not in (None, "") else str(x)
