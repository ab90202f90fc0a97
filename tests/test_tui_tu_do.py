"""Văn bản tự do trong giao diện, lái bằng Pilot: nhập một báo cáo Word (F6 ở trang chủ), sửa
dàn ý, chuyển sang kỳ sau (F4), xem lại đoạn chép, xuất — tệp xuất đạt «drafter check»."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TextArea, Tree

from drafter.kiem_tra import kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tui.thong_tin import ThongTinVanBan
from drafter.tui.trang_chu import DanhSachThayDoi, HoiKyMoi, TrangChu
from drafter.tui.ung_dung import UngDung
from drafter.tui.van_ban_tu_do import NhapWord, SoanTuDo, XemTruocTuDo
from drafter.tui.xuat import XuatVanBan
from drafter.van_ban import DoanVan, Muc
from tests.fixtures.van_ban_can_bo import tao_docx

pytestmark = [pytest.mark.slow, pytest.mark.tui]
KICH_THUOC = (110, 36)


async def _cho(pilot, dieu_kien, giay: float = 10.0) -> None:
    """Chờ tới khi điều kiện đúng (không ngủ dài cố định)."""
    for _ in range(int(giay / 0.05)):
        if dieu_kien():
            return
        await pilot.pause(0.05)
    raise AssertionError("quá thời gian chờ")


async def _go(pilot, chu: str) -> None:
    await pilot.press(*chu)


def _chon(soan: SoanTuDo, duong: tuple[int, ...]) -> None:
    soan._chon(duong)


async def test_nhap_sua_chuyen_ky_xuat(tmp_path: Path) -> None:
    tep = tao_docx("binh-trung", tmp_path / "BC 6 thang.docx")
    app = UngDung(tmp_path / "kho")
    app.thu_muc_xuat = tmp_path / "ra"
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _cho(pilot, lambda: isinstance(app.screen, TrangChu))
        # ---- nhập Word (F6): đọc tệp, kỳ đọc từ trích yếu, nhập vào kho
        await pilot.press("f6")
        await _cho(pilot, lambda: isinstance(app.screen, NhapWord))
        await _go(pilot, str(tep))
        await pilot.press("enter")
        await _cho(pilot, lambda: app.screen.query_one("#o-ky").value == "2023-H1")
        doc = str(app.screen.query_one("#ket-qua-doc", Static).render())
        assert "79/79 đoạn thân văn bản" in doc and "«III.» sau «I.»" in doc
        assert "văn bản của xã Bình Trung, sẽ nhập vào xã Cai Kinh" in doc
        await pilot.press("enter")  # Enter ở ô kỳ: nhập vào kho
        await _cho(pilot, lambda: isinstance(app.screen, SoanTuDo))
        soan: SoanTuDo = app.screen
        assert soan.phien.ky.ma == "2023-H1"
        cay = soan.query_one(Tree)
        assert cay.has_focus

        # ---- sửa dàn ý: thêm đoạn dưới mục I., gõ chữ có đánh dấu
        _chon(soan, (0, 0))  # I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO
        await pilot.pause()
        await pilot.press("insert")
        await _cho(pilot, lambda: isinstance(app.focused, TextArea))
        assert soan.duong == (0, 0, 0)
        await _go(pilot, "Chỉ đạo **tổng kết** công tác.")
        await pilot.pause(0.8)  # tự lưu khi ngừng gõ
        moi = soan.phien.nut((0, 0, 0))
        assert isinstance(moi, DoanVan) and moi.noi_dung[1].dam
        assert not soan.phien.da_thay_doi
        # Dời đoạn mới xuống dưới khoản 1., rồi thụt vào thành đoạn của khoản 1.
        cay.focus()
        await pilot.press("ctrl+down")
        await _cho(pilot, lambda: soan.duong == (0, 0, 1))
        assert isinstance(soan.phien.nut((0, 0, 0)), Muc)
        await pilot.press("ctrl+right")
        await _cho(pilot, lambda: soan.duong == (0, 0, 0, 1))
        await pilot.press("ctrl+left")
        await _cho(pilot, lambda: soan.duong == (0, 0, 1))
        await pilot.press("delete")
        await _cho(pilot, lambda: not any(
            isinstance(n, DoanVan) and "tổng kết" in str(n.noi_dung)
            for n in soan.phien.nut((0, 0)).noi_dung))
        # Thêm một đề mục cùng cấp: số được đánh tự động.
        _chon(soan, (0, 0, 8))  # khoản 9. cuối mục I.
        await pilot.pause()
        await pilot.press("f4")
        await _cho(pilot, lambda: soan.duong == (0, 0, 9))
        assert "10." in str(soan.query_one("#duong-dan", Static).render())
        await pilot.press("delete")
        await _cho(pilot, lambda: len(soan.phien.nut((0, 0)).noi_dung) == 9)
        # Xem trước, thông tin văn bản dùng chung.
        await pilot.press("f5")
        await _cho(pilot, lambda: isinstance(app.screen, XemTruocTuDo))
        assert any("II. TÌNH HÌNH" in str(s.render()) for s in app.screen.query(Static))
        await pilot.press("escape")
        await pilot.press("f3")
        await _cho(pilot, lambda: isinstance(app.screen, ThongTinVanBan))
        await pilot.press("escape")
        await _cho(pilot, lambda: isinstance(app.screen, SoanTuDo))
        await pilot.press("escape")
        await _cho(pilot, lambda: isinstance(app.screen, TrangChu))
        hang = [str(app.screen.query_one("DataTable").get_row_at(i)[0])
                for i in range(app.screen.query_one("DataTable").row_count)]
        assert "6 tháng đầu năm 2023 (văn bản Word)" in hang

        # ---- chuyển sang 6 tháng đầu năm 2024 (F4)
        await pilot.press("f4")
        await _cho(pilot, lambda: isinstance(app.screen, HoiKyMoi))
        o = app.screen.query_one("#o-ky")
        o.value = ""
        await _go(pilot, "2024-H1")
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, DanhSachThayDoi))
        ds = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "đoạn chép từ 6 tháng đầu năm 2023" in ds
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, SoanTuDo)
                   and app.screen.phien.ky.ma == "2024-H1")
        soan = app.screen
        so_chep = soan.phien.so_doan_chua_xem()
        assert so_chep > 40
        assert f"{so_chep} đoạn chép chưa xem" in str(soan.query_one("#trang-thai").render())
        # Một đoạn chép: giữ (F6); một đoạn khác: sửa chữ (không còn là đoạn chép).
        _chon(soan, (0, 0, 0, 0))
        await pilot.pause()
        assert "↻ Đoạn chép từ kỳ trước" in str(soan.query_one("#xem-lai").render())
        await pilot.press("f6")
        await _cho(pilot, lambda: soan.phien.so_doan_chua_xem() == so_chep - 1)
        _chon(soan, (0, 0, 1, 0))
        await pilot.pause()
        soan.query_one("#chu-nut", TextArea).focus()
        await pilot.press("end", *" Đã tổng kết.")
        await pilot.pause(0.8)
        assert soan.phien.so_doan_chua_xem() == so_chep - 2
        # F7 ở dòng đầu: giữ mọi đoạn còn lại của phần thứ nhất; rồi cả phần thứ hai.
        _chon(soan, (0,))
        soan.query_one(Tree).focus()
        await pilot.press("f7")
        _chon(soan, (1,))
        await pilot.press("f7")
        await _cho(pilot, lambda: soan.phien.so_doan_chua_xem() == 0)

        # ---- xuất (F9): bản nháp, kết luận không còn lỗi nội dung, tệp đạt thể thức
        await pilot.press("f9")
        await _cho(pilot, lambda: isinstance(app.screen, XuatVanBan))
        await pilot.press("f9")
        await _cho(pilot, lambda: "Đã ghi" in str(app.screen.query_one("#ket-qua").render()),
                   30)
        xuat: XuatVanBan = app.screen
        assert xuat.ket_luan is not None and xuat.ket_luan.so_loi == 0
        assert xuat.ket_luan.san_sang
        (ra,) = Path(app.thu_muc_xuat).glob("*.docx")
        ket_qua = kiem_tra(ra)
        assert ket_qua.dat_the_thuc, ket_qua.thanh_chu()
        chu = "\n".join(d.chu for d in TaiLieuDocx(ra).cac_doan())
        assert "Đã tổng kết." in chu and "6 tháng đầu năm 2024" in chu
        assert app.kho.tim_bao_cao(app.xa.id, "2024-H1").trang_thai == "da_xuat"


async def test_de_xuat_so_lieu_xac_nhan_tung_so(tmp_path: Path) -> None:
    """Số đọc từ câu văn chỉ được nhận khi cán bộ đánh dấu từng ô."""
    from drafter.kho import Kho
    from drafter.ky_bao_cao import Ky
    from drafter.nhap_docx import doc_docx
    from drafter.tui.van_ban_tu_do import DeXuatSoLieu
    from drafter.tui.xuat import HopChon
    from drafter.van_ban_tu_do import tu_van_ban

    with Kho.mo(tmp_path / "kho") as k:
        xa = k.xa_mac_dinh()
        vb = doc_docx(tao_docx("cai-kinh", tmp_path / "ck.docx")).van_ban
        k.luu(xa.id, tu_van_ban(vb, Ky.doc("2023-Q4"), xa.ten))
    app = UngDung(tmp_path / "kho")
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _cho(pilot, lambda: isinstance(app.screen, TrangChu))
        app.mo_bao_cao(Ky.doc("2023-Q4"))
        await _cho(pilot, lambda: isinstance(app.screen, SoanTuDo))
        soan: SoanTuDo = app.screen
        soan.action_de_xuat_so_lieu()
        await _cho(pilot, lambda: isinstance(app.screen, DeXuatSoLieu)
                   and len(app.screen.query(HopChon)) > 0)
        hop = app.screen.query(HopChon)
        assert len(hop) > 20 and not any(h.value for h in hop)
        assert "Tổng diện tích gieo trồng vụ xuân: 148 ha" in str(hop.first().label)
        hop.first().focus()
        await pilot.press("space")
        await pilot.click("#nut-dong-y")
        await _cho(pilot, lambda: isinstance(app.screen, SoanTuDo))
        await _cho(pilot, lambda: not soan.phien.da_thay_doi)
        assert list(soan.phien.bao_cao.so_lieu) == ["dien_tich_gieo_trong"]
        assert app.kho.doc_neu_co(app.xa.id, "2023-Q4").so_lieu[
            "dien_tich_gieo_trong"].gia_tri == "148"
