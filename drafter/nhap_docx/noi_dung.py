"""Chữ trong một đoạn Word thành nội dung dòng của mô hình văn bản: chữ thường, đoạn chữ đậm /
nghiêng, chỉ số trên, và chú thích cuối trang thật đặt đúng chỗ dấu của nó.

Định dạng đã tính như Word (kiểu, định dạng trực tiếp) lấy từ TaiLieuDocx; ở đây chỉ gộp các
đoạn chữ cùng kiểu, gọn khoảng trắng cán bộ gõ thừa (tab, hai dấu cách) và bỏ nhãn đầu đoạn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafter.kiem_tra.doc_docx import NS, Doan, TaiLieuDocx, run_cua_doan, w
from drafter.van_ban import ChuThich, DoanChu, PhanTuDong

_FOOTNOTE_REF = w("footnoteReference")
_TRANG = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")


@dataclass
class Manh:
    """Một mảnh của đoạn: chữ cùng kiểu, hoặc dấu chú thích (chu_thich = mã chú thích)."""

    chu: str
    dam: bool = False
    nghieng: bool = False
    chi_so: str | None = None  # "tren" (m², chữ đ nhỏ sau số tiền), "duoi"
    chu_thich: str | None = None


def cac_manh(tl: TaiLieuDocx, d: Doan) -> list[Manh]:
    """Các mảnh của đoạn theo thứ tự, chữ hoa theo w:caps đã đổi thành chữ hoa thật."""
    ra: list[Manh] = []
    for r, (chu, tt) in zip(run_cua_doan(d.el), d.cac_run, strict=False):
        ref = r.find(_FOOTNOTE_REF)
        if chu and chu != "\u2060":
            if tt.in_hoa:
                chu = chu.upper()
            chi_so = "tren" if tt.chi_so_tren else "duoi" if tt.chi_so_duoi else None
            ra.append(Manh(chu, tt.dam, tt.nghieng, chi_so))
        if ref is not None:
            ra.append(Manh("", chu_thich=ref.get(w("id"))))
    return ra


def chu_cua(manh: list[Manh]) -> str:
    return "".join(m.chu for m in manh)


def bo_nhan(manh: list[Manh], so_char: int) -> list[Manh]:
    """Bỏ `so_char` ký tự đầu đoạn: nhãn ("1.1.", "a)") hay dấu đầu dòng cùng khoảng trắng sau
    nó; giữ kiểu phần còn lại."""
    ra: list[Manh] = []
    con = so_char
    for m in manh:
        if con <= 0 or m.chu_thich is not None:
            ra.append(m)
            continue
        if len(m.chu) <= con:
            con -= len(m.chu)
            continue
        ra.append(Manh(m.chu[con:], m.dam, m.nghieng, m.chi_so))
        con = 0
    return ra


def bo_khoang_trang_dau(manh: list[Manh]) -> list[Manh]:
    """Bỏ khoảng trắng (cả tab, dòng mới) đầu đoạn."""
    ra = list(manh)
    while ra and ra[0].chu_thich is None:
        chu = ra[0].chu.lstrip(" \t\u00a0\n")
        if chu:
            ra[0] = Manh(chu, ra[0].dam, ra[0].nghieng, ra[0].chi_so)
            break
        ra.pop(0)
    return ra


def mo_dau_bang_sao_dam(manh: list[Manh]) -> bool:
    """Dấu "*" đầu đoạn in đậm liền với chữ in đậm sau nó ("**\\* Các chỉ tiêu:**"): là một
    phần của dòng in đậm người soạn gõ, không phải dấu đầu dòng (drafter in dấu "*" chữ đứng)."""
    dau = next((m for m in manh if m.chu_thich is None and m.chu.strip()), None)
    return dau is not None and dau.chu.lstrip().startswith("*") and dau.dam


def co_chu(manh: list[Manh]) -> list[Manh]:
    return [m for m in manh if m.chu_thich is None and m.chu.strip()]


def toan_dam(manh: list[Manh]) -> bool:
    chu = co_chu(manh)
    return bool(chu) and all(m.dam for m in chu)


class BoChuyen:
    """Đổi các mảnh thành nội dung dòng; nhớ những dấu chú thích không có nội dung để báo."""

    def __init__(self, chu_thich: Callable[[str], ChuThich | None]) -> None:
        self._chu_thich = chu_thich
        self.tham_chieu_chu_thich_mat: list[str] = []  # dấu chú thích trỏ tới chú thích không có

    def noi_dung(self, manh: list[Manh], bo_dam: bool = False, mot_dong: bool = False
                 ) -> list[PhanTuDong]:
        """bo_dam: bỏ chữ đậm (tiêu đề đề mục: kiểu của cấp tự in đậm). mot_dong: dòng mới
        thành dấu cách (tiêu đề, ô tên)."""
        ra: list[PhanTuDong] = []
        for m in manh:
            if m.chu_thich is not None:
                ct = self._chu_thich(m.chu_thich)
                if ct is None:
                    self.tham_chieu_chu_thich_mat.append(m.chu_thich)
                else:
                    ra.append(ct)
                continue
            chu = _TRANG.sub(" ", m.chu)
            if mot_dong:
                chu = chu.replace("\n", " ")
            if not chu:
                continue
            dam = m.dam and not bo_dam
            _noi(ra, chu, dam, m.nghieng, m.chi_so if chu.strip() else None)
        return _gon(ra)


def _noi(ra: list[PhanTuDong], chu: str, dam: bool, nghieng: bool, chi_so: str | None) -> None:
    truoc = ra[-1] if ra else None
    if not dam and not nghieng and chi_so is None:
        if isinstance(truoc, str):
            ra[-1] = truoc + chu
        else:
            ra.append(chu)
        return
    if isinstance(truoc, DoanChu) and (truoc.dam, truoc.nghieng, truoc.chi_so) == (
            dam, nghieng, chi_so):
        ra[-1] = truoc.model_copy(update={"chu": truoc.chu + chu})
    elif not chu.strip() and isinstance(truoc, str):
        ra[-1] = truoc + chu  # dấu cách in đậm giữa hai đoạn chữ thường: chữ thường
    else:
        ra.append(DoanChu(chu=chu, dam=dam, nghieng=nghieng, chi_so=chi_so))


def _gon(ra: list[PhanTuDong]) -> list[PhanTuDong]:
    """Gộp dấu cách đôi giữa các phần, bỏ khoảng trắng đầu và cuối dòng."""
    ket: list[PhanTuDong] = []
    het_bang_cach = True  # đầu dòng coi như vừa có dấu cách
    for p in ra:
        if isinstance(p, ChuThich):
            ket.append(p)
            het_bang_cach = False
            continue
        chu = p if isinstance(p, str) else p.chu
        chu = re.sub(r" ?\n ?", "\n", chu)
        if het_bang_cach:
            chu = chu.lstrip(" ")
        if not chu:
            continue
        het_bang_cach = chu.endswith((" ", "\n"))
        ket.append(chu if isinstance(p, str) else p.model_copy(update={"chu": chu}))
    # Bỏ khoảng trắng cuối dòng (trước các chú thích cuối, nếu có).
    for i in range(len(ket) - 1, -1, -1):
        p = ket[i]
        if isinstance(p, ChuThich):
            continue
        chu = (p if isinstance(p, str) else p.chu).rstrip(" \n")
        if chu:
            ket[i] = chu if isinstance(p, str) else p.model_copy(update={"chu": chu})
            break
        ket.pop(i)
    # Chữ đậm/nghiêng chỉ là khoảng trắng: thành chữ thường (rồi gộp lại với chữ bên cạnh).
    ra = []
    for p in ket:
        if isinstance(p, DoanChu) and not p.chu.strip():
            p = p.chu
        if isinstance(p, str) and ra and isinstance(ra[-1], str):
            ra[-1] += p
        else:
            ra.append(p)
    return ra


def chu_thuong(noi_dung: list[PhanTuDong]) -> str:
    """Chữ của nội dung dòng, bỏ kiểu và chú thích."""
    return "".join(p if isinstance(p, str) else p.chu for p in noi_dung
                   if not isinstance(p, ChuThich))


def cac_doan_chu_thich(tl: TaiLieuDocx) -> dict[str, list[Doan]]:
    """Các đoạn của mỗi chú thích thật (bỏ hai chú thích ngăn cách), theo mã."""
    ra: dict[str, list[Doan]] = {}
    if tl.footnotes is None:
        return ra
    for fn in tl.footnotes.iterfind("w:footnote", NS):
        if fn.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        ra[fn.get(w("id"), "")] = [tl.doan(p) for p in fn.iter(w("p"))]
    return ra
