"""Văn bản tự do trong kho: nhập .docx (drafter import), kỳ đọc từ trích yếu, lược đồ kho 2 → 3,
chuyển sang kỳ sau (đổi chữ chỉ kỳ, đoạn chép chờ xem lại, từ ngữ gắn kỳ), xuất đạt thể thức."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.kho import Kho, LoiKho, csdl
from drafter.kho.thu_muc import TEN_TEP_CSDL
from drafter.kiem_tra import kiem_tra
from drafter.ky_bao_cao import Ky
from drafter.nap_bao_cao import tu_van_ban_tu_do
from drafter.nhap_docx import doc_docx
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from drafter.van_ban import Bang, Muc
from drafter.van_ban_tu_do import (
    VanBanTuDo,
    cac_doan_van,
    cac_dong,
    chuyen_ky,
    doan_ky,
    dung_van_ban,
    thanh_danh_dau,
    tu_danh_dau,
    tu_van_ban,
)
from drafter.van_ban_tu_do import (
    kiem_tra as kiem_tra_tu_do,
)
from tests.fixtures.van_ban_can_bo import tao_docx
from tests.kho_thu import kho_luoc_do


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    thu_muc = tmp_path_factory.mktemp("docx")
    return {ten: tao_docx(ten, thu_muc / f"{ten}.docx")
            for ten in ("cai-kinh", "binh-trung", "huu-kien")}


@pytest.mark.parametrize(("chu", "ky"), [
    ("Tình hình thực hiện phát triển kinh tế xã quý I năm 2024 và phương hướng, nhiệm vụ trọng "
     "tâm quý II năm 2024", "2024-Q1"),
    ("Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 6 tháng đầu năm và\nphương hướng "
     "nhiệm vụ trọng tâm 6 tháng cuối năm 2023", "2023-H1"),
    ("KẾ HOẠCH Phát triển kinh tế - xã hội năm 2025 xã Hữu Kiên", "2025"),
    ("Kết quả 9 tháng năm 2024", "2024-9M"), ("tình hình quý 3/2023", "2023-Q3"),
    ("Tổng kết công tác năm 2023 và phương hướng năm 2024", "2023"),
])
def test_ky_doc_tu_trich_yeu(chu: str, ky: str) -> None:
    assert doan_ky(chu) == Ky.doc(ky)


def test_ky_khong_doc_duoc() -> None:
    assert doan_ky("Công tác phòng chống lụt bão") is None
    assert doan_ky("tình hình quý II", nam_mac_dinh=2024) == Ky.doc("2024-Q2")


@pytest.mark.parametrize("ten", ["van-ban-cai-kinh-quy-I-2024.json",
                                 "van-ban-binh-trung-6-thang-2023.json",
                                 "van-ban-huu-kien-ke-hoach-2025.json"])
def test_danh_dau_hai_chieu(ten: str) -> None:
    """Mọi tiêu đề, đoạn văn của ba mẫu qua chữ đánh dấu (ô sửa của dàn ý) rồi về nguyên vẹn:
    đậm, nghiêng, chỉ số trên, chú thích nhiều đoạn có dấu đầu dòng."""
    vb = doc_van_ban(tep_mau(ten))
    so = 0
    for d in cac_dong(vb.noi_dung, vb.danh_so, vb.bang_chu_cai):
        noi_dung = d.nut.tieu_de if isinstance(d.nut, Muc) else getattr(d.nut, "noi_dung", None)
        if noi_dung and not isinstance(d.nut, Bang):
            assert tu_danh_dau(thanh_danh_dau(noi_dung)) == list(noi_dung)
            so += 1
    assert so > 100


def test_danh_dau_khong_bao_gio_loi() -> None:
    assert tu_danh_dau("**chưa đóng [^ chú thích *x") == ["**chưa đóng [^ chú thích *x"]
    assert tu_danh_dau("m^{2} và H_{2}O")[1].chi_so == "tren"


# ---------------------------------------------------------------- kho

def _kho_luoc_do_cu(thu_muc: Path, phien_ban: int) -> None:
    """Kho như bản drafter lược đồ `phien_ban` (trước văn bản tự do) để lại, có một báo cáo theo
    biểu mẫu."""
    from drafter.bieu_mau.du_lieu import doc_bao_cao
    from drafter.kho import delta

    cn = kho_luoc_do(thu_muc, phien_ban)
    cn.execute("INSERT INTO xa (id, ten, ho_so, mac_dinh, tao_luc) VALUES (1, 'Cai Kinh', '{}', "
               "1, 'x')")
    mau = doc_bao_cao(tep_mau("bao-cao-cai-kinh-quy-I-2024.json"))
    cn.execute("INSERT INTO bao_cao VALUES (1, 1, '2024-Q1', 'kt-xh-quy-xa', 'nhap', 'x', 'x')")
    cn.execute("INSERT INTO phien_ban VALUES (1, 1, 'zlib', ?, 'x', '', NULL)",
               (delta.compress(mau.model_dump_json()),))
    cn.close()


@pytest.mark.parametrize("phien_ban", [2, 3])  # 3: lược đồ sắp xếp đơn vị hành chính
def test_kho_luoc_do_cu_di_chuyen(tmp_path: Path, docx: dict[str, Path], phien_ban: int) -> None:
    _kho_luoc_do_cu(tmp_path, phien_ban)
    with Kho.mo(tmp_path) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO == 6
        (bc,) = k.cac_bao_cao(1)
        assert bc.loai == "bieu_mau" and k.doc(1, "2024-Q1").bieu_mau == "kt-xh-quy-xa"
        # Văn bản tự do lưu được ngay trong kho vừa di chuyển.
        kq = doc_docx(docx["cai-kinh"])
        td = tu_van_ban(kq.van_ban, Ky.doc("2023-Q4"), "Cai Kinh", "cai-kinh.docx")
        assert k.luu(1, td, "nhập") == 1
        assert k.tim_bao_cao(1, "2023-Q4").loai == "tu_do"
        assert k.doc(1, "2023-Q4") == td
        assert k.doc_neu_co(1, "2023-Q4") is None  # không có số liệu để so sánh cùng kỳ
        with pytest.raises(LoiKho, match="văn bản tự do"):
            k.doc_bieu_mau(1, "2023-Q4")
    # Loại CHECK: chỉ hai loại.
    cn = sqlite3.connect(tmp_path / TEN_TEP_CSDL)
    with pytest.raises(sqlite3.IntegrityError):
        cn.execute("UPDATE bao_cao SET loai='la' WHERE id=1")
    cn.close()


def test_doi_loai_cung_ky_khoi_phuc_duoc(tmp_path: Path, docx: dict[str, Path]) -> None:
    """Nhập văn bản Word vào kỳ đã có báo cáo theo biểu mẫu: thành phiên bản mới; khôi phục bản
    cũ thì kỳ lại là báo cáo theo biểu mẫu."""
    with Kho.mo(tmp_path) as k:
        xa = k.xa_mac_dinh()
        td = tu_van_ban(doc_docx(docx["cai-kinh"]).van_ban, Ky.doc("2024-Q1"), xa.ten)
        assert k.luu(xa.id, td, "nhập") == 2
        assert isinstance(k.doc(xa.id, "2024-Q1"), VanBanTuDo)
        k.khoi_phuc(xa.id, "2024-Q1", 1)
        assert k.tim_bao_cao(xa.id, "2024-Q1").loai == "bieu_mau"
        assert k.doc(xa.id, "2024-Q1").bieu_mau == "kt-xh-quy-xa"


# ---------------------------------------------------------------- dòng lệnh

def _chay(*lenh: str) -> int:
    return main([str(x) for x in lenh])


def test_import_docx_va_chuyen_ky(tmp_path: Path, docx: dict[str, Path],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    kho = tmp_path / "kho"
    assert _chay("--data-dir", kho, "import", docx["binh-trung"]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập báo cáo 6 tháng đầu năm 2023 của xã Bình Trung (văn bản tự do)" in out
    assert "Xã mới được thêm vào kho" in out and "đọc từ trích yếu" in out
    assert "«III.» sau «I.»" in out
    assert _chay("--data-dir", kho, "--xa", "Bình Trung", "show", "2023-H1") == 0
    assert "văn bản tự do (báo cáo, nhập từ binh-trung.docx)" in capsys.readouterr().out
    # Xuất từ kho: đạt thể thức.
    ra = tmp_path / "BC-2023.docx"
    assert _chay("--data-dir", kho, "--xa", "Bình Trung", "render", "2023-H1", "-o", ra) == 0
    assert kiem_tra(ra).dat_the_thuc

    # Chuyển sang 6 tháng đầu năm 2024: đổi chữ chỉ kỳ, mọi đoạn chờ xem lại.
    assert _chay("--data-dir", kho, "--xa", "Bình Trung", "new", "--ky", "2024-H1") == 0
    out = capsys.readouterr().out
    assert "từ văn bản 6 tháng đầu năm 2023" in out and "đoạn đã đổi chữ chỉ kỳ" in out
    with Kho.mo(kho) as k:
        xa = k.tim_xa("Bình Trung")
        moi = k.doc(xa.id, "2024-H1")
        assert isinstance(moi, VanBanTuDo)
        assert moi.dau.so is None and moi.dau.ngay is None
        assert moi.dau.trich_yeu.endswith("6 tháng cuối năm 2024")
        chu = [c for _, c in cac_doan_van(moi)]
        assert set(moi.doan_chep) == set(chu)
        assert any("Trong 6 tháng đầu năm 2024" in c for c in chu)
        tb = kiem_tra_tu_do(moi)
        assert sum(t.nhom == "doan_chep" for t in tb) == len(chu)
    # Bản chính thức bị từ chối khi còn đoạn chưa xem; bản nháp ghi được, kết luận kể rõ.
    ra = tmp_path / "BC-2024.docx"
    assert _chay("--data-dir", kho, "--xa", "Bình Trung", "render", "2024-H1", "-o", ra,
                 "--chinh-thuc") == 1
    assert not ra.exists()
    assert _chay("--data-dir", kho, "--xa", "Bình Trung", "render", "2024-H1", "-o", ra) == 0
    out = capsys.readouterr().out
    assert "Lời văn chép từ kỳ trước chưa xem lại" in out and "CHƯA sẵn sàng trình ký" in out
    # Văn bản tự do có kiểm nội dung (lời văn chép, chữ gắn kỳ), không như văn bản dựng sẵn.
    assert "nội dung còn" in out and "nội dung chưa kiểm" not in out
    assert kiem_tra(ra).dat_the_thuc


def test_import_docx_ky_khong_doc_duoc(tmp_path: Path, docx: dict[str, Path],
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.nhap_docx import doc as mod

    that = mod.DocVanBan._ten_loai_trich_yeu

    def bo_trich_yeu(self, khoi, i, truong):  # văn bản không ghi kỳ trong trích yếu
        j = that(self, khoi, i, truong)
        truong["trich_yeu"] = "Công tác phòng chống thiên tai"
        return j

    monkeypatch.setattr(mod.DocVanBan, "_ten_loai_trich_yeu", bo_trich_yeu)
    kho = tmp_path / "kho"
    assert _chay("--data-dir", kho, "import", docx["cai-kinh"]) == 1
    err = capsys.readouterr().err
    assert "Không đọc được kỳ báo cáo" in err and "--ky" in err and "Traceback" not in err
    assert _chay("--data-dir", kho, "import", docx["cai-kinh"], "--ky", "2023-Q4") == 0
    assert "ghi ở --ky" in capsys.readouterr().out


def test_import_docx_xa_cu(tmp_path: Path, docx: dict[str, Path],
                           capsys: pytest.CaptureFixture[str]) -> None:
    """--xa như khi nhập .json: báo cáo Word của một xã cũ vào đúng xã đó (chưa có thì thêm);
    văn bản của xã khác tên thì từ chối, không nhập nhầm."""
    kho = tmp_path / "kho"
    assert _chay("--data-dir", kho, "--xa", "Hữu Kiên", "import", docx["binh-trung"]) == 1
    err = capsys.readouterr().err
    assert "của xã «Bình Trung»" in err and "không phải xã «Hữu Kiên»" in err
    assert "Traceback" not in err
    assert _chay("--data-dir", kho, "--xa", "  Bình   Trung ", "import", docx["binh-trung"]) == 0
    assert "Xã mới được thêm vào kho" in capsys.readouterr().out
    with Kho.mo(kho) as k:
        xa = k.tim_xa("Bình Trung")
        assert xa is not None and isinstance(k.doc(xa.id, "2023-H1"), VanBanTuDo)


def test_export_import_json_van_ban_tu_do(tmp_path: Path, docx: dict[str, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    kho1, kho2 = tmp_path / "k1", tmp_path / "k2"
    assert _chay("--data-dir", kho1, "import", docx["huu-kien"]) == 0
    tep = tmp_path / "kh.json"
    assert _chay("--data-dir", kho1, "--xa", "Hữu Kiên", "export", "2025", "-o", tep) == 0
    assert _chay("--data-dir", kho2, "import", tep) == 0
    assert "xã mới được thêm vào kho" in capsys.readouterr().out
    with Kho.mo(kho1) as a, Kho.mo(kho2) as b:
        assert a.doc(a.tim_xa("Hữu Kiên").id, "2025") == b.doc(b.tim_xa("Hữu Kiên").id, "2025")
    # render đọc thẳng tệp .json của văn bản tự do (kế hoạch gốc ghi «Lưu: VP(VTO)»: check
    # báo đúng quy tắc 43, nên mã thoát 1; tệp vẫn được ghi).
    assert _chay("render", tep, "-o", tmp_path / "kh.docx") == 1
    assert (tmp_path / "kh.docx").exists()
    assert "43. Dòng «- Lưu: VT" in capsys.readouterr().out


def test_gop_quy_tu_van_ban_tu_do_bi_tu_choi_ro_rang(tmp_path: Path,
                                                     docx: dict[str, Path]) -> None:
    from drafter.chuyen_ky import tong_hop

    with Kho.mo(tmp_path) as k:
        xa = k.xa_mac_dinh()
        td = tu_van_ban(doc_docx(docx["cai-kinh"]).van_ban, Ky.doc("2024-Q2"), xa.ten)
        k.luu(xa.id, td)
        with pytest.raises(LoiKho, match="văn bản tự do"):
            tong_hop(k, xa.id, Ky.doc("2024-H1"))


# ---------------------------------------------------------------- chuyển kỳ, kiểm tra

def test_chuyen_ky_doi_chu_va_soat_tu_gan_ky(docx: dict[str, Path]) -> None:
    td = tu_van_ban(doc_docx(docx["cai-kinh"]).van_ban, Ky.doc("2024-Q1"), "Cai Kinh")
    moi, thay_doi = chuyen_ky(td, Ky.doc("2024-Q2"))
    assert moi.ky == "2024-Q2" and moi.dau.trich_yeu.startswith(
        "Tình hình thực hiện phát triển kinh tế xã quý II năm 2024")
    assert "Quý II năm 2024" in moi.cau_ket and "Quý III năm 2024" in moi.cau_ket
    tieu_de = [d.nut.tieu_de for d in cac_dong(moi.noi_dung, moi.danh_so)
               if isinstance(d.nut, Muc) and d.nut.tieu_de]
    assert any("QUÝ II NĂM 2024" in str(t) for t in tieu_de)
    assert [t.loai for t in thay_doi] == ["chep", "xoa", "xem_lai", "xem_lai"]
    tb = kiem_tra_tu_do(moi)
    gan_ky = [t for t in tb if t.nhom == "gan_ky"]
    # "Tết Nguyên đán Giáp Thìn", "vụ xuân", "ngày 15/02/2024"… trong báo cáo quý II.
    assert any("Tết" in t.thong_diep for t in gan_ky)
    assert any("15/02/2024" in t.thong_diep for t in gan_ky)
    # Phần nhiệm vụ kỳ tới (C. … QUÝ III NĂM 2024) không bị soát.
    assert not any(t.noi.startswith("C.") for t in gan_ky)
    # Xem lại một đoạn (giữ nguyên): không còn là lỗi.
    dau = moi.doan_chep[0]
    moi.doan_chep = moi.doan_chep[1:]
    assert not any(t.nhom == "doan_chep" and dau.startswith(t.thong_diep[:0])
                   and t.vi_tri == 1 for t in kiem_tra_tu_do(moi))


def test_dung_van_ban_khong_bao_gio_loi() -> None:
    td = VanBanTuDo(ky="2024-Q1")
    vb, loi = dung_van_ban(td)
    assert vb.dau.co_quan_ban_hanh == ["…"] and vb.chu_ky.co_quan_hoac_chuc_vu == "…"
    assert tu_van_ban_tu_do(td).van_ban is not None
    tb = kiem_tra_tu_do(td, chinh_thuc=True)
    assert any(t.truong == "co_quan_ban_hanh" for t in tb)
    td.dau.ky_hieu = "BC UBND sai"
    vb, loi = dung_van_ban(td)
    assert loi and vb.dau.ky_hieu == "BC-UBND"


# ---------------------------------------------------------------- phiên sửa dàn ý

def test_phien_sua_dan_y(tmp_path: Path, docx: dict[str, Path]) -> None:
    from drafter.phien_tu_do import LoiThaoTac, PhienTuDo

    with Kho.mo(tmp_path) as k:
        xa = k.xa_mac_dinh()
        k.luu(xa.id, tu_van_ban(doc_docx(docx["binh-trung"]).van_ban, Ky.doc("2023-H1"), xa.ten))
        p = PhienTuDo.mo(k, xa.id, Ky.doc("2023-H1"))
        muc_i = p.nut((0, 0))
        assert isinstance(muc_i, Muc) and len(muc_i.noi_dung) == 9
        # Khoản 2. thụt vào khoản 1.: thành cấp con, số đánh lại (2. → 1.1. không hợp sơ đồ thì
        # từ chối, văn bản giữ nguyên).
        truoc = list(p.bao_cao.noi_dung)
        try:
            duong = p.thut_vao((0, 0, 1))
            assert len(p.nut((0, 0)).noi_dung) == 8 and duong == (0, 0, 0, 1)
            assert p.thut_ra(duong) == (0, 0, 1)
        except LoiThaoTac:
            assert p.bao_cao.noi_dung == truoc
        with pytest.raises(LoiThaoTac, match="ngay phía trên"):
            p.thut_vao((0, 0))  # PHẦN THỨ NHẤT › I.: phía trên không có đề mục cùng cha
        with pytest.raises(LoiThaoTac, match="cấp ngoài cùng"):
            p.thut_ra((0,))
        with pytest.raises(LoiThaoTac, match="đầu"):
            p.doi_cho((0,), -1)
        # Sửa chữ bằng cú pháp đánh dấu, đổi dấu đầu dòng, thêm, xóa, lưu.
        d = p.them_doan((0, 0))
        p.sua_chu(d, "Chữ **đậm** và chú thích[^Nguồn: UBND xã]")
        assert p.chu_cua(d) == "Chữ **đậm** và chú thích[^Nguồn: UBND xã]"
        assert p.doi_dau_dong(d) == "gach" and p.doi_dau_dong(d) == "cong"
        p.xoa(d)
        assert p.luu() == 1  # quay về đúng như cũ: không thêm phiên bản
        p.sua_chu((0, 0), "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH")
        assert p.luu() == 2
        assert k.doc(xa.id, "2023-H1").noi_dung == p.bao_cao.noi_dung


# ---------------------------------------------------------------- đề xuất số liệu

def test_de_xuat_so_lieu_tu_cau_van(docx: dict[str, Path]) -> None:
    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.nhap_docx.so_lieu import de_xuat

    vb = doc_docx(docx["cai-kinh"]).van_ban
    ds = {d.ma: d for d in de_xuat(vb.noi_dung, doc_bieu_mau("kt-xh-quy-xa"))}
    assert ds["dien_tich_gieo_trong"].gia_tri == "148"
    assert "ước đạt trồng được 148 ha" in ds["dien_tich_gieo_trong"].cau
    assert ds["lua_xuan"].gia_tri == "53"  # trong chú thích: "Lúa xuân cấy được 53ha"
    assert ds["thu_ngan_sach"].gia_tri == "100.791.000"
    assert ds["chi_ngan_sach"].gia_tri == "1.312.259.000"  # "1.312.259.000đồng"
    assert (ds["phun_tieu_doc_thon"].gia_tri, ds["phun_tieu_doc_thon"].mau_so) == ("8", "8")
    # Hai chỉ tiêu cùng câu mẫu nhận lần lượt các câu theo thứ tự.
    assert (ds["cong_lam_duong"].gia_tri, ds["cong_thuy_loi"].gia_tri) == ("551", "250")
    assert ds["ty_le_bhyt"].gia_tri == "93" and ds["khoi_luong_go"].gia_tri == "900"
    # "Tiếp tục …" không phải "Tiếp 03 lượt": số phải đứng ngay sau cụm từ, đúng đơn vị.
    assert "luot_tiep_dan" not in ds or ds["luot_tiep_dan"].gia_tri == "03"


def test_so_lieu_xac_nhan_thanh_so_cung_ky(tmp_path: Path, docx: dict[str, Path],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Không bao giờ tự điền: nhập không hỏi được thì chỉ báo số đề xuất; số đã xác nhận của
    văn bản Word quý II/2023 thành số cùng kỳ khi tạo báo cáo quý II/2024 theo biểu mẫu."""
    from drafter.chuyen_ky import tao_ky_moi
    from drafter.van_ban_tu_do import de_xuat_so_lieu, nhan_so_lieu

    kho = tmp_path / "kho"
    assert _chay("--data-dir", kho, "--xa", "Cai Kinh", "import", docx["cai-kinh"], "--ky",
                 "2023-Q2") == 0
    out = capsys.readouterr().out
    assert "số liệu khớp chỉ tiêu của biểu mẫu" in out and "chưa hỏi được" in out
    with Kho.mo(kho) as k:
        xa = k.xa_mac_dinh()
        td = k.doc(xa.id, "2023-Q2")
        assert isinstance(td, VanBanTuDo) and td.so_lieu == {}
        assert k.doc_neu_co(xa.id, "2023-Q2") is None
        cac = [d for d in de_xuat_so_lieu(td) if d.ma in ("luot_kham", "so_sinh")]
        assert nhan_so_lieu(td, cac) == 2
        k.luu(xa.id, td, "xác nhận số liệu")
        cung_ky = k.doc_neu_co(xa.id, "2023-Q2")
        assert cung_ky is not None and cung_ky.so_lieu["luot_kham"].gia_tri == "950"
        assert [d.ma for d in de_xuat_so_lieu(k.doc(xa.id, "2023-Q2"))].count("luot_kham") == 0
        moi, _ = tao_ky_moi(k, xa.id, Ky.doc("2024-Q2"), Ky.doc("2024-Q1"))
        assert moi.so_lieu["luot_kham"].cung_ky == "950"
        assert moi.so_lieu["so_sinh"].cung_ky == "15"


def test_ket_luan_van_ban_tu_do_noi_ro_so_lieu_chua_doi_chieu():
    """Văn bản tự do hết lỗi vẫn chỉ «sẵn sàng trình ký» kèm câu nói rõ số liệu trong lời văn
    không có biểu mẫu để đối chiếu: drafter không nhận là đã kiểm số."""
    from drafter.ket_luan import KetLuan

    kl = KetLuan("nhap", [], so_lieu_theo_bieu_mau=False)
    assert kl.san_sang
    assert "văn bản tự do: số liệu gõ trong lời văn không có biểu mẫu" in kl.tom_tat()
