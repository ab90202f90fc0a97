"""Thứ tự phần tử con theo lược đồ OOXML (ECMA-376 Phần 1, wml.xsd) cho các phần tử ta ghi.

Word đọc theo lược đồ: một <w:pBdr> đứng sau <w:jc> trong <w:pPr>, hay <w:tblBorders> sau
<w:tblLook> là "nội dung không đọc được" mà Word có thể đòi sửa. Mọi phần tử con ta tự thêm
đều đi qua `con` (lấy hoặc tạo) hay `chen` (chèn), để nó đứng trước các phần tử theo sau
nó trong lược đồ; `loi_thu_tu` kiểm lại cả một tệp .docx (kiểm thử gọi cho mọi tệp ghi ra).

Thêm một thuộc tính mới, ví dụ tô nền chữ:

    con(rPr, "w:highlight", val="yellow")   # tự đứng sau w:sz/w:szCs, trước w:u, w:vertAlign

Thẻ chưa có trong `THU_TU` của phần tử cha thì `con` báo lỗi ngay: chép thẻ đó vào đúng chỗ
của nó trong dãy con của kiểu lược đồ tương ứng (CT_RPr, CT_PPr, CT_TblPr, CT_TcPr,
CT_SectPr…), rồi chạy kiểm thử `test_luoc_do` (openxml-audit xác nhận thứ tự).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _day(*nhom: str | tuple[str, ...]) -> dict[str, int]:
    """Dãy con của một kiểu lược đồ → hạng của từng thẻ. Một bộ (tuple) là một xs:choice:
    các thẻ trong đó cùng hạng (được lặp hay không: xem `_LAP`)."""
    hang: dict[str, int] = {}
    for i, n in enumerate(nhom):
        for the in (n,) if isinstance(n, str) else n:
            hang[the] = i
    return hang


# EG_RPrBase: thuộc tính chữ của run, của dấu đoạn (pPr/rPr), của kiểu và docDefaults.
_RPR_GOC = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)
# CT_PPrBase, rồi phần riêng của CT_PPr (rPr của dấu đoạn, sectPr, pPrChange).
_PPR = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_VIEN_BON_CANH = ("top", ("left", "start"), "bottom", ("right", "end"))

THU_TU: dict[str, dict[str, int]] = {
    # CT_ParaRPr (pPr/rPr) có thêm ins/del/moveFrom/moveTo ở đầu; CT_RPr thì không: một dãy
    # chung cho mọi rPr là đủ để kiểm thứ tự.
    "rPr": _day("ins", "del", "moveFrom", "moveTo", *_RPR_GOC, "rPrChange"),
    "pPr": _day(*_PPR),
    "pBdr": _day("top", "left", "bottom", "right", "between", "bar"),
    # tblStyleRowBandSize/ColBandSize chỉ có trong tblPr của kiểu bảng ("style/tblPr"), Open
    # XML SDK không nhận chúng trong bảng của thân văn bản; w:headers cũng không có trong tcPr.
    "tblPr": _day(
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblW", "jc", "tblCellSpacing",
        "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription", "tblPrChange",
    ),
    "style/tblPr": _day(  # CT_TblPrStyle
        "tblStyleRowBandSize", "tblStyleColBandSize", "jc", "tblCellSpacing", "tblInd",
        "tblBorders", "shd", "tblCellMar",
    ),
    "tblBorders": _day(*_VIEN_BON_CANH, "insideH", "insideV"),
    "tblCellMar": _day(*_VIEN_BON_CANH),
    # CT_TrPrBase là một xs:choice lặp: các thuộc tính hàng đứng theo thứ tự nào cũng được.
    "trPr": _day(
        ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
         "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"),
        "ins", "del", "trPrChange",
    ),
    "tcPr": _day(
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
        "textDirection", "tcFitText", "vAlign", "hideMark", ("cellIns", "cellDel", "cellMerge"),
        "tcPrChange",
    ),
    "tcBorders": _day(*_VIEN_BON_CANH, "insideH", "insideV", "tl2br", "tr2bl"),
    "tcMar": _day(*_VIEN_BON_CANH),
    "sectPr": _day(
        ("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz",
        "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
        "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
        "printerSettings", "sectPrChange",
    ),
    "style": _day(
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "uiPriority", "semiHidden",
        "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply",
        "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
    ),
    "docDefaults": _day("rPrDefault", "pPrDefault"),
}

# Thẻ được lặp (các xs:choice lặp ở trên, maxOccurs="unbounded").
_LAP: dict[str, frozenset[str]] = {
    "trPr": frozenset(THU_TU["trPr"]) - {"ins", "del", "trPrChange"},
    "sectPr": frozenset(("headerReference", "footerReference")),
    "style": frozenset(("tblStylePr",)),
}

# Phần tử mà thứ tự con còn gồm nội dung (w:p, w:r, w:tbl, w:tc): chỉ đòi phần thuộc tính
# (pPr, rPr, tblPr + tblGrid, tcPr, trPr) đứng đầu.
_DUNG_DAU_TIEN: dict[str, tuple[str, ...]] = {
    "p": ("pPr",), "r": ("rPr",), "tbl": ("tblPr", "tblGrid"), "tr": ("tblPrEx", "trPr"),
    "tc": ("tcPr",),
}


def _ten(el: _Element) -> str | None:
    """Tên cục bộ nếu là thẻ w:…, None với thẻ khác (w14:…, mc:…, chú thích XML)."""
    if not isinstance(el.tag, str) or not el.tag.startswith("{" + W + "}"):
        return None
    return el.tag[len(W) + 2:]


def _day_cua(cha: _Element) -> dict[str, int] | None:
    """Dãy con của `cha`; tblPr trong một kiểu bảng có dãy riêng (khóa "style/tblPr")."""
    ten = _ten(cha) or ""
    if ten == "tblPr":
        ong = cha.getparent()
        if ong is not None and _ten(ong) == "style":
            return THU_TU["style/tblPr"]
    return THU_TU.get(ten)


def _hang(cha: _Element, the: str) -> tuple[dict[str, int], int]:
    ten_cha = _ten(cha)
    day = _day_cua(cha)
    if day is None:
        raise KeyError(f"chưa có thứ tự lược đồ cho con của w:{ten_cha}")
    if the not in day:
        raise KeyError(f"w:{the} không có trong dãy con của w:{ten_cha} (thêm vào THU_TU)")
    return day, day[the]


def chen(cha: _Element, el: _Element) -> _Element:
    """Chèn `el` vào `cha` trước phần tử con đầu tiên đứng sau nó trong lược đồ."""
    the = _ten(el) or ""
    day, hang = _hang(cha, the)
    for i, c in enumerate(cha):
        ten = _ten(c)
        if ten is not None and day.get(ten, -1) > hang:
            cha.insert(i, el)
            return el
    cha.append(el)
    return el


def con(cha: _Element, tag: str, **thuoc_tinh: str) -> _Element:
    """Lấy (hoặc tạo, đúng chỗ theo lược đồ) phần tử con `tag` và gán thuộc tính w:…"""
    el = cha.find(qn(tag))
    if el is None:
        el = chen(cha, OxmlElement(tag))
    for k, v in thuoc_tinh.items():
        el.set(qn(f"w:{k}"), v)
    return el


# ------------------------------------------------------------------- kiểm một tệp


@dataclass(frozen=True)
class LoiLuocDo:
    """Một chỗ sai: phần tử cha (đường dẫn kiểu openxml-audit) và thẻ con sai chỗ."""

    phan: str  # "/word/document.xml"
    duong: str  # "/document[1]/body[1]/tbl[1]/tblPr[1]"
    the: str  # "tblBorders"
    mo_ta: str

    def __str__(self) -> str:
        return f"{self.phan} {self.duong}: {self.mo_ta}"


# Các phần chứa thuộc tính đoạn, chữ, bảng, trang ta ghi; settings, theme, fontTable do mẫu
# python-docx mang sẵn và ta không sửa.
_PHAN_KIEM = ("word/document.xml", "word/styles.xml", "word/footnotes.xml",
              "word/endnotes.xml", "word/numbering.xml")


def _can_kiem(ten: str) -> bool:
    return ten in _PHAN_KIEM or (
        ten.startswith(("word/header", "word/footer")) and ten.endswith(".xml"))


def loi_thu_tu_xml(goc: _Element, phan: str = "") -> list[LoiLuocDo]:
    """Các chỗ sai thứ tự, trùng lặp hay thẻ lạ trong con của những phần tử có trong THU_TU."""
    loi: list[LoiLuocDo] = []
    for cha in goc.iter(f"{{{W}}}*"):
        ten_cha = _ten(cha) or ""
        day = _day_cua(cha)
        if day is not None:
            sai = _loi_day(cha, ten_cha, day)
        elif ten_cha in _DUNG_DAU_TIEN:
            sai = _loi_dung_dau_tien(cha, ten_cha, _DUNG_DAU_TIEN[ten_cha])
        else:
            continue
        loi.extend(LoiLuocDo(phan, _duong(cha), the, mo_ta) for the, mo_ta in sai)
    return loi


def _duong(el: _Element) -> str:
    """"/document[1]/body[1]/p[3]/pPr[1]": cùng cách viết với openxml-audit để đối chiếu."""
    buoc: list[str] = []
    hien: _Element | None = el
    while hien is not None:
        the = etree.QName(hien)
        so = 1 + sum(1 for _ in hien.itersiblings(the, preceding=True))
        buoc.append(f"{the.localname}[{so}]")
        hien = hien.getparent()
    return "/" + "/".join(reversed(buoc))


def _loi_day(cha: _Element, ten_cha: str, day: dict[str, int]) -> Iterable[tuple[str, str]]:
    truoc_the, truoc_hang = None, -1
    da_co: set[str] = set()
    for c in cha:
        ten = _ten(c)
        if ten is None:
            continue
        hang = day.get(ten)
        if hang is None:
            yield ten, f"w:{ten} không được phép trong w:{ten_cha}"
            continue
        if hang < truoc_hang:
            yield ten, f"w:{ten} đứng sau w:{truoc_the}, lược đồ đòi đứng trước"
        elif ten in da_co and ten not in _LAP.get(ten_cha, ()):
            yield ten, f"w:{ten} lặp lại"
        da_co.add(ten)
        truoc_the, truoc_hang = ten, max(hang, truoc_hang)


# Dấu mốc (bookmark, chú giải…) được đứng trước tblPr trong w:tbl.
_MOC = frozenset(("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                  "permStart", "permEnd", "proofErr", "moveFromRangeStart", "moveFromRangeEnd",
                  "moveToRangeStart", "moveToRangeEnd"))


def _loi_dung_dau_tien(cha: _Element, ten_cha: str,
                       dung_dau_tien: tuple[str, ...]) -> Iterable[tuple[str, str]]:
    """pPr chỉ được đứng đầu w:p, rPr đầu w:r…: không có thẻ nào khác đứng trước chúng."""
    thay_noi_dung = False
    truoc = -1
    for c in cha:
        ten = _ten(c)
        if ten is None or (ten_cha == "tbl" and ten in _MOC):
            continue
        if ten in dung_dau_tien:
            i = dung_dau_tien.index(ten)
            if thay_noi_dung or i <= truoc:
                yield ten, f"w:{ten} phải đứng đầu w:{ten_cha}, đúng một lần"
            truoc = i
        else:
            thay_noi_dung = True


def loi_thu_tu(tep: Path | bytes,
               bo_nho: dict[tuple[str, int, int], list[LoiLuocDo]] | None = None,
               ) -> list[LoiLuocDo]:
    """Kiểm thứ tự lược đồ trong mọi phần của một tệp .docx (đường dẫn hoặc nội dung).

    `bo_nho` giữ kết quả theo (tên phần, CRC, cỡ) ghi trong zip: styles.xml (330 KB, giống
    nhau ở mọi tệp ta ghi) chỉ phải đọc một lần khi kiểm cả loạt tệp.
    """
    nguon = io.BytesIO(tep) if isinstance(tep, bytes) else tep
    loi: list[LoiLuocDo] = []
    with zipfile.ZipFile(nguon) as z:
        for tt in z.infolist():
            if not _can_kiem(tt.filename):
                continue
            khoa = (tt.filename, tt.CRC, tt.file_size)
            if bo_nho is not None and khoa in bo_nho:
                loi.extend(bo_nho[khoa])
                continue
            cua_phan = loi_thu_tu_xml(etree.fromstring(z.read(tt)), "/" + tt.filename)
            if bo_nho is not None:
                bo_nho[khoa] = cua_phan
            loi.extend(cua_phan)
    return loi
