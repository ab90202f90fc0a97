"""Xuất văn bản: thư mục và tên tệp mặc định (sửa được), hỏi trước khi ghi đè, xuất trong luồng
riêng có thanh tiến trình, kiểm tra thể thức NĐ 30 của tệp vừa ghi, PDF nếu có LibreOffice;
báo cáo thành "đã xuất" và được ghi nhật ký. Lỗi hiện ra, không bao giờ văng chương trình."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Footer, Label, ProgressBar, Static

from drafter.ky_bao_cao import ten_tep_bao_cao
from drafter.phien_soan import PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.o_nhap import ONhap


def ten_tep_mac_dinh(phien: PhienSoan) -> str:
    return ten_tep_bao_cao(phien.ky, phien.bao_cao.xa)


def thu_muc_mac_dinh() -> Path:
    """Documents\\drafter (Windows, Linux có thư mục Documents), không thì ~/drafter-bao-cao."""
    tai_lieu = Path.home() / "Documents"
    return tai_lieu / "drafter" if tai_lieu.is_dir() else Path.home() / "drafter-bao-cao"


class XuatVanBan(Screen):
    BINDINGS = [Binding("escape", "quay_lai", "Quay lại", id="quay-lai"),
                Binding("f9", "xuat", "Xuất", id="xuat", priority=True)]

    def __init__(self, phien: PhienSoan) -> None:
        super().__init__()
        self.phien = phien

    def compose(self) -> ComposeResult:
        from drafter.xuat_pdf import tim_libreoffice

        co_lo = tim_libreoffice() is not None
        thu_muc = getattr(self.app, "thu_muc_xuat", None) or thu_muc_mac_dinh()
        with VerticalScroll(id="xuat"):
            yield Static(f"Xuất báo cáo {self.phien.ky.ten_gon} ra tệp Word (.docx)",
                         classes="tieu-de-muc", markup=False)
            o = ONhap(str(thu_muc), id="thu-muc")
            o.border_title = "Thư mục"
            yield o
            o = ONhap(ten_tep_mac_dinh(self.phien), id="ten-tep")
            o.border_title = "Tên tệp"
            yield o
            yield Checkbox("Xuất thêm PDF (LibreOffice)" if co_lo else
                           "Xuất thêm PDF (máy chưa cài LibreOffice)", value=False,
                           disabled=not co_lo, id="pdf")
            yield Button("Xuất (F9)", id="nut-xuat", variant="primary")
            yield ProgressBar(total=4, show_eta=False, id="tien-trinh")
            yield Static("", id="ket-qua", markup=False)
        yield Footer()

    def on_button_pressed(self) -> None:
        self.action_xuat()

    def duong_dan(self) -> Path:
        ten = self.query_one("#ten-tep", ONhap).value.strip() or ten_tep_mac_dinh(self.phien)
        if not ten.lower().endswith(".docx"):
            ten += ".docx"
        return Path(self.query_one("#thu-muc", ONhap).value.strip() or ".").expanduser() / ten

    def action_xuat(self) -> None:
        loi, _ = self.phien.dem()
        if loi:
            self.query_one("#ket-qua", Static).update(
                f"Chưa xuất được: báo cáo còn {loi} lỗi. Về màn hình soạn, nhấn F8 để đến lỗi "
                "tiếp theo.\n" + "\n".join(t.dong() for t in self.phien.thong_bao()
                                         if t.muc == "loi")[:2000])
            return
        dich = self.duong_dan()
        if dich.exists():
            self.app.push_screen(XacNhan(f"Tệp {dich.name} đã có. Ghi đè?"),
                                 lambda dong_y: self._bat_dau(dich) if dong_y else None)
        else:
            self._bat_dau(dich)

    def _bat_dau(self, dich: Path) -> None:
        self.query_one("#tien-trinh", ProgressBar).update(progress=0)
        self.query_one("#ket-qua", Static).update("Đang xuất…")
        self._xuat(dich, self.query_one("#pdf", Checkbox).value)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _xuat(self, dich: Path, pdf: bool) -> None:
        from drafter.bieu_mau.dung_van_ban import dung
        from drafter.ghi_docx import ghi_tep
        from drafter.kiem_tra import Muc, kiem_tra

        tien = self.query_one("#tien-trinh", ProgressBar)
        dong: list[str] = []
        try:
            van_ban = dung(self.phien.bieu_mau, self.phien.bao_cao)
            self.app.call_from_thread(tien.advance, 1)
            ghi_tep(van_ban, dich)
            self.app.call_from_thread(tien.advance, 1)
            bao_cao = kiem_tra(dich)
            dong.append(f"Đã ghi {dich}")
            dong += [k.dong() for k in bao_cao.ket_qua if k.muc in (Muc.KHONG_DAT,
                                                                     Muc.CANH_BAO)]
            dong.append(bao_cao.tong_ket())
            self.app.call_from_thread(tien.advance, 1)
            if pdf:
                from drafter.xuat_pdf import xuat_pdf

                dong.append(f"Đã ghi {xuat_pdf(dich, dich.with_suffix('.pdf'))}")
            kho = self.phien.kho
            kho.luu(self.phien.xa_id, self.phien.bao_cao, "trước khi xuất")
            kho.ghi_xuat(self.phien.xa_id, self.phien.ky.ma, dich)
            self.app.call_from_thread(tien.advance, 1)
        except Exception as loi:
            dong.append(f"Không xuất được: {loi}")
        self.app.call_from_thread(self.query_one("#ket-qua", Static).update, "\n".join(dong))

    def action_quay_lai(self) -> None:
        self.app.pop_screen()

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Xuất văn bản", "F9", self.action_xuat),
                Lenh("Quay lại soạn báo cáo", "Esc", self.action_quay_lai)]


class XacNhan(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "khong", "Không")]

    def __init__(self, cau_hoi: str) -> None:
        super().__init__()
        self.cau_hoi = cau_hoi

    def compose(self) -> ComposeResult:
        with Vertical(classes="hop-thoai"):
            yield Label(self.cau_hoi, markup=False)
            with Horizontal(classes="nut-hop"):
                yield Button("Ghi đè", id="co", variant="warning")
                yield Button("Không", id="khong", variant="primary")

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        self.dismiss(su_kien.button.id == "co")

    def action_khong(self) -> None:
        self.dismiss(False)
