"""Vài thao tác XML nhỏ mà python-docx không có sẵn: viền, độ rộng cột, đường kẻ, cỡ chữ."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement, _Element

from drafter import nd30
from drafter.ghi_docx.luoc_do import con

PHONG = nd30.PHONG.ghi


def twip(cm: float) -> int:
    return round(cm * nd30.TWIP_MOI_CM)


def phong_bon_o(rfonts: _Element) -> None:
    """Times New Roman ở cả bốn ô phông (ascii, hAnsi, eastAsia, cs), bỏ phông theo theme."""
    for k in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{k}"), None)
    for k in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{k}"), PHONG)


def bang_khong_vien(bang: Table, do_rong_cm: list[float], le_o_cm: float = 0.1) -> None:
    """Bảng không viền, bố cục cố định, cột rộng đúng số cm (bảng phần đầu, bảng chữ ký)."""
    tblPr = bang._tbl.tblPr
    vien = con(tblPr, "w:tblBorders")
    for canh in ("top", "left", "bottom", "right", "insideH", "insideV"):
        con(vien, f"w:{canh}", val="nil")
    con(tblPr, "w:tblLayout", type="fixed")
    tong = sum(do_rong_cm)
    con(tblPr, "w:tblW", w=str(twip(tong)), type="dxa")
    le = con(tblPr, "w:tblCellMar")
    for canh in ("left", "right"):
        con(le, f"w:{canh}", w=str(twip(le_o_cm)), type="dxa")
    dat_do_rong_cot(bang, do_rong_cm)


def dat_do_rong_cot(bang: Table, do_rong_cm: list[float]) -> None:
    """Độ rộng từng cột lưới và từng ô; ô gộp cột (gridSpan) rộng bằng tổng các cột nó trải."""
    grid = bang._tbl.tblGrid
    for cot_luoi, rong in zip(grid.findall(qn("w:gridCol")), do_rong_cm, strict=True):
        cot_luoi.set(qn("w:w"), str(twip(rong)))
    for tr in bang._tbl.tr_lst:
        cot = 0
        for tc in tr.tc_lst:
            rong = sum(do_rong_cm[cot:cot + tc.grid_span])
            con(tc.get_or_add_tcPr(), "w:tcW", w=str(twip(rong)), type="dxa")
            cot += tc.grid_span


def duong_ke(doan: Paragraph, do_dai_cm: float, rong_o_cm: float) -> None:
    """Biến một đoạn trống thành đường kẻ ngang nét liền dài `do_dai_cm`, căn giữa trong ô.

    Dùng viền trên của đoạn, độ dài điều khiển bằng thụt lề hai bên: Word và LibreOffice
    đều hiển thị giống nhau và người sửa tay vẫn kéo được.
    """
    thua = max(rong_o_cm - do_dai_cm, 0) / 2
    pPr = doan._p.get_or_add_pPr()
    vien = con(pPr, "w:pBdr")
    con(vien, "w:top", val="single", sz="6", space="1", color=nd30.MAU_SAC_CHU.ghi)
    con(pPr, "w:ind", left=str(twip(thua)), right=str(twip(thua)), firstLine="0")
    # Cách chữ phía trên một chút, đoạn kẻ thấp để đường kẻ vẫn sát dòng chữ.
    doan.paragraph_format.space_before = Pt(3)
    doan.paragraph_format.space_after = Pt(0)
    doan.paragraph_format.line_spacing = Pt(6)
    rPr = con(pPr, "w:rPr")
    con(rPr, "w:sz", val="4")


def them_doan(tai_lieu, kieu: str | None = None, chu: str = "") -> Paragraph:
    """Đoạn mới cuối thân văn bản, gán kiểu bằng mã (nhanh hơn tra theo tên trong python-docx)."""
    doan = tai_lieu.add_paragraph(chu)
    if kieu:
        doan._p.style = kieu
    return doan


_T = qn("w:t")
_R = qn("w:r")
_RPR = qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TACH_TAB_DONG = re.compile(r"(\t|\n)")


_VI_TRI_DOC = {"tren": "superscript", "duoi": "subscript"}


def them_run(doan: Paragraph, chu: str, dam: bool = False, nghieng: bool = False,
             to_sang: bool = False, chi_so: str | None = None) -> _Element:
    """Thêm một w:r thẳng bằng lxml: nhanh hơn nhiều so với Run.text của python-docx (vốn
    thêm từng ký tự), mà vẫn đổi tab thành w:tab và xuống dòng thành w:br như Word.

    w:b rồi w:i là đúng thứ tự lược đồ; thuộc tính khác (w:highlight, w:vertAlign…) thêm
    bằng luoc_do.con(rpr, "w:highlight", val="yellow") để tự đứng đúng chỗ."""
    # Kiểu tường minh: types-lxml cho SubElement trả cùng lớp với cha (ở đây CT_P).
    r: _Element = SubElement(doan._p, _R)
    if dam or nghieng or to_sang or chi_so:
        rpr = SubElement(r, _RPR)
        if dam:
            SubElement(rpr, qn("w:b"))
        if nghieng:
            SubElement(rpr, qn("w:i"))
        if to_sang:
            con(rpr, "w:highlight", val="yellow")
        if chi_so:
            con(rpr, "w:vertAlign", val=_VI_TRI_DOC[chi_so])
    for phan in _TACH_TAB_DONG.split(chu) if ("\t" in chu or "\n" in chu) else (chu,):
        if phan == "\t":
            SubElement(r, qn("w:tab"))
        elif phan == "\n":
            SubElement(r, qn("w:br"))
        elif phan:
            t: _Element = SubElement(r, _T)
            t.text = phan
            if phan[0] == " " or phan[-1] == " " or "  " in phan:
                t.set(_XML_SPACE, "preserve")
    return r


def them_chu(doan: Paragraph, chu: str, co_pt: float | None = None, dam: bool | None = None,
             nghieng: bool | None = None) -> None:
    """Thêm một đoạn chữ với định dạng trực tiếp (chỉ những gì khác kiểu của đoạn)."""
    run = doan.add_run(chu)
    if co_pt is not None:
        run.font.size = Pt(co_pt)
    if dam is not None:
        run.font.bold = dam
    if nghieng is not None:
        run.font.italic = nghieng


def doan_o(o, chu: str | None = None, co_pt: float | None = None, dam: bool | None = None,
           nghieng: bool | None = None, can_giua: bool = True, dau_tien: bool = False) -> Paragraph:
    """Một đoạn trong ô bảng: dùng đoạn trống sẵn có của ô cho đoạn đầu tiên."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doan = o.paragraphs[0] if dau_tien else o.add_paragraph()
    if can_giua:
        doan.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if chu is not None:
        them_chu(doan, chu, co_pt, dam, nghieng)
    return doan
