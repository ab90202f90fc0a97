"""Số thứ tự đề mục được sinh từ cây, bắt đầu lại dưới mỗi đề mục cha."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from drafter.danh_so import duyet, duyet_van_ban
from drafter.loi_tieng_viet import cac_loi
from drafter.van_ban import VanBan
from tests.van_ban_thu import van_ban_nho


def _nhan(du_lieu: dict) -> list[str]:
    vb = VanBan.model_validate(du_lieu)
    return [m.de_muc.nhan for m in duyet_van_ban(vb) if m.de_muc]


def _muc(tieu_de: str | None, *con: dict, cap: str | None = None, **them: object) -> dict:
    d: dict = {"loai": "muc", "tieu_de": tieu_de, "noi_dung": list(con), **them}
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


def _loi(du_lieu: dict) -> str:
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(du_lieu)
    loi = cac_loi(e.value)
    assert len(loi) == 1, loi
    return loi[0]


def test_cay_sau_hon_moi_cap_bi_tu_choi():
    """Trước đây điểm dưới điểm in lại "a)"; nay từ chối và chỉ ra đề mục."""
    noi_dung = [_muc("I", _muc("1", _muc("a", _muc("sâu hơn"))))]
    loi = _loi(van_ban_nho(danh_so=["la_ma", "so"], noi_dung=noi_dung))
    assert loi.startswith("tệp: đề mục «I. I» › «1. 1» › «a) a» › «sâu hơn»: sâu quá mọi cấp")
    assert "dau_dong" in loi


def test_cay_sau_hon_so_do_di_theo_thu_tu_chuan():
    noi_dung = [_muc("I", _muc("1", _muc("a")))]
    assert _nhan(van_ban_nho(danh_so=["la_ma", "so"], noi_dung=noi_dung)) == ["I.", "1.", "a)"]


def test_so_thap_phan_bon_cap():
    """1. → 1.1. → 1.1.1. → 1.1.1.1.: mỗi cấp nối số của cấp trên (trước đây "1.1." lồng
    trong "1.1." in ra "1.1.", "1.1.", "1.2.")."""
    noi_dung = [_muc("1.", _muc("1.1.", _muc("1.1.1.", _muc("1.1.1.1."), _muc("1.1.1.2.")),
                                _muc("1.1.2.")), _muc("1.2.")),
                _muc("2.", _muc("2.1."))]
    nhan = _nhan(van_ban_nho(danh_so=["so", "so_thap_phan", "so_thap_phan", "so_thap_phan"],
                             noi_dung=noi_dung))
    assert nhan == ["1.", "1.1.", "1.1.1.", "1.1.1.1.", "1.1.1.2.", "1.1.2.", "1.2.", "2.",
                    "2.1."]


def test_cap_thap_phan_thu_nam_bi_tu_choi():
    nam = _muc("1.1.1.1", _muc("quá sâu", cap="so_thap_phan"), cap="so_thap_phan")
    noi_dung = [_muc("1", _muc("1.1", _muc("1.1.1", nam, cap="so_thap_phan"),
                                cap="so_thap_phan"))]
    loi = _loi(van_ban_nho(danh_so=["so"], noi_dung=noi_dung))
    assert "«1.1.1.1.1. quá sâu»: số thập phân chỉ tới 4 cấp (1.1.1.1.)" in loi


def test_thap_phan_khong_nam_duoi_khoan_bi_tu_choi():
    noi_dung = [_muc("I", _muc("lạc chỗ", cap="so_thap_phan"))]
    loi = _loi(van_ban_nho(danh_so=["la_ma", "so"], noi_dung=noi_dung))
    assert "«I. I» › «?.1. lạc chỗ»: số thập phân (1.1.) phải nằm ngay dưới một khoản" in loi


def test_cap_lap_lai_ben_trong_chinh_no_bi_tu_choi():
    """"1." trong "1.1." hay "a)" trong "a)" in ra số trùng: từ chối, không in sai."""
    noi_dung = [_muc("1", _muc("1.1", _muc("lại 1", cap="so")))]
    loi = _loi(van_ban_nho(danh_so=["so", "so_thap_phan"], noi_dung=noi_dung))
    assert "«1.1. 1.1» › «1. lại 1»: cấp «1.» lặp lại bên trong" in loi
    loi = _loi(van_ban_nho(noi_dung=[_muc("I", _muc("1", _muc("a", _muc("a2", cap="chu"))))]))
    assert "«a) a2»: cấp «a)» lặp lại" in loi


def test_phan_chi_o_ngoai_cung():
    loi = _loi(van_ban_nho(noi_dung=[_muc("I", _muc("phần lạc", cap="phan_thu"))]))
    assert "«Phần» chỉ đứng ở cấp ngoài cùng" in loi


def test_so_do_rieng_cua_nhanh_va_nhan_tu_ghi():
    """Bình Trung: PHẦN THỨ HAI liệt kê thẳng 1. 2.; Hữu Kiên: 5.1.–5.4. dưới "5." trong khi
    các khoản khác dùng a), và 3.1.–3.9. là mã người soạn ghi dưới mục III."""
    phan_1 = _muc("Kết quả", _muc("Kinh tế", _muc("NN"), _muc("CT", _muc("x"), _muc("y"),
                                                      danh_so=["so_thap_phan"])))
    phan_2 = {**_muc("Phương hướng", _muc(None, {"loai": "doan", "noi_dung": "Tiếp tục"}),
                     _muc("Hai")), "danh_so": ["so"]}
    ma = [{**_muc(t), "nhan": n} for t, n in (("Tổ chức", "3.1."), ("Kinh tế", "3.2."))]
    phan_3 = _muc("Kế hoạch", _muc("Nhiệm vụ", *ma, _muc("không mã")))
    nhan = _nhan(van_ban_nho(danh_so=["phan_thu_thuong", "la_ma", "so", "chu"],
                             noi_dung=[phan_1, phan_2, phan_3]))
    assert nhan == ["Phần thứ nhất", "I.", "1.", "2.", "2.1.", "2.2.", "Phần thứ hai", "1.",
                    "2.", "Phần thứ ba", "I.", "3.1.", "3.2.", "1."]


def test_bang_chu_cai_la_tinh_khi_chon_ro():
    noi_dung = [_muc("Mục", *[_muc(f"điểm {i}") for i in range(7)])]
    du_lieu = van_ban_nho(danh_so=["la_ma", "chu"], noi_dung=noi_dung)
    assert _nhan(du_lieu)[1:] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    assert _nhan({**du_lieu, "bang_chu_cai": "la_tinh"})[1:] == [
        "a)", "b)", "c)", "d)", "e)", "f)", "g)"]


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
