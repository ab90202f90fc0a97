"""Thân văn bản: đề mục đã đánh số, đoạn văn, gạch đầu dòng, bảng, chú thích trong dòng."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from drafter import vn
from drafter.danh_so import DeMuc, duyet
from drafter.ghi_docx import kieu_chu
from drafter.ghi_docx.chu_thich import BoChuThich
from drafter.ghi_docx.oxml import dat_do_rong_cot, them_doan, them_run
from drafter.ghi_docx.trang import RONG_CHU_CM
from drafter.van_ban import Bang, ChuThich, Doan, DoanVan, Muc, NoiDungDong, VanBan

_KIEU_CAP = {
    "phan": kieu_chu.PHAN, "phan_thu": kieu_chu.PHAN,
    "chu_hoa": kieu_chu.MUC, "la_ma": kieu_chu.MUC,
    "so": kieu_chu.KHOAN, "so_thap_phan": kieu_chu.KHOAN,
    "chu": kieu_chu.DIEM,
}
_DAU_DONG = {"gach": "- ", "cong": "+ "}


class VietThan:
    def __init__(self, tai_lieu: Document, chu_thich: BoChuThich) -> None:
        self.tai_lieu = tai_lieu
        self.chu_thich = chu_thich

    def viet(self, van_ban: VanBan) -> None:
        nhan_cho: str | None = None  # số của khoản/điểm không tiêu đề, ghép vào đoạn kế tiếp
        for muc in duyet(van_ban.noi_dung, van_ban.danh_so):
            if muc.de_muc is not None:
                nhan_cho = self._de_muc(muc.de_muc)
            elif isinstance(muc.nut, DoanVan):
                self._doan_van(muc.nut, nhan_cho)
                nhan_cho = None
            elif isinstance(muc.nut, Bang):
                self._bang(muc.nut)

    def viet_noi_dung(self, doan: Paragraph, noi_dung: NoiDungDong, dam: bool = False,
                      nghieng: bool = False) -> None:
        """Các đoạn chữ trong một đoạn văn; chú thích đặt dấu ngay tại chỗ."""
        for phan in noi_dung:
            if isinstance(phan, str):
                them_run(doan, phan, dam, nghieng)
            elif isinstance(phan, Doan):
                them_run(doan, phan.chu, phan.dam or dam, phan.nghieng or nghieng, phan.to_sang)
            elif isinstance(phan, ChuThich):
                self.chu_thich.them(doan, lambda p, nd=phan.chu_thich: self.viet_noi_dung(p, nd))

    # ------------------------------------------------------------ từng loại nút

    def _de_muc(self, de_muc: DeMuc) -> str | None:
        muc: Muc = de_muc.muc
        kieu = _KIEU_CAP[de_muc.cap]
        if muc.tieu_de is None:
            dau = muc.noi_dung[0] if muc.noi_dung else None
            if isinstance(dau, DoanVan) and dau.dau_dong is None:
                return de_muc.nhan  # "1. Tiếp tục…": số đứng đầu đoạn văn, chữ thường
            _giu_voi_noi_dung(them_doan(self.tai_lieu, kieu, de_muc.nhan), muc)
            return None
        tieu_de = muc.tieu_de
        if de_muc.cap in ("chu_hoa", "la_ma", "phan", "phan_thu"):
            tieu_de = [_in_hoa(p) for p in tieu_de]  # đề mục I., A., PHẦN in hoa toàn bộ
        if de_muc.cap in ("phan", "phan_thu"):
            them_doan(self.tai_lieu, kieu, de_muc.nhan)
            doan = them_doan(self.tai_lieu, kieu)
            doan.paragraph_format.space_before = Pt(0)
            self.viet_noi_dung(doan, tieu_de)
            _giu_voi_noi_dung(doan, muc)
            return None
        doan = them_doan(self.tai_lieu, kieu, de_muc.nhan + " ")
        self.viet_noi_dung(doan, tieu_de)
        _giu_voi_noi_dung(doan, muc)
        return None

    def _doan_van(self, nut: DoanVan, nhan: str | None) -> None:
        doan = them_doan(self.tai_lieu, kieu_chu.THAN)
        if nut.can_giua:
            doan.alignment = WD_ALIGN_PARAGRAPH.CENTER
            doan.paragraph_format.first_line_indent = Cm(0)
        if nhan:
            them_run(doan, nhan + " ")
        if nut.dau_dong:
            them_run(doan, _DAU_DONG[nut.dau_dong])
        self.viet_noi_dung(doan, nut.noi_dung)

    def _bang(self, nut: Bang) -> None:
        so_cot = len(nut.hang[0])
        bang = self.tai_lieu.add_table(rows=len(nut.hang), cols=so_cot)
        bang._tbl.tblStyle_val = "TableGrid"
        rong = nut.do_rong_cot_cm or [RONG_CHU_CM / so_cot] * so_cot
        dat_do_rong_cot(bang, rong)
        for i, (hang_du_lieu, hang) in enumerate(zip(nut.hang, bang.rows, strict=True)):
            tieu_de = nut.co_tieu_de and i == 0
            for noi_dung, o in zip(hang_du_lieu, hang.cells, strict=True):
                doan = o.paragraphs[0]
                doan._p.style = kieu_chu.BANG
                if tieu_de:
                    doan.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.viet_noi_dung(doan, noi_dung, dam=tieu_de)
        # Đoạn trống ngăn bảng với đoạn sau, để hai bảng liền nhau không dính vào nhau.
        them_doan(self.tai_lieu, kieu_chu.BANG)


def _giu_voi_noi_dung(doan: Paragraph, muc: Muc) -> None:
    """Kiểu đề mục giữ đề mục cùng trang với đoạn sau nó (keepNext). Đề mục không có nội dung
    riêng (như "3.4. Tiếp tục…" cả câu in đậm) thì đoạn sau là mục khác: giữ nữa thì một dãy
    mục như thế thành một khối không được tách, Word đẩy cả khối sang trang mới và để lại
    khoảng trống gần hết trang. Đề mục chỉ giữ với đoạn đầu tiên của chính nó."""
    if not muc.noi_dung:
        doan.paragraph_format.keep_with_next = False


def _in_hoa(phan: str | Doan | ChuThich) -> str | Doan | ChuThich:
    if isinstance(phan, str):
        return vn.viet_hoa(phan)
    if isinstance(phan, Doan):
        return phan.model_copy(update={"chu": vn.viet_hoa(phan.chu)})
    return phan
