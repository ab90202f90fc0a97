"""`drafter check`: kiểm tra thể thức NĐ 30/2020/NĐ-CP của một tệp .docx bất kỳ.

    bao_cao = kiem_tra(Path("BC.docx"))
    print(bao_cao.thanh_chu())       # mỗi quy tắc một dòng
    bao_cao.dat_the_thuc             # True khi không quy tắc nào "Không đạt"
"""

from __future__ import annotations

from pathlib import Path

from drafter.kiem_tra import quy_tac_chung, quy_tac_cuoi, quy_tac_dau, quy_tac_than, so_lieu
from drafter.kiem_tra.bo_cuc import phan_tich
from drafter.kiem_tra.doc_docx import LoiDocTep, TaiLieuDocx
from drafter.kiem_tra.ket_qua import BaoCaoKiemTra, KetQua, MucDoDat

__all__ = ["BaoCaoKiemTra", "KetQua", "LoiDocTep", "MucDoDat", "kiem_tra"]


def kiem_tra(duong_dan: Path, chinh_thuc: bool = False) -> BaoCaoKiemTra:
    """chinh_thuc=True: văn bản sắp phát hành, thiếu số, ngày hay họ tên người ký là lỗi.

    Tệp không đọc được (không phải .docx, hỏng, quá giới hạn của doc_docx) ném LoiDocTep."""
    tl = TaiLieuDocx(duong_dan)
    bc = phan_tich(tl)
    ket_qua: list[KetQua] = []
    ket_qua += quy_tac_chung.kho_giay(bc)
    ket_qua += quy_tac_chung.le_trang(bc)
    ket_qua += quy_tac_chung.phong_mau_sac_ma(bc)
    ket_qua += quy_tac_dau.quoc_hieu_tieu_ngu(bc)
    ket_qua += quy_tac_dau.co_quan(bc)
    ket_qua += quy_tac_dau.so_ky_hieu(bc, chinh_thuc)
    ket_qua += quy_tac_dau.ngay_thang(bc, chinh_thuc)
    ket_qua += quy_tac_dau.ten_loai_trich_yeu(bc)
    ket_qua += quy_tac_dau.can_cu_kinh_gui(bc)
    ket_qua += quy_tac_than.doan_than(bc)
    ket_qua += quy_tac_than.dinh_dang_de_muc(bc)
    ket_qua += quy_tac_than.thu_tu_de_muc(bc)
    ket_qua += quy_tac_than.dau_het(bc)
    ket_qua += quy_tac_cuoi.chu_ky(bc, chinh_thuc)
    ket_qua += quy_tac_cuoi.noi_nhan(bc)
    ket_qua += quy_tac_chung.so_trang(bc)
    ket_qua += quy_tac_than.chu_giu_cho(bc)
    ket_qua += so_lieu.so_lieu(bc)
    ket_qua += quy_tac_chung.do_rong_bang(bc)
    ket_qua.sort(key=lambda k: (k.so == 0, k.so))
    return BaoCaoKiemTra(str(duong_dan), ket_qua)
