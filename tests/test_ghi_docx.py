"""Mở tệp .docx do drafter ghi và kiểm từng quy định của NĐ 30 (nd30.md §7)."""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from drafter.ghi_docx.do_rong import do_rong_cm
from drafter.kiem_tra.doc_docx import NS, TaiLieuDocx, w
from tests.van_ban_thu import ghi_va_doc, van_ban_nho

TNR = "Times New Roman"


def _doan(tl: TaiLieuDocx, chu: str):
    for d in tl.cac_doan():
        if d.chu_gon.startswith(chu):
            return d
    raise AssertionError(f"không thấy đoạn bắt đầu bằng {chu!r}")


def _moi_run(d):
    tts = d.run_co_chu()
    assert tts, d.chu
    return tts


# ---------------------------------------------------------------- trang

def test_kho_a4_doc_va_le(tl_mau):
    sect = tl_mau.sect_pr()
    pg = sect.find(w("pgSz"))
    assert (pg.get(w("w")), pg.get(w("h"))) == ("11906", "16838")
    assert pg.get(w("orient")) in (None, "portrait")
    le = sect.find(w("pgMar"))
    tren, duoi, trai, phai = (int(le.get(w(k))) for k in ("top", "bottom", "left", "right"))
    assert 1134 <= tren <= 1417 and 1134 <= duoi <= 1417
    assert 1701 <= trai <= 1984 and 850 <= phai <= 1134
    assert int(le.get(w("header"))) < tren  # số trang nằm trong lề trên


def test_phong_times_new_roman_bon_o_moi_noi(tl_mau, docx_mau):
    for d in tl_mau.cac_doan():
        for tt in d.run_co_chu():
            assert all(tt.phong.get(o) == TNR for o in ("ascii", "hAnsi", "eastAsia", "cs")), \
                (d.chu, tt.phong)
            assert tt.mau_sac in (None, "auto", "000000"), d.chu
    with zipfile.ZipFile(docx_mau) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        assert "Theme" not in re.sub(r"<w:latentStyles.*?</w:latentStyles>", "", styles,
                                     flags=re.S).replace("themeFontLang", "")
        assert 'w:lang w:val="vi-VN"' in styles
        assert "word/stylesWithEffects.xml" not in z.namelist()
        assert "docProps/thumbnail.jpeg" not in z.namelist()
        for ten in z.namelist():
            if ten.endswith(".xml") and ten.startswith("word/"):
                xml = z.read(ten).decode("utf-8")
                for m in re.finditer(r'<w:color w:val="([0-9A-Fa-f]{6}|auto)"', xml):
                    assert m.group(1) in ("000000", "auto"), ten


# ---------------------------------------------------------------- phần đầu

def test_bang_phan_dau(tl_mau):
    bang = tl_mau.cac_bang()[0]
    cot = [int(c.get(w("w"))) / 567 for c in bang.iterfind("w:tblGrid/w:gridCol", NS)]
    assert 5.8 <= cot[0] <= 7.0 and 9.5 <= cot[1] <= 10.6
    vien = bang.find("w:tblPr/w:tblBorders", NS)
    assert all(v.get(w("val")) in ("nil", "none") for v in vien)
    # Quốc hiệu nằm trên một dòng: ô phải đủ rộng.
    le = bang.find("w:tblPr/w:tblCellMar", NS)
    le_cm = sum(int(le.find(f"w:{k}", NS).get(w("w"))) for k in ("left", "right")) / 567
    assert cot[1] - le_cm >= do_rong_cm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, dam=True)


def test_quoc_hieu_tieu_ngu(tl_mau):
    qh = _doan(tl_mau, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tn = _doan(tl_mau, "Độc lập - Tự do - Hạnh phúc")
    assert qh.chu == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and (qh.bang, qh.cot) == (0, 1)
    assert tn.chu == "Độc lập - Tự do - Hạnh phúc" and tn.so_thu_tu == qh.so_thu_tu + 1
    for tt in _moi_run(qh):
        assert (tt.co_pt, tt.dam, tt.nghieng) == (13, True, False)
    for tt in _moi_run(tn):
        assert (tt.co_pt, tt.dam, tt.nghieng) == (14, True, False)
    assert qh.dinh_dang.can_le == tn.dinh_dang.can_le == "center"
    # Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ (±10%).
    ke = next(d for d in tl_mau.cac_doan() if d.so_thu_tu == tn.so_thu_tu + 1)
    assert ke.dinh_dang.vien_tren and not ke.chu
    dai = 10.5 - 0.2 - ke.dinh_dang.thut_trai_cm - ke.dinh_dang.thut_phai_cm
    assert dai == pytest.approx(do_rong_cm(tn.chu, 14, dam=True), rel=0.1)
    assert dai == pytest.approx(6.02, abs=0.1)


def test_co_quan_ban_hanh_va_duong_ke(tl_mau):
    ubnd = _doan(tl_mau, "ỦY BAN NHÂN DÂN")
    xa = _doan(tl_mau, "XÃ CAI KINH")
    assert (ubnd.bang, ubnd.cot, xa.cot) == (0, 0, 0)
    for d in (ubnd, xa):
        for tt in _moi_run(d):
            assert (tt.co_pt, tt.dam) == (13, True)
        assert d.chu == d.chu.upper() and d.dinh_dang.can_le == "center"
    ke = next(d for d in tl_mau.cac_doan() if d.so_thu_tu == xa.so_thu_tu + 1)
    assert ke.dinh_dang.vien_tren
    dai = 6.0 - 0.2 - ke.dinh_dang.thut_trai_cm - ke.dinh_dang.thut_phai_cm
    rong_ten = do_rong_cm("ỦY BAN NHÂN DÂN", 13, dam=True)
    assert rong_ten / 3 <= dai <= rong_ten / 2
    assert ke.dinh_dang.thut_trai_cm == pytest.approx(ke.dinh_dang.thut_phai_cm)


def test_co_quan_chu_quan_khong_dam(tmp_path):
    du_lieu = van_ban_nho()
    du_lieu["dau"]["co_quan_chu_quan"] = ["UBND huyện Hữu Lũng"]
    tl = ghi_va_doc(tmp_path, du_lieu)
    d = _doan(tl, "UBND HUYỆN HỮU LŨNG")
    assert all(tt.dam is False and tt.co_pt == 13 for tt in _moi_run(d))


def test_so_ky_hieu_va_ngay(tl_mau):
    so = _doan(tl_mau, "Số:")
    assert so.chu == "Số: 33/BC-UBND" and (so.bang, so.hang, so.cot) == (0, 1, 0)
    assert all((tt.co_pt, tt.dam) == (13, False) for tt in _moi_run(so))
    assert re.fullmatch(r"Số: (0[1-9]|[1-9]\d+)/BC-[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*", so.chu)
    ngay = _doan(tl_mau, "Cai Kinh, ngày")
    assert ngay.chu == "Cai Kinh, ngày 15 tháng 4 năm 2024"
    assert (ngay.bang, ngay.hang, ngay.cot) == (0, 1, 1)
    assert all((tt.co_pt, tt.nghieng, tt.dam) == (14, True, False) for tt in _moi_run(ngay))


def test_so_duoi_10_va_ngay_co_so_0(tmp_path):
    tl = ghi_va_doc(tmp_path, van_ban_nho())
    assert _doan(tl, "Số:").chu == "Số: 05/BC-UBND"
    assert _doan(tl, "Thử Nghiệm, ngày").chu == "Thử Nghiệm, ngày 05 tháng 02 năm 2024"


def test_ban_nhap_chua_co_so_va_ngay(tmp_path):
    du_lieu = van_ban_nho()
    du_lieu["dau"].update(so=None, ngay=None, nam=2024)
    tl = ghi_va_doc(tmp_path, du_lieu)
    assert _doan(tl, "Số:").chu == "Số:      /BC-UBND"
    assert _doan(tl, "Thử Nghiệm,").chu == "Thử Nghiệm, ngày     tháng     năm 2024"


def test_ten_loai_trich_yeu_va_duong_ke(tl_mau):
    ten = _doan(tl_mau, "BÁO CÁO")
    ty = next(d for d in tl_mau.cac_doan() if d.so_thu_tu == ten.so_thu_tu + 1)
    assert ten.bang is None and ty.chu.startswith("Tình hình thực hiện phát triển kinh tế xã quý I")
    for d in (ten, ty):
        assert d.dinh_dang.can_le == "center"
        assert all((tt.co_pt, tt.dam, tt.nghieng) == (14, True, False) for tt in _moi_run(d))
    ke = next(d for d in tl_mau.cac_doan() if d.so_thu_tu == ty.so_thu_tu + 1)
    assert ke.dinh_dang.vien_tren
    dai = 16.5 - ke.dinh_dang.thut_trai_cm - ke.dinh_dang.thut_phai_cm
    assert 16.5 / 3 <= dai <= 16.5 / 2


def test_dong_duoi_trich_yeu_can_cu_kinh_gui(tmp_path):
    du_lieu = van_ban_nho()
    du_lieu["dau"].update(
        dong_duoi_trich_yeu="(Trình kỳ họp thứ Bảy, Hội đồng nhân dân xã khóa XXI)",
        can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Kế hoạch số 04/KH-UBND;"],
        kinh_gui=["Ủy ban nhân dân huyện", "Phòng Tài chính - Kế hoạch huyện"])
    tl = ghi_va_doc(tmp_path, du_lieu)
    dong = _doan(tl, "(Trình kỳ họp")
    assert all(tt.nghieng and not tt.dam for tt in _moi_run(dong))
    cc = [d for d in tl.cac_doan() if d.chu.startswith("Căn cứ")]
    assert [d.chu[-1] for d in cc] == [";", "."]
    assert all(tt.nghieng for d in cc for tt in _moi_run(d))
    assert _doan(tl, "Kính gửi:").chu == "Kính gửi: - Ủy ban nhân dân huyện;"
    assert _doan(tl, "- Phòng Tài chính").chu.endswith("huyện.")


# ---------------------------------------------------------------- thân văn bản

def test_doan_than_van_ban(tl_mau):
    d = _doan(tl_mau, "Năm 2024 là năm có ý nghĩa quan trọng")
    dd = d.dinh_dang
    assert dd.can_le == "both"
    assert dd.thut_dong_dau_cm == pytest.approx(1.27, abs=0.02)
    assert dd.truoc_pt + dd.sau_pt >= 6 and not dd.gop_khoang_cach
    assert dd.kieu_gian_dong == "auto" and 1.0 <= dd.gian_dong <= 1.5
    assert all((tt.co_pt, tt.dam, tt.nghieng) == (14, False, False) for tt in _moi_run(d))


def test_de_muc_theo_cap(tl_mau):
    a = _doan(tl_mau, "A. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    i = _doan(tl_mau, "I. LĨNH VỰC KINH TẾ")
    mot = _doan(tl_mau, "1. Sản xuất nông, lâm nghiệp")
    diem = _doan(tl_mau, "a) Tình hình sản xuất nông, lâm nghiệp")
    for d in (a, i, mot):
        assert all(tt.dam for tt in _moi_run(d)), d.chu
    assert i.chu == i.chu.upper()
    assert not any(tt.dam for tt in _moi_run(diem))
    # Khoản không tiêu đề ở phần C: số đứng đầu đoạn, chữ thường.
    nv = _doan(tl_mau, "1. Tiếp tục tổ chức thực hiện đồng bộ")
    assert not any(tt.dam for tt in _moi_run(nv)) and nv.dinh_dang.can_le == "both"
    # Phần III của mẫu có tiêu đề đã sửa lỗi chính tả "ĐƠN THU".
    assert _doan(tl_mau, "III. LĨNH VỰC TIẾP CÔNG DÂN, ĐƠN THƯ,")


def test_danh_so_sinh_ra_trong_van_ban(tl_mau):
    dong = [d.chu_gon for d in tl_mau.cac_doan() if d.bang is None]
    la_ma = [m.group(1) for s in dong if (m := re.match(r"^(I|II|III|IV|V)\. [A-ZĐ]", s))]
    assert la_ma == ["I", "II", "III", "IV"]
    assert [s[:2] for s in dong if re.match(r"^[A-C]\. ", s)] == ["A.", "B.", "C."]
    diem = [s[:2] for s in dong if re.match(r"^[a-zđ]\) ", s)]
    assert diem == ["a)", "b)", "c)", "a)"]


def test_gach_dau_dong(tl_mau):
    assert _doan(tl_mau, "- Trồng trọt:")
    cong = [d for d in tl_mau.cac_doan() if d.chu.startswith("+ Dự án")]
    assert len(cong) == 4


def test_chu_dam_nghieng_trong_dong(tl_mau):
    d = _doan(tl_mau, "- Trồng trọt:")
    nghieng = [c for c, tt in d.cac_run if tt.nghieng]
    assert nghieng == ["Trồng trọt"]
    d = _doan(tl_mau, "- Lâm nghiệp:")
    assert [c for c, tt in d.cac_run if tt.dam] == ["Lâm nghiệp:"]


def test_chu_thich_that_cua_word(tl_mau, docx_mau, van_ban_mau):
    with zipfile.ZipFile(docx_mau) as z:
        assert "word/footnotes.xml" in z.namelist()
        ct = z.read("[Content_Types].xml").decode()
        assert "footnotes+xml" in ct
        rels = z.read("word/_rels/document.xml.rels").decode()
        assert "relationships/footnotes" in rels
        fn = etree.fromstring(z.read("word/footnotes.xml"))
    loai = [f.get(w("type")) for f in fn.iterfind("w:footnote", NS)]
    assert loai[:2] == ["separator", "continuationSeparator"]
    assert tl_mau.tham_chieu_chu_thich() == [str(i) for i in range(1, 13)]
    noi_dung = tl_mau.chu_thich()
    assert len(noi_dung) == 12
    assert noi_dung["1"].startswith("Cây lương thực có hạt: Trồng được 93ha")
    assert noi_dung["2"] == "Lũy kế đàn trâu 318 con, đàn bò 31 con; tổng đàn lợn là 205 con, " \
                            "đàn gia cầm 17.700 con"
    assert noi_dung["4"] == "Na 6 ha, mít 1ha, táo 2, ổi 1 ha, nhãn 1ha, chuối 1ha"
    assert noi_dung["12"].startswith("Thuộc dự án Đầu tư hạ tầng trang thiết bị CNTT")
    assert "Chữ thập đỏ xã" in noi_dung["8"]
    # Dấu chú thích dùng kiểu FootnoteReference (chỉ số trên), nội dung kiểu FootnoteText.
    ref = next(tl_mau.body.iter(w("footnoteReference"))).getparent()
    assert ref.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    kieu = {s.get(w("styleId")): s for s in tl_mau.styles.iterfind("w:style", NS)}
    assert kieu["FootnoteReference"].find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    assert kieu["FootnoteText"].find("w:name", NS).get(w("val")) == "footnote text"
    # Dấu (1) nằm sau "110% SVCK" như bản gốc.
    d = _doan(tl_mau, "- Trồng trọt:")
    assert "bằng 110% SVCK" in d.chu


def test_chu_thich_trong_bang_va_nhieu_chu_thich(tmp_path):
    nhieu = [{"loai": "doan", "noi_dung": [f"Câu {i}", {"chu_thich": f"Ghi chú {i}"}]}
             for i in range(1, 31)]
    bang = {"loai": "bang", "hang": [["Chỉ tiêu", "Kết quả"],
                                     ["Lúa", ["53 ha", {"chu_thich": "Ghi chú trong bảng"}]]]}
    tl = ghi_va_doc(tmp_path, van_ban_nho(noi_dung=[*nhieu[:15], bang, *nhieu[15:]]))
    assert tl.tham_chieu_chu_thich() == [str(i) for i in range(1, 32)]
    nd = tl.chu_thich()
    assert nd["16"] == "Ghi chú trong bảng" and nd["31"] == "Ghi chú 30"
    o = _doan(tl, "53 ha")
    assert o.bang == 1 and o.el.getparent().tag == w("tc")
    tieu_de = _doan(tl, "Chỉ tiêu")
    assert all(tt.dam for tt in _moi_run(tieu_de))


# ---------------------------------------------------------------- phần cuối

def test_cau_ket_dau_het(tl_mau):
    than = [d for d in tl_mau.cac_doan() if d.bang is None and d.chu.strip()]
    assert than[-1].chu.startswith("Trên đây là báo cáo tình hình phát triển kinh tế")
    assert than[-1].chu.endswith("phục vụ đoàn Kiểm tra của Tỉnh./.")
    assert not than[-1].chu.endswith("../.")


def test_noi_nhan_va_chu_ky(tl_mau):
    bang = len(tl_mau.cac_bang()) - 1
    o_trai = [d for d in tl_mau.cac_doan() if d.bang == bang and d.cot == 0]
    o_phai = [d for d in tl_mau.cac_doan() if d.bang == bang and d.cot == 1]
    nhan = o_trai[0]
    assert nhan.chu == "Nơi nhận:"
    assert all((tt.co_pt, tt.dam, tt.nghieng) == (12, True, True) for tt in _moi_run(nhan))
    dong = [d.chu for d in o_trai[1:]]
    assert dong == ["- UBND huyện (b/c);", "- TT Đảng uỷ, HĐND xã;", "- CT, PCT UBND xã;",
                    "- MTTQ và các đoàn thể xã;", "- Trưởng thôn các thôn;", "- Lưu: VT, VP."]
    assert all(re.fullmatch(r"- .+;", s) for s in dong[:-1])
    assert re.fullmatch(r"- Lưu: VT(, ?[^.]+)?\.", dong[-1])
    for d in o_trai[1:]:
        assert all((tt.co_pt, tt.dam, tt.nghieng) == (11, False, False) for tt in _moi_run(d))
        assert d.dinh_dang.can_le == "left"
    co_chu = [d for d in o_phai if d.chu]
    assert [d.chu for d in co_chu] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    for d in co_chu:
        assert d.dinh_dang.can_le == "center"
        assert all((tt.co_pt, tt.dam) == (14, True) for tt in _moi_run(d))
    # Chỗ ký: ít nhất 3 dòng trống giữa chức vụ và họ tên.
    trong = [d for d in o_phai if not d.chu]
    assert len(trong) >= 3
    # "Nơi nhận:" ngang hàng dòng thẩm quyền.
    assert nhan.dinh_dang.truoc_pt == co_chu[0].dinh_dang.truoc_pt
    # Khối chữ ký không bị cắt sang trang sau, câu kết đi cùng nó.
    assert tl_mau.cac_bang()[-1].find("w:tr/w:trPr/w:cantSplit", NS) is not None
    ket = [d for d in tl_mau.cac_doan() if d.chu.endswith("./.")][-1]
    assert ket.el.find("w:pPr/w:keepNext", NS) is not None
    vien = tl_mau.cac_bang()[-1].find("w:tblPr/w:tblBorders", NS)
    assert all(v.get(w("val")) in ("nil", "none") for v in vien)


@pytest.mark.parametrize(("quyen_han", "co_quan", "chuc_vu", "mong_doi"), [
    ("KT.", "CHỦ TỊCH", ["PHÓ CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("Q.", "chủ tịch", [], ["Q. CHỦ TỊCH"]),
    ("TL.", "CHỦ TỊCH", ["CHÁNH VĂN PHÒNG"], ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    ("TUQ.", "CHỦ TỊCH", ["CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ"],
     ["TUQ. CHỦ TỊCH", "CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ"]),
    ("", "CHỦ TỊCH", [], ["CHỦ TỊCH"]),
])
def test_cac_kieu_ky(tmp_path, quyen_han, co_quan, chuc_vu, mong_doi):
    du_lieu = van_ban_nho()
    du_lieu["chu_ky"] = {"quyen_han": quyen_han, "co_quan_hoac_chuc_vu": co_quan,
                         "chuc_vu": chuc_vu, "ho_ten": "Trần Thị B"}
    tl = ghi_va_doc(tmp_path, du_lieu)
    bang = len(tl.cac_bang()) - 1
    phai = [d.chu for d in tl.cac_doan() if d.bang == bang and d.cot == 1 and d.chu]
    assert phai == [*mong_doi, "Trần Thị B"]


# ---------------------------------------------------------------- số trang

def test_so_trang_truong_page_an_o_trang_1(tl_mau):
    sect = tl_mau.sect_pr()
    assert sect.find(w("titlePg")) is not None
    mac_dinh = tl_mau.phan_dau_trang("default")
    dau = tl_mau.phan_dau_trang("first")
    instr = "".join(t.text for t in mac_dinh.iter(w("instrText")))
    assert instr.strip() == "PAGE"
    assert [f.get(w("fldCharType")) for f in mac_dinh.iter(w("fldChar"))] == \
        ["begin", "separate", "end"]
    p = mac_dinh.find("w:p", NS)
    assert p.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert {r.get(w("val")) for r in mac_dinh.iter(w("sz"))} == {"28"}
    assert dau is not None and not list(dau.iter(w("instrText")))
    assert not list(dau.iter(w("fldSimple")))


# ---------------------------------------------------------------- giữ đề mục với đoạn sau

def _giu_voi_doan_sau(tl: TaiLieuDocx, d) -> bool:
    """keepNext có hiệu lực của một đoạn: định dạng trực tiếp, không thì theo chuỗi kiểu."""
    giu = False
    for ppr in [s.find("w:pPr", NS) for s in tl.chuoi_kieu(d.kieu_id)] + [d.el.find("w:pPr", NS)]:
        kn = ppr.find("w:keepNext", NS) if ppr is not None else None
        if kn is not None:
            giu = kn.get(w("val"), "1") not in ("0", "false", "off")
    return giu


def test_de_muc_chi_giu_voi_doan_dau_cua_chinh_no(tmp_path):
    """Dãy khoản "3.x." cả câu in đậm không có nội dung riêng (như kế hoạch Hữu Kiên): nếu mỗi
    khoản giữ với đoạn sau thì cả dãy thành một khối liền, Word đẩy sang trang mới để lại
    khoảng trống gần hết trang. Đề mục chỉ giữ với đoạn đầu tiên của chính nó."""
    dai = "Tăng cường công tác kiểm tra; thực hiện đồng bộ các giải pháp nâng cao hiệu quả " * 3
    du_lieu = van_ban_nho(danh_so=["phan_thu", "la_ma", "so", "so_thap_phan"], noi_dung=[
        {"loai": "muc", "tieu_de": "Kế hoạch năm 2025", "noi_dung": [
            {"loai": "muc", "tieu_de": "Nhiệm vụ và giải pháp", "noi_dung": [
                {"loai": "muc", "tieu_de": "Các nhiệm vụ", "noi_dung": [
                    *({"loai": "muc", "tieu_de": f"Nhiệm vụ {i}. {dai}"} for i in range(1, 7)),
                    {"loai": "muc", "tieu_de": "Về phát triển kinh tế", "noi_dung": [
                        {"loai": "doan", "noi_dung": "Đoạn đầu của khoản có nội dung."}]},
                ]},
                {"loai": "muc"},  # khoản trống: chỉ có số
            ]},
        ]},
    ])
    tl = ghi_va_doc(tmp_path, du_lieu)
    than = [d for d in tl.cac_doan() if d.bang is None and d.chu.strip()]
    dau = next(i for i, d in enumerate(than) if d.chu_gon == "PHẦN THỨ NHẤT")
    giu = [(d.chu_gon, _giu_voi_doan_sau(tl, d)) for d in than[dau:]]
    mong_doi = [("PHẦN THỨ NHẤT", True), ("KẾ HOẠCH NĂM 2025", True),
                ("I. NHIỆM VỤ VÀ GIẢI PHÁP", True), ("1. Các nhiệm vụ", True),
                *((f"1.{i}. Nhiệm vụ {i}.", False) for i in range(1, 7)),
                ("1.7. Về phát triển kinh tế", True), ("Đoạn đầu của khoản", False),
                ("2.", False)]
    assert len(giu) >= len(mong_doi)
    for (chu, g), (dau_chu, g_mong_doi) in zip(giu, mong_doi, strict=False):
        assert chu.startswith(dau_chu) and g == g_mong_doi, (chu, g)
    # Chuỗi keepNext dài nhất là các đề mục lồng nhau dẫn tới đoạn đầu của chúng.
    chuoi = dai_nhat = 0
    for _, g in giu:
        chuoi = chuoi + 1 if g else 0
        dai_nhat = max(dai_nhat, chuoi)
    assert dai_nhat == 4


def test_moi_kieu_duoc_tro_toi_deu_co_trong_styles(docx_mau, tmp_path):
    """Mẫu python-docx được bỏ bớt các kiểu không dùng (styles.xml nhỏ lại ~15 lần): mọi kiểu mà
    văn bản, chú thích, đầu trang, numbering.xml trỏ tới vẫn phải có, kể cả kiểu nó dựa trên."""
    import re
    import zipfile

    with zipfile.ZipFile(docx_mau) as z:
        styles = z.read("word/styles.xml").decode()
        co = set(re.findall(r'w:styleId="([^"]+)"', styles))
        tro = set()
        for ten in z.namelist():
            if ten.startswith("word/") and ten.endswith(".xml"):
                tro |= set(re.findall(r'w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) '
                                      r'w:val="([^"]+)"', z.read(ten).decode()))
        assert z.getinfo("word/styles.xml").file_size < 40_000
    assert tro - co == set()
