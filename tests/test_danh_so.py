"""Số thứ tự đề mục được sinh từ cây, bắt đầu lại dưới mỗi đề mục cha."""

from __future__ import annotations

from drafter.danh_so import duyet
from drafter.van_ban import VanBan
from tests.conftest import van_ban_nho


def _nhan(du_lieu: dict) -> list[str]:
    vb = VanBan.model_validate(du_lieu)
    return [m.de_muc.nhan for m in duyet(vb.noi_dung, vb.danh_so) if m.de_muc]


def _muc(tieu_de: str | None, *con: dict, cap: str | None = None) -> dict:
    d: dict = {"loai": "muc", "tieu_de": tieu_de, "noi_dung": list(con)}
    if cap:
        d["cap"] = cap
    return d


def test_so_do_cai_kinh_bat_dau_lai_duoi_moi_cha():
    noi_dung = [
        _muc("Chỉ đạo"),
        _muc("Kết quả",
             _muc("Kinh tế", _muc("Nông nghiệp", _muc("x"), _muc("y")), _muc("Giao thông")),
             _muc("Văn hóa", _muc("Giáo dục", _muc("z")))),
        _muc("Nhiệm vụ", _muc(None, {"loai": "doan", "noi_dung": "Tiếp tục"}, cap="so")),
    ]
    nhan = _nhan(van_ban_nho(danh_so=["chu_hoa", "la_ma", "so", "chu"], noi_dung=noi_dung))
    assert nhan == ["A.", "B.", "I.", "1.", "a)", "b)", "2.", "II.", "1.", "a)", "C.", "1."]


def test_chu_cai_theo_thu_tu_tieng_viet():
    noi_dung = [_muc("Mục", *[_muc(f"điểm {i}") for i in range(8)])]
    nhan = _nhan(van_ban_nho(danh_so=["la_ma", "chu"], noi_dung=noi_dung))
    assert nhan[1:] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]


def test_phan_thu_va_so_thap_phan():
    noi_dung = [
        _muc("Kết quả", _muc("Công tác lãnh đạo"),
             _muc("Tình hình", _muc("Kinh tế", _muc("Nông nghiệp"), _muc("Nông thôn mới")),
                  _muc("Văn hóa", _muc("Giáo dục")))),
        _muc("Phương hướng"),
    ]
    nhan = _nhan(van_ban_nho(danh_so=["phan_thu", "la_ma", "so", "so_thap_phan"],
                             noi_dung=noi_dung))
    assert nhan == ["PHẦN THỨ NHẤT", "I.", "II.", "1.", "1.1.", "1.2.", "2.", "2.1.",
                    "PHẦN THỨ HAI"]


def test_cay_sau_hon_so_do_van_danh_so():
    noi_dung = [_muc("I", _muc("1", _muc("a", _muc("sâu hơn"))))]
    nhan = _nhan(van_ban_nho(danh_so=["la_ma", "so"], noi_dung=noi_dung))
    assert nhan == ["I.", "1.", "a)", "a)"]


def test_khong_co_lo_hong_khi_bo_mot_muc():
    """Văn bản tay hay có I. → III. khi xóa II.; ở đây bỏ một mục thì số tự dồn lại."""
    noi_dung = [_muc("Một"), _muc("Ba")]
    assert _nhan(van_ban_nho(noi_dung=noi_dung)) == ["I.", "II."]


def test_mau_cai_kinh_du_cac_de_muc(van_ban_mau):
    nhan = [(m.de_muc.nhan, m.de_muc.do_sau) for m in duyet(van_ban_mau.noi_dung,
                                                              van_ban_mau.danh_so) if m.de_muc]
    cap1 = [n for n, d in nhan if d == 0]
    assert cap1 == ["A.", "B.", "C."]
    cap2 = [n for n, d in nhan if d == 1 and n.endswith(".") and not n[0].isdigit()]
    assert cap2 == ["I.", "II.", "III.", "IV."]
    # Phần C liệt kê 13 nhiệm vụ trọng tâm, đánh số 1. → 13.
    assert [n for n, d in nhan if d == 1 and n[0].isdigit()] == [f"{i}." for i in range(1, 14)]
