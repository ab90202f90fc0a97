"""Đề xuất số liệu cho chỉ tiêu của biểu mẫu từ câu văn có dạng quen thuộc trong một văn bản
nhập từ Word: "Tổng diện tích gieo trồng vụ xuân ước đạt trồng được 148 ha", "Lúa xuân cấy được
53ha", "Thu ngân sách được là 100.791.000 đồng", "Chỉ đạo các thôn phun tiêu độc khử trùng được
8/8 thôn".

Chỉ là đề xuất: mỗi số phải được cán bộ xác nhận (dòng lệnh hỏi từng số, giao diện đánh dấu từng
ô), không bao giờ tự điền. Câu khớp khi có cụm từ của chỉ tiêu (câu mẫu `cau` hay tên `ten` trong
biểu mẫu), ngay sau đó (trong vài chục chữ) là một số kèm đúng đơn vị của chỉ tiêu.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.van_ban import ChuThich, DoanVan, Muc, Nut

_SO = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_TREN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CUA_SO = 60  # số chữ tối đa giữa cụm từ của chỉ tiêu và con số
_DON_VI_TIEN = r"(?:đồng|đ)\b"


@dataclass(frozen=True)
class DeXuat:
    """Một số đọc được cho một chỉ tiêu, kèm câu nguồn để cán bộ đối chiếu."""

    ma: str
    ten: str
    gia_tri: str  # như trong văn bản: "148", "1.312.259.000", "29,2"
    mau_so: str | None  # y của tỷ số x/y
    don_vi: str
    cau: str  # câu (đoạn câu) chứa số

    def mo_ta(self) -> str:
        so = f"{self.gia_tri}/{self.mau_so}" if self.mau_so else self.gia_tri
        return f"{self.ten}: {so} {self.don_vi}".rstrip()


def _gon(chu: str) -> str:
    return " ".join(unicodedata.normalize("NFC", chu).translate(_TREN).split())


def _cac_cau(noi_dung: list[Nut]) -> list[str]:
    """Mọi câu của đoạn văn, tiêu đề và chú thích (chú thích hay chứa số chi tiết)."""
    doan: list[str] = []

    def chu(phan: list) -> str:
        ra = []
        for p in phan:
            if isinstance(p, str):
                ra.append(p)
            elif isinstance(p, ChuThich):
                doan.extend(chu(d.noi_dung) for d in p.cac_doan)
            else:
                ra.append(p.chu)
        return "".join(ra)

    cho = list(noi_dung)
    while cho:
        n = cho.pop(0)
        if isinstance(n, Muc):
            if n.tieu_de:
                doan.append(chu(n.tieu_de))
            cho[0:0] = n.noi_dung
        elif isinstance(n, DoanVan):
            doan.append(chu(n.noi_dung))
    ra: list[str] = []
    for d in doan:
        ra += [c.strip() for c in re.split(r"(?<=[.;])\s+|;\s*|\(\s*trong đó:?", _gon(d))
               if c.strip()]
    return ra


def _khuon_don_vi(ct: ChiTieu) -> str | None:
    if ct.loai == "tien":
        return _DON_VI_TIEN
    if ct.loai == "phan_tram":
        return r"%"
    if not ct.don_vi:
        return None
    return re.escape(_gon(ct.don_vi).lower()) + r"\b"


def de_xuat(noi_dung: list[Nut], bieu_mau: BieuMau) -> list[DeXuat]:
    """Các đề xuất theo thứ tự chỉ tiêu của biểu mẫu, mỗi chỉ tiêu nhiều nhất một số. Hai chỉ
    tiêu cùng câu mẫu ("Tổng số công huy động là" của làm đường và làm thủy lợi) nhận lần lượt
    các câu khớp theo thứ tự trong văn bản."""
    cau = _cac_cau(noi_dung)
    thap = [c.lower() for c in cau]
    da_dung: set[tuple[int, int]] = set()  # (câu, vị trí) đã thành số của một chỉ tiêu
    ra: list[DeXuat] = []
    for ct in bieu_mau.chi_tieu:
        if not ct.la_so:
            continue
        don_vi = _khuon_don_vi(ct)
        if don_vi is None:
            continue
        ti_so = ct.loai == "ti_so"
        so = rf"(?P<x>{_SO})" + (rf"\s*/\s*(?P<y>{_SO})" if ti_so else "")
        khuon = re.compile(rf"{so}\s*{don_vi}")
        cum = {_gon(x).lower() for x in (ct.cau, ct.ten) if x and len(_gon(x)) >= 8}
        tim = _tim(thap, cum, khuon, da_dung)
        if tim is None:
            continue
        i, m = tim
        da_dung.add((i, m.start()))
        ra.append(DeXuat(ct.ma, ct.ten, cau[i][m.start("x"):m.end("x")],
                         cau[i][m.start("y"):m.end("y")] if ti_so else None,
                         "%" if ct.loai == "phan_tram" else ct.don_vi or
                         ("đồng" if ct.loai == "tien" else ""), cau[i]))
    return ra


def _tim(thap: list[str], cum: set[str], khuon: re.Pattern[str],
         da_dung: set[tuple[int, int]]) -> tuple[int, re.Match[str]] | None:
    for i, c in enumerate(thap):
        for tu in cum:
            j = c.find(tu)
            while j != -1:
                sau = j + len(tu)
                m = khuon.search(c, sau, sau + _CUA_SO)
                # Số phải là số đầu tiên sau cụm từ ("… ước đạt 148 ha, đạt 96,1% KH").
                dau = re.search(r"\d", c[sau:sau + _CUA_SO])
                if m is not None and dau is not None and m.start() == sau + dau.start() \
                        and (i, m.start()) not in da_dung:
                    return i, m
                j = c.find(tu, j + 1)
    return None
