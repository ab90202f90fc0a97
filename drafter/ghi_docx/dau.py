"""Phần đầu văn bản: bảng hai cột (cơ quan | Quốc hiệu), Số / ngày, tên loại, trích yếu.

Bảng không viền: cột trái 6 cm (rộng tới 7 cm cho tên cơ quan cấp huyện, tỉnh dài như
"PHÒNG TÀI CHÍNH - KẾ HOẠCH"), cột phải 10,5 cm để Quốc hiệu cỡ 13 đậm (≈ 9,57 cm) nằm trên
một dòng. Hàng thứ hai chứa "Số:" và địa danh, ngày để hai dòng này luôn ngang nhau.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from drafter import nd30, vn
from drafter.ghi_docx.do_rong import do_rong_cm
from drafter.ghi_docx.oxml import bang_khong_vien, doan_o, duong_ke, them_chu, them_doan
from drafter.ghi_docx.trang import RONG_CHU_CM
from drafter.van_ban import DauVanBan

# Chữ và cỡ theo NĐ 30 lấy từ danh mục quy tắc (drafter/nd30.py).
CO_SO_KY_HIEU_PT = nd30.CO_SO_KY_HIEU.ghi
CO_QUOC_HIEU_PT = nd30.CO_QUOC_HIEU.ghi
CO_TIEU_NGU_PT = nd30.CO_TIEU_NGU.ghi
CO_NGAY_PT = nd30.CO_NGAY.ghi
CO_CO_QUAN_PT = nd30.CO_CO_QUAN.ghi
CO_TEN_LOAI_PT = nd30.CO_TEN_LOAI.ghi
CO_TRICH_YEU_PT = nd30.CO_TRICH_YEU.ghi
COT_TRAI_CM = nd30.COT_TRAI_DAU.ghi
COT_TRAI_TOI_DA_CM = nd30.COT_TRAI_DAU.khoang.cao
COT_PHAI_CM = nd30.COT_PHAI_DAU.ghi
COT_PHAI_TOI_THIEU_CM = 9.8  # Quốc hiệu 9,57 cm + lề ô
LE_O_CM = 0.1
TY_LE_DUONG_KE = nd30.DAI_KE_NGAN.ghi  # đường kẻ dưới tên cơ quan, trích yếu


def do_rong_cot_phan_dau(dau: DauVanBan) -> tuple[float, float]:
    """Cột trái vừa dòng tên cơ quan dài nhất (6–7 cm), cột phải phần còn lại của vùng chữ
    nhưng không hẹp hơn Quốc hiệu."""
    dai_nhat = max([do_rong_cm(vn.viet_hoa(d), CO_CO_QUAN_PT, dam=True)
                    for d in dau.co_quan_ban_hanh]
                   + [do_rong_cm(vn.viet_hoa(d), CO_CO_QUAN_PT) for d in dau.co_quan_chu_quan])
    trai = min(max(COT_TRAI_CM, dai_nhat + 2 * LE_O_CM + 0.1), COT_TRAI_TOI_DA_CM)
    phai = COT_PHAI_CM if trai <= COT_TRAI_CM else max(RONG_CHU_CM - trai, COT_PHAI_TOI_THIEU_CM)
    return trai, phai


def viet_phan_dau(tai_lieu: Document, dau: DauVanBan) -> None:
    cot_trai, cot_phai = do_rong_cot_phan_dau(dau)
    bang = tai_lieu.add_table(rows=2, cols=2)
    bang_khong_vien(bang, [cot_trai, cot_phai], LE_O_CM)
    trai, phai = bang.rows[0].cells
    rong_trai = cot_trai - 2 * LE_O_CM
    rong_phai = cot_phai - 2 * LE_O_CM

    # Ô 2: cơ quan chủ quản (không đậm) và cơ quan ban hành (đậm), in hoa, cỡ 13.
    dau_tien = True
    for dong in dau.co_quan_chu_quan:
        doan_o(trai, vn.viet_hoa(dong), CO_CO_QUAN_PT, dam=False, dau_tien=dau_tien)
        dau_tien = False
    for dong in dau.co_quan_ban_hanh:
        doan_o(trai, vn.viet_hoa(dong), CO_CO_QUAN_PT, dam=True, dau_tien=dau_tien)
        dau_tien = False
    rong_ten = max(do_rong_cm(vn.viet_hoa(d), CO_CO_QUAN_PT, dam=True)
                   for d in dau.co_quan_ban_hanh)
    duong_ke(doan_o(trai), TY_LE_DUONG_KE * min(rong_ten, rong_trai), rong_trai)

    # Ô 1: Quốc hiệu và Tiêu ngữ, đường kẻ dài bằng dòng Tiêu ngữ.
    doan_o(phai, nd30.CHU_QUOC_HIEU, CO_QUOC_HIEU_PT, dam=True, dau_tien=True)
    doan_o(phai, nd30.CHU_TIEU_NGU, CO_TIEU_NGU_PT, dam=True)
    duong_ke(doan_o(phai), do_rong_cm(nd30.CHU_TIEU_NGU, CO_TIEU_NGU_PT, dam=True), rong_phai)

    # Ô 3 và ô 4: "Số: 05/BC-UBND" và "Cai Kinh, ngày 15 tháng 4 năm 2024".
    o_so, o_ngay = bang.rows[1].cells
    so = doan_o(o_so, vn.so_ky_hieu(dau.so, dau.ky_hieu), CO_SO_KY_HIEU_PT, dau_tien=True)
    ngay = doan_o(o_ngay, vn.dia_danh_ngay(dau.dia_danh, dau.ngay, dau.nam, dau.thang), CO_NGAY_PT,
                  nghieng=True, dau_tien=True)
    for doan in (so, ngay):
        doan.paragraph_format.space_before = Pt(6)

    _ten_loai_trich_yeu(tai_lieu, dau)
    _can_cu_kinh_gui(tai_lieu, dau)


def _ten_loai_trich_yeu(tai_lieu: Document, dau: DauVanBan) -> None:
    """Tên loại (có thể là tên loại dài trên một dòng), trích yếu nếu có, dòng trong ngoặc,
    đường kẻ dưới cả khối dài 1/3–1/2 dòng chữ đậm dài nhất phía trên."""
    ten_loai = tai_lieu.add_paragraph()
    ten_loai.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ten_loai.paragraph_format.space_before = Pt(18)
    ten_loai.paragraph_format.keep_with_next = True
    chu_ten_loai = vn.viet_hoa(dau.ten_loai)
    them_chu(ten_loai, chu_ten_loai, CO_TEN_LOAI_PT, dam=True)
    rong = do_rong_cm(chu_ten_loai, CO_TEN_LOAI_PT, dam=True)

    if dau.trich_yeu is not None:
        trich_yeu = tai_lieu.add_paragraph()
        trich_yeu.alignment = WD_ALIGN_PARAGRAPH.CENTER
        trich_yeu.paragraph_format.keep_with_next = True
        them_chu(trich_yeu, dau.trich_yeu, CO_TRICH_YEU_PT, dam=True)
        rong = max(do_rong_cm(d, CO_TRICH_YEU_PT, dam=True) for d in dau.trich_yeu.split("\n"))

    if dau.dong_duoi_trich_yeu:
        duoi = tai_lieu.add_paragraph()
        duoi.alignment = WD_ALIGN_PARAGRAPH.CENTER
        duoi.paragraph_format.keep_with_next = True
        them_chu(duoi, dau.dong_duoi_trich_yeu, CO_TRICH_YEU_PT, nghieng=True)

    ke = tai_lieu.add_paragraph()
    duong_ke(ke, TY_LE_DUONG_KE * min(rong, RONG_CHU_CM), RONG_CHU_CM)
    ke.paragraph_format.space_after = Pt(6)


def _can_cu_kinh_gui(tai_lieu: Document, dau: DauVanBan) -> None:
    from drafter.ghi_docx import kieu_chu

    # Căn cứ, "Thực hiện …": in nghiêng, mỗi dòng một đoạn, đúng như gõ (dòng "Thực hiện Công
    # văn …, UBND xã báo cáo như sau:" không được thành "…như sau.").
    for dong in dau.can_cu:
        doan = them_doan(tai_lieu, kieu_chu.CAN_CU)
        doan.add_run(dong.strip())

    if not dau.kinh_gui:
        return
    if len(dau.kinh_gui) == 1:
        doan = tai_lieu.add_paragraph()
        doan.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doan.paragraph_format.space_before = Pt(6)
        them_chu(doan, f"Kính gửi: {dau.kinh_gui[0].rstrip(' ;.')}.")
        return
    # Nhiều nơi: mỗi nơi một dòng "- …;", gạch đầu dòng thẳng dưới dấu hai chấm.
    nhan = "Kính gửi: "
    thut = Cm(5.0)
    for i, noi in enumerate(dau.kinh_gui):
        doan = tai_lieu.add_paragraph()
        cuoi = "." if i == len(dau.kinh_gui) - 1 else ";"
        if i == 0:
            doan.paragraph_format.space_before = Pt(6)
            doan.paragraph_format.left_indent = thut - Cm(do_rong_cm(nhan, kieu_chu.CO_CHU_THAN_PT))
            them_chu(doan, f"{nhan}- {noi.rstrip(' ;.')}{cuoi}")
        else:
            doan.paragraph_format.left_indent = thut
            them_chu(doan, f"- {noi.rstrip(' ;.')}{cuoi}")
