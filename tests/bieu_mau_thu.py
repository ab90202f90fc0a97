"""Một biểu mẫu nhỏ dựng trong kiểm thử (không phụ thuộc forms/ thật) và dữ liệu đi kèm."""

from __future__ import annotations

from drafter.bieu_mau.dinh_nghia import BieuMau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu

BIEU_MAU_THU = {
    "ma": "thu", "ten": "Biểu mẫu thử", "danh_so": ["la_ma", "so", "chu"],
    "trich_yeu": "Tình hình kinh tế – xã hội {ky} và nhiệm vụ {ky_toi}",
    "cau_ket": "Trên đây là báo cáo {ky} của {co_quan}",
    "cach_viet": {"ke_hoach": "KH", "cung_ky": "so với cùng kỳ"},
    "muc": [
        {"ma": "kinh_te", "tieu_de": "Lĩnh vực kinh tế"},
        {"ma": "nong_nghiep", "cha": "kinh_te", "tieu_de": "Nông nghiệp"},
        {"ma": "trong_trot", "cha": "nong_nghiep", "tieu_de": "Trồng trọt", "de_muc": False},
        {"ma": "ngan_sach", "cha": "kinh_te", "tieu_de": "Thu, chi ngân sách"},
        {"ma": "xa_hoi", "tieu_de": "Lĩnh vực xã hội"},
        {"ma": "ra_quan", "cha": "xa_hoi", "tieu_de": "Ra quân đầu xuân", "tuy_chon": True},
        {"ma": "nhiem_vu", "tieu_de": "Nhiệm vụ {ky_toi}", "danh_sach_so": True},
    ],
    "chi_tieu": [
        {"ma": "gieo_trong", "muc": "trong_trot", "ten": "Tổng diện tích gieo trồng vụ xuân",
         "cau": "Tổng diện tích gieo trồng vụ xuân ước đạt", "don_vi": "ha", "loai": "dien_tich",
         "ky": "luy_ke", "so_sanh": ["ke_hoach", "cung_ky"], "nguong_thay_doi": 30,
         "phan_con": {"theo": "nhóm cây", "cach_hien": "chu_thich"}},
        {"ma": "trong_rung", "muc": "trong_trot", "ten": "Trồng rừng mới",
         "cau": "ước trồng rừng được", "don_vi": "ha", "loai": "dien_tich", "ky": "luy_ke",
         "so_sanh": ["ke_hoach"], "phan_con": {"theo": "thôn", "cach_hien": "trong_do"}},
        {"ma": "tieu_chi", "muc": "nong_nghiep", "ten": "Tiêu chí nông thôn mới",
         "cau": "đã đạt được", "don_vi": "tiêu chí", "loai": "ti_so", "ky": "thoi_diem",
         "so_le_ty_le": 2, "hai_chu_so": True},
        {"ma": "thu_ns", "muc": "ngan_sach", "ten": "Thu ngân sách",
         "cau": "Thu ngân sách được", "loai": "tien", "ky": "luy_ke",
         "so_sanh": ["du_toan", "cung_ky"]},
        {"ma": "tiep_dan", "muc": "xa_hoi", "ten": "Lượt tiếp công dân", "cau": "Tiếp",
         "don_vi": "lượt", "loai": "dem", "so_sanh": ["cung_ky_tang_giam"], "hai_chu_so": True},
        {"ma": "bhyt", "muc": "xa_hoi", "ten": "Tỷ lệ tham gia BHYT",
         "cau": "Tỷ lệ tham gia BHYT đạt", "loai": "phan_tram", "ky": "thoi_diem"},
        {"ma": "dang_ky", "muc": "xa_hoi", "ten": "Đã có quy chế", "cau": "Đã có quy chế",
         "loai": "co_khong"},
    ],
}


def bieu_mau_thu(**thay: object) -> BieuMau:
    return BieuMau.model_validate({**BIEU_MAU_THU, **thay})


def bao_cao_thu(**thay: object) -> BaoCaoDuLieu:
    du_lieu = {
        "bieu_mau": "thu", "ky": "2024-Q1", "xa": "Thử Nghiệm",
        "dau": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"],
                "dia_danh": "Thử Nghiệm", "ngay": "2024-04-15"},
        "so_lieu": {
            "gieo_trong": {"gia_tri": "148", "ke_hoach": "154", "cung_ky": "134,5",
                           "phan_con": [{"ten": "Lúa", "gia_tri": "53"},
                                        {"ten": "Ngô", "gia_tri": "95"}]},
            "tieu_chi": {"gia_tri": "6", "mau_so": "19"},
            "thu_ns": {"gia_tri": "100.791.000", "du_toan_huyen": "188.000.000",
                       "du_toan_xa": "207.000.000"},
            "tiep_dan": {"gia_tri": "3", "cung_ky": "6"},
        },
        "van_ban": {
            "trong_trot": ["- *Trồng trọt*: [[gieo_trong.cau]][[gieo_trong.chu_thich]]."],
            "nong_nghiep": ["Xã đạt [[tieu_chi]], đạt [[tieu_chi.ty_le]]."],
            "nhiem_vu": ["Tập trung các nhiệm vụ sau:", "#. Chăm sóc lúa xuân.",
                         "Phòng chống rét cho đàn trâu.", "#. Thu ngân sách."],
        },
        "noi_nhan": ["UBND huyện (b/c)"], "luu": "VT, VP",
        "chu_ky": {"co_quan_hoac_chuc_vu": "ỦY BAN NHÂN DÂN", "chuc_vu": ["CHỦ TỊCH"],
                   "ho_ten": "Nguyễn Văn A"},
    }
    du_lieu.update(thay)
    return BaoCaoDuLieu.model_validate(du_lieu)
