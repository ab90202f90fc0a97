"""Thân văn bản: đề mục đã đánh số, đoạn văn, gạch đầu dòng, bảng, chú thích trong dòng."""

from __future__ import annotations

import re

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from drafter import vn
from drafter.danh_so import DeMuc, duyet_van_ban
from drafter.ghi_docx import kieu_chu
from drafter.ghi_docx.chu_thich import BoChuThich
from drafter.ghi_docx.do_rong import do_rong_cm
from drafter.ghi_docx.luoc_do import con
from drafter.ghi_docx.oxml import dat_do_rong_cot, them_doan, them_run, twip
from drafter.ghi_docx.trang import RONG_CHU_CM
from drafter.van_ban import (
    DAU_DONG,
    Bang,
    ChuThich,
    DoanChu,
    DoanVan,
    Muc,
    NoiDungDong,
    OBang,
    VanBan,
    chu_tron,
)

_KIEU_CAP = {
    "phan": kieu_chu.PHAN, "phan_thu": kieu_chu.PHAN, "phan_thu_thuong": kieu_chu.PHAN,
    "chu_hoa": kieu_chu.MUC, "la_ma": kieu_chu.MUC,
    "so": kieu_chu.KHOAN, "so_thap_phan": kieu_chu.KHOAN,
    "chu": kieu_chu.DIEM,
}
# Cấp có tiêu đề in hoa theo NĐ 30 (tên phần: bắt buộc; mục I., A.: theo mẫu của Phụ lục I);
# khoản, điểm giữ chữ như người soạn gõ. Muc.in_hoa đổi được, trừ tên phần.
_IN_HOA_MAC_DINH = frozenset(("phan", "phan_thu", "phan_thu_thuong", "chu_hoa", "la_ma"))
_PHAN = frozenset(("phan", "phan_thu", "phan_thu_thuong"))
_CAN = {"trai": WD_ALIGN_PARAGRAPH.LEFT, "giua": WD_ALIGN_PARAGRAPH.CENTER,
        "phai": WD_ALIGN_PARAGRAPH.RIGHT}
# Ô "số": 53; 1.312.259.000; 96,1%; 148 ha; 36 triệu đồng — căn phải cả cột.
_LA_SO = re.compile(r"^[-+−]?\d[\d.,\s]*(%|\s*[^\d\s]{0,12}(\s[^\d\s]{1,6})?)?$")


class VietThan:
    def __init__(self, tai_lieu: Document, chu_thich: BoChuThich) -> None:
        self.tai_lieu = tai_lieu
        self.chu_thich = chu_thich

    def viet(self, van_ban: VanBan) -> None:
        nhan_cho: str | None = None  # số của khoản/điểm không tiêu đề, ghép vào đoạn kế tiếp
        for muc in duyet_van_ban(van_ban):
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
            elif isinstance(phan, DoanChu):
                them_run(doan, phan.chu, phan.dam or dam, phan.nghieng or nghieng, phan.to_sang,
                         phan.chi_so)
            elif isinstance(phan, ChuThich):
                self._chu_thich(doan, phan)

    def _chu_thich(self, doan: Paragraph, chu_thich: ChuThich) -> None:
        cac_doan = chu_thich.cac_doan
        for p, nut in zip(self.chu_thich.them(doan, len(cac_doan)), cac_doan, strict=True):
            if nut.can_giua:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if nut.dau_dong:
                them_run(p, DAU_DONG[nut.dau_dong])
            self.viet_noi_dung(p, nut.noi_dung)

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
        in_hoa = muc.in_hoa if muc.in_hoa is not None else de_muc.cap in _IN_HOA_MAC_DINH
        if in_hoa or de_muc.cap in _PHAN:
            tieu_de = [_in_hoa(p) for p in tieu_de]
        if de_muc.cap in _PHAN:
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
            them_run(doan, DAU_DONG[nut.dau_dong])
        self.viet_noi_dung(doan, nut.noi_dung)

    def _bang(self, nut: Bang) -> None:
        luoi = nut.luoi()
        so_cot = nut.so_cot
        bang = self.tai_lieu.add_table(rows=len(nut.hang), cols=so_cot)
        bang._tbl.tblStyle_val = "TableGrid"
        tblPr = bang._tbl.tblPr
        rong = do_rong_cot(nut)
        con(tblPr, "w:tblW", w=str(twip(sum(rong))), type="dxa")
        con(tblPr, "w:tblLayout", type="fixed")
        so_tieu_de = nut.so_hang_tieu_de if nut.co_tieu_de else 0
        # Gộp trước rồi mới ghi chữ: ô gộp dọc giữ một đoạn trống ở các hàng dưới.
        for i, hang in enumerate(luoi):
            for o, cot in hang:
                if o.gop_cot > 1 or o.gop_hang > 1:
                    bang.cell(i, cot).merge(bang.cell(i + o.gop_hang - 1, cot + o.gop_cot - 1))
        dat_do_rong_cot(bang, rong)
        can_cot = can_le_cot(nut)
        for i, hang in enumerate(luoi):
            tieu_de = i < so_tieu_de
            tr = bang.rows[i]._tr
            trPr = tr.get_or_add_trPr()
            con(trPr, "w:cantSplit")
            if tieu_de:
                con(trPr, "w:tblHeader")  # lặp lại hàng tiêu đề đầu mỗi trang
            for o, cot in hang:
                o_docx = bang.cell(i, cot)
                doan = o_docx.paragraphs[0]
                doan._p.style = kieu_chu.BANG
                if tieu_de or o.gop_hang > 1:
                    o_docx.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                can = o.can or ("giua" if tieu_de else
                                can_cot[cot] if o.gop_cot == 1 else "trai")
                doan.alignment = _CAN[can]
                self.viet_noi_dung(doan, o.noi_dung, dam=tieu_de or o.dam)
        # Đoạn trống ngăn bảng với đoạn sau, để hai bảng liền nhau không dính vào nhau.
        them_doan(self.tai_lieu, kieu_chu.BANG)


def _chu_o(o: OBang) -> str:
    return chu_tron(o.noi_dung).strip()


def can_le_cot(nut: Bang) -> list[str]:
    """Căn lề từng cột: theo can_cot nếu ghi; không thì cột toàn số căn phải, cột chữ căn trái."""
    so_tieu_de = nut.so_hang_tieu_de if nut.co_tieu_de else 0
    gia_tri: list[list[str]] = [[] for _ in range(nut.so_cot)]
    for hang in nut.luoi()[so_tieu_de:]:
        for o, cot in hang:
            chu = _chu_o(o)
            if o.gop_cot == 1 and chu:
                gia_tri[cot].append(chu)
    ra: list[str] = []
    for i, chu_cot in enumerate(gia_tri):
        ghi = nut.can_cot[i] if nut.can_cot else None
        ra.append(ghi or ("phai" if chu_cot and all(_LA_SO.match(c) for c in chu_cot)
                          else "trai"))
    return ra


def do_rong_cot(nut: Bang) -> list[float]:
    """Độ rộng cột (cm) vừa vùng chữ: theo do_rong_cot_cm (thu lại nếu tổng quá rộng), không
    thì chia theo chữ dài nhất của mỗi cột (chữ đơn, cỡ 13), cột hẹp nhất 1,2 cm."""
    if nut.do_rong_cot_cm:
        rong = list(nut.do_rong_cot_cm)
        tong = sum(rong)
        return [r * RONG_CHU_CM / tong for r in rong] if tong > RONG_CHU_CM else rong
    can = [1.2] * nut.so_cot
    for hang in nut.luoi():
        for o, cot in hang:
            if o.gop_cot == 1:
                chu = _chu_o(o)
                # Cột chữ dài thì xuống dòng: tính tới khoảng 8 cm là đủ cho tỷ lệ giữa các cột.
                can[cot] = max(can[cot], min(do_rong_cm(chu, 13) + 0.4, 8.0))
    tong = sum(can)
    return [c * RONG_CHU_CM / tong for c in can]


def _giu_voi_noi_dung(doan: Paragraph, muc: Muc) -> None:
    """Kiểu đề mục giữ đề mục cùng trang với đoạn sau nó (keepNext). Đề mục không có nội dung
    riêng (như "3.4. Tiếp tục…" cả câu in đậm) thì đoạn sau là mục khác: giữ nữa thì một dãy
    mục như thế thành một khối không được tách, Word đẩy cả khối sang trang mới và để lại
    khoảng trống gần hết trang. Đề mục chỉ giữ với đoạn đầu tiên của chính nó."""
    if not muc.noi_dung:
        doan.paragraph_format.keep_with_next = False


def _in_hoa(phan: str | DoanChu | ChuThich) -> str | DoanChu | ChuThich:
    if isinstance(phan, str):
        return vn.viet_hoa(phan)
    if isinstance(phan, DoanChu):
        return phan.model_copy(update={"chu": vn.viet_hoa(phan.chu)})
    return phan
