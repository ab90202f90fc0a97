"""Các cấu trúc văn bản thật của xã (issue 15): mỗi cấu trúc một văn bản nhỏ, ghi ra .docx rồi
mở tệp kiểm trên XML và chữ — đánh số sâu và đổi sơ đồ, nhãn tự ghi, loại văn bản, ngày biết
tháng, dòng thời gian, chú thích nhiều đoạn, chỉ số trên, bảng gộp ô — và hai mẫu Bình Trung,
Hữu Kiên ghi ra đạt thể thức, đủ đoạn, đủ chú thích."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pydantic import ValidationError

from drafter.ghi_docx import ghi_tep
from drafter.ghi_docx.trang import RONG_CHU_CM
from drafter.kiem_tra import kiem_tra
from drafter.kiem_tra.doc_docx import NS, TaiLieuDocx, w
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.loi_tieng_viet import cac_loi
from drafter.nap_bao_cao import nap
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from drafter.tui.xem_truoc import cac_dong
from drafter.van_ban import VanBan
from tests.van_ban_thu import van_ban_nho


def _xml(tep: Path, phan: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(tep) as z:
        return etree.fromstring(z.read(phan))


def _ghi(tmp_path: Path, du_lieu: dict, ten: str = "vb.docx") -> tuple[Path, TaiLieuDocx]:
    tep = ghi_tep(VanBan.model_validate(du_lieu), tmp_path / ten)
    return tep, TaiLieuDocx(tep)


def _chu(tl: TaiLieuDocx) -> list[str]:
    return [d.chu for d in tl.cac_doan() if d.chu.strip()]


def _muc(tieu_de, *con, **them) -> dict:
    return {"loai": "muc", "tieu_de": tieu_de, "noi_dung": list(con), **them}


def _doan(noi_dung, **them) -> dict:
    return {"loai": "doan", "noi_dung": noi_dung, **them}


# ---------------------------------------------------------------- đánh số

def test_bon_cap_thap_phan_va_doi_so_do_tren_docx(tmp_path):
    """PHẦN THỨ NHẤT → I. → 1. → 1.1. → 1.1.1. → 1.1.1.1. → a) → gạch đầu dòng; phần thứ hai
    đổi sơ đồ cho nhánh của nó (1. thẳng dưới phần)."""
    sau = _muc("Bốn cấp", _muc("Điểm", _doan("Nội dung điểm.", dau_dong="gach")))
    phan_1 = _muc("Kết quả", _muc("Tình hình", _muc("Kinh tế", _muc(
        "Nông nghiệp", _muc("Trồng trọt", sau),
        danh_so=["so_thap_phan", "so_thap_phan", "chu"]))))
    phan_2 = _muc("Phương hướng", _muc(None, _doan("Tiếp tục thực hiện.")), danh_so=["so"])
    _, tl = _ghi(tmp_path, van_ban_nho(
        danh_so=["phan_thu", "la_ma", "so", "so_thap_phan"], noi_dung=[phan_1, phan_2]))
    chu = _chu(tl)
    for dong in ("PHẦN THỨ NHẤT", "KẾT QUẢ", "I. TÌNH HÌNH", "1. Kinh tế", "1.1. Nông nghiệp",
                 "1.1.1. Trồng trọt", "1.1.1.1. Bốn cấp", "a) Điểm", "- Nội dung điểm.",
                 "PHẦN THỨ HAI", "PHƯƠNG HƯỚNG", "1. Tiếp tục thực hiện."):
        assert dong in chu, (dong, chu)


def test_nhan_tu_ghi_va_chu_giu_nhu_go(tmp_path):
    """Mã "3.1." … do người soạn ghi dưới mục III.; khoản giữ chữ như gõ, mục III. in hoa
    (mẫu NĐ 30) trừ khi ghi "in_hoa": false; "Phần thứ nhất" chữ thường theo cấp đã chọn."""
    iii = _muc("Nhiệm vụ và giải pháp", _muc("Về phát triển kinh tế", nhan="3.1."),
               _muc(None, _doan("Tăng cường quốc phòng."), nhan="3.8."))
    giu = _muc("Đánh giá chung", in_hoa=False)
    _, tl = _ghi(tmp_path, van_ban_nho(danh_so=["phan_thu_thuong", "la_ma", "so"],
                                       noi_dung=[_muc("Kế hoạch năm 2025", iii, giu)]))
    chu = _chu(tl)
    assert chu[chu.index("Phần thứ nhất") + 1] == "KẾ HOẠCH NĂM 2025"
    for dong in ("I. NHIỆM VỤ VÀ GIẢI PHÁP", "3.1. Về phát triển kinh tế",
                 "3.8. Tăng cường quốc phòng.", "II. Đánh giá chung"):
        assert dong in chu, (dong, chu)


def test_dau_dong_sao(tmp_path):
    _, tl = _ghi(tmp_path, van_ban_nho(noi_dung=[_doan(
        [{"chu": "Nhiệm vụ thứ nhất", "dam": True}, ": thu ngân sách."], dau_dong="sao")]))
    d = next(d for d in tl.cac_doan() if d.chu.startswith("* "))
    assert d.chu == "* Nhiệm vụ thứ nhất: thu ngân sách."
    assert [t.dam for t in d.run_co_chu()] == [False, True, False]


def test_hinh_dang_khong_danh_so_duoc_khong_ghi_tep(tmp_path, capsys):
    from drafter.cli import main

    tep = tmp_path / "vb.json"
    sai = _muc("1", _muc("1.1", _muc("lại 1", cap="so")))
    tep.write_text(json.dumps(van_ban_nho(danh_so=["so", "so_thap_phan"], noi_dung=[sai])),
                   encoding="utf-8")
    assert main(["render", str(tep), "-o", str(tmp_path / "ra.docx")]) == 2
    assert "cấp «1.» lặp lại" in capsys.readouterr().err
    assert not (tmp_path / "ra.docx").exists()


# ---------------------------------------------------------------- phần đầu, phần cuối

@pytest.mark.parametrize(("ten_loai", "ky_hieu"), [
    ("BÁO CÁO", "BC-UBND"), ("KẾ HOẠCH", "KH-UBND"), ("TỜ TRÌNH", "TTr-UBND"),
    ("THÔNG BÁO", "TB-UBND")])
def test_moi_loai_van_ban(tmp_path, ten_loai, ky_hieu):
    """Loại văn bản là dữ liệu: ký hiệu bỏ trống lấy mã của loại; drafter check nhận đúng mã."""
    dau = {**van_ban_nho()["dau"], "ten_loai": ten_loai}
    del dau["ky_hieu"]
    tep, tl = _ghi(tmp_path, van_ban_nho(dau=dau))
    chu = _chu(tl)
    assert f"Số: 05/{ky_hieu}" in chu and ten_loai in chu
    kq = {k.ma: k for k in kiem_tra(tep).ket_qua}
    assert kq["ma_loai"].muc_do == M.DAT and kq["ten_loai"].muc_do == M.DAT


def test_ky_hieu_va_kinh_gui_theo_loai():
    dau = van_ban_nho()["dau"]
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(dau={**dau, "ten_loai": "KẾ HOẠCH"}))
    assert "ký hiệu «BC-UBND» không khớp tên loại KẾ HOẠCH" in cac_loi(e.value)[0]
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(dau={**dau, "ten_loai": "KẾ HOẠCH",
                                               "ky_hieu": "KH-UBND", "kinh_gui": ["UBND huyện"]}))
    assert "kế hoạch không có dòng Kính gửi" in cac_loi(e.value)[0]
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(dau={**dau, "ten_loai": "QUYẾT ĐỊNH"}))
    assert "chưa được hỗ trợ" in cac_loi(e.value)[0]
    to_trinh = VanBan.model_validate(van_ban_nho(dau={**dau, "ten_loai": "TỜ TRÌNH",
                                                      "ky_hieu": "TTr-UBND"}))
    assert any("Kính gửi" in c for c in to_trinh.canh_bao())


def test_ten_loai_dai_va_dong_thoi_gian_khong_trich_yeu(tmp_path):
    dau = {**van_ban_nho()["dau"], "ten_loai": "Báo cáo tình hình thực hiện nhiệm vụ 6 tháng",
           "trich_yeu": None, "dong_duoi_trich_yeu": "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"}
    tep, tl = _ghi(tmp_path, van_ban_nho(dau=dau))
    ds = [d for d in tl.cac_doan() if d.chu.strip()]
    i = next(i for i, d in enumerate(ds) if d.chu.startswith("BÁO CÁO TÌNH HÌNH"))
    assert ds[i].chu == "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 6 THÁNG"  # một dòng, in hoa
    assert ds[i + 1].chu == "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"
    assert all(t.nghieng for t in ds[i + 1].run_co_chu())
    # Đường kẻ (viền trên của đoạn trống) ngay dưới dòng thời gian.
    p = next(p for p in _xml(tep).iterfind("w:body/w:p", NS)
             if "".join(p.itertext()).startswith("(Từ ngày"))
    assert p.getnext().find("w:pPr/w:pBdr/w:top", NS) is not None


def test_dong_thoi_gian_duoi_trich_yeu(tmp_path):
    dau = {**van_ban_nho()["dau"], "dong_duoi_trich_yeu": "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"}
    _, tl = _ghi(tmp_path, van_ban_nho(dau=dau))
    chu = _chu(tl)
    i = chu.index("Tình hình kinh tế - xã hội quý I năm 2024")
    assert chu[i - 1] == "BÁO CÁO" and chu[i + 1] == "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"


@pytest.mark.parametrize(("them", "mong"), [
    ({"ngay": None, "nam": 2024}, "Thử Nghiệm, ngày     tháng     năm 2024"),
    ({"ngay": None, "nam": 2024, "thang": 7}, "Thử Nghiệm, ngày      tháng 7 năm 2024"),
    ({"ngay": None, "nam": 2024, "thang": 2}, "Thử Nghiệm, ngày      tháng 02 năm 2024"),
    ({}, "Thử Nghiệm, ngày 05 tháng 02 năm 2024"),
])
def test_ngay_trong_biet_thang_va_day_du(tmp_path, them, mong):
    _, tl = _ghi(tmp_path, van_ban_nho(dau={**van_ban_nho()["dau"], **them}))
    assert mong in [d.chu for d in tl.cac_doan()]


def test_thang_can_nam_va_khong_di_voi_ngay_day_du():
    dau = van_ban_nho()["dau"]
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(dau={**dau, "thang": 7}))
    assert "«thang» chỉ dùng khi chưa có ngày đầy đủ" in cac_loi(e.value)[0]


def test_can_cu_in_nhu_go_va_tep_ban_1_giu_cach_cu(tmp_path):
    can_cu = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
              "Thực hiện Công văn số 18/UBND ngày 15/01/2024 của UBND huyện, UBND xã báo cáo "
              "như sau:"]
    dau = {**van_ban_nho()["dau"], "can_cu": can_cu}
    _, tl = _ghi(tmp_path, van_ban_nho(phien_ban=2, dau=dau))
    chu = _chu(tl)
    assert can_cu[0] in chu and can_cu[1] in chu
    can = [d for d in tl.cac_doan() if d.chu in can_cu]
    assert all(t.nghieng for d in can for t in d.run_co_chu())
    # Tệp phiên bản 1: căn cứ vẫn được chấm câu như trước (";" rồi ".").
    ban_1 = VanBan.model_validate(van_ban_nho(phien_ban=1, dau={
        **van_ban_nho()["dau"], "can_cu": ["Căn cứ Luật A", "Căn cứ Luật B;"]}))
    assert ban_1.phien_ban == 2
    assert ban_1.dau.can_cu == ["Căn cứ Luật A;", "Căn cứ Luật B."]
    ban_2 = VanBan.model_validate(van_ban_nho(phien_ban=2, dau={
        **van_ban_nho()["dau"], "can_cu": ["Căn cứ Luật A"]}))
    assert any("không kết thúc bằng «;»" in c for c in ban_2.canh_bao())


@pytest.mark.parametrize(("chu_quan", "ban_hanh", "trai_toi_thieu"), [
    ([], ["ỦY BAN NHÂN DÂN", "XÃ BÌNH TRUNG"], 6.0),
    (["UBND HUYỆN CHI LĂNG"], ["PHÒNG TÀI CHÍNH - KẾ HOẠCH"], 7.0),
    ([], ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], 6.0),
])
def test_co_quan_cap_xa_huyen_tinh(tmp_path, chu_quan, ban_hanh, trai_toi_thieu):
    """Dòng chủ quản không đậm, tên cơ quan ban hành đậm; cột trái rộng ra cho tên dài (tới
    7 cm) để "PHÒNG TÀI CHÍNH - KẾ HOẠCH" không phải xuống dòng, Quốc hiệu vẫn một dòng."""
    dau = {**van_ban_nho()["dau"], "co_quan_chu_quan": chu_quan, "co_quan_ban_hanh": ban_hanh}
    tep, tl = _ghi(tmp_path, van_ban_nho(dau=dau))
    bang = tl.cac_bang()[0]
    cot = [int(c.get(w("w"))) / 567 for c in bang.iterfind("w:tblGrid/w:gridCol", NS)]
    assert cot[0] == pytest.approx(trai_toi_thieu, abs=0.05) and cot[1] >= 9.5
    for ten in chu_quan:
        d = next(d for d in tl.cac_doan() if d.chu == ten)
        assert not any(t.dam for t in d.run_co_chu())
    for ten in ban_hanh:
        d = next(d for d in tl.cac_doan() if d.chu == ten)
        assert all(t.dam for t in d.run_co_chu())
    kq = {k.ma: k.muc_do for k in kiem_tra(tep).ket_qua}
    assert kq["quoc_hieu"] == M.DAT and kq["co_quan_ban_hanh"] == M.DAT
    if chu_quan:
        assert kq["co_quan_chu_quan"] == M.DAT


def test_ket_thuc_khong_dau_het_co_canh_bao(tmp_path):
    du_lieu = van_ban_nho(cau_ket="Kính trình Hội đồng nhân dân xã xem xét, quyết định.",
                          dau_het=False)
    vb = VanBan.model_validate(du_lieu)
    assert any("không có dấu «./.»" in c for c in vb.canh_bao())
    _, tl = _ghi(tmp_path, du_lieu)
    assert "Kính trình Hội đồng nhân dân xã xem xét, quyết định." in _chu(tl)
    tep = tmp_path / "vb.json"
    tep.write_text(json.dumps(du_lieu), encoding="utf-8")
    assert any("./." in c for c in nap(tep).canh_bao)  # dòng lệnh in ra, không im lặng


# ---------------------------------------------------------------- chú thích, chữ, bảng

def test_chu_thich_nhieu_doan_co_gach_dau_dong(tmp_path):
    chu_thich = {"chu_thich": [
        "Quà Chủ tịch nước 10.500.000 đồng.",
        _doan("Quà của huyện 20 suất."),
        _doan([{"chu": "Trường Mầm non:", "dam": True}, " 169 học sinh."], dau_dong="gach"),
        _doan("01 Giải Nhất cấp huyện.", dau_dong="cong"),
    ]}
    tep, _ = _ghi(tmp_path, van_ban_nho(noi_dung=[_doan(["Tổng 470 suất", chu_thich, "."])]))
    fn = _xml(tep, "word/footnotes.xml").find("w:footnote[@w:id='1']", NS)
    doan = fn.findall("w:p", NS)
    chu = ["".join(doan_p.itertext()) for doan_p in doan]
    assert chu == [" Quà Chủ tịch nước 10.500.000 đồng.", "Quà của huyện 20 suất.",
                   "- Trường Mầm non: 169 học sinh.", "+ 01 Giải Nhất cấp huyện."]
    assert fn.find(".//w:br", NS) is None  # đoạn thật, không xuống dòng tay
    assert all(p.find("w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText" for p in doan)
    assert doan[0].find(".//w:footnoteRef", NS) is not None
    assert [p.find(".//w:footnoteRef", NS) for p in doan[1:]] == [None] * 3
    # Xem trước trên màn hình cũng thấy đủ bốn đoạn.
    _, cac_chu_thich = cac_dong(VanBan.model_validate(van_ban_nho(
        noi_dung=[_doan(["x", chu_thich])])))
    assert cac_chu_thich[0].plain.count("\n") == 3


def test_chu_thich_khong_long_chu_thich():
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(noi_dung=[_doan(["x", {"chu_thich": [
            _doan(["y", {"chu_thich": "z"}])]}])]))
    assert "chú thích không chứa được chú thích khác" in cac_loi(e.value)[0]


def test_chi_so_tren_duoi(tmp_path):
    noi_dung = [_doan(["Diện tích phun 17.220 m", {"chu": "2", "chi_so": "tren"},
                       "; dư nợ 36.099.500.000", {"chu": "đ", "chi_so": "tren"},
                       "; H", {"chu": "2", "chi_so": "duoi"}, "O."])]
    tep, _ = _ghi(tmp_path, van_ban_nho(noi_dung=noi_dung))
    vi_tri = {}
    for r in _xml(tep).iterfind(".//w:r", NS):
        va = r.find("w:rPr/w:vertAlign", NS)
        if va is not None:
            vi_tri.setdefault("".join(r.itertext()), []).append(va.get(w("val")))
    assert vi_tri == {"2": ["superscript", "subscript"], "đ": ["superscript"]}
    dong, _ = cac_dong(VanBan.model_validate(van_ban_nho(noi_dung=noi_dung)))
    assert any("m^2" in t.plain for t, _lop in dong)


def test_bang_gop_o_can_cot_tieu_de_lap_va_vua_vung_chu(tmp_path):
    bang = {"loai": "bang", "so_hang_tieu_de": 2, "hang": [
        [{"noi_dung": "TT", "gop_hang": 2}, {"noi_dung": "Chỉ tiêu", "gop_hang": 2},
         {"noi_dung": "Năm 2024", "gop_cot": 2}],
        ["Kế hoạch", "Thực hiện"],
        [{"noi_dung": "I. Kinh tế", "gop_cot": 4, "dam": True}],
        ["1", "Lúa xuân (ha)", "53", "53"],
        ["2", {"noi_dung": "Ngô xuân (ha)", "gop_hang": 2}, "40", "41,5"],
        ["3", "1.200", "96,1%"],
    ]}
    tep, _ = _ghi(tmp_path, van_ban_nho(noi_dung=[bang]))
    tbl = _xml(tep).find("w:body/w:tbl[2]", NS)
    hang = tbl.findall("w:tr", NS)
    # Hai hàng tiêu đề lặp lại đầu mỗi trang; không hàng nào bị cắt giữa hai trang.
    assert [h.find("w:trPr/w:tblHeader", NS) is not None for h in hang] == [True, True] + [
        False] * 4
    assert all(h.find("w:trPr/w:cantSplit", NS) is not None for h in hang)
    # Ô gộp: gridSpan ở hàng 1 và hàng nhóm, vMerge bắt đầu và tiếp.
    assert hang[0].findall("w:tc", NS)[2].find("w:tcPr/w:gridSpan", NS).get(w("val")) == "2"
    assert hang[2].find("w:tc/w:tcPr/w:gridSpan", NS).get(w("val")) == "4"
    tc_1 = hang[1].findall("w:tc", NS)
    assert tc_1[0].find("w:tcPr/w:vMerge", NS).get(w("val")) is None  # "continue"
    assert hang[0].find("w:tc/w:tcPr/w:vMerge", NS).get(w("val")) == "restart"
    assert hang[5].findall("w:tc", NS)[1].find("w:tcPr/w:vMerge", NS) is not None

    def can(tc):
        jc = tc.find("w:p/w:pPr/w:jc", NS)
        return None if jc is None else jc.get(w("val"))

    # Cột số căn phải, cột chữ căn trái, tiêu đề căn giữa.
    assert [can(tc) for tc in hang[3].findall("w:tc", NS)] == ["right", "left", "right",
                                                                "right"]
    assert {can(tc) for tc in hang[0].findall("w:tc", NS)} == {"center"}
    # Độ rộng: lưới cộng lại bằng vùng chữ, ô gộp rộng bằng các cột nó trải.
    cot = [int(c.get(w("w"))) for c in tbl.iterfind("w:tblGrid/w:gridCol", NS)]
    assert sum(cot) / 567 == pytest.approx(RONG_CHU_CM, abs=0.05)
    assert cot[1] > cot[0]  # cột "Chỉ tiêu" rộng hơn cột "TT"
    assert int(hang[2].find("w:tc/w:tcPr/w:tcW", NS).get(w("w"))) == pytest.approx(
        sum(cot), abs=4)


@pytest.mark.parametrize(("hang", "thong_diep"), [
    ([["a", "b"], ["c"]], "hàng 2 của bảng thiếu ô"),
    ([["a", "b"], ["c", "d", "e"]], "hàng 2 của bảng rộng hơn hàng đầu"),
    ([[{"noi_dung": "a", "gop_hang": 3}, "b"], ["c"]], "vượt quá cuối bảng"),
])
def test_bang_sai_hinh_dang(hang, thong_diep):
    with pytest.raises(ValidationError) as e:
        VanBan.model_validate(van_ban_nho(noi_dung=[{"loai": "bang", "hang": hang}]))
    assert thong_diep in cac_loi(e.value)[0]


def test_do_rong_ghi_qua_vung_chu_duoc_thu_lai(tmp_path):
    bang = {"loai": "bang", "do_rong_cot_cm": [10, 10], "hang": [["A", "B"], ["x", "y"]]}
    tep, _ = _ghi(tmp_path, van_ban_nho(noi_dung=[bang]))
    cot = [int(c.get(w("w"))) for c in _xml(tep).iterfind(".//w:tbl[2]/w:tblGrid/w:gridCol", NS)]
    assert sum(cot) / 567 == pytest.approx(RONG_CHU_CM, abs=0.05)


# ---------------------------------------------------------------- hai mẫu mới

MAU_MOI = {
    # tệp: (số chú thích, số đoạn của chú thích nhiều đoạn nhất, các đoạn phải có)
    "van-ban-binh-trung-6-thang-2023.json": (2, 5, [
        "PHẦN THỨ NHẤT", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "1.1. Sản xuất nông - lâm nghiệp:",
        "2.7. Công tác dân tộc, tôn giáo:", "4. Kết quả thực hiện các nhiệm vụ trọng tâm:",
        "PHẦN THỨ HAI", "8. Chỉ đạo về việc chuẩn bị các văn bản trình các kỳ họp"]),
    "van-ban-huu-kien-ke-hoach-2025.json": (7, 36, [
        "Phần thứ nhất", "e) Hoạt động tín dụng ngân hàng", "5.4. Công tác tư pháp:",
        "Phần thứ hai", "3.3. Chỉ tiêu môi trường", "3.1. Tổ chức triển khai hiệu quả",
        "3.9. Công tác thông tin và truyền thông"]),
}


@pytest.mark.parametrize("ten", sorted(MAU_MOI))
def test_mau_moi_ghi_ra_dat_the_thuc_du_doan_du_chu_thich(tmp_path, ten):
    so_chu_thich, nhieu_doan_nhat, phai_co = MAU_MOI[ten]
    vb = doc_van_ban(tep_mau(ten))
    tep = ghi_tep(vb, tmp_path / "mau.docx")
    bao_cao = kiem_tra(tep)
    khong_dat = [k.dong() for k in bao_cao.ket_qua if k.muc_do == M.KHONG_DAT]
    assert not khong_dat
    tl = TaiLieuDocx(tep)
    assert len(tl.chu_thich()) == so_chu_thich
    fn = _xml(tep, "word/footnotes.xml")
    assert max(len(f.findall("w:p", NS)) for f in fn.iterfind("w:footnote", NS)) == \
        nhieu_doan_nhat
    chu = [d.chu for d in tl.cac_doan()]
    for dau in phai_co:
        assert any(c.startswith(dau) for c in chu), dau
    # Mỗi đoạn văn của tệp mẫu là một đoạn của .docx (không đoạn nào bị gộp hay mất).
    du_lieu = json.loads(tep_mau(ten).read_text(encoding="utf-8"))

    def dem(nut: list) -> int:
        return sum(dem(n["noi_dung"]) if n["loai"] == "muc" else n["loai"] == "doan"
                   for n in nut)

    so_doan_than = len([d for d in tl.cac_doan() if d.bang is None and d.chu.strip()])
    assert so_doan_than >= dem(du_lieu["noi_dung"])
    # Xem trước trong giao diện đi cùng mô hình: cùng nhãn, cùng số chú thích.
    dong, cac_chu_thich = cac_dong(vb)
    assert len(cac_chu_thich) == so_chu_thich
    xem = [t.plain for t, _lop in dong]
    for dau in phai_co:
        assert any(c.upper().startswith(dau.upper()) for c in xem), dau


def test_moi_cau_truc_moi_qua_openxml_audit(tmp_path, openxml_validator):
    """Ô gộp, hàng tiêu đề lặp, chú thích nhiều đoạn, chỉ số trên/dưới, tên loại dài, ngày biết
    tháng trong một tệp: openxml-audit không báo lỗi lược đồ nào."""
    dau = {**van_ban_nho()["dau"], "ten_loai": "BÁO CÁO TÌNH HÌNH 6 THÁNG", "trich_yeu": None,
           "dong_duoi_trich_yeu": "(Từ ngày 15/12/2023 đến ngày 14/6/2024)", "ngay": None,
           "nam": 2024, "thang": 7, "co_quan_chu_quan": ["UBND HUYỆN CHI LĂNG"]}
    bang = {"loai": "bang", "hang": [
        [{"noi_dung": "TT", "gop_hang": 2}, {"noi_dung": "Năm 2024", "gop_cot": 2}],
        ["KH", "TH"], [{"noi_dung": "I. Kinh tế", "gop_cot": 3}], ["1", "53", "53"]]}
    chu_thich = {"chu_thich": ["Đoạn một.", _doan("Đoạn hai.", dau_dong="gach")]}
    noi_dung = [_muc("Mục", _doan(["17.220 m", {"chu": "2", "chi_so": "tren"}, " H",
                                   {"chu": "2", "chi_so": "duoi"}, "O", chu_thich], dau_dong="sao"),
                     bang)]
    tep, _ = _ghi(tmp_path, van_ban_nho(dau=dau, noi_dung=noi_dung))
    assert [str(e) for e in openxml_validator.validate(tep).errors] == []
