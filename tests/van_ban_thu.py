"""Văn bản thử dùng chung cho các kiểm thử: một văn bản tối thiểu hợp lệ sửa được từng phần,
ghi ra .docx rồi đọc lại, và sửa XML của một tệp .docx đã ghi (tệp hỏng có chủ ý).

Ở mô-đun riêng (không phải conftest) để các kiểm thử nhập được như một mô-đun bình thường."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.van_ban import VanBan

SuaXml = Callable[[dict[str, etree._Element]], None]


def van_ban_nho(**thay: object) -> dict:
    """Một văn bản tối thiểu hợp lệ dưới dạng dữ liệu JSON, sửa được từng phần."""
    du_lieu: dict = {
        "phien_ban": 1,
        "dau": {
            "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"],
            "so": "5", "ky_hieu": "BC-UBND", "dia_danh": "Thử Nghiệm", "ngay": "2024-02-05",
            "trich_yeu": "Tình hình kinh tế - xã hội quý I năm 2024",
        },
        "danh_so": ["la_ma", "so", "chu"],
        "noi_dung": [{"loai": "doan", "noi_dung": "Nội dung."}],
        "cau_ket": "Trên đây là báo cáo",
        "noi_nhan": ["UBND huyện (b/c)"],
        "luu": "VT, VP",
        "chu_ky": {"co_quan_hoac_chuc_vu": "ỦY BAN NHÂN DÂN", "chuc_vu": ["CHỦ TỊCH"],
                   "ho_ten": "Nguyễn Văn A"},
    }
    du_lieu.update(thay)
    return du_lieu


def ghi_va_doc(tmp_path: Path, du_lieu: dict, ten: str = "vb.docx") -> TaiLieuDocx:
    vb = VanBan.model_validate(du_lieu)
    return TaiLieuDocx(ghi_tep(vb, tmp_path / ten))


def sua_docx(goc: Path, dich: Path, sua: SuaXml) -> Path:
    """Chép tệp .docx `goc` sang `dich`, sửa các phần XML word/*.xml bằng `sua` trên đường đi."""
    with zipfile.ZipFile(goc) as z:
        ten = z.namelist()
        xml = {n: etree.fromstring(z.read(n)) for n in ten
               if n.startswith("word/") and n.endswith(".xml")}
        sua(xml)
        with zipfile.ZipFile(dich, "w", zipfile.ZIP_DEFLATED) as ra:
            for n in ten:
                du_lieu = etree.tostring(xml[n], xml_declaration=True, encoding="UTF-8",
                                         standalone=True) if n in xml else z.read(n)
                ra.writestr(n, du_lieu)
    return dich
