"""Các kiểu (style) của văn bản: phông, cỡ chữ, căn lề, giãn dòng theo NĐ 30.

Đặt định dạng ở kiểu chứ không ở từng đoạn chữ: tệp nhỏ hơn, ghi nhanh hơn, và người sửa
trong Word đổi một kiểu là đổi cả văn bản.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle

from drafter import nd30
from drafter.ghi_docx.luoc_do import con
from drafter.ghi_docx.oxml import phong_bon_o

# Giá trị của NĐ 30 lấy từ danh mục quy tắc (drafter/nd30.py), không ghi số ở đây.
CO_CHU_THAN_PT = nd30.CO_CHU_THAN.ghi
GIAN_DONG_BOI_SO = nd30.GIAN_DONG.ghi
THUT_DONG_DAU_CM = nd30.THUT_DAU_DONG.ghi
CACH_DOAN_PT = nd30.CACH_DOAN.ghi

# Mã kiểu (style id) không dấu, giữ nguyên khi mở ở máy khác; tên hiện trong Word có dấu.
THAN = "VBThan"
PHAN = "VBPhan"
MUC = "VBMuc"
KHOAN = "VBKhoan"
DIEM = "VBDiem"
CAN_CU = "VBCanCu"
BANG = "VBBang"
CHU_THICH = "FootnoteText"
THAM_CHIEU_CHU_THICH = "FootnoteReference"
_TEN = {THAN: "VB Thân văn bản", PHAN: "VB Phần", MUC: "VB Mục", KHOAN: "VB Khoản",
        DIEM: "VB Điểm", CAN_CU: "VB Căn cứ", BANG: "VB Bảng", CHU_THICH: "footnote text",
        THAM_CHIEU_CHU_THICH: "footnote reference"}


def thiet_lap_kieu(tai_lieu: Document) -> None:
    styles_el = tai_lieu.styles.element
    # Mọi kiểu có sẵn trong mẫu: bỏ phông theme và màu (Heading mặc định có màu xanh).
    for rfonts in styles_el.iter(qn("w:rFonts")):
        phong_bon_o(rfonts)
    for mau_sac in list(styles_el.iter(qn("w:color"))):
        mau_sac.getparent().remove(mau_sac)
    _mac_dinh_tai_lieu(styles_el)

    kieu = tai_lieu.styles
    normal = kieu["Normal"]
    normal.font.size = Pt(CO_CHU_THAN_PT)
    _khoang_cach(normal, 0, 1.0)

    than = _kieu_doan(tai_lieu, THAN)
    than.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    than.paragraph_format.first_line_indent = Cm(THUT_DONG_DAU_CM)
    _khoang_cach(than, CACH_DOAN_PT, GIAN_DONG_BOI_SO)
    than.paragraph_format.widow_control = True

    phan = _kieu_doan(tai_lieu, PHAN, THAN)
    phan.font.bold = True
    phan.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    phan.paragraph_format.first_line_indent = Cm(0)
    phan.paragraph_format.keep_with_next = True

    for ten, dam in ((MUC, True), (KHOAN, True), (DIEM, False)):
        k = _kieu_doan(tai_lieu, ten, THAN)
        k.font.bold = dam
        k.paragraph_format.keep_with_next = True

    can_cu = _kieu_doan(tai_lieu, CAN_CU, THAN)
    can_cu.font.italic = True

    bang = _kieu_doan(tai_lieu, BANG)
    bang.font.size = Pt(13)
    _khoang_cach(bang, 3, 1.0)
    bang.paragraph_format.space_after = Pt(3)

    chu_thich = _kieu_doan(tai_lieu, CHU_THICH)
    chu_thich.font.size = Pt(12)
    chu_thich.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _khoang_cach(chu_thich, 0, 1.0)

    tham_chieu = kieu.add_style(_TEN[THAM_CHIEU_CHU_THICH], WD_STYLE_TYPE.CHARACTER)
    tham_chieu.style_id = THAM_CHIEU_CHU_THICH
    tham_chieu.font.superscript = True


def _mac_dinh_tai_lieu(styles_el) -> None:
    """docDefaults: Times New Roman bốn ô, cỡ chữ thân văn bản, chữ đen, tiếng Việt."""
    doc_defaults = styles_el.find(qn("w:docDefaults"))
    rPr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    phong_bon_o(con(rPr, "w:rFonts"))
    con(rPr, "w:sz", val=str(CO_CHU_THAN_PT * 2))
    con(rPr, "w:szCs", val=str(CO_CHU_THAN_PT * 2))
    con(rPr, "w:color", val=nd30.MAU_SAC_CHU.ghi)
    con(rPr, "w:lang", val="vi-VN", eastAsia="vi-VN", bidi="ar-SA")


def _kieu_doan(tai_lieu: Document, ma: str, dua_tren: str = "Normal") -> ParagraphStyle:
    k = tai_lieu.styles.add_style(_TEN[ma], WD_STYLE_TYPE.PARAGRAPH)
    k.style_id = ma
    k.element.basedOn_val = dua_tren
    k.quick_style = True
    return k


def _khoang_cach(kieu: ParagraphStyle, truoc_pt: float, gian_dong: float) -> None:
    pf = kieu.paragraph_format
    pf.space_before = Pt(truoc_pt)
    pf.space_after = Pt(0)
    pf.line_spacing = gian_dong
