"""Pilot: người làm kế hoạch tạo kế hoạch năm 2025 từ kế hoạch năm 2024 (F4, kỳ gợi ý 2025-KH),
sửa hai chỉ tiêu kế hoạch trên thẻ chỉ tiêu, rồi xuất bản nháp .docx (F9). Chỉ tiêu chép sang
mang dấu «cần xem lại»; sửa số là đã xem; lưu là đặt chỉ tiêu của năm 2025 trong kho."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from drafter.bieu_mau.du_lieu import doc_bao_cao
from drafter.kho.kho import Kho, Xa
from drafter.kiem_tra import MucDoDat, kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tai_nguyen import tep_mau
from drafter.tui.soan import SoanBaoCao
from drafter.tui.trang_chu import DanhSachThayDoi
from drafter.tui.ung_dung import UngDung
from drafter.tui.xuat import XuatVanBan

pytestmark = pytest.mark.slow


async def _cho(pilot, dieu_kien: Callable[[], object], lan: int = 100) -> None:
    """Chờ tới khi điều kiện đúng (màn hình mới, ô vừa dựng), không chờ thừa."""
    for _ in range(lan):
        if dieu_kien():
            return
        await pilot.pause(0.05)
    raise AssertionError("hết thời gian chờ")


def _kho_co_ke_hoach_2024(thu_muc: Path) -> None:
    with Kho.mo(thu_muc, nap_mau=False) as k:
        xa = k.luu_xa(Xa(id=0, ten="Hữu Kiên", mac_dinh=True, dia_danh="Hữu Kiên",
                         co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "XÃ HỮU KIÊN"],
                         noi_nhan=["Phòng TC-KH huyện (b/c)"]))
        kh = doc_bao_cao(tep_mau("ke-hoach-huu-kien-2025.json"))
        kh.ky = "2024-KH"  # kế hoạch năm trước của hành trình
        kh.dau.ngay = None
        k.luu(xa.id, kh)


async def _sua_o(pilot, o: Input, chu: str) -> None:
    o.focus()
    await pilot.press("end", *["backspace"] * len(o.value), *chu)


async def test_ke_hoach_2025_tu_2024_sua_hai_chi_tieu_va_xuat(tmp_path: Path) -> None:
    _kho_co_ke_hoach_2024(tmp_path / "kho")
    app = UngDung(tmp_path / "kho")
    app.thu_muc_xuat = tmp_path / "ra"
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("f4")
        await _cho(pilot, lambda: app.screen.query("#o-ky"))
        assert app.screen.query_one("#o-ky", Input).value == "2025-KH"  # gợi ý: năm sau
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, DanhSachThayDoi))
        dong = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "cần xem lại" in dong
        await pilot.press("enter")
        await _cho(pilot, lambda: isinstance(app.screen, SoanBaoCao))
        soan = app.screen
        assert soan.phien.ky.ma == "2025-KH"
        loi_dau = soan.phien.dem()[0]

        # Mục «Các chỉ tiêu kinh tế» trên dàn ý: mỗi chỉ tiêu kế hoạch một thẻ.
        soan._chon_nut("chi_tieu_kinh_te")
        await _cho(pilot, lambda: soan.query("#mt-san_luong_luong_thuc-gia_tri"))
        assert soan.query_one("#mt-san_luong_luong_thuc-xem-lai").display
        await _sua_o(pilot, soan.query_one("#mt-san_luong_luong_thuc-gia_tri", Input), "1.350")
        await _sua_o(pilot, soan.query_one("#mt-dan_gia_cam-gia_tri", Input), "18.000")
        await pilot.press("f6")  # ô đàn gia cầm: đã xem (số vừa sửa đã bỏ dấu), F6 không hại
        await pilot.press("f2")  # lưu ngay
        await _cho(pilot, lambda: not soan.phien.da_thay_doi)
        assert not soan.query_one("#mt-san_luong_luong_thuc-xem-lai").display
        assert soan.phien.dem()[0] == loi_dau - 2  # hai chỉ tiêu đã xem

        await pilot.press("f9")
        await _cho(pilot, lambda: isinstance(app.screen, XuatVanBan))
        xuat = app.screen
        await pilot.press("f9")  # bản nháp trình ký (mặc định)
        await app.workers.wait_for_complete()
        tep = tmp_path / "ra" / "KH-nam-2025-xa-Huu-Kien.docx"
        await _cho(pilot, lambda: tep.is_file())
        tom_tat = str(xuat.query_one("#tom-tat", Static).render())
        assert "Bản nháp" in tom_tat, tom_tat

    chu = "\n".join(d.chu for d in TaiLieuDocx(tep).cac_doan())
    assert "KẾ HOẠCH" in chu and "Số:" in chu and "/KH-UBND" in chu
    assert "Tổng sản lượng thực có hạt: 1.350 tấn." in chu
    assert "Tổng đàn gia cầm: 18.000 con." in chu
    assert "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025" in chu.upper()
    assert kiem_tra(tep).dem(MucDoDat.KHONG_DAT) == 0
    with Kho.mo(tmp_path / "kho") as k:
        xa = k.xa_mac_dinh()
        cac = {d.ma: d for d in k.muc_tieu_nam(xa.id, 2025)}
        assert cac["san_luong_luong_thuc"].muc_tieu.gia_tri == "1.350"
        assert cac["san_luong_luong_thuc"].nguon == "ke_hoach"
        assert not cac["san_luong_luong_thuc"].muc_tieu.xem_lai
        assert cac["lo_dot_rac"].muc_tieu.xem_lai  # chưa sửa: vẫn chờ xem lại
