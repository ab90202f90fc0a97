"""Đọc một tệp .docx bất kỳ và tính định dạng thực tế của từng đoạn, từng đoạn chữ như Word.

Thứ tự áp dụng (ECMA-376 §17.7.2): docDefaults → kiểu đoạn (theo chuỗi basedOn) → kiểu ký
tự (theo chuỗi basedOn) → định dạng trực tiếp. Phông theo theme (minorHAnsi…) được tra trong
theme1.xml. Module này chỉ đọc, không phụ thuộc bộ ghi của drafter: nó dùng được cho văn bản
làm tay trong Word hay LibreOffice.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "r": R, "a": A}
TWIP_MOI_CM = 1440 / 2.54
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _gia_tri(el: etree._Element | None, thuoc_tinh: str = "val") -> str | None:
    return None if el is None else el.get(w(thuoc_tinh))


def _bat(el: etree._Element | None) -> bool | None:
    """Thuộc tính bật/tắt (w:b, w:i…): có mặt mà không có val = bật."""
    if el is None:
        return None
    v = el.get(w("val"))
    return v is None or v.lower() not in ("0", "false", "off", "none")


@dataclass
class ThuocTinhChu:
    co_pt: float | None = None
    dam: bool = False
    nghieng: bool = False
    gach_chan: bool = False
    in_hoa: bool = False
    phong: dict[str, str | None] = field(default_factory=dict)  # ascii, hAnsi, eastAsia, cs
    mau: str | None = None
    chi_so_tren: bool = False


@dataclass
class ThuocTinhDoan:
    can_le: str = "left"  # left, center, right, both
    thut_dong_dau_cm: float = 0.0
    thut_trai_cm: float = 0.0
    thut_phai_cm: float = 0.0
    truoc_pt: float = 0.0
    sau_pt: float = 0.0
    gian_dong: float | None = None  # bội số dòng khi lineRule=auto
    kieu_gian_dong: str = "auto"  # auto, exact, atLeast
    gian_dong_pt: float | None = None
    gop_khoang_cach: bool = False  # contextualSpacing
    vien_tren: bool = False
    vien_duoi: bool = False


@dataclass
class Doan:
    """Một đoạn văn đã tính định dạng, kèm vị trí (thân, ô bảng, đầu trang, chú thích)."""

    so_thu_tu: int
    el: etree._Element
    chu: str
    kieu_id: str | None
    dinh_dang: ThuocTinhDoan
    cac_run: list[tuple[str, ThuocTinhChu]]
    bang: int | None = None  # thứ tự bảng cấp cao nhất chứa đoạn (0 = bảng đầu tiên)
    hang: int | None = None
    cot: int | None = None

    @property
    def chu_gon(self) -> str:
        return " ".join(self.chu.split())

    def dau_doan(self, so_ky_tu: int = 40) -> str:
        s = self.chu_gon
        return s if len(s) <= so_ky_tu else s[:so_ky_tu] + "…"

    def run_co_chu(self) -> list[ThuocTinhChu]:
        return [tt for chu, tt in self.cac_run if chu.strip()]


def _trong_khung_chu(el: etree._Element, goc: etree._Element) -> bool:
    """el nằm trong một khung chữ (w:txbxContent) bên trong đoạn goc?"""
    cha = el.getparent()
    while cha is not None and cha is not goc:
        if etree.QName(cha).localname == "txbxContent":
            return True
        cha = cha.getparent()
    return False


class TaiLieuDocx:
    def __init__(self, duong_dan: Path | str) -> None:
        self.duong_dan = Path(duong_dan)
        with zipfile.ZipFile(self.duong_dan) as z:
            self._ten = set(z.namelist())
            self.document = self._xml(z, "word/document.xml")
            self.styles = self._xml(z, "word/styles.xml")
            self.settings = self._xml(z, "word/settings.xml")
            self.footnotes = self._xml(z, "word/footnotes.xml")
            self.theme = self._xml(z, "word/theme/theme1.xml")
            rels = self._xml(z, "word/_rels/document.xml.rels")
            self.rels: dict[str, tuple[str, str]] = {}
            if rels is not None:
                for rel in rels:
                    self.rels[rel.get("Id")] = (rel.get("Type", ""), rel.get("Target", ""))
            self.headers: dict[str, etree._Element] = {}
            for rid, (loai, dich) in self.rels.items():
                if loai.endswith("/header"):
                    el = self._xml(z, "word/" + dich.lstrip("/").removeprefix("word/"))
                    if el is not None:
                        self.headers[rid] = el
        if self.document is None:
            raise ValueError("tệp không có word/document.xml: không phải tệp Word .docx")
        self._kieu: dict[str, etree._Element] = {}
        self._kieu_doan_mac_dinh: str | None = None
        if self.styles is not None:
            for s in self.styles.iterfind("w:style", NS):
                sid = s.get(w("styleId"))
                self._kieu[sid] = s
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on"):
                    self._kieu_doan_mac_dinh = sid
        self._phong_theme = self._doc_phong_theme()
        self.body = self.document.find(w("body"))

    @staticmethod
    def _xml(z: zipfile.ZipFile, ten: str) -> etree._Element | None:
        try:
            return etree.fromstring(z.read(ten), _PARSER)
        except KeyError:
            return None

    # ------------------------------------------------------------ kiểu và theme

    def _doc_phong_theme(self) -> dict[str, str]:
        ra: dict[str, str] = {}
        if self.theme is None:
            return ra
        for loai in ("major", "minor"):
            latin = self.theme.find(f".//a:{loai}Font/a:latin", NS)
            if latin is not None:
                ra[loai] = latin.get("typeface", "")
        return ra

    def _chuoi_kieu(self, sid: str | None) -> list[etree._Element]:
        """Kiểu và các kiểu cha, từ gốc đến ngọn."""
        chuoi: list[etree._Element] = []
        da_qua: set[str] = set()
        while sid and sid in self._kieu and sid not in da_qua:
            da_qua.add(sid)
            s = self._kieu[sid]
            chuoi.append(s)
            sid = _gia_tri(s.find(w("basedOn")))
        return list(reversed(chuoi))

    def _mac_dinh(self, loai: str) -> etree._Element | None:
        if self.styles is None:
            return None
        return self.styles.find(f"w:docDefaults/w:{loai}Default/w:{loai}", NS)

    # ------------------------------------------------------------ tính định dạng

    def _ap_rpr(self, tt: ThuocTinhChu, rpr: etree._Element | None) -> None:
        if rpr is None:
            return
        sz = rpr.find(w("sz"))
        if sz is not None and sz.get(w("val")):
            tt.co_pt = int(sz.get(w("val"))) / 2
        for tag, ten in (("b", "dam"), ("i", "nghieng"), ("caps", "in_hoa")):
            v = _bat(rpr.find(w(tag)))
            if v is not None:
                setattr(tt, ten, v)
        u = rpr.find(w("u"))
        if u is not None:
            tt.gach_chan = _gia_tri(u) not in (None, "none")
        mau = rpr.find(w("color"))
        if mau is not None:
            tt.mau = _gia_tri(mau)
        va = rpr.find(w("vertAlign"))
        if va is not None:
            tt.chi_so_tren = _gia_tri(va) == "superscript"
        rf = rpr.find(w("rFonts"))
        if rf is not None:
            for o in ("ascii", "hAnsi", "eastAsia", "cs"):
                theme = rf.get(w(f"{o}Theme") if o != "cs" else w("cstheme"))
                if theme:
                    loai = "major" if theme.startswith("major") else "minor"
                    tt.phong[o] = self._phong_theme.get(loai, theme)
                elif rf.get(w(o)):
                    tt.phong[o] = rf.get(w(o))

    def _ap_ppr(self, tt: ThuocTinhDoan, ppr: etree._Element | None) -> None:
        if ppr is None:
            return
        jc = ppr.find(w("jc"))
        if jc is not None:
            tt.can_le = {"start": "left", "end": "right", "justify": "both"}.get(
                _gia_tri(jc) or "left", _gia_tri(jc) or "left")
        ind = ppr.find(w("ind"))
        if ind is not None:
            trai = ind.get(w("left")) or ind.get(w("start"))
            phai = ind.get(w("right")) or ind.get(w("end"))
            if trai is not None:
                tt.thut_trai_cm = int(trai) / TWIP_MOI_CM
            if phai is not None:
                tt.thut_phai_cm = int(phai) / TWIP_MOI_CM
            if ind.get(w("firstLine")) is not None:
                tt.thut_dong_dau_cm = int(ind.get(w("firstLine"))) / TWIP_MOI_CM
            if ind.get(w("hanging")) is not None:
                tt.thut_dong_dau_cm = -int(ind.get(w("hanging"))) / TWIP_MOI_CM
        sp = ppr.find(w("spacing"))
        if sp is not None:
            if sp.get(w("before")) is not None:
                tt.truoc_pt = int(sp.get(w("before"))) / 20
            if sp.get(w("after")) is not None:
                tt.sau_pt = int(sp.get(w("after"))) / 20
            if sp.get(w("line")) is not None:
                quy_tac = sp.get(w("lineRule"), "auto")
                tt.kieu_gian_dong = quy_tac
                gia_tri = int(sp.get(w("line")))
                if quy_tac == "auto":
                    tt.gian_dong, tt.gian_dong_pt = gia_tri / 240, None
                else:
                    tt.gian_dong, tt.gian_dong_pt = None, gia_tri / 20
        cs = _bat(ppr.find(w("contextualSpacing")))
        if cs is not None:
            tt.gop_khoang_cach = cs
        vien = ppr.find(w("pBdr"))
        if vien is not None:
            for canh, ten in (("top", "vien_tren"), ("bottom", "vien_duoi")):
                b = vien.find(w(canh))
                if b is not None:
                    setattr(tt, ten, _gia_tri(b) not in ("nil", "none"))

    def dinh_dang_doan(self, p: etree._Element) -> tuple[str | None, ThuocTinhDoan, ThuocTinhChu]:
        ppr = p.find(w("pPr"))
        sid = _gia_tri(ppr.find(w("pStyle"))) if ppr is not None else None
        sid = sid or self._kieu_doan_mac_dinh
        tt = ThuocTinhDoan()
        chu = ThuocTinhChu()
        self._ap_ppr(tt, self._mac_dinh("pPr"))
        self._ap_rpr(chu, self._mac_dinh("rPr"))
        for s in self._chuoi_kieu(sid):
            self._ap_ppr(tt, s.find(w("pPr")))
            self._ap_rpr(chu, s.find(w("rPr")))
        self._ap_ppr(tt, ppr)
        return sid, tt, chu

    def dinh_dang_run(self, r: etree._Element, chu_doan: ThuocTinhChu) -> ThuocTinhChu:
        tt = ThuocTinhChu(**{**chu_doan.__dict__, "phong": dict(chu_doan.phong)})
        rpr = r.find(w("rPr"))
        if rpr is not None:
            rs = _gia_tri(rpr.find(w("rStyle")))
            for s in self._chuoi_kieu(rs):
                self._ap_rpr(tt, s.find(w("rPr")))
        self._ap_rpr(tt, rpr)
        return tt

    def doan(self, p: etree._Element, so_thu_tu: int = 0, **vi_tri: int | None) -> Doan:
        sid, tt, chu_doan = self.dinh_dang_doan(p)
        cac_run: list[tuple[str, ThuocTinhChu]] = []
        for r in p.iter(w("r")):
            if _trong_khung_chu(r, p):
                continue  # chữ trong khung chữ (text box) là đoạn riêng, không thuộc đoạn chứa nó
            chu = "".join(
                t.text or "" if t.tag == w("t") else ("\t" if t.tag == w("tab") else "\n")
                for t in r if t.tag in (w("t"), w("tab"), w("br"))
            )
            if r.find(w("footnoteReference")) is not None:
                chu = chu or "\u2060"  # dấu chú thích: có mặt nhưng không có chữ
            cac_run.append((chu, self.dinh_dang_run(r, chu_doan)))
        chu_doan_van = "".join(c for c, _ in cac_run if c != "\u2060")
        return Doan(so_thu_tu, p, chu_doan_van, sid, tt, cac_run, **vi_tri)

    # ------------------------------------------------------------ duyệt văn bản

    def cac_doan(self) -> Iterator[Doan]:
        """Mọi đoạn của thân văn bản theo thứ tự đọc, kể cả đoạn trong bảng và khung chữ."""
        dem = 0
        so_bang = -1
        for con in self.body:
            if con.tag == w("p"):
                dem += 1
                yield self.doan(con, dem)
                for p in con.iter("{*}txbxContent"):  # khung chữ (text box) trong đoạn
                    for p2 in p.iter(w("p")):
                        dem += 1
                        yield self.doan(p2, dem)
            elif con.tag == w("tbl"):
                so_bang += 1
                for i, tr in enumerate(con.iterfind("w:tr", NS)):
                    for j, tc in enumerate(tr.iterfind("w:tc", NS)):
                        for p in tc.iter(w("p")):
                            dem += 1
                            yield self.doan(p, dem, bang=so_bang, hang=i, cot=j)
            elif con.tag == w("sdt"):
                for p in con.iter(w("p")):
                    dem += 1
                    yield self.doan(p, dem)

    def cac_bang(self) -> list[etree._Element]:
        return list(self.body.iterfind("w:tbl", NS))

    def sect_pr(self) -> etree._Element | None:
        return self.body.find(w("sectPr"))

    def chu_thich(self) -> dict[str, str]:
        """Nội dung các chú thích thật (bỏ hai chú thích ngăn cách), theo mã."""
        ra: dict[str, str] = {}
        if self.footnotes is None:
            return ra
        for fn in self.footnotes.iterfind("w:footnote", NS):
            if fn.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            ra[fn.get(w("id"))] = "".join(t.text or "" for t in fn.iter(w("t"))).strip()
        return ra

    def dau_chu_thich(self) -> list[str]:
        """Mã các dấu chú thích trong thân văn bản, theo thứ tự xuất hiện."""
        return [el.get(w("id")) for el in self.body.iter(w("footnoteReference"))]

    def dau_trang(self, loai: str) -> etree._Element | None:
        """Phần đầu trang "default" hoặc "first" của mục cuối."""
        sect = self.sect_pr()
        if sect is None:
            return None
        for ref in sect.iterfind("w:headerReference", NS):
            if ref.get(w("type"), "default") == loai:
                return self.headers.get(ref.get(f"{{{R}}}id"))
        return None
