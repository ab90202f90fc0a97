"""Đo trên tệp .docx: bề rộng ô chứa một đoạn, độ dài đường kẻ, khổ chữ của trang."""

from __future__ import annotations

import re

from lxml import etree

from drafter.kiem_tra.doc_docx import EMU, NS, Doan, TaiLieuDocx, do, so_do, w
from drafter.nd30 import TWIP_MOI_CM

EMU_MOI_CM = 360000
_LE_O_MAC_DINH_TWIP = 108  # lề trái/phải mặc định của ô bảng trong Word (0,19 cm)


def rong_chu_trang_cm(tl: TaiLieuDocx) -> float:
    sect = tl.sect_pr()
    if sect is None:
        return 16.5
    pg, le = sect.find(w("pgSz")), sect.find(w("pgMar"))
    rong = do(pg, "w", mac_dinh=11906)
    trai = do(le, "left", mac_dinh=1701)
    phai = do(le, "right", mac_dinh=1134)
    return (rong - trai - phai) / TWIP_MOI_CM


def _to_tien(el: etree._Element | None, tag: str) -> etree._Element | None:
    while el is not None and el.tag != w(tag):
        el = el.getparent()
    return el


def _rong_khung_chu_cm(el: etree._Element) -> float | None:
    """Bề rộng phần chữ của khung chữ (text box) chứa el: VML style "width:…pt" hoặc
    DrawingML wp:extent cx, trừ lề trong mặc định của khung (0,25 cm mỗi bên)."""
    cha = el.getparent()
    while cha is not None and etree.QName(cha).localname != "txbxContent":
        cha = cha.getparent()
    if cha is None:
        return None
    while cha is not None:
        ten = etree.QName(cha).localname
        if ten in ("shape", "rect", "roundrect") and "width:" in cha.get("style", ""):
            m = re.search(r"width:\s*(\d{1,9}(?:\.\d{1,9})?)\s*(pt|in|cm|mm)?",
                          cha.get("style", ""))
            if m:
                he_so = {"pt": 2.54 / 72, "in": 2.54, "cm": 1.0, "mm": 0.1}[m.group(2) or "pt"]
                return float(m.group(1)) * he_so - 0.5
        if ten in ("anchor", "inline"):
            ext = cha.find("{*}extent")
            cx = so_do(ext.get("cx"), EMU) if ext is not None else None
            if cx is not None:
                return cx / EMU_MOI_CM - 0.5
        cha = cha.getparent()
    return None


def rong_vung_chu_cm(tl: TaiLieuDocx, d: Doan) -> float:
    """Bề rộng dành cho chữ của đoạn: bề rộng ô trừ lề ô, bề rộng khung chữ, hoặc khổ chữ
    của trang."""
    khung = _rong_khung_chu_cm(d.el)
    if khung is not None:
        return khung
    tc = _to_tien(d.el, "tc")
    if tc is None:
        return rong_chu_trang_cm(tl)
    tbl = _to_tien(tc, "tbl")
    rong_twip = None
    tcw = tc.find("w:tcPr/w:tcW", NS)
    if tcw is not None and tcw.get(w("type"), "dxa") == "dxa":
        rong_twip = do(tcw, "w")
    if not rong_twip and tbl is not None:
        cot = tbl.findall("w:tblGrid/w:gridCol", NS)
        tr = tc.getparent()
        assert tr is not None  # tc tìm thấy khi đi ngược từ đoạn lên: luôn có phần tử cha
        chi_so = list(tr.iterfind("w:tc", NS)).index(tc)
        if chi_so < len(cot):
            rong_twip = do(cot[chi_so], "w")
    le: float = _LE_O_MAC_DINH_TWIP * 2
    if tbl is not None:
        mar = tbl.find("w:tblPr/w:tblCellMar", NS)
        if mar is not None:
            le = sum(do(e, "w") or 0 for e in mar
                     if etree.QName(e).localname in ("left", "right", "start", "end"))
    if not rong_twip or rong_twip < 0:  # âm: không hợp lệ, quy tắc do_rong_bang báo
        return rong_chu_trang_cm(tl)
    return (rong_twip - le) / TWIP_MOI_CM


def duong_ke_sau(tl: TaiLieuDocx, d: Doan, cac_doan: list[Doan]) -> tuple[bool, float | None]:
    """Có đường kẻ ngay dưới đoạn `d` không, và dài bao nhiêu cm (None nếu không đo được).

    Nhận ba cách làm thường gặp: viền dưới của đoạn hoặc viền của đoạn trống liền sau (độ dài
    = bề rộng vùng chữ trừ thụt lề), hình vẽ đường thẳng (DrawingML hoặc VML), và dòng gạch
    dưới "____" như mẫu .doc chính thức.
    """
    if d.dinh_dang.vien_duoi:
        return True, _dai_vien(tl, d)
    i = cac_doan.index(d)
    for ung_vien in (d, *cac_doan[i + 1:i + 2]):
        hinh = _dai_hinh_ve(ung_vien.el)
        if hinh is not None:
            return True, hinh if hinh > 0 else None
    if i + 1 < len(cac_doan):
        sau = cac_doan[i + 1]
        if not sau.chu.strip("_ \u00a0") and (sau.dinh_dang.vien_tren or sau.dinh_dang.vien_duoi):
            return True, _dai_vien(tl, sau)
        if re.fullmatch(r"\s*_{5,}\s*", sau.chu):
            return True, None
    return False, None


def _dai_vien(tl: TaiLieuDocx, d: Doan) -> float:
    dd = d.dinh_dang
    return rong_vung_chu_cm(tl, d) - dd.thut_trai_cm - dd.thut_phai_cm


def _dai_hinh_ve(p: etree._Element) -> float | None:
    """Độ dài hình đường thẳng trong đoạn (cm); 0 nếu có mà không đo được; None nếu không có."""
    for geom in p.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom"):
        if geom.get("prst") in ("line", "straightConnector1"):
            khung: etree._Element | None = geom
            while khung is not None and etree.QName(khung).localname not in ("anchor", "inline"):
                khung = khung.getparent()
            if khung is not None:
                ext = khung.find("{*}extent")
                cx = so_do(ext.get("cx"), EMU) if ext is not None else None
                if cx is not None:
                    return cx / EMU_MOI_CM
            return 0.0
    for line in p.iter("{urn:schemas-microsoft-com:vml}line"):
        x1 = so_do(line.get("from", "0,0").split(",")[0], 1)  # điểm (pt), như CSS của VML
        x2 = so_do(line.get("to", "0,0").split(",")[0], 1)
        return 0.0 if x1 is None or x2 is None else abs(x2 - x1) / 72 * 2.54
    return None
