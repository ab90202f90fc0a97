"""Trang chủ: tên xã, các báo cáo theo kỳ với trạng thái và lần sửa cuối; mở, tạo kỳ mới, xuất,
thiết lập."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Label, Static

from drafter.kho.kho import TEN_TRANG_THAI
from drafter.ky_bao_cao import Ky, LoiKy
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh
from drafter.tui.o_nhap import ONhap


class TrangChu(ManHinh):
    BINDINGS = [
        Binding("enter", "mo", "Mở", show=True),
        Binding("f4", "tao_ky_moi", "Tạo kỳ mới", id="tao-ky-moi"),
        Binding("f9", "xuat", "Xuất .docx", id="xuat"),
        Binding("f6", "nhap_word", "Nhập Word", id="nhap-word"),
        Binding("f10", "thiet_lap", "Thiết lập", id="thiet-lap"),
    ]

    def compose(self) -> ComposeResult:
        xa = self.app.xa
        with Vertical(id="trang-chu"):
            yield Static(f"UBND xã {xa.ten}" + (f" – huyện {xa.huyen}" if xa.huyen else ""),
                         id="ten-xa", markup=False)
            yield Label("Các báo cáo (Enter: mở · F4: tạo kỳ mới · F6: nhập Word · F9: xuất · "
                        "F10: thiết lập)",
                        id="goi-y")
            yield DataTable(id="ds-bao-cao", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="nut-trang-chu"):
                yield Button("Mở", id="nut-mo", variant="primary")
                yield Button("Tạo kỳ mới", id="nut-tao")
                yield Button("Xuất .docx", id="nut-xuat")
                yield Button("Thiết lập", id="nut-thiet-lap")
        yield ChanTrang()

    def on_mount(self) -> None:
        bang = self.query_one(DataTable)
        bang.add_columns("Kỳ báo cáo", "Trạng thái", "Phiên bản", "Sửa lần cuối")
        self.nap_lai()
        bang.focus()

    def on_screen_resume(self) -> None:
        self.nap_lai()

    def nap_lai(self) -> None:
        bang = self.query_one(DataTable)
        bang.clear()
        for b in self.app.kho.cac_bao_cao(self.app.xa.id):
            ten = b.ky_bao_cao.ten_gon + (" (văn bản Word)" if b.loai == "tu_do" else "")
            bang.add_row(ten, TEN_TRANG_THAI[b.trang_thai],
                         str(b.so_phien_ban), b.sua_luc.replace("T", " ")[:16], key=b.ky)

    def ky_dang_chon(self) -> Ky | None:
        bang = self.query_one(DataTable)
        if bang.row_count == 0:
            return None
        khoa = bang.coordinate_to_cell_key(bang.cursor_coordinate).row_key.value
        return Ky.doc(khoa) if khoa else None

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Mở báo cáo đang chọn", "Soạn báo cáo", self.action_mo),
                Lenh("Tạo báo cáo kỳ mới", "Chép từ kỳ trước", self.action_tao_ky_moi),
                Lenh("Xuất báo cáo ra .docx", "Xuất văn bản", self.action_xuat),
                Lenh("Nhập báo cáo, kế hoạch từ tệp Word", "F6: tệp .docx thành văn bản tự do",
                     self.action_nhap_word),
                Lenh("Thiết lập hồ sơ xã", "Hồ sơ, nơi nhận, người ký, kế hoạch năm",
                     self.action_thiet_lap)]

    # ------------------------------------------------------------ hành động

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_mo()

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        {"nut-mo": self.action_mo, "nut-tao": self.action_tao_ky_moi,
         "nut-xuat": self.action_xuat, "nut-thiet-lap": self.action_thiet_lap}[
            su_kien.button.id or ""]()

    def action_mo(self) -> None:
        ky = self.ky_dang_chon()
        if ky is not None:
            self.app.mo_bao_cao(ky)

    def action_xuat(self) -> None:
        ky = self.ky_dang_chon()
        if ky is not None:
            self.app.mo_bao_cao(ky, xuat_ngay=True)

    def action_nhap_word(self) -> None:
        from drafter.tui.van_ban_tu_do import NhapWord

        self.app.push_screen(NhapWord(), lambda ky: self.app.mo_bao_cao(ky) if ky else None)

    def action_thiet_lap(self) -> None:
        from drafter.tui.thiet_lap import ThietLap

        self.app.push_screen(ThietLap())

    def action_tao_ky_moi(self) -> None:
        from drafter.chuyen_ky import ky_goi_y

        goi_y = ky_goi_y(self.app.kho, self.app.xa)
        self.app.push_screen(HoiKyMoi(goi_y), self._tao)

    def _tao(self, chon: tuple[Ky, str | None] | None) -> None:
        if chon is not None:
            self.app.tao_ky_moi(chon[0], ma_bieu_mau=chon[1])


# Báo cáo 6 tháng, năm có thể theo biểu mẫu trình HĐND (ô chọn trong hộp tạo kỳ mới).
BIEU_MAU_HDND = "kt-xh-6-thang-xa"


class HoiKyMoi(ModalScreen[tuple[Ky, str | None] | None]):
    """Hỏi kỳ báo cáo mới (mặc định: kỳ sau báo cáo mới nhất) và, với 6 tháng / năm, có theo
    biểu mẫu trình HĐND xã không."""

    BINDINGS = [Binding("escape", "huy", "Hủy")]

    def __init__(self, goi_y: Ky | None) -> None:
        super().__init__()
        self.goi_y = goi_y

    def compose(self) -> ComposeResult:
        with Vertical(classes="hop-thoai"):
            yield Label("Tạo báo cáo kỳ mới", classes="tieu-de-hop")
            yield Label("Kỳ báo cáo (2024-Q2 là quý II/2024; 2024-H1 là 6 tháng; 2024 là cả năm):")
            yield Label("Kế hoạch năm: 2025-KH (tạo từ kế hoạch năm 2024).")
            yield ONhap(self.goi_y.ma if self.goi_y else "", id="o-ky")
            yield Checkbox("Trình HĐND xã (6 tháng, năm: biểu mẫu HĐND)", id="o-hdnd")
            yield Label("", id="loi-ky", classes="loi")
            with Horizontal(classes="nut-hop"):
                yield Button("Tạo", id="nut-dong-y", variant="primary")
                yield Button("Hủy", id="nut-huy")

    def on_input_submitted(self) -> None:
        self._dong_y()

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        if su_kien.button.id == "nut-dong-y":
            self._dong_y()
        else:
            self.dismiss(None)

    def _dong_y(self) -> None:
        try:
            ky = Ky.doc(self.query_one("#o-ky", ONhap).value)
        except LoiKy as loi:
            self.query_one("#loi-ky", Label).update(str(loi).capitalize())
            return
        hdnd = self.query_one("#o-hdnd", Checkbox).value and ky.loai in ("6thang", "nam")
        self.dismiss((ky, BIEU_MAU_HDND if hdnd else None))

    def action_huy(self) -> None:
        self.dismiss(None)


class DanhSachThayDoi(ModalScreen[None]):
    """Những gì đã chép, đã xóa, đã điền khi tạo kỳ mới. Danh sách cuộn bằng phím (mũi tên,
    PageUp/PageDown); nút «Bắt đầu soạn» luôn hiện bên dưới; Enter hay Esc đều vào soạn."""

    BINDINGS = [Binding("escape", "dong", "Bắt đầu soạn"),
                Binding("enter", "dong", "Bắt đầu soạn", priority=True)]

    def __init__(self, tieu_de: str, dong: list[str]) -> None:
        super().__init__()
        self.tieu_de, self.dong = tieu_de, dong

    def compose(self) -> ComposeResult:
        with Vertical(classes="hop-thoai rong", id="hop-thay-doi"):
            yield Label(self.tieu_de, classes="tieu-de-hop")
            with VerticalScroll(id="ds-thay-doi"):
                for d in self.dong:
                    yield Static(f"• {d}", markup=False)
            yield Label("↑↓ PageUp PageDown: cuộn · Enter: bắt đầu soạn", classes="tro-giup")
            yield Button("Bắt đầu soạn", id="nut-dong-y", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ds-thay-doi").focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_dong(self) -> None:
        self.dismiss(None)
