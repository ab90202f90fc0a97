"""Tệp báo cáo do người khác (hay một chương trình hỏng) làm ra: mọi thứ lạ bị từ chối ngay ở
bước kiểm tra, nêu đúng trường, bằng tiếng Việt; không bao giờ «0 lỗi» rồi văng lỗi lúc dựng
văn bản. Các tệp độc được sinh ngay trong kiểm thử."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import cli, vn
from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.tinh_toan import doc_o_so
from drafter.tai_nguyen import tep_mau

SO_DAI = "9" * 5000  # Python không đổi được chuỗi quá 4300 chữ số thành int


def _bao_cao_mau() -> dict:
    return json.loads(tep_mau(cli.TEP_BAO_CAO_MAU).read_text(encoding="utf-8"))


def _chay(capsys, *args: str) -> tuple[int, str, str]:
    ma = cli.main(list(args))
    ra = capsys.readouterr()
    return ma, ra.out, ra.err


def _ghi_voi_so(tmp_path: Path, ma_ct: str, truong: str, so_json: str) -> Path:
    """Tệp mẫu với một ô số thay bằng `so_json` viết nguyên văn vào JSON (NaN, 1e300, …)."""
    du_lieu = _bao_cao_mau()
    o = du_lieu["so_lieu"][ma_ct]
    if truong == "phan_con":
        o["phan_con"][0]["gia_tri"] = "@@SO@@"
    else:
        o[truong] = "@@SO@@"
    p = tmp_path / "bc.json"
    p.write_text(json.dumps(du_lieu, ensure_ascii=False).replace('"@@SO@@"', so_json),
                 encoding="utf-8")
    return p


# ---------------------------------------------------------------- số liệu

@pytest.mark.parametrize(("so_json", "trong_loi"), [
    ("NaN", "không phải là số"), ("Infinity", "không phải là số"),
    ("-Infinity", "không phải là số"), ("1e300", "quá lớn"), ("1e999", "không phải là số"),
    ("1e-300", "quá nhiều chữ số sau dấu phẩy"), ("1e16", "quá lớn"),
    ('"123456789012345678901234567890123"', "quá lớn"), (SO_DAI, "quá lớn"),
    (f'"{SO_DAI}"', "quá lớn"), ('"1.234.567.890.123.456"', "quá lớn"),
    ('"1,1234567"', "quá nhiều chữ số sau dấu phẩy"), ("0.12345678", "quá nhiều chữ số"),
])
@pytest.mark.parametrize(("ma_ct", "truong"), [
    ("dien_tich_gieo_trong", "gia_tri"), ("dien_tich_gieo_trong", "ke_hoach"),
    ("dien_tich_gieo_trong", "cung_ky"), ("dien_tich_gieo_trong", "phan_con"),
    ("tieu_chi_ntm", "mau_so"), ("chi_ngan_sach", "du_toan_huyen"),
])
def test_so_doc_hai_bi_tu_choi_o_buoc_kiem_tra(tmp_path, capsys, so_json, trong_loi, ma_ct,
                                               truong):
    tep = _ghi_voi_so(tmp_path, ma_ct, truong, so_json)
    ma, out, err = _chay(capsys, "validate", str(tep))
    assert ma == 1 and "Traceback" not in out + err
    ten_ct = doc_bieu_mau("kt-xh-quy-xa").chi_tieu_theo_ma()[ma_ct].ten
    # Nêu đúng chỉ tiêu (và ô, trừ ô số liệu chính); có thể kèm lỗi hệ quả (chi tiết thiếu tổng).
    assert any(d.startswith("Lỗi") and trong_loi in d and ten_ct in d for d in out.splitlines())
    ra = tmp_path / "ra.docx"
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(ra))
    assert ma == 2 and trong_loi in err and "Traceback" not in err and not ra.exists()


def test_so_o_bien_gioi_han_van_dung_van_ban(tmp_path, capsys):
    """Số lớn nhất và lẻ nhất được phép: tỷ lệ khổng lồ vẫn tính, làm tròn, in được."""
    du_lieu = _bao_cao_mau()
    du_lieu["so_lieu"]["dien_tich_gieo_trong"] = {"gia_tri": "999.999.999.999.999",
                                                 "ke_hoach": "0,000001", "cung_ky": 1e-6}
    tep = tmp_path / "bc.json"
    tep.write_text(json.dumps(du_lieu, ensure_ascii=False), encoding="utf-8")
    ra = tmp_path / "ra.docx"
    ma, out, err = _chay(capsys, "render", str(tep), "-o", str(ra))
    assert ma == 0 and ra.is_file(), err


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.floats(), st.integers(min_value=-10**40, max_value=10**40),
                 st.decimals(allow_nan=True).map(str), st.text(max_size=40)))
def test_o_so_bat_ky_hoac_loi_hoac_in_duoc(gia_tri):
    """Mọi giá trị JSON của một ô số: hoặc một câu lỗi, hoặc một số mà mọi phép tính và cách in
    đều làm được (không còn InvalidOperation lúc dựng văn bản)."""
    ct = doc_bieu_mau("kt-xh-quy-xa").chi_tieu_theo_ma()["chi_ngan_sach"]
    so, loi = doc_o_so(gia_tri, ct, "gia_tri")
    if so is None:
        return
    assert loi is None
    for so_le in range(5):
        vn.so(so, so_le)
    vn.tien(so, "tỷ đồng")
    vn.phan_tram(vn.ty_le(so, Decimal("0.000001")) or 0)
    vn.phan_tram(vn.ty_le(Decimal("999999999999999"), so) or 0)


def test_ham_in_so_tu_choi_nan_bang_cau_tieng_viet():
    for x in (float("nan"), Decimal("Infinity"), "sNaN"):
        with pytest.raises(ValueError, match="không phải số"):
            vn.so(x)
