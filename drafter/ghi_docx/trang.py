"""Khổ giấy, lề và số trang theo NĐ 30 (Phụ lục I, mục I.1–I.3 và I.7)."""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from drafter import nd30

# Khổ giấy, lề (trong khoảng NĐ 30 cho phép) lấy từ danh mục quy tắc, đổi mm ra cm.
RONG_GIAY_CM = nd30.RONG_GIAY.ghi / 10
CAO_GIAY_CM = nd30.CAO_GIAY.ghi / 10
LE_TREN_CM = nd30.LE_TREN.ghi / 10
LE_DUOI_CM = nd30.LE_DUOI.ghi / 10
LE_TRAI_CM = nd30.LE_TRAI.ghi / 10
LE_PHAI_CM = nd30.LE_PHAI.ghi / 10
CACH_PHAN_DAU_TRANG_CM = nd30.CACH_PHAN_DAU_TRANG.ghi / 10  # số trang nằm trong lề trên
RONG_CHU_CM = RONG_GIAY_CM - LE_TRAI_CM - LE_PHAI_CM  # 16,5 cm


def thiet_lap_trang(tai_lieu: Document) -> None:
    phan = tai_lieu.sections[0]
    phan.orientation = WD_ORIENT.PORTRAIT
    phan.page_width = Cm(RONG_GIAY_CM)
    phan.page_height = Cm(CAO_GIAY_CM)
    # Cm() tính ra EMU rồi cắt khi đổi ra twip; Word lưu twip làm tròn: 21 cm = 11906 twip,
    # 29,7 cm = 16838 twip.
    pgSz = phan._sectPr.get_or_add_pgSz()  # có sẵn: page_width vừa tạo
    pgSz.set(qn("w:w"), str(round(nd30.RONG_GIAY.ghi * nd30.TWIP_MOI_MM)))
    pgSz.set(qn("w:h"), str(round(nd30.CAO_GIAY.ghi * nd30.TWIP_MOI_MM)))
    phan.top_margin = Cm(LE_TREN_CM)
    phan.bottom_margin = Cm(LE_DUOI_CM)
    phan.left_margin = Cm(LE_TRAI_CM)
    phan.right_margin = Cm(LE_PHAI_CM)
    phan.header_distance = Cm(CACH_PHAN_DAU_TRANG_CM)
    phan.footer_distance = Cm(CACH_PHAN_DAU_TRANG_CM)
    phan.gutter = Cm(0)

    # Trang 1 không hiện số trang: trang đầu có đầu trang riêng, để trống.
    phan.different_first_page_header_footer = True
    phan.first_page_header.paragraphs[0].text = ""
    doan = phan.header.paragraphs[0]
    doan.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _truong_page(doan)


def _truong_page(doan) -> None:
    """Trường PAGE thật (begin / instrText / separate / kết quả / end), cỡ theo NĐ 30, đứng."""
    for loai, chu in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                      ("end", None)):
        run = doan.add_run()
        run.font.size = Pt(nd30.CO_SO_TRANG.ghi)
        if loai:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), loai)
            run._r.append(fld)
        elif chu == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = chu
            run._r.append(instr)
        else:
            run.text = chu
