"""Kiểm tra số liệu đọc được từ chữ (chỉ cảnh báo): tỷ lệ "x/y = p%" tính lại, và tổng
"N …, trong đó: a …; b …" cộng lại các phần."""

from __future__ import annotations

import re
from decimal import Decimal

from drafter import vn
from drafter.kiem_tra.bo_cuc import BoCuc
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import Muc as M
from drafter.kiem_tra.quy_tac_chung import _liet_ke
from drafter.kiem_tra.tien_ich import vi_tri

_SO = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_TY_LE = re.compile(rf"(?<![\d.,/])(?P<x>{_SO})\s*/\s*(?P<y>{_SO})(?![\d/])"
                    rf"(?P<giua>[^%/]{{0,60}}?)(?P<p>{_SO}|\d+\.\d+)\s*%")
_TRONG_DO = re.compile(r"\(?\s*(?:trong đó|gồm có|bao gồm)\s*:?\s*", re.I)
_SO_DON_VI = re.compile(rf"(?<![\d.,/])(?P<so>{_SO})\s*(?P<dv>%|[^\W\d_]+)?")


def _doc(chu: str) -> Decimal | None:
    if sum(c.isdigit() for c in chu) > 18:
        return None  # số liệu báo cáo không dài thế; tính với số cực lớn làm Decimal báo lỗi
    try:
        return vn.doc_so(chu)
    except vn.LoiNhapSo:
        return None


def kiem_ty_le(chu: str) -> list[str]:
    """Các chỗ "x/y … p%" mà p không khớp x/y (làm tròn nửa lên theo số chữ số của p)."""
    ra = []
    for m in _TY_LE.finditer(chu):
        giua = m["giua"]
        if re.search(r"\d", giua) or len(giua) > 45:
            continue  # còn số khác xen giữa: không chắc p là tỷ lệ của x/y
        x, y = _doc(m["x"]), _doc(m["y"])
        p_chu = m["p"]
        p = _doc(p_chu) if "." not in p_chu or "," in p_chu else Decimal(p_chu)
        if x is None or y is None or p is None or y == 0:
            continue
        so_le = len(p_chu.split(",")[-1]) if "," in p_chu else (
            len(p_chu.split(".")[-1]) if "." in p_chu else 0)
        dung = vn.lam_tron(x * 100 / y, so_le)
        if dung != p or ("." in p_chu and "," not in p_chu):
            ghi = f"{m['x']}/{m['y']} = {vn.phan_tram(x * 100 / y, max(so_le, 1))}"
            ra.append(f"«{m.group()[:60]}»: {ghi}"
                      + (", viết dấu phẩy thập phân" if "." in p_chu and dung == p else ""))
    return ra


def kiem_tong(chu: str) -> list[str]:
    """Các chỗ "N đv …, trong đó: a đv; b đv" mà a + b + … ≠ N."""
    ra = []
    for m in _TRONG_DO.finditer(chu):
        truoc = chu[max(0, m.start() - 120):m.start()]
        dong = chu[m.end():m.end() + 500]  # một mệnh đề «trong đó» không dài hơn: giữ tuyến tính
        # Mở ngoặc trước "trong đó" thì mệnh đề kéo đến dấu đóng ngoặc; không thì đến hết câu.
        trong_ngoac = m.group().lstrip().startswith("(") or truoc.rstrip().endswith("(")
        ket = re.search(r"\)" if trong_ngoac and ")" in dong else r"\)|\.\s|\.$|$", dong)
        menh_de = dong[:ket.start()] if ket else dong
        phan = [(p["so"], p["dv"]) for p in _SO_DON_VI.finditer(menh_de)
                if p["dv"] != "%" and not re.match(r"\s*%", menh_de[p.end():])]
        if len(phan) < 2:
            continue
        don_vi = {dv for _, dv in phan if dv}
        dv_chung = next(iter(don_vi)) if len(don_vi) == 1 and all(dv for _, dv in phan) else None
        so_truoc = [(t["so"], t["dv"]) for t in _SO_DON_VI.finditer(truoc) if t["dv"] != "%"]
        if dv_chung:
            ung_vien = [s for s, dv in so_truoc if dv == dv_chung]
        elif not don_vi:
            ung_vien = [s for s, _ in so_truoc]
        else:
            continue
        if not ung_vien:
            continue
        tong, cac = _doc(ung_vien[-1]), [_doc(s) for s, _ in phan]
        if tong is None or any(c is None for c in cac):
            continue
        cong = sum(cac, Decimal(0))
        if cong != tong:
            ra.append(f"tổng {ung_vien[-1]}{' ' + dv_chung if dv_chung else ''} nhưng các phần "
                      f"«{menh_de[:50]}…» cộng lại {vn.so(cong)}")
    return ra


def so_lieu(bc: BoCuc) -> list[KetQua]:
    ty_le, tong = [], []
    nguon = [(vi_tri(d), d.chu) for d in bc.than if d.chu.strip()]
    nguon += [(f"chú thích {ma}", chu) for ma, chu in bc.tai_lieu.chu_thich().items()]
    for noi, chu in nguon:
        ty_le += [f"{noi}: {s}" for s in kiem_ty_le(chu)]
        tong += [f"{noi}: {s}" for s in kiem_tong(chu)]
    return [
        KetQua.theo("so_lieu_ty_le", M.CANH_BAO if ty_le else M.DAT,
                    _liet_ke(ty_le, "tỷ lệ không khớp", 5) if ty_le else
                    "các tỷ lệ đọc được đều khớp"),
        KetQua.theo("so_lieu_tong", M.CANH_BAO if tong else M.DAT,
                    _liet_ke(tong, "các phần không cộng đúng tổng", 5) if tong else
                    "các tổng đọc được đều khớp"),
    ]
