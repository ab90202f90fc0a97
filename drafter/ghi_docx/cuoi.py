"""Phần cuối: câu kết "./.", bảng hai cột Nơi nhận (trái) và chữ ký (phải)."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from drafter import nd30, vn
from drafter.ghi_docx import kieu_chu
from drafter.ghi_docx.luoc_do import con
from drafter.ghi_docx.oxml import bang_khong_vien, doan_o, them_doan
from drafter.van_ban import ChuKy, VanBan

SO_DONG_TRONG_DE_KY = nd30.DONG_TRONG_DE_KY.ghi
CO_CHU_KY_PT = nd30.CO_CHU_KY.ghi
COT_NOI_NHAN_CM = nd30.COT_NOI_NHAN.ghi
COT_CHU_KY_CM = nd30.COT_CHU_KY.ghi


def viet_cau_ket(tai_lieu: Document, van_ban: VanBan) -> None:
    if not van_ban.cau_ket.strip():
        return
    doan = them_doan(tai_lieu, kieu_chu.THAN, cau_ket_in(van_ban))
    doan.paragraph_format.keep_with_next = True  # câu kết không tách khỏi khối chữ ký


def cau_ket_in(van_ban: VanBan) -> str:
    """Câu kết như in: thêm "./." — trừ khi người soạn chọn cách kết khác (dau_het = false,
    VanBan.canh_bao nói rõ điều đó)."""
    if not van_ban.dau_het:
        return van_ban.cau_ket.strip()
    return ket_thuc_bang_dau_het(van_ban.cau_ket)


def ket_thuc_bang_dau_het(cau: str) -> str:
    """Câu cuối thân văn bản kết thúc bằng "./." (bỏ dấu chấm, "./." người gõ thêm nếu có)."""
    s = cau.rstrip()
    while s.endswith((nd30.DAU_HET, ".", "/")):
        s = s.removesuffix(nd30.DAU_HET).rstrip("./").rstrip()
    return s + nd30.DAU_HET


def dong_noi_nhan(van_ban: VanBan) -> list[str]:
    """"- UBND huyện (b/c);" … "- Lưu: VT, VP." — dấu câu do chương trình đặt."""
    return [f"- {noi};" for noi in van_ban.noi_nhan] + [f"- Lưu: {van_ban.luu}."]


def dong_chu_ky(chu_ky: ChuKy) -> list[str]:
    dau = f"{chu_ky.quyen_han} {chu_ky.co_quan_hoac_chuc_vu}".strip()
    return [vn.viet_hoa(dau)] + [vn.viet_hoa(d) for d in chu_ky.chuc_vu]


def viet_noi_nhan_chu_ky(tai_lieu: Document, van_ban: VanBan) -> None:
    bang = tai_lieu.add_table(rows=1, cols=2)
    bang_khong_vien(bang, [COT_NOI_NHAN_CM, COT_CHU_KY_CM], 0.1)
    # Khối Nơi nhận – chữ ký không bị cắt sang hai trang.
    con(bang.rows[0]._tr.get_or_add_trPr(), "w:cantSplit")
    trai, phai = bang.rows[0].cells

    nhan = doan_o(trai, "Nơi nhận:", nd30.CO_NHAN_NOI_NHAN.ghi, dam=True, nghieng=True,
                  can_giua=False, dau_tien=True)
    for dong in dong_noi_nhan(van_ban):
        doan = doan_o(trai, dong, nd30.CO_MUC_NOI_NHAN.ghi, can_giua=False)
        doan.alignment = WD_ALIGN_PARAGRAPH.LEFT

    cac_dong_chu_ky = dong_chu_ky(van_ban.chu_ky)
    dau = doan_o(phai, cac_dong_chu_ky[0], CO_CHU_KY_PT, dam=True, dau_tien=True)
    for dong in cac_dong_chu_ky[1:]:
        doan_o(phai, dong, CO_CHU_KY_PT, dam=True)
    for _ in range(int(SO_DONG_TRONG_DE_KY)):
        doan_o(phai, "", CO_CHU_KY_PT)
    if van_ban.chu_ky.ho_ten:
        doan_o(phai, van_ban.chu_ky.ho_ten, CO_CHU_KY_PT, dam=True)

    # "Nơi nhận:" ngang hàng với dòng thẩm quyền ký.
    for doan in (nhan, dau):
        doan.paragraph_format.space_before = Pt(12)
