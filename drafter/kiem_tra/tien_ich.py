"""Tiện ích nhỏ dùng chung cho các quy tắc kiểm tra."""

from __future__ import annotations

from drafter import vn
from drafter.kiem_tra.doc_docx import Doan, ThuocTinhChu


def vi_tri(d: Doan) -> str:
    return f"đoạn {d.so_thu_tu} «{d.dau_doan()}»"


def pt(co: float | None) -> str:
    return "không rõ cỡ" if co is None else f"{co:g}".replace(".", ",") + " pt"


def cm(gia_tri: float, so_le: int = 2) -> str:
    """Số đo viết kiểu Việt: 6,04."""
    return vn.so(round(gia_tri, so_le), so_le, giu_so_0=True)


def cac_co(d: Doan) -> set[float | None]:
    return {t.co_pt for t in d.run_co_chu()}


def tat_ca(d: Doan, dieu_kien) -> bool:
    tts: list[ThuocTinhChu] = d.run_co_chu()
    return bool(tts) and all(dieu_kien(t) for t in tts)


def mo_ta_chu(d: Doan) -> str:
    """"13 pt, đậm, nghiêng" của đoạn (theo đoạn chữ đầu tiên có chữ)."""
    tts = d.run_co_chu()
    if not tts:
        return "đoạn trống"
    co = sorted({pt(t.co_pt) for t in tts})
    phan = [", ".join(co)]
    if all(t.dam for t in tts):
        phan.append("đậm")
    elif any(t.dam for t in tts):
        phan.append("đậm một phần")
    if all(t.nghieng for t in tts):
        phan.append("nghiêng")
    elif any(t.nghieng for t in tts):
        phan.append("nghiêng một phần")
    return ", ".join(phan)


class CacCho:
    """Các chỗ sai của một quy tắc: đếm hết, nhưng chỉ dựng câu mô tả của vài chỗ đầu (đủ cho
    liet_ke), để văn bản hàng chục nghìn đoạn sai không sinh hàng chục nghìn câu trong bộ nhớ."""

    GIU = 5

    def __init__(self) -> None:
        self.so = 0
        self.cau: list[str] = []

    def dem(self) -> bool:
        """Đếm thêm một chỗ; True khi chỗ này còn được ghi câu mô tả (vào self.cau)."""
        self.so += 1
        return len(self.cau) <= self.GIU - 1

    def __len__(self) -> int:
        return self.so

    def __getitem__(self, lat: slice) -> list[str]:
        return self.cau[lat]
