"""Số tự động của Word (numbering.xml): tính nhãn mỗi đoạn sẽ hiện ("1.", "a)", "II.", "-")
để phần nhận dạng xử lý như chữ cán bộ gõ tay.

Theo ECMA-376 §17.9: đoạn lấy w:numPr trực tiếp hoặc qua kiểu đoạn; w:num trỏ tới
w:abstractNum (có thể ghi đè cấp, số bắt đầu); mỗi cấp có numFmt, lvlText ("%1.%2."), start.
Bộ đếm theo danh sách (numId); lên một cấp thì các cấp sâu hơn bắt đầu lại.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from drafter import vn
from drafter.kiem_tra.doc_docx import NS, TaiLieuDocx, w

_TOI_DA_CAP = 9
# Ký tự chấm tròn của phông Symbol/Wingdings trong lvlText → dấu đầu dòng ta hiểu được.
_DAU_DONG_WORD = {"\uf0b7": "-", "\uf0a7": "-", "\uf0d8": "-", "\uf076": "-", "\uf0fc": "-",
                  "•": "-", "o": "+", "▪": "-", "■": "-", "◦": "+", "–": "-", "-": "-", "+": "+",
                  "*": "*"}


@dataclass
class _Cap:
    dinh_dang: str = "decimal"
    khuon: str = "%1."
    bat_dau: int = 1
    bat_dau_lai: int | None = None  # lvlRestart: bắt đầu lại khi cấp này (từ 1) tăng


@dataclass
class _DanhSach:
    cac_cap: dict[int, _Cap] = field(default_factory=dict)


class SoTuDong:
    """Nhãn số tự động của từng đoạn, tính lần lượt theo thứ tự đọc."""

    def __init__(self, tai_lieu: TaiLieuDocx, numbering: etree._Element | None) -> None:
        self.tl = tai_lieu
        self._truu_tuong: dict[str, dict[int, _Cap]] = {}
        self._danh_sach: dict[str, _DanhSach] = {}
        self._dem: dict[str, list[int | None]] = {}
        self._kieu_numpr: dict[str | None, tuple[str, int] | None] = {}
        if numbering is None:
            return
        for an in numbering.iterfind("w:abstractNum", NS):
            self._truu_tuong[an.get(w("abstractNumId"), "")] = {
                int(lvl.get(w("ilvl"), "0")): self._doc_cap(lvl)
                for lvl in an.iterfind("w:lvl", NS)}
        for num in numbering.iterfind("w:num", NS):
            ma_an = num.find("w:abstractNumId", NS)
            cap = dict(self._truu_tuong.get(ma_an.get(w("val"), "") if ma_an is not None else "",
                                            {}))
            for ghi_de in num.iterfind("w:lvlOverride", NS):
                i = int(ghi_de.get(w("ilvl"), "0"))
                lvl = ghi_de.find("w:lvl", NS)
                if lvl is not None:
                    cap[i] = self._doc_cap(lvl)
                bd = ghi_de.find("w:startOverride", NS)
                if bd is not None and i in cap:
                    cap[i] = _Cap(cap[i].dinh_dang, cap[i].khuon, _so(bd.get(w("val")), 1),
                                  cap[i].bat_dau_lai)
            self._danh_sach[num.get(w("numId"), "")] = _DanhSach(cap)

    @staticmethod
    def _doc_cap(lvl: etree._Element) -> _Cap:
        def gia_tri(ten: str) -> str | None:
            el = lvl.find(f"w:{ten}", NS)
            return None if el is None else el.get(w("val"))

        restart = gia_tri("lvlRestart")
        return _Cap(gia_tri("numFmt") or "decimal", gia_tri("lvlText") or "",
                    _so(gia_tri("start"), 1), _so(restart, 0) if restart is not None else None)

    @property
    def co(self) -> bool:
        return bool(self._danh_sach)

    def _numpr(self, p: etree._Element, kieu_id: str | None) -> tuple[str, int] | None:
        ppr = p.find(w("pPr"))
        npr = ppr.find(w("numPr")) if ppr is not None else None
        if npr is not None:
            num = npr.find(w("numId"))
            lvl = npr.find(w("ilvl"))
            if num is not None:
                return num.get(w("val"), ""), _so(lvl.get(w("val")) if lvl is not None else "0", 0)
        return self._theo_kieu(kieu_id)

    def _theo_kieu(self, kieu_id: str | None) -> tuple[str, int] | None:
        if kieu_id in self._kieu_numpr:
            return self._kieu_numpr[kieu_id]
        ra = None
        for s in reversed(self.tl.chuoi_kieu(kieu_id)):
            npr = s.find("w:pPr/w:numPr", NS)
            if npr is not None:
                num = npr.find(w("numId"))
                lvl = npr.find(w("ilvl"))
                if num is not None:
                    ra = (num.get(w("val"), ""),
                          _so(lvl.get(w("val")) if lvl is not None else "0", 0))
                break
        self._kieu_numpr[kieu_id] = ra
        return ra

    def nhan(self, p: etree._Element, kieu_id: str | None) -> str | None:
        """Nhãn số tự động của đoạn p ("1.", "a)", "-"), hoặc None nếu đoạn không đánh số."""
        if not self._danh_sach:
            return None
        npr = self._numpr(p, kieu_id)
        if npr is None:
            return None
        num_id, cap = npr
        ds = self._danh_sach.get(num_id)
        if num_id == "0" or ds is None or not 0 <= cap < _TOI_DA_CAP:
            return None
        dinh_nghia = ds.cac_cap.get(cap, _Cap())
        dem = self._dem.setdefault(num_id, [None] * _TOI_DA_CAP)
        hien = dem[cap]
        dem[cap] = dinh_nghia.bat_dau if hien is None else hien + 1
        for sau in range(cap + 1, _TOI_DA_CAP):
            cap_sau = ds.cac_cap.get(sau)
            if cap_sau is None or cap_sau.bat_dau_lai != 0:
                dem[sau] = None
        if dinh_nghia.dinh_dang == "bullet":
            ky_hieu = dinh_nghia.khuon.strip()[:1]
            if ky_hieu and 0xF020 <= ord(ky_hieu) <= 0xF07E:
                # Phông Symbol đặt chữ ASCII ở vùng riêng U+F0xx ("+" là U+F02B): LibreOffice
                # ghi dấu "+" của Word như vậy.
                ky_hieu = chr(ord(ky_hieu) - 0xF000)
            return _DAU_DONG_WORD.get(ky_hieu, "-")
        if dinh_nghia.dinh_dang == "none":
            return dinh_nghia.khuon.replace("%", "").strip() or None
        chu = dinh_nghia.khuon
        for k in range(_TOI_DA_CAP):
            khoa = f"%{k + 1}"
            if khoa in chu:
                cap_k = ds.cac_cap.get(k, _Cap())
                gia_tri = dem[k]
                if gia_tri is None:
                    gia_tri = cap_k.bat_dau
                chu = chu.replace(khoa, _dinh_dang(gia_tri, cap_k.dinh_dang))
        return chu.strip() or None


def _so(chu: str | None, mac_dinh: int) -> int:
    try:
        return int(chu) if chu is not None else mac_dinh
    except ValueError:
        return mac_dinh


def _dinh_dang(so: int, dinh_dang: str) -> str:
    if so < 1:
        return str(so)
    if dinh_dang in ("upperRoman", "lowerRoman"):
        chu = vn.la_ma(min(so, 3999))
        return chu if dinh_dang == "upperRoman" else chu.lower()
    if dinh_dang in ("upperLetter", "lowerLetter"):
        # Word đếm theo bảng chữ La-tinh: a … z, aa, bb …
        chu = chr(ord("a") + (so - 1) % 26) * ((so - 1) // 26 + 1)
        return chu.upper() if dinh_dang == "upperLetter" else chu
    if dinh_dang == "decimalZero":
        return f"{so:02d}"
    return str(so)
