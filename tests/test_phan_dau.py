"""Phần đầu văn bản khai một lần ở mỗi mô hình, chép giữa chúng theo tên trường (truong_chung):
báo cáo theo biểu mẫu → văn bản in, văn bản đọc từ Word ↔ văn bản tự do, hồ sơ xã ↔ phần đầu."""

from __future__ import annotations

from datetime import date

from drafter.bieu_mau.du_lieu import ChuKyNhap, DauBaoCao
from drafter.bieu_mau.dung_van_ban import dung
from drafter.kho.kho import TRUONG_DAU_XA, Xa
from drafter.ky_bao_cao import Ky
from drafter.van_ban import ChuKy, DauVanBan, VanBan
from drafter.van_ban_tu_do import DauTuDo, dung_van_ban, tu_van_ban
from tests.bieu_mau_thu import bao_cao_thu, bieu_mau_thu


def test_moi_truong_phan_dau_co_cho_den_trong_van_ban_in():
    """Trường mới thêm vào DauBaoCao mà DauVanBan chưa có thì không in được: phải thêm cả hai."""
    assert set(DauBaoCao.model_fields) <= set(DauVanBan.model_fields)
    assert set(DauTuDo.model_fields) == set(DauVanBan.model_fields)
    assert set(ChuKyNhap.model_fields) == set(ChuKy.model_fields)
    assert TRUONG_DAU_XA == ("co_quan_chu_quan", "co_quan_ban_hanh", "ky_hieu", "dia_danh")


_DAU = {"co_quan_chu_quan": ["UBND HUYỆN HỮU LŨNG"], "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN",
        "XÃ CAI KINH"], "so": "12", "ky_hieu": "BC-UBND", "dia_danh": "Cai Kinh",
        "ngay": date(2024, 4, 15), "trich_yeu": "Tình hình quý I", "dong_duoi_trich_yeu":
        "(Trình kỳ họp thứ Bảy)", "kinh_gui": ["UBND huyện Hữu Lũng"]}


def test_bao_cao_theo_bieu_mau_chep_moi_truong_phan_dau_sang_van_ban_in():
    bc = bao_cao_thu().model_copy(update={"dau": DauBaoCao(**_DAU, can_cu=["Thực hiện A"])})
    vb = dung(bieu_mau_thu(), bc)
    assert {t: getattr(vb.dau, t) for t in _DAU} == _DAU
    assert vb.dau.can_cu == ["Thực hiện A."]  # biểu mẫu giữ cách in căn cứ cũ
    assert vb.dau.nam == bc.ky_bao_cao.nam


def test_van_ban_tu_do_giu_moi_truong_phan_dau_va_nguoi_ky():
    dau = DauVanBan(**_DAU, can_cu=["Thực hiện A;"], ten_loai="BÁO CÁO TÌNH HÌNH QUÝ I")
    ck = ChuKy(quyen_han="KT.", co_quan_hoac_chuc_vu="CHỦ TỊCH", chuc_vu=["PHÓ CHỦ TỊCH"],
               ho_ten="Nguyễn Văn A")
    vb = VanBan(dau=dau, chu_ky=ck, noi_nhan=["Như trên"])
    td = tu_van_ban(vb, Ky.doc("2024-Q1"), "Cai Kinh")
    assert td.dau.model_dump() == {t: getattr(dau, t) for t in DauTuDo.model_fields}
    assert td.chu_ky.model_dump() == ck.model_dump()
    lai, loi = dung_van_ban(td)
    assert loi == [] and lai.dau == dau and lai.chu_ky == ck


def test_ho_so_xa_va_phan_dau():
    xa = Xa(id=1, ten="Cai Kinh", co_quan_chu_quan=["UBND HUYỆN HỮU LŨNG"],
            co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "XÃ CAI KINH"], ky_hieu="BC-X",
            dia_danh="Cai Kinh")
    dau = DauBaoCao(**xa.dau_mac_dinh())
    assert dau.model_dump(include=set(TRUONG_DAU_XA)) == {t: getattr(xa, t) for t in TRUONG_DAU_XA}
    dau.co_quan_ban_hanh.append("THÊM")
    assert xa.co_quan_ban_hanh == ["ỦY BAN NHÂN DÂN", "XÃ CAI KINH"]  # chép, không dùng chung
    # Phần đầu → hồ sơ xã mới: trường trống giữ mặc định của Xa.
    assert Xa.ho_so_tu_dau(DauBaoCao(co_quan_ban_hanh=["XÃ A"], dia_danh="A")) == {
        "co_quan_chu_quan": [], "co_quan_ban_hanh": ["XÃ A"], "dia_danh": "A"}
    assert Xa(id=0, ten="A", **Xa.ho_so_tu_dau(DauBaoCao())).ky_hieu == "BC-UBND"
    # Ký hiệu của hồ sơ là ký hiệu báo cáo: nhập kế hoạch, tờ trình của xã mới thì không lấy
    # (mọi đường nhập: .json, Word, xã mẫu đều qua đây).
    assert Xa.ho_so_tu_dau(DauBaoCao(ky_hieu="BC-UBND.VP"))["ky_hieu"] == "BC-UBND.VP"
    for ky_hieu in ("KH-UBND", "TTr-UBND"):
        assert "ky_hieu" not in Xa.ho_so_tu_dau(DauBaoCao(ky_hieu=ky_hieu))
