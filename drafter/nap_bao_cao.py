"""Nạp một tệp báo cáo JSON thành văn bản sẵn sàng ghi .docx.

Hai dạng tệp: văn bản dựng sẵn (lược đồ của van_ban.py) và dữ liệu theo biểu mẫu (có trường
"bieu_mau"): số liệu được kiểm tra, các số suy ra được tính, câu văn được dựng từ mẫu.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
from drafter.tep_van_ban import LoiTepVanBan, doc_json
from drafter.tep_van_ban import tu_du_lieu as van_ban_tu_du_lieu
from drafter.van_ban import VanBan


@dataclass
class KetQuaNap:
    van_ban: VanBan | None  # None khi chỉ kiểm tra mà dữ liệu còn lỗi
    loi: list[str] = field(default_factory=list)
    canh_bao: list[str] = field(default_factory=list)


def _nap(duong_dan: Path, xuat: bool, dung_van_ban: bool) -> KetQuaNap:
    from drafter.bieu_mau.du_lieu import la_du_lieu_bieu_mau
    from drafter.bieu_mau.du_lieu import tu_du_lieu as bao_cao_tu_du_lieu

    nguon = f"Tệp {duong_dan}"
    du_lieu = doc_json(duong_dan)
    if not la_du_lieu_bieu_mau(du_lieu):
        return KetQuaNap(van_ban_tu_du_lieu(du_lieu, nguon))
    return tu_bao_cao(bao_cao_tu_du_lieu(du_lieu, nguon), xuat, dung_van_ban)


def tu_bao_cao(bao_cao: BaoCaoDuLieu, xuat: bool = True, dung_van_ban: bool = True) -> KetQuaNap:
    """Kiểm tra và (nếu không lỗi) dựng văn bản từ dữ liệu báo cáo đã nạp (từ tệp hay từ kho)."""
    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.bieu_mau.dung_van_ban import dung, tinh_tat_ca
    from drafter.bieu_mau.kiem_tra_so_lieu import kiem_tra

    bieu_mau = doc_bieu_mau(bao_cao.bieu_mau)  # biểu mẫu sai: LoiBieuMau cũng là LoiTepVanBan
    so_lieu = tinh_tat_ca(bieu_mau, bao_cao)
    thong_bao = kiem_tra(bieu_mau, bao_cao, xuat=xuat, so_lieu=so_lieu)
    loi = [t.dong() for t in thong_bao if t.muc == "loi"]
    canh_bao = [t.dong() for t in thong_bao if t.muc == "canh_bao"]
    van_ban = dung(bieu_mau, bao_cao, so_lieu) if dung_van_ban and not loi else None
    return KetQuaNap(van_ban, loi, canh_bao)


def kiem_tra_tep(duong_dan: Path, xuat: bool = True) -> KetQuaNap:
    """Lỗi và cảnh báo của một tệp báo cáo, mỗi mục một câu tiếng Việt."""
    return _nap(duong_dan, xuat, dung_van_ban=False)


def nap(duong_dan: Path) -> KetQuaNap:
    """Văn bản từ tệp; dữ liệu biểu mẫu còn lỗi thì từ chối (LoiTepVanBan), không dựng dở."""
    kq = _nap(duong_dan, xuat=True, dung_van_ban=True)
    if kq.loi:
        raise LoiTepVanBan(f"Tệp {duong_dan} có {len(kq.loi)} lỗi, chưa tạo văn bản:", kq.loi)
    return kq
