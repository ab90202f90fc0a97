"""Bàn phím của người làm báo cáo ở cửa sổ 80×24 (issue 12): ô số, Enter / Tab / Esc, dàn ý,
bảng lệnh, phím gõ liền (bộ gõ, người gõ nhanh) không lạc ô, không mất chữ khi thoát hay chuyển
màn hình, số lỗi và F8 trên mọi màn hình, gợi ý Nơi nhận, chân trang tiếng Việt.

Chờ theo điều kiện (_cho), không ngủ cố định: bộ kiểm thử vẫn nhanh và không chập chờn."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, RadioSet, Select
from textual.widgets._footer import FooterKey

from drafter.kho import Kho
from drafter.tui.nen import DICH_MO_TA
from drafter.tui.o_nhap import OSo
from drafter.tui.soan import DanY, SoanBaoCao
from drafter.tui.thong_tin import ThongTinVanBan
from drafter.tui.trang_chu import TrangChu
from drafter.tui.ung_dung import UngDung
from drafter.tui.xuat import XuatVanBan

CO = (80, 24)


async def _cho(pilot, dieu_kien: Callable[[], object], toi_da: float = 5.0) -> None:
    """Chờ tới khi điều kiện đúng (mỗi lần một nhịp ngắn), quá lâu thì báo lỗi."""
    for _ in range(int(toi_da / 0.02)):
        if dieu_kien():
            return
        await pilot.pause(0.02)
    assert dieu_kien(), "quá thời gian chờ"


async def _mo_q1(pilot) -> SoanBaoCao:
    await _cho(pilot, lambda: isinstance(pilot.app.screen, TrangChu))
    # Kho mẫu có cả quý I, II/2025 của Cai Kinh (trước khi hợp vào xã minh họa Hợp Mẫu): chọn
    # đúng dòng quý I/2024 (bằng phím, như người dùng).
    bang = pilot.app.screen.query_one("DataTable")
    while bang.get_row_at(bang.cursor_row)[0] != "quý I/2024":
        await pilot.press("down")
    await pilot.press("enter")
    await _cho(pilot, lambda: isinstance(pilot.app.screen, SoanBaoCao)
               and pilot.app.focused is not None)
    return pilot.app.screen


async def _den_muc(pilot, soan: SoanBaoCao, ma: str) -> None:
    await soan.den_muc(ma)
    await _cho(pilot, lambda: soan.ma_muc == ma and pilot.app.focused is not None
               and soan.khung in pilot.app.focused.ancestors)


def _loat(app, *phim: str) -> None:
    """Cả loạt phím gửi liền không chờ, như bộ gõ hay người gõ nhanh trên máy chậm."""
    for p in phim:
        app.post_message(events.Key(p, p if len(p) == 1 else None))


def _dang_o(app) -> str:
    return (app.focused.id or "") if app.focused is not None else ""


# ------------------------------------------------------------ ô số


async def test_o_so_giu_chu_go_sai_kem_ly_do(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _den_muc(pilot, soan, "chan_nuoi")
        assert _dang_o(app) == "so-dan_trau-gia_tri"
        await pilot.press("enter", *"1.O45")  # bò: gõ nhầm chữ O thay số 0
        o = soan.query_one("#so-dan_bo-gia_tri", Input)
        assert o.value == "1.O45" and o.has_class("-invalid")
        loi = str(soan.query_one("#loi-dan_bo").render())
        assert "«1.O45» không phải là số: có chữ «O» (số 0?)" in loi
        await pilot.press("tab")  # rời ô: số sai không bị viết lại
        assert o.value == "1.O45" and soan.phien.so_lieu("dan_bo").gia_tri == "1.O45"


async def test_o_so_sat_phai_viet_nhu_se_in_va_du_15_chu_so(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _den_muc(pilot, soan, "ngan_sach")
        o = soan.query_one("#so-thu_ngan_sach-gia_tri", OSo)
        await _cho(pilot, lambda: app.focused is o and o.selected_text == o.value)  # chọn cả số
        await pilot.press(*"182450000", "tab")
        assert o.value == "182.450.000"
        assert soan.phien.so_lieu("thu_ngan_sach").gia_tri == "182450000"  # số như đã gõ
        assert "182.450.000 đồng" in str(soan.query_one("#cau-thu_ngan_sach").render())
        await pilot.pause()
        dong = "".join(s.text for s in o.render_line(0))
        assert dong.rstrip().endswith(" 182.450.000") and dong.startswith("      ")  # sát phải
        # 15 chữ số tiền đọc được trọn ở 80×24.
        await pilot.press("shift+tab", *"123456789012345", "tab")
        assert o.value == "123.456.789.012.345"
        await pilot.pause()
        assert "".join(s.text for s in o.render_line(0)).strip() == "123.456.789.012.345"
        # Bấm chuột vào giữa số để vào ô: vẫn chọn cả số, gõ là thay.
        await pilot.click(o, offset=(8, 0))
        await _cho(pilot, lambda: app.focused is o and o.selected_text == o.value)
        await pilot.press(*"5000", "tab")
        assert o.value == "5.000"


async def test_tieu_de_mot_don_vi_nhan_moi_o(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _den_muc(pilot, soan, "ngan_sach")
        chu = [str(w.render()) for w in soan.khung.query(".ten-chi-tieu, .nhan-o")]
        assert "Thu ngân sách nhà nước trên địa bàn (đồng)" in chu
        assert not any("(đồng) (đồng)" in c for c in chu)
        assert chu[1:5] == ["Kỳ này", "Cùng kỳ 2023", "Dự toán huyện", "Dự toán xã"]
        assert soan.query_one("#bieu-mau").max_scroll_x == 0


# ------------------------------------------------------------ Enter, Tab, Esc, dàn ý


async def test_enter_theo_thu_tu_in_esc_ra_dan_y_enter_vao_lai(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        assert _dang_o(app) == "so-quyet_dinh_ban_hanh-gia_tri"  # mở ra là gõ được ngay
        await _den_muc(pilot, soan, "trong_trot")
        # Thứ tự in: lời văn nhắc lúa xuân, ngô xuân (trong chú thích) trước cây lương thực.
        assert [c.ma for c in soan.chi_tieu_muc("trong_trot")][:4] == [
            "dien_tich_gieo_trong", "lua_xuan", "ngo_xuan", "cay_luong_thuc"]
        await pilot.press("enter")
        assert _dang_o(app) == "so-lua_xuan-gia_tri"
        await pilot.press("tab")
        assert _dang_o(app) == "so-lua_xuan-ke_hoach"
        await pilot.press("enter")  # từ ô kế hoạch: vẫn sang chỉ tiêu sau
        assert _dang_o(app) == "so-ngo_xuan-gia_tri"
        await pilot.press("escape")
        assert isinstance(app.focused, DanY) and app.focused.cursor_node.data == "trong_trot"
        await pilot.press("down", "enter")  # sang Chăn nuôi, vào ô đầu
        await _cho(pilot, lambda: _dang_o(app) == "so-dan_trau-gia_tri")
        await pilot.press("escape", "up", "enter")  # về Trồng trọt: đúng ô đang gõ dở
        await _cho(pilot, lambda: _dang_o(app) == "so-ngo_xuan-gia_tri")
        # Enter ở chỉ tiêu cuối của mục: sang ô đầu của mục sau có số liệu.
        await soan.den_muc("cay_an_qua")
        await _cho(pilot, lambda: _dang_o(app) == "so-trong_cay_an_qua-gia_tri")
        await pilot.press("enter")
        await _cho(pilot, lambda: soan.ma_muc == "ra_quan"
                   and _dang_o(app) == "so-thon_ra_quan-gia_tri")
        assert soan._dan_y.cursor_node.data == "ra_quan"
        await pilot.press("escape", "escape")  # dàn ý, rồi trang chủ
        await _cho(pilot, lambda: isinstance(app.screen, TrangChu))


async def test_go_chu_dau_ten_muc_tren_dan_y(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        # Gõ liền mấy chữ thì tìm tiếp trong CHO_GO_GIAY giây; máy kiểm thử bận có thể chậm hơn
        # người gõ: nới khoảng chờ để phép thử đo đúng hành vi, không đo tốc độ máy.
        soan._dan_y.CHO_GO_GIAY = 30.0
        await pilot.press("escape", "y")
        assert soan._dan_y.cursor_node.data == "y_te"
        soan._dan_y._luc_go = 0.0  # như đã ngừng gõ hơn một giây: lần gõ sau tìm lại
        await pilot.press("t", "h")  # «th»: mục sau có tên bắt đầu «th» (Thi đua khen thưởng)
        assert soan._dan_y.cursor_node.data == "thi_dua"
        await pilot.press("enter")
        await _cho(pilot, lambda: soan.ma_muc == "thi_dua" and not isinstance(app.focused, DanY))


async def test_bang_lenh_den_muc_va_chi_tieu_go_khong_dau(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await pilot.press("ctrl+p", *"lam nghiep")
        await _cho(pilot, lambda: "Lâm nghiệp" in str(
            app.screen.query_one("CommandList").get_option_at_index(0).prompt))
        await pilot.press("enter")
        await _cho(pilot, lambda: soan.ma_muc == "lam_nghiep"
                   and _dang_o(app) == "so-trong_rung-gia_tri")
        await pilot.press("ctrl+p", *"tre suy dinh")
        await _cho(pilot, lambda: "suy dinh dưỡng" in str(
            app.screen.query_one("CommandList").get_option_at_index(0).prompt))
        await pilot.press("enter")
        await _cho(pilot, lambda: _dang_o(app) == "so-tre_suy_dinh_duong-gia_tri")


# ------------------------------------------------------------ phím gõ liền


async def test_phim_go_lien_khong_lac_o(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await pilot.press("escape", *["down"] * 6)  # dàn ý tới Chăn nuôi
        await _cho(pilot, lambda: soan.ma_muc == "chan_nuoi" and not soan._dang_dung)
        # Enter trên dàn ý rồi gõ ngay, Enter giữa các số: không chờ giao diện.
        _loat(app, "enter", "3", "2", "0", "enter", "3", "3", "enter", "2", "3", "0")
        await _cho(pilot, lambda: soan.phien.so_lieu("dan_lon").gia_tri == "230")
        assert soan.phien.so_lieu("dan_trau").gia_tri == "320"
        assert soan.phien.so_lieu("dan_bo").gia_tri == "33"
        # Enter sang mục sau (phải dựng mục) rồi gõ ngay: số vào ô đầu của mục mới.
        await soan.den_muc("cay_an_qua")
        await _cho(pilot, lambda: _dang_o(app) == "so-trong_cay_an_qua-gia_tri")
        _loat(app, "enter", "7")
        await _cho(pilot, lambda: soan.phien.so_lieu("thon_ra_quan").gia_tri == "7")
        assert soan.phien.so_lieu("trong_cay_an_qua").gia_tri == "12"


async def test_thoat_ngay_sau_chu_so_van_luu(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _den_muc(pilot, soan, "trong_trot")
        _loat(app, "1", "5", "1", "ctrl+q")  # Ctrl+Q cùng lúc với chữ số cuối
        await _cho(pilot, lambda: not app.is_running)
    with Kho.mo(tmp_path) as kho:
        bc = kho.doc(kho.xa_mac_dinh().id, "2024-Q1")
        assert bc.so_lieu["dien_tich_gieo_trong"].gia_tri == "151"


async def test_man_hinh_mo_ra_go_duoc_ngay(tmp_path: Path) -> None:
    """F3 rồi gõ ngay «58» (trước: màn hình chưa có ô nào nhận, mất chữ); F9 xong số liệu
    vừa gõ đã vào báo cáo trước khi màn hình xuất đánh giá."""
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        _loat(app, "f3", "5", "8")
        await _cho(pilot, lambda: isinstance(app.screen, ThongTinVanBan)
                   and app.screen.query_one("#so", Input).value == "58"
                   and soan.phien.bao_cao.dau.so == "58")
        await pilot.press("escape")
        await _cho(pilot, lambda: app.screen is soan)
        await _den_muc(pilot, soan, "chan_nuoi")
        _loat(app, "9", "9", "f9")
        await _cho(pilot, lambda: isinstance(app.screen, XuatVanBan)
                   and isinstance(app.focused, RadioSet))  # màn hình xuất: con trỏ ở ô đầu
        assert soan.phien.so_lieu("dan_trau").gia_tri == "99"


# ------------------------------------------------------------ số lỗi, F8, phiên bản


async def test_so_loi_va_f8_gom_moi_dieu_xuat_chinh_thuc_tu_choi(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        phien = soan.phien
        assert phien.dem()[0] == 1 and not phien.loi_them_cho_chinh_thuc()
        # Bỏ số và ngày văn bản: bản trình ký vẫn đúng, bản chính thức thiếu hai điều.
        phien.dat_phan_dau("so", None)
        phien.dat_phan_dau("ngay", None)
        soan.luu_ngay()
        trang_thai = str(soan.query_one("#trang-thai").render())
        assert "1 lỗi" in trang_thai and "bản chính thức cần thêm 2" in trang_thai
        # F8: trước hết lỗi của bản trình ký (chỗ để trống «... trường hợp» trong lời văn)…
        await pilot.press("f8")
        await _cho(pilot, lambda: _dang_o(app) == "van-ban" and soan.ma_muc == "tu_phap")
        vung = app.focused
        vung.text = vung.text.replace("... trường hợp", "05 trường hợp", 1)
        await _cho(pilot, lambda: phien.dem()[0] == 0)
        # … hết thì tới những gì bản chính thức cần, ở màn hình thông tin văn bản.
        await pilot.press("f8")
        await _cho(pilot, lambda: isinstance(app.screen, ThongTinVanBan) and _dang_o(app) == "so")
        tt = app.screen
        await pilot.press(*"35", "f8")  # F8 ngay tại đây: sang ô ngày
        await _cho(pilot, lambda: _dang_o(app) == "ngay")
        await pilot.press(*"20/4/2024", "f8")
        await _cho(pilot, lambda: "Không còn lỗi nào" in " ".join(
            str(n.message) for n in app._notifications))
        assert not phien.loi_them_cho_chinh_thuc()
        await _cho(pilot, lambda: "0 lỗi" in str(tt.query_one("#trang-thai").render()))
        # Lưu ở F3 (F2): dòng trạng thái của màn hình soạn ghi đúng phiên bản vừa lưu.
        await pilot.press("f2", "escape")
        await _cho(pilot, lambda: app.screen is soan)
        assert phien.lan_luu is not None
        assert f"(bản {phien.lan_luu[1]})" in str(soan.query_one("#trang-thai").render())


async def test_f8_tu_man_hinh_xuat_ve_dung_cho_sua(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await pilot.press("f9")
        await _cho(pilot, lambda: isinstance(app.screen, XuatVanBan))
        await pilot.press("f8")
        await _cho(pilot, lambda: app.screen is soan and soan.ma_muc == "tu_phap"
                   and _dang_o(app) == "van-ban")


# ------------------------------------------------------------ thông tin văn bản, xem trước


async def test_goi_y_noi_nhan_tu_xa_va_bao_cao_truoc(tmp_path: Path) -> None:
    with Kho.mo(tmp_path) as kho:
        xa = kho.xa_mac_dinh()
        xa.noi_nhan = [*xa.noi_nhan, "Phòng Nội vụ huyện"]
        kho.luu_xa(xa)
        truoc = kho.doc(xa.id, "2023-Q2")
        truoc.noi_nhan = [*truoc.noi_nhan, "Công an xã"]
        kho.luu(xa.id, truoc, "thêm nơi nhận")
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await pilot.press("f3")
        await _cho(pilot, lambda: isinstance(app.screen, ThongTinVanBan))
        chon = app.screen.query_one("#goi-y-noi-nhan", Select)
        goi_y = [str(p[0]) for p in chon._options if p[1] is not Select.NULL]
        assert goi_y == ["Phòng Nội vụ huyện", "Công an xã"]
        chon.value = "Công an xã"
        await _cho(pilot, lambda: soan.phien.bao_cao.noi_nhan[-1] == "Công an xã")
        await _cho(pilot, lambda: [str(p[0]) for p in chon._options
                                   if p[1] is not Select.NULL] == ["Phòng Nội vụ huyện"])


async def test_xem_truoc_mo_o_muc_khong_co_de_muc_rieng(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _den_muc(pilot, soan, "chan_nuoi")
        await pilot.press("f5")
        await _cho(pilot, lambda: app.screen is not soan)
        khung = app.screen.query_one("#xem-truoc")
        await _cho(pilot, lambda: khung.scroll_y > 0)
        dau = next(w for w in khung.children if w.virtual_region.y >= khung.scroll_y)
        assert str(dau.render()).startswith("- Chăn nuôi - Thú y:")


# ------------------------------------------------------------ chân trang, chữ tiếng Anh


def _chan_trang(app) -> list[str]:
    return [f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey)]


async def test_chan_trang_tieng_viet_vua_80_cot(tmp_path: Path) -> None:
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        soan = await _mo_q1(pilot)
        await _cho(pilot, lambda: soan.query(FooterKey))
        keys = list(soan.query(FooterKey))
        assert "^q Thoát" in _chan_trang(app)
        assert all(k.region.right <= CO[0] for k in keys), _chan_trang(app)
        assert "Enter chỉ tiêu sau" in str(soan.query_one("#goi-y-phim").render())
        # Danh sách thả xuống đang mở: «esc Dismiss menu» của Textual thành tiếng Việt.
        await pilot.press("f3")
        await _cho(pilot, lambda: isinstance(app.screen, ThongTinVanBan))
        app.screen.query_one("#quyen_han", Select).focus()
        await pilot.press("enter")
        await _cho(pilot, lambda: any("Đóng danh sách" in d for d in _chan_trang(app)))
        assert not any(tieng_anh in d for d in _chan_trang(app)
                       for tieng_anh in ("Dismiss", "menu", *DICH_MO_TA))


# ------------------------------------------------------------ hành trình đếm phím


@pytest.mark.slow
async def test_hanh_trinh_20_so_5_muc_chi_ban_phim(tmp_path: Path) -> None:
    """bench/journey.py: 20 số ở 5 mục chỉ bằng bàn phím ở 80×24; mỗi số đúng ô (kiểm trong
    hành trình); không quá 2 phím điều hướng mỗi ô."""
    duong_dan = Path(__file__).parent.parent / "bench" / "journey.py"
    dac_ta = importlib.util.spec_from_file_location("journey", duong_dan)
    assert dac_ta is not None and dac_ta.loader is not None
    journey = importlib.util.module_from_spec(dac_ta)
    sys.modules["journey"] = journey  # dataclass trong bench cần tìm được mô-đun của nó
    dac_ta.loader.exec_module(journey)
    kq = await journey.hanh_trinh(tmp_path)
    assert kq.so_o == 20 and kq.dieu_huong_moi_o <= 2, kq.dong_cuoi()


# ------------------------------------------------------------ đã sửa khi làm «sẵn sàng trình ký»


async def test_danh_sach_thay_doi_cuon_bang_phim_nut_luon_hien(tmp_path: Path) -> None:
    from drafter.tui.trang_chu import DanhSachThayDoi

    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        await _cho(pilot, lambda: isinstance(app.screen, TrangChu))
        await pilot.press("f4")
        await _cho(pilot, lambda: app.screen.query("#o-ky"))
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, DanhSachThayDoi))
        ds = app.screen.query_one("#ds-thay-doi")
        nut = app.screen.query_one("#nut-dong-y")
        await _cho(pilot, lambda: ds.max_scroll_y > 0)  # danh sách dài hơn cửa sổ 80×24
        assert 0 < nut.region.bottom <= CO[1]  # «Bắt đầu soạn» luôn thấy
        await pilot.press("pagedown")
        await _cho(pilot, lambda: ds.scroll_y > 0)
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, SoanBaoCao))


@pytest.mark.parametrize("co_lo", [True, False])
async def test_pdf_mac_dinh_khi_co_libreoffice_doc_duoc_khong_mau(tmp_path: Path, monkeypatch,
                                                               co_lo: bool) -> None:
    from drafter.tui.xuat import HopChon

    monkeypatch.setattr("drafter.xuat_pdf.tim_libreoffice",
                        lambda: Path("/usr/bin/soffice") if co_lo else None)
    app = UngDung(tmp_path)
    async with app.run_test(size=CO) as pilot:
        await _mo_q1(pilot)
        await pilot.press("f9")
        await _cho(pilot, lambda: isinstance(app.screen, XuatVanBan))
        hop = app.screen.query_one("#pdf", HopChon)
        assert hop.value is co_lo and hop.disabled is not co_lo
        assert f"[{'X' if co_lo else ' '}]" in str(hop.render())  # không chỉ khác màu
