"""Giao diện Textual, lái bằng Pilot: hành trình chính của người làm báo cáo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Checkbox, Input, OptionList, TextArea

from drafter.kho import Kho
from drafter.kiem_tra import MucDoDat, kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tui.lenh import diem_khop
from drafter.tui.o_nhap import ONhap, OSo, VungVanBan
from drafter.tui.soan import SoanBaoCao
from drafter.tui.thong_tin import ThongTinVanBan
from drafter.tui.trang_chu import DanhSachThayDoi, HoiKyMoi, TrangChu
from drafter.tui.ung_dung import UngDung
from drafter.tui.xem_truoc import XemTruoc
from drafter.tui.xuat import XacNhan, XuatVanBan, ten_tep_mac_dinh
from tests.pilot_cho import cho as _cho
from tests.pilot_cho import sang as _sang

KICH_THUOC = (100, 32)


async def _mo_q1(pilot) -> SoanBaoCao:
    await _cho(pilot, lambda: isinstance(pilot.app.screen, TrangChu))
    bang = pilot.app.screen.query_one("DataTable")
    # Kho mẫu có cả quý I, II/2025 của Cai Kinh (trước khi hợp vào xã minh họa Hợp Mẫu): chọn
    # đúng dòng quý I/2024.
    bang.move_cursor(row=bang.get_row_index("2024-Q1"))
    await _cho(pilot, lambda: bang.get_row_at(bang.cursor_row)[0] == "quý I/2024")
    return await _sang(pilot, "enter", SoanBaoCao)


async def _chon_muc(pilot, man_hinh: SoanBaoCao, ma: str) -> None:
    man_hinh._chon_nut(ma)
    await _cho(pilot, lambda: man_hinh.ma_muc == ma)


async def _da_luu(pilot, soan) -> None:
    """Chờ tự lưu xong (không còn thay đổi chưa lưu, kiểm tra cả báo cáo đã chạy lại)."""
    await _cho(pilot, lambda: not soan.phien.da_thay_doi and not soan._dang_sua)


async def _go(pilot, o: Input, chu: str) -> None:
    o.focus()
    o.value = ""
    await pilot.pause()
    await pilot.press(*chu)
    await pilot.pause()


async def test_hanh_trinh_chinh(tmp_path):
    app = UngDung(tmp_path / "kho")
    app.thu_muc_xuat = tmp_path / "ra"
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "trong_trot")
        # Sửa diện tích gieo trồng: câu số liệu đổi ngay, và các nhóm cây không còn cộng đúng tổng.
        await _go(pilot, soan.query_one("#so-dien_tich_gieo_trong-gia_tri", Input), "150")
        cau = str(soan.query_one("#cau-dien_tich_gieo_trong").render())
        assert cau == ("Tổng diện tích gieo trồng vụ xuân ước đạt 150 ha, đạt 97,4% KH, "
                       "bằng 111,5% so với cùng kỳ")
        loi = str(soan.query_one("#loi-dien_tich_gieo_trong").render())
        assert "các phần theo nhóm cây cộng lại 148 ha, khác tổng 150 ha" in loi
        assert soan.query_one("#so-dien_tich_gieo_trong-gia_tri").has_class("-invalid") is False
        await _da_luu(pilot, soan)  # tự lưu sau khi ngừng gõ
        loi_co_sai = soan.phien.dem()[0]
        assert f"{loi_co_sai} lỗi" in str(soan.query_one("#trang-thai").render())
        # Sửa lỗi trong ô chi tiết: nhóm "cây hàng năm khác" 10 → 12 ha, tổng cộng lại 150.
        vung = soan.query_one("#phan-dien_tich_gieo_trong", TextArea)
        vung.text = vung.text.replace("Cây hàng năm khác: 10", "Cây hàng năm khác: 12")
        await _cho(pilot, lambda: soan.phien.da_thay_doi)
        await _da_luu(pilot, soan)
        assert str(soan.query_one("#loi-dien_tich_gieo_trong").render()) == ""
        assert "Cộng các phần: 150 ha" in str(soan.query_one("#tong-dien_tich_gieo_trong")
                                               .render())
        assert f"{loi_co_sai - 1} lỗi" in str(soan.query_one("#trang-thai").render())
        # Thông tin văn bản: số và ngày.
        tt = await _sang(pilot, "f3", ThongTinVanBan)
        await _go(pilot, tt.query_one("#so", Input), "35")
        await _go(pilot, tt.query_one("#ngay", Input), "20/4/2024")
        assert "ngày 20 tháng 4 năm 2024" in str(tt.query_one("#loi-ngay").render())
        await _sang(pilot, "escape", SoanBaoCao)
        # Xuất: tệp .docx có số mới và đạt thể thức.
        xuat = await _sang(pilot, "f9", XuatVanBan)
        assert xuat.query_one("#ten-tep", Input).value == "BC-quy-I-2024-xa-Cai-Kinh.docx"
        xuat.query_one("#pdf", Checkbox).value = False  # PDF có kiểm thử riêng (test_pdf)
        await pilot.press("f9")
        await pilot.app.workers.wait_for_complete()
        await _cho(pilot, lambda: "Đã ghi" in str(xuat.query_one("#ket-qua").render()))
        tep = tmp_path / "ra" / "BC-quy-I-2024-xa-Cai-Kinh.docx"
        ket_qua = str(xuat.query_one("#ket-qua").render())
        assert tep.is_file(), ket_qua
        # Kết luận đặt nội dung và thể thức cạnh nhau: bản gốc còn một chỗ để trống «...», nên
        # thể thức đạt mà vẫn chưa sẵn sàng trình ký — không bao giờ chỉ «ĐẠT».
        tom_tat = str(xuat.query_one("#tom-tat").render())
        assert "thể thức NĐ 30: đạt" in tom_tat and "CHƯA sẵn sàng trình ký" in tom_tat
        assert "còn chỗ để trống" in "\n".join(
            str(o.prompt) for o in xuat.query_one("#phat-hien", OptionList)._options)
        chu = "\n".join(d.chu for d in TaiLieuDocx(tep).cac_doan())
        assert "Tổng diện tích gieo trồng vụ xuân ước đạt 150 ha, đạt 97,4% KH" in chu
        assert "Số: 35/BC-UBND" in chu and "Cai Kinh, ngày 20 tháng 4 năm 2024" in chu
        assert kiem_tra(tep).dem(MucDoDat.KHONG_DAT) == 0
        # Xuất lần nữa: hỏi trước khi ghi đè.
        await _sang(pilot, "f9", XacNhan)
        await pilot.press("escape")
    with Kho.mo(tmp_path / "kho") as kho:
        b = kho.tim_bao_cao(kho.xa_mac_dinh().id, "2024-Q1")
        assert b.trang_thai == "da_xuat" and kho.nhat_ky_xuat(b.xa_id, "2024-Q1")
        assert kho.doc(b.xa_id, "2024-Q1").so_lieu["dien_tich_gieo_trong"].gia_tri == "150"


async def test_tao_ky_moi_tu_trang_chu(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _cho(pilot, lambda: isinstance(pilot.app.screen, TrangChu))
        await _sang(pilot, "f4", HoiKyMoi)
        assert pilot.app.screen.query_one("#o-ky", Input).value == "2024-Q2"
        await _sang(pilot, "enter", DanhSachThayDoi)
        dong = "\n".join(str(s.render()) for s in pilot.app.screen.query("Static"))
        assert "Đã điền: Số liệu — số cùng kỳ quý II/2023 cho" in dong
        assert "Đã xóa: Thông tin văn bản — số văn bản và ngày ban hành" in dong
        soan = await _sang(pilot, "enter", SoanBaoCao)
        assert isinstance(soan, SoanBaoCao) and soan.phien.ky.ma == "2024-Q2"
        from drafter.tui.soan import _duyet_cay

        nhan = [str(n.label) for n in _duyet_cay(soan.query_one("Tree").root)]
        assert any(n.startswith("↻ Giao thông") for n in nhan), nhan


async def test_gia_tri_sai_duoc_giu_nguyen_va_danh_dau(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "trong_trot")
        o = soan.query_one("#so-dien_tich_gieo_trong-ke_hoach", Input)
        await _go(pilot, o, "1.5")
        assert o.value == "1.5" and o.has_class("-invalid")
        assert "«1.5» không rõ" in str(soan.query_one("#loi-dien_tich_gieo_trong").render())
        # Số kiểu Việt đầy đủ không bị cắt như Input(type="number").
        await _go(pilot, o, "1.312.259,5")
        assert o.value == "1.312.259,5"
        await _go(pilot, o, "1.5")
        await pilot.press("ctrl+q")  # thoát ngay: không hỏi, không mất chữ đã gõ
    with Kho.mo(tmp_path) as kho:
        bc = kho.doc(kho.xa_mac_dinh().id, "2024-Q1")
        assert bc.so_lieu["dien_tich_gieo_trong"].ke_hoach == "1.5"


async def test_o_so_giu_nguyen_so_kieu_viet(tmp_path):
    """Mọi ô số (biểu mẫu và kế hoạch năm) là ô chữ có kiểm tra của ta, không phải
    Input(type="number"/"integer") vốn cắt «1.234.567» thành «1.234567» và bỏ «96,1»."""
    from drafter.tui.thiet_lap import ThietLap

    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "chinh_sach")
        o_so = [o for o in soan.query(Input) if (o.id or "").startswith("so-")]
        assert len(o_so) > 10
        assert all(isinstance(o, OSo) and o.type == "text" for o in o_so)
        tien = soan.query_one("#so-chi_tra_tro_cap-gia_tri", Input)
        await _go(pilot, tien, "1.234.567")
        assert tien.value == "1.234.567" and not tien.has_class("-invalid")
        assert "1.234.567 đồng" in str(soan.query_one("#cau-chi_tra_tro_cap").render())
        ty_le = soan.query_one("#so-ty_le_bhyt-gia_tri", Input)
        await _go(pilot, ty_le, "96,1")
        assert ty_le.value == "96,1" and not ty_le.has_class("-invalid")
        assert "96,1%" in str(soan.query_one("#cau-ty_le_bhyt").render())
        await pilot.press("escape", "escape")  # ô → dàn ý → trang chủ
        await _cho(pilot, lambda: isinstance(pilot.app.screen, TrangChu))
        tl = await _sang(pilot, "f10", ThietLap)
        o_kh = [o for o in tl.query(Input) if (o.id or "").startswith("kh-")]
        assert o_kh and all(isinstance(o, OSo) and o.type == "text" for o in o_kh)
        await _go(pilot, o_kh[0], "1.312.259")
        assert o_kh[0].value == "1.312.259"


@pytest.mark.parametrize("ten", ["Thoát chương trình", "Thoát"])
async def test_thoat_tu_bang_lenh_luu_chu_vua_go(tmp_path, ten):
    """Chọn «Thoát» trong bảng lệnh ngay sau khi gõ (chưa tới lúc tự lưu): không mất chữ."""
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "trong_trot")
        o = soan.query_one("#so-dien_tich_gieo_trong-gia_tri", Input)
        o.focus()
        o.value = "151"
        await _cho(pilot, lambda: soan.phien.da_thay_doi)  # đã nhận chữ, chưa tới lúc tự lưu
        cac = {lenh.ten: lenh.hanh_dong for lenh in app.cac_lenh_chung()}
        cac.update({lenh.title: lenh.callback for lenh in app.get_system_commands(app.screen)})
        ket_qua = cac[ten]()
        if ket_qua is not None:
            await ket_qua
        await pilot.pause()
    with Kho.mo(tmp_path) as kho:
        bc = kho.doc(kho.xa_mac_dinh().id, "2024-Q1")
        assert bc.so_lieu["dien_tich_gieo_trong"].gia_tri == "151"


async def test_loi_tiep_theo_nhay_dung_o(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "nong_thon_moi")
        await _go(pilot, soan.query_one("#so-tieu_chi_ntm-gia_tri", Input), "20")
        await _chon_muc(pilot, soan, "chi_dao")
        await pilot.press("f8")
        await _cho(pilot, lambda: soan.ma_muc == "nong_thon_moi")
        assert pilot.app.focused.id == "so-tieu_chi_ntm-gia_tri"


async def test_80x24_khong_cuon_ngang(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        soan = await _mo_q1(pilot)
        for ma in ("trong_trot", "ngan_sach", "nong_thon_moi"):
            await _chon_muc(pilot, soan, ma)
            assert soan.query_one("#bieu-mau").max_scroll_x == 0


async def test_xem_truoc_mo_dung_muc(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        soan = await _mo_q1(pilot)
        await _chon_muc(pilot, soan, "tai_nguyen")
        xem = await _sang(pilot, "f5", XemTruoc)
        chu = "\n".join(str(s.render()) for s in xem.query("Static"))
        assert "8. Tài nguyên và Môi trường" in chu and "Tiếp nhận là 33 hồ sơ" in chu
        assert "[1]" in chu and "Chú thích" in chu
        assert xem.query_one("#xem-truoc").scroll_y > 0


async def test_bang_lenh_tieng_viet_tim_khong_dau(tmp_path):
    assert diem_khop("xuat", "Xuất báo cáo ra .docx") > 0
    assert diem_khop("hoa", "Hòa Bình") > 0
    assert diem_khop("xyz", "Xuất báo cáo") == 0
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _mo_q1(pilot)
        await pilot.press("ctrl+p")
        await _cho(pilot, lambda: pilot.app.screen.query("CommandList"))
        await pilot.press(*"xuat")
        danh_sach = pilot.app.screen.query_one("CommandList")
        await _cho(pilot, lambda: danh_sach.option_count > 0)
        cac = [str(danh_sach.get_option_at_index(i).prompt)
               for i in range(danh_sach.option_count)]
        assert any("Xuất báo cáo ra .docx" in c for c in cac)
        # Không khớp lệnh nào: câu báo bằng tiếng Việt, không phải "No matches found".
        await pilot.press(*"qqqq")
        await pilot.pause(1.2)
        cac = [str(danh_sach.get_option_at_index(i).prompt)
               for i in range(danh_sach.option_count)]
        assert any("Không tìm thấy lệnh nào" in c for c in cac), cac


PHIM_TELEX = [("t", "t"), ("i", "i"), ("e", "e"), ("backspace", None), ("ê", "ê"), ("n", "n"),
              ("g", "g"), ("backspace", None), ("backspace", None), ("backspace", None),
              ("ế", "ế"), ("n", "n"), ("g", "g")]


class _UngDungMotO(App):
    def __init__(self, lop: type) -> None:
        super().__init__()
        self.lop = lop

    def compose(self):
        yield self.lop()


@pytest.mark.parametrize("lop", [ONhap, VungVanBan, OSo])
async def test_go_telex_nhanh_khong_dao_thu_tu(lop):
    """UniKey/EVKey gửi "xóa lùi rồi chữ mới" liền một loạt: kết quả phải là "tiếng"."""
    app = _UngDungMotO(lop)
    async with app.run_test() as pilot:
        o = app.query_one(lop)
        o.focus()
        await pilot.pause()
        phim = PHIM_TELEX if lop is not OSo else [("1", "1"), ("2", "2"), ("backspace", None),
                                                  ("3", "3"), (",", ","), ("5", "5")]
        for k, c in phim:  # cả loạt, không chờ giữa các phím
            app.post_message(events.Key(k, c))
        mong = "tiếng" if lop is not OSo else "13,5"

        def gia_tri() -> str:
            return o.value if isinstance(o, Input) else o.text

        # Chờ cả loạt phím được xử lý (đủ số chữ), rồi mới so: sai thứ tự thì khác chữ.
        await _cho(pilot, lambda: len(gia_tri()) >= len(mong))
        assert gia_tri() == mong


def test_ten_tep_mac_dinh(tmp_path):
    from drafter.ky_bao_cao import Ky
    from drafter.phien_soan import PhienSoan

    with Kho.mo(tmp_path) as kho:
        phien = PhienSoan.mo(kho, kho.xa_mac_dinh().id, Ky.doc("2023-Q2"))
        assert ten_tep_mac_dinh(phien) == "BC-quy-II-2023-xa-Cai-Kinh.docx"
        assert Path(ten_tep_mac_dinh(phien)).suffix == ".docx"


async def test_thiet_lap_ke_hoach_nam_va_ho_so(tmp_path):
    from drafter.tui.thiet_lap import ThietLap

    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        await pilot.pause()
        tl = await _sang(pilot, "f10", ThietLap)
        tl.nam = 2024  # kế hoạch năm của báo cáo mẫu
        await _go(pilot, tl.query_one("#huyen", Input), "Hữu Lũng")
        o = tl.query_one("#kh-trong_rung", Input)
        await _go(pilot, o, "52")
        vung = tl.query_one("#noi_nhan", TextArea)
        vung.text = vung.text + "\nPhòng Tài chính - Kế hoạch huyện"
        await _sang(pilot, "escape", TrangChu)
    with Kho.mo(tmp_path) as kho:
        xa = kho.xa_mac_dinh()
        assert kho.ke_hoach(xa.id, tl.nam)["trong_rung"] == "52"
        assert xa.noi_nhan[-1] == "Phòng Tài chính - Kế hoạch huyện"


async def test_noi_nhan_them_doi_cho_bo_va_dong_luu_o_cuoi(tmp_path):
    app = UngDung(tmp_path)
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _mo_q1(pilot)
        tt = await _sang(pilot, "f3", ThongTinVanBan)
        them = tt.query_one("#o-them-noi-nhan", Input)
        await _go(pilot, them, "Phòng Nội vụ huyện")
        await pilot.press("enter")
        await _cho(pilot, lambda: tt.phien.bao_cao.noi_nhan[-1] == "Phòng Nội vụ huyện")
        assert tt.phien.bao_cao.noi_nhan[-1] == "Phòng Nội vụ huyện"
        await _go(pilot, them, "Lưu: VT")  # dòng Lưu có ô riêng, không vào danh sách
        await pilot.press("enter")
        await _cho(pilot, lambda: any("ô riêng" in n.message for n in app._notifications))
        assert "Lưu: VT" not in tt.phien.bao_cao.noi_nhan
        ds = tt.query_one("#ds-noi-nhan")
        ds.index = len(tt.phien.bao_cao.noi_nhan) - 1
        await pilot.click("#nut-len")
        await _cho(pilot, lambda: tt.phien.bao_cao.noi_nhan[-2] == "Phòng Nội vụ huyện")
        assert tt.phien.bao_cao.noi_nhan[-2] == "Phòng Nội vụ huyện"
        await pilot.click("#nut-bo")
        await _cho(pilot, lambda: "Phòng Nội vụ huyện" not in tt.phien.bao_cao.noi_nhan)
        assert "Phòng Nội vụ huyện" not in tt.phien.bao_cao.noi_nhan
        await _sang(pilot, "escape", SoanBaoCao)
    with Kho.mo(tmp_path) as kho:
        bc = kho.doc(kho.xa_mac_dinh().id, "2024-Q1")
        assert bc.noi_nhan[0] == "UBND huyện (b/c)" and bc.luu == "VT, VP"


async def test_xuat_khong_ghi_len_tep_chi_doc_hay_tep_kho(tmp_path):
    """Màn hình xuất: đồng ý ghi đè cũng không thay tệp chỉ đọc; tên tệp có ký tự Windows cấm
    thì nói rõ. (Tên tệp luôn có đuôi .docx nên không thể trỏ vào tệp kho.)"""
    import os
    import stat

    app = UngDung(tmp_path / "kho")
    ra = tmp_path / "ra"
    ra.mkdir()
    chi_doc = ra / "BC-quy-I-2024-xa-Cai-Kinh.docx"
    chi_doc.write_bytes(b"ban cu")
    os.chmod(chi_doc, stat.S_IREAD)
    app.thu_muc_xuat = ra
    async with app.run_test(size=KICH_THUOC) as pilot:
        await _mo_q1(pilot)
        xuat = await _sang(pilot, "f9", XuatVanBan)
        await _sang(pilot, "f9", XacNhan)
        await pilot.click("#co")
        await _cho(pilot, lambda: "chỉ đọc" in str(xuat.query_one("#ket-qua").render()))
        assert chi_doc.read_bytes() == b"ban cu"
        xuat.query_one("#ten-tep", Input).value = "BC: quý II?.docx"
        await pilot.press("f9")
        await _cho(pilot, lambda: "không được có các ký tự" in str(
            xuat.query_one("#ket-qua").render()))
        assert "không được có các ký tự" in str(xuat.query_one("#ket-qua").render())
