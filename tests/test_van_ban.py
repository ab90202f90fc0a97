"""Kiểm tra dữ liệu văn bản: thông báo tiếng Việt, chuẩn hóa NFC, ký tự cấm."""

from __future__ import annotations

import unicodedata

import pytest
from pydantic import ValidationError

from drafter.loi_tieng_viet import cac_loi
from drafter.van_ban import VanBan
from tests.van_ban_thu import van_ban_nho


def _loi(du_lieu: dict) -> list[str]:
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(du_lieu)
    return cac_loi(e.value)


def test_van_ban_nho_hop_le():
    vb = VanBan.model_validate(van_ban_nho())
    assert vb.dau.so == "5"
    assert vb.noi_nhan == ["UBND huyện (b/c)"]


def test_chuan_hoa_nfc():
    to_hop = unicodedata.normalize("NFD", "Tiếng Việt")
    vb = VanBan.model_validate(van_ban_nho(cau_ket=to_hop))
    assert vb.cau_ket == "Tiếng Việt"
    assert unicodedata.is_normalized("NFC", vb.cau_ket)


def test_ky_tu_dieu_khien_bi_tu_choi():
    loi = _loi(van_ban_nho(cau_ket="Trên đây\x07 là báo cáo"))
    assert len(loi) == 1
    assert loi[0].startswith("câu kết: có ký tự điều khiển không in được (mã U+0007)")


def test_thieu_truong_bat_buoc():
    du_lieu = van_ban_nho()
    del du_lieu["dau"]["trich_yeu"]
    assert _loi(du_lieu) == ["phần đầu: thiếu trích yếu: dưới «BÁO CÁO» phải có trích yếu, hoặc "
                             "ghi tên loại dài trên một dòng («BÁO CÁO TÌNH HÌNH …»)"]


def test_sai_loai_nut_va_vi_tri_long_nhau():
    du_lieu = van_ban_nho(noi_dung=[
        {"loai": "muc", "tieu_de": "A", "noi_dung": [{"loai": "doan", "noi_dung": 5}]}])
    loi = _loi(du_lieu)
    assert loi == ["nội dung › mục thứ 1 › nội dung › mục thứ 1 › nội dung: "
                   "phải là một danh sách [ … ]"]
    loi = _loi(van_ban_nho(noi_dung=[{"loai": "hinh", "noi_dung": "x"}]))
    assert "loại phải là" in loi[0]


def test_so_va_ky_hieu():
    assert "số văn bản chỉ gồm chữ số" in _loi(van_ban_nho(dau={
        **van_ban_nho()["dau"], "so": "33/BC"}))[0]
    assert "ký hiệu phải có dạng BC-UBND" in _loi(van_ban_nho(dau={
        **van_ban_nho()["dau"], "ky_hieu": "BC UBND"}))[0]
    vb = VanBan.model_validate(van_ban_nho(dau={**van_ban_nho()["dau"], "so": "  "}))
    assert vb.dau.so is None


def test_ngay_sai():
    loi = _loi(van_ban_nho(dau={**van_ban_nho()["dau"], "ngay": "15/4/2024"}))
    assert loi == ["phần đầu › ngày ban hành: phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2024-04-15"]


def test_noi_nhan_chuan_hoa_va_tach_dong_luu():
    vb = VanBan.model_validate(van_ban_nho(
        noi_nhan=["- UBND huyện (b/c);", "TT Đảng ủy, HĐND xã;", " ", "- Lưu: VT, VP."]))
    assert vb.noi_nhan == ["UBND huyện (b/c)", "TT Đảng ủy, HĐND xã"]
    assert vb.luu == "VT, VP"
    du_lieu = van_ban_nho(noi_nhan=["UBND huyện", "- Lưu: VT, TCCB."])
    del du_lieu["luu"]
    assert VanBan.model_validate(du_lieu).luu == "VT, TCCB"


def test_khong_ghi_hoc_vi_truoc_ten():
    du_lieu = van_ban_nho()
    du_lieu["chu_ky"]["ho_ten"] = "TS. Nguyễn Văn A"
    assert "học hàm, học vị" in _loi(du_lieu)[0]


def test_phien_ban_la_bi_tu_choi():
    loi = _loi(van_ban_nho(phien_ban=9))
    assert loi == ["phiên bản tệp: tệp dùng phiên bản lược đồ 9, chương trình này chỉ đọc được "
                   "phiên bản 1 đến 2; hãy cập nhật drafter"]


def test_truong_la_bi_tu_choi():
    assert _loi(van_ban_nho(ghi_chu="x")) == [
        "ghi_chu: không phải là trường chương trình biết (gõ nhầm tên trường?)"]
