"""Xuất văn bản: bản nháp trình ký hay bản chính thức, thư mục và tên tệp mặc định (sửa được),
hỏi trước khi ghi đè, ghi tệp trong luồng riêng có thanh tiến trình, kiểm tra thể thức NĐ 30
của tệp vừa ghi, PDF nếu có LibreOffice; kết luận nội dung và thể thức đặt cạnh nhau, mỗi phát
hiện đưa về đúng chỗ sửa. Báo cáo thành "đã xuất" và được ghi nhật ký (ở luồng giao diện). Lỗi
hiện ra, không bao giờ văng chương trình."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Label,
    OptionList,
    ProgressBar,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option

from drafter.ket_luan import KetLuan
from drafter.kho import LoiKho
from drafter.ky_bao_cao import ten_tep_bao_cao
from drafter.phien_soan import PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh, loi_tiep_tu
from drafter.tui.o_nhap import ONhap

if TYPE_CHECKING:
    from drafter.kiem_tra.ket_qua import BaoCaoKiemTra
    from drafter.phien_tu_do import PhienTuDo
    from drafter.van_ban import VanBan


_FILENAME_FORBIDDEN_CHARS = re.compile(r'[\\/:*?"<>|]')


def ten_tep_mac_dinh(phien: PhienSoan | PhienTuDo) -> str:
    return ten_tep_bao_cao(phien.ky, phien.bao_cao.xa)


def thu_muc_mac_dinh() -> Path:
    """Documents\\drafter (Windows, Linux có thư mục Documents), không thì ~/drafter-bao-cao."""
    tai_lieu = Path.home() / "Documents"
    return tai_lieu / "drafter" if tai_lieu.is_dir() else Path.home() / "drafter-bao-cao"


class HopChon(Checkbox):
    """Ô đánh dấu đọc được cả trên màn hình đơn sắc: «[X]» khi chọn, «[ ]» khi không."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    # Textual khai báo BUTTON_INNER là thuộc tính lớp (str ghi được); thay bằng property chỉ
    # đọc theo value là cách Textual đọc nó (self.BUTTON_INNER), mypy coi là ghi đè sai.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class NutChon(RadioButton):
    """Nút chọn một trong nhiều: «(●)» khi chọn, «( )» khi không (không chỉ khác màu)."""

    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # như HopChon
        return "●" if self.value else " "


@dataclass
class _KetQuaXuat:
    """Kết quả của luồng xuất (chỉ ghi tệp và kiểm tra), chuyển về luồng giao diện."""

    dich: Path
    da_ghi: bool = False
    the_thuc: BaoCaoKiemTra | None = None  # None: chưa kiểm tra (văn bản vượt giới hạn check)
    pdf: Path | None = None
    ghi_chu: str = ""
    loi: str = ""


class XuatVanBan(ManHinh):
    """Xuất: chọn bản nháp (trình ký) hay bản chính thức, xem kết luận nội dung và thể thức
    cạnh nhau theo nhóm; Enter trên một phát hiện để về đúng chỗ sửa."""

    BINDINGS = [Binding("escape", "quay_lai", "Quay lại soạn", id="quay-lai"),
                Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep"),
                Binding("f9", "xuat", "Xuất", id="xuat")]

    def __init__(self, phien: PhienSoan | PhienTuDo) -> None:
        super().__init__()
        self.phien = phien
        self.ket_luan: KetLuan | None = None

    def compose(self) -> ComposeResult:
        from drafter.xuat_pdf import tim_libreoffice

        co_lo = tim_libreoffice() is not None
        thu_muc = self.app.thu_muc_xuat or thu_muc_mac_dinh()
        with VerticalScroll(id="xuat"):
            yield Static(f"Xuất báo cáo {self.phien.ky.ten_gon} ra tệp Word (.docx)",
                         classes="tieu-de-muc", markup=False)
            with RadioSet(id="loai-ban"):
                yield NutChon("Bản nháp trình ký — để trống số, ngày; số thiếu in «[chưa có]»",
                              value=True, id="ban-nhap")
                yield NutChon("Bản chính thức (phát hành) — phải hết lỗi, có số và ngày",
                              id="ban-chinh-thuc")
            o = ONhap(str(thu_muc), id="thu-muc")
            o.border_title = "Thư mục"
            yield o
            o = ONhap(ten_tep_mac_dinh(self.phien), id="ten-tep")
            o.border_title = "Tên tệp"
            yield o
            yield HopChon("Xuất thêm PDF (LibreOffice)" if co_lo else
                          "Xuất thêm PDF (máy chưa cài LibreOffice)", value=co_lo,
                          disabled=not co_lo, id="pdf")
            yield Button("Xuất (F9)", id="nut-xuat", variant="primary")
            yield ProgressBar(total=3, show_eta=False, id="tien-trinh")
            yield Static("", id="ket-qua", markup=False)
            yield Static("", id="tom-tat", markup=False)
            yield OptionList(id="phat-hien")
        yield ChanTrang()

    def enter_tren_o(self, _: ONhap) -> bool:
        self.focus_next()  # Enter trong ô thư mục / tên tệp: sang ô sau, không xuất vội
        return True

    def on_mount(self) -> None:
        self._danh_gia()
        self.query_one("#loai-ban", RadioSet).focus()

    @property
    def chinh_thuc(self) -> bool:
        return self.query_one("#ban-chinh-thuc", RadioButton).value

    def on_radio_set_changed(self) -> None:
        self._danh_gia()

    def _danh_gia(self, the_thuc: BaoCaoKiemTra | None = None) -> None:
        """Kết luận nội dung (và thể thức, khi đã ghi tệp) cho loại bản đang chọn."""
        thong_bao = self.phien.thong_bao_chinh_thuc() if self.chinh_thuc \
            else self.phien.thong_bao()
        dau = self.phien.bao_cao.dau
        self.ket_luan = KetLuan("chinh_thuc" if self.chinh_thuc else "nhap", thong_bao,
                                the_thuc, so_ngay_trong=dau.so is None or dau.ngay is None,
                                so_lieu_theo_bieu_mau=isinstance(self.phien, PhienSoan))
        self.query_one("#tom-tat", Static).update(self.ket_luan.tom_tat())
        self.query_one("#tom-tat", Static).set_class(not self.ket_luan.san_sang, "loi")
        ds = self.query_one("#phat-hien", OptionList)
        ds.clear_options()
        for n in self.ket_luan.cac_nhom():
            dem = ", ".join(x for x in (f"{n.loi} lỗi" if n.loi else "",
                                        f"{n.canh_bao} cảnh báo" if n.canh_bao else "") if x)
            ds.add_option(Option(f"▸ {n.ten} ({dem})", disabled=True))
            if n.thong_bao:
                for i, t in enumerate(n.thong_bao):
                    ds.add_option(Option(("✗ " if t.muc_do == "loi" else "! ") + t.dong(),
                                         id=f"{n.ma}:{i}"))
            else:
                for d in n.dong:
                    ds.add_option(Option("  " + d, disabled=True))

    def on_option_list_option_selected(self, su_kien: OptionList.OptionSelected) -> None:
        """Enter trên một phát hiện: về màn hình soạn, đúng chỗ phải sửa."""
        if self.ket_luan is None or not su_kien.option.id:
            return
        ma_nhom, i = su_kien.option.id.split(":")
        nhom = next(n for n in self.ket_luan.cac_nhom() if n.ma == ma_nhom)
        t = nhom.thong_bao[int(i)]
        self.app.pop_screen()
        soan = self.app.screen
        den = getattr(soan, "den_thong_bao", None)
        if den is not None:
            self.app.call_later(den, t)

    def on_button_pressed(self) -> None:
        self.action_xuat()

    def duong_dan(self) -> Path:
        ten = self.query_one("#ten-tep", ONhap).value.strip() or ten_tep_mac_dinh(self.phien)
        if not ten.lower().endswith(".docx"):
            ten += ".docx"
        return Path(self.query_one("#thu-muc", ONhap).value.strip() or ".").expanduser() / ten

    def action_xuat(self) -> None:
        self._danh_gia()
        assert self.ket_luan is not None
        if self.chinh_thuc and self.ket_luan.so_loi:
            self.query_one("#ket-qua", Static).update(
                f"Chưa xuất bản chính thức: còn {self.ket_luan.so_loi} lỗi (danh sách dưới). "
                "Enter trên một lỗi để đến chỗ sửa; F8 ở màn hình soạn đến lỗi tiếp theo. Không "
                "có tệp nào được ghi.")
            self.query_one("#phat-hien", OptionList).focus()
            return
        ten = self.query_one("#ten-tep", ONhap).value.strip()
        if _FILENAME_FORBIDDEN_CHARS.search(ten):
            self.query_one("#ket-qua", Static).update(
                "Tên tệp không được có các ký tự \\ / : * ? \" < > | (Windows không cho). "
                "Sửa ô «Tên tệp» rồi xuất lại.")
            return
        dich = self.duong_dan()
        if dich.exists():
            self.app.push_screen(XacNhan(f"Tệp {dich.name} đã có. Ghi đè?"),
                                 lambda dong_y: self._bat_dau(dich) if dong_y else None)
        else:
            self._bat_dau(dich)

    def _bat_dau(self, dich: Path) -> None:
        from drafter.ghi_tep import LoiGhiTep, kiem_tra_dich

        try:
            # Người dùng đã đồng ý ghi đè (nếu có), nhưng không bao giờ ghi lên tệp chỉ đọc hay
            # lên chính các tệp của kho dữ liệu.
            kiem_tra_dich(dich, self.phien.kho.cac_tep(), ghi_de=True)
        except LoiGhiTep as loi:
            self.query_one("#ket-qua", Static).update(f"{loi.thong_diep} {loi.loi_thoat}")
            return

        self.query_one("#tien-trinh", ProgressBar).update(progress=0)
        self.query_one("#ket-qua", Static).update("Đang xuất…")
        # Dựng văn bản ở luồng giao diện (dữ liệu đang sửa không bị đọc từ luồng khác); luồng
        # riêng chỉ ghi tệp, kiểm tra thể thức và xuất PDF.
        van_ban = self.phien.dung_van_ban()  # báo cáo theo biểu mẫu hay văn bản tự do
        self._xuat(van_ban, dich, self.query_one("#pdf", Checkbox).value, self.chinh_thuc,
                   self.query_one("#tien-trinh", ProgressBar))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _xuat(self, van_ban: VanBan, dich: Path, pdf: bool, chinh_thuc: bool,
              tien: ProgressBar) -> None:
        """Luồng riêng: chỉ ghi tệp, kiểm tra thể thức, PDF. Không đọc widget, không chạm kho;
        thanh tiến trình và kết quả đi qua call_from_thread."""
        from drafter.ghi_docx import ghi_tep
        from drafter.kiem_tra import LoiDocTep, kiem_tra

        kq = _KetQuaXuat(dich)
        try:
            ghi_tep(van_ban, dich)
            kq.da_ghi = True
            self.app.call_from_thread(tien.advance, 1)
            try:
                kq.the_thuc = kiem_tra(dich, chinh_thuc=chinh_thuc)
            except LoiDocTep as loi:  # quá giới hạn của check: tệp đã ghi vẫn dùng được
                kq.ghi_chu = f"Lưu ý: chưa kiểm tra thể thức. {loi}"
            self.app.call_from_thread(tien.advance, 1)
            if pdf:
                from drafter.xuat_pdf import xuat_pdf

                kq.pdf = xuat_pdf(dich, dich.with_suffix(".pdf"))
        except OSError as loi:  # tệp đang mở trong Word, ổ đầy…: câu tiếng Việt theo mã lỗi
            from drafter.loi_tieng_viet import cau_loi_os

            kq.loi = cau_loi_os(loi, "Không xuất được", dich)
        except Exception as loi:  # lỗi chưa lường trước: câu tiếng Việt, traceback vào nhật ký
            from drafter.nhat_ky import cau_bao_loi

            kq.loi = cau_bao_loi(loi, "Xuất văn bản", self.phien.kho.tep.parent)
        self.app.call_from_thread(self._xong, kq)

    def _xong(self, kq: _KetQuaXuat) -> None:
        """Về luồng giao diện: ghi nhật ký xuất vào kho, hiện kết luận chung."""
        dong: list[str] = []
        if kq.da_ghi:
            dong.append(f"Đã ghi {kq.dich} ({'bản chính thức' if self.chinh_thuc else 'bản nháp'})")
            if kq.ghi_chu:
                dong.append(kq.ghi_chu)
            if kq.pdf is not None:
                dong.append(f"Đã ghi {kq.pdf}")
            try:
                kho = self.phien.kho
                kho.luu(self.phien.xa_id, self.phien.bao_cao, "trước khi xuất")
                kho.ghi_xuat(self.phien.xa_id, self.phien.ky.ma, kq.dich)
            except LoiKho as loi:
                dong.append(f"Chưa ghi được nhật ký xuất vào kho: {loi}")
            except Exception as loi:
                from drafter.nhat_ky import cau_bao_loi

                dong.append(cau_bao_loi(loi, "Ghi nhật ký xuất vào kho", kho.tep.parent))
            self._danh_gia(kq.the_thuc)
        if kq.loi:
            dong.append(kq.loi)
        self.query_one("#tien-trinh", ProgressBar).update(progress=3)
        self.query_one("#ket-qua", Static).update("\n".join(dong))

    def action_quay_lai(self) -> None:
        self.app.pop_screen()

    async def action_loi_tiep(self) -> None:
        await loi_tiep_tu(self)

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Xuất văn bản", "F9", self.action_xuat),
                Lenh("Đến lỗi tiếp theo", "F8", self.action_loi_tiep),
                Lenh("Quay lại soạn báo cáo", "Esc", self.action_quay_lai)]


class XacNhan(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "khong", "Không")]

    def __init__(self, cau_hoi: str, co: str = "Ghi đè", khong: str = "Không") -> None:
        super().__init__()
        self.cau_hoi, self.nhan_co, self.nhan_khong = cau_hoi, co, khong

    def compose(self) -> ComposeResult:
        with Vertical(classes="hop-thoai"):
            yield Label(self.cau_hoi, markup=False)
            with Horizontal(classes="nut-hop"):
                yield Button(self.nhan_co, id="co", variant="warning")
                # Mặc định là câu trả lời an toàn: Enter không ghi đè, không đổi gì.
                yield Button(self.nhan_khong, id="khong", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#khong", Button).focus()

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        self.dismiss(su_kien.button.id == "co")

    def action_khong(self) -> None:
        self.dismiss(False)
