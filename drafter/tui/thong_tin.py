"""Thông tin văn bản: số, ngày (F4: hôm nay), địa danh, trích yếu, dòng dưới trích yếu, Kính gửi,
căn cứ, Nơi nhận (thêm, bớt, đổi chỗ, gợi ý từ danh sách thường dùng của xã và các báo cáo trước;
dòng Lưu luôn ở cuối) và người ký. Enter / Tab / ↓ sang ô sau; F8 đến lỗi tiếp theo (ở đây nếu
lỗi thuộc thông tin văn bản, không thì về màn hình soạn)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    ListItem,
    ListView,
    Select,
    Static,
    TextArea,
)

from drafter import vn
from drafter.phien_soan import PhienSoan
from drafter.sap_nhap import chu_thich_cung_ky, goi_y_noi_nhan
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh, loi_tiep_tu
from drafter.tui.o_nhap import ONhap, VungVanBan, o_co_nhan

if TYPE_CHECKING:
    from drafter.phien_tu_do import PhienTuDo

_NGAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
QUYEN_HAN = [("TM. (thay mặt tập thể)", "TM."), ("KT. (ký thay)", "KT."), ("Q. (quyền)", "Q."),
             ("TL. (thừa lệnh)", "TL."), ("TUQ. (thừa ủy quyền)", "TUQ."),
             ("(không có)", "")]


class ThongTinVanBan(ManHinh):
    BINDINGS = [
        Binding("f4", "hom_nay", "Ngày hôm nay", id="hom-nay"),
        Binding("f2", "luu", "Lưu", id="luu"),
        Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep"),
        Binding("escape", "quay_lai", "Quay lại soạn", id="quay-lai"),
    ]

    # Ô để đặt con trỏ khi F8 đưa tới một lỗi của thông tin văn bản (theo ThongBao.truong).
    _O_CUA_TRUONG = {"noi_nhan": "o-them-noi-nhan", "chu_ky": "co_quan_hoac_chuc_vu",
                     "co_quan_ban_hanh": "so"}

    def __init__(self, phien: PhienSoan | PhienTuDo, tieu_diem: str = "so") -> None:
        super().__init__()
        self.phien = phien
        self.tieu_diem = self._O_CUA_TRUONG.get(tieu_diem, tieu_diem)
        self._hen_dem: Timer | None = None
        self._da_ghi: dict[str, str] = {}  # chữ mỗi ô đã ghi vào báo cáo (để ghi nốt khi rời)

    def compose(self) -> ComposeResult:
        bc, dau = self.phien.bao_cao, self.phien.bao_cao.dau
        ngay = f"{dau.ngay.day:02d}/{dau.ngay.month:02d}/{dau.ngay.year}" if dau.ngay else ""
        yield Static(self._chu_trang_thai(), id="trang-thai", markup=False)
        with VerticalScroll(id="thong-tin"):
            with Horizontal(classes="hang-o"):
                yield o_co_nhan("so", "Số (trống: văn thư cấp)", dau.so or "",
                              restrict=r"[0-9]*")
                yield o_co_nhan("ngay", "Ngày (F4: hôm nay)", ngay)
                yield o_co_nhan("dia_danh", "Địa danh", dau.dia_danh)
            yield Static("", id="loi-ngay", classes="loi", markup=False)
            yield Label("Trích yếu (trống: tự viết theo kỳ báo cáo):", classes="nhan")
            yield VungVanBan(dau.trich_yeu or "", id="trich_yeu", classes="vung-ngan")
            yield o_co_nhan("dong_duoi_trich_yeu", "Dòng dưới trích yếu (ví dụ: (Trình kỳ họp…))",
                          dau.dong_duoi_trich_yeu or "")
            yield Label("Kính gửi (mỗi dòng một nơi; trống nếu không có):", classes="nhan")
            yield VungVanBan("\n".join(dau.kinh_gui), id="kinh_gui", classes="vung-ngan")
            yield Label("Căn cứ (mỗi dòng một căn cứ):", classes="nhan")
            yield VungVanBan("\n".join(dau.can_cu), id="can_cu", classes="vung-ngan")

            yield Static("Nơi nhận", classes="tieu-de-muc")
            yield ListView(*[ListItem(Label(f"- {n};", markup=False)) for n in bc.noi_nhan],
                           id="ds-noi-nhan")
            with Horizontal(classes="hang-nut"):
                yield Button("Lên", id="nut-len")
                yield Button("Xuống", id="nut-xuong")
                yield Button("Bỏ", id="nut-bo", variant="error")
            with Horizontal(classes="hang-o"):
                yield ONhap("", id="o-them-noi-nhan", placeholder="Nơi nhận mới, Enter để thêm")
                goi_y = self.goi_y_noi_nhan()
                yield Select([(n, n) for n in goi_y], prompt=_nhac_goi_y(len(goi_y)),
                             disabled=not goi_y, id="goi-y-noi-nhan")
            yield o_co_nhan("luu", "Dòng cuối: «- Lưu: …» (luôn ở cuối)", bc.luu)
            if bc.cung_ky_xa_cu is not None:
                yield Checkbox(f"In chú thích «{chu_thich_cung_ky(bc.cung_ky_xa_cu)}»",
                               bc.cung_ky_xa_cu.chu_thich, id="chu-thich-xa-cu")

            yield Static("Người ký", classes="tieu-de-muc")
            with Horizontal(classes="hang-o"):
                yield Select(QUYEN_HAN, value=bc.chu_ky.quyen_han, allow_blank=False,
                             prompt="Chọn…", id="quyen_han")
                yield o_co_nhan("co_quan_hoac_chuc_vu", "Thay mặt / chức vụ",
                              bc.chu_ky.co_quan_hoac_chuc_vu)
            with Horizontal(classes="hang-o"):
                yield o_co_nhan("chuc_vu", "Chức vụ người ký", "; ".join(bc.chu_ky.chuc_vu))
                yield o_co_nhan("ho_ten", "Họ và tên người ký", bc.chu_ky.ho_ten)
        yield Static("", id="goi-y-phim", markup=False)
        yield ChanTrang()

    def on_mount(self) -> None:
        for o in self.query("Input, TextArea"):
            if o.id and isinstance(o, Input):
                self._da_ghi[o.id] = o.value
            elif o.id and isinstance(o, TextArea):
                self._da_ghi[o.id] = o.text
        # Mở ra là gõ được ngay (không mất chữ đầu tiên): con trỏ ở ô được yêu cầu, mặc định Số.
        self._dat_con_tro(self.tieu_diem)

    def _dat_con_tro(self, ma: str) -> None:
        o = self.query(f"#{self._O_CUA_TRUONG.get(ma, ma)}") or self.query("#so")
        o.first().focus()
        o.first().scroll_visible(animate=False)

    # ------------------------------------------------------------ gợi ý nơi nhận

    def goi_y_noi_nhan(self) -> list[str]:
        """Nơi nhận thường dùng của xã, rồi nơi nhận của các báo cáo trước (mới trước), trừ những
        nơi đã có trong báo cáo này và dòng «Lưu». Kỳ sau khi bỏ cấp huyện (01/7/2025) thì bỏ các
        nơi cấp huyện, thêm các nơi cấp tỉnh (sap_nhap.goi_y_noi_nhan)."""
        app = self.app
        ra: list[str] = list(app.xa.noi_nhan)
        try:
            for b in app.kho.cac_bao_cao(app.xa.id)[:6]:
                if b.ky != self.phien.ky.ma:
                    ra += app.kho.doc(app.xa.id, b.ky).noi_nhan
        except Exception as loi:  # gợi ý chỉ là phụ: kho lỗi thì vẫn còn danh sách của xã
            from drafter.nhat_ky import ghi_loi

            ghi_loi(loi, "Gợi ý Nơi nhận từ các báo cáo trước", app.kho.tep.parent)
        ra = goi_y_noi_nhan(list(dict.fromkeys(ra)), self.phien.ky)
        da_co = set(self.phien.bao_cao.noi_nhan)
        return [n for n in dict.fromkeys(ra) if n not in da_co and not n.lower().startswith("lưu")]

    def _nap_goi_y_noi_nhan(self) -> None:
        chon = self.query_one("#goi-y-noi-nhan", Select)
        goi_y = self.goi_y_noi_nhan()
        chon.set_options([(n, n) for n in goi_y])
        chon.prompt = _nhac_goi_y(len(goi_y))
        chon.disabled = not goi_y

    # ------------------------------------------------------------ phím

    def enter_tren_o(self, o: Input) -> bool:
        """Enter trong một ô chữ: sang ô sau (ô «Nơi nhận mới»: thêm nơi nhận)."""
        if o.id == "o-them-noi-nhan":
            return False
        self.focus_next()
        return True

    def on_descendant_focus(self, su_kien: events.DescendantFocus) -> None:
        o = su_kien.widget
        if isinstance(o, TextArea):
            chu = "Mỗi dòng một nơi / một căn cứ; Enter xuống dòng · Tab ô sau · Esc quay lại soạn"
        elif o.id == "o-them-noi-nhan":
            chu = "Gõ nơi nhận rồi Enter để thêm · Tab ô sau · Esc quay lại soạn"
        elif isinstance(o, ListView):
            chu = "↑↓ chọn nơi nhận; Tab tới nút Lên, Xuống, Bỏ · Esc quay lại soạn"
        elif isinstance(o, Select):
            chu = "Enter mở danh sách, ↑↓ chọn, Enter thêm · Tab ô sau · Esc quay lại soạn"
        else:
            chu = "Enter, Tab, ↓ ô sau · ↑ ô trước · F8 lỗi tiếp · Esc quay lại soạn"
        self.query_one("#goi-y-phim", Static).update(chu)

    # ------------------------------------------------------------ số lỗi

    def _chu_trang_thai(self) -> str:
        loi, canh_bao = self.phien.dem()
        them = len(self.phien.loi_them_cho_chinh_thuc())
        return (f"Thông tin văn bản — báo cáo {self.phien.ky.ten_gon} · {loi} lỗi, {canh_bao} "
                f"cảnh báo" + (f" · bản chính thức cần thêm {them}" if them else ""))

    def _hen_dem_lai(self) -> None:
        # Đếm lại cả báo cáo khi ngừng gõ, không phải mỗi phím.
        if self._hen_dem is not None:
            self._hen_dem.stop()
        self._hen_dem = self.set_timer(0.5, self._dem_lai)

    def _dem_lai(self) -> None:
        self.query_one("#trang-thai", Static).update(self._chu_trang_thai())

    # ------------------------------------------------------------ sửa

    def on_input_changed(self, su_kien: Input.Changed) -> None:
        self._ghi_o(su_kien.input.id or "", su_kien.value)

    def _ghi_o(self, ma: str, v: str) -> None:
        if self._da_ghi.get(ma) == v:
            return
        self._da_ghi[ma] = v
        p = self.phien
        self._hen_dem_lai()
        if ma == "so":
            p.dat_phan_dau("so", v or None)
        elif ma == "ngay":
            self._dat_ngay(v)
        elif ma in ("dia_danh",):
            p.dat_phan_dau(ma, v)
        elif ma == "dong_duoi_trich_yeu":
            p.dat_phan_dau(ma, v or None)
        elif ma == "luu":
            p.dat("luu", v)
        elif ma in ("co_quan_hoac_chuc_vu", "ho_ten"):
            p.dat_chu_ky(ma, v)
        elif ma == "chuc_vu":
            p.dat_chu_ky("chuc_vu", [c.strip() for c in v.split(";") if c.strip()])

    def _dat_ngay(self, chu: str) -> None:
        loi = self.query_one("#loi-ngay", Static)
        loi.set_classes("loi")
        if not chu.strip():
            self.phien.dat_phan_dau("ngay", None)
            loi.update("")
            return
        m = _NGAY.match(chu)
        try:
            if not m:
                raise ValueError
            ngay = date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            # Ngày cũ không còn đúng ý người gõ: bỏ đi (bản chính thức sẽ đòi ngày, F8 đưa về
            # đây), không để văn bản in ngày cũ mà người gõ tưởng đã sửa.
            self.phien.dat_phan_dau("ngay", None)
            loi.update(f"«{chu}» chưa phải ngày: gõ ngày/tháng/năm, ví dụ 15/4/2024 (chữ đã gõ "
                       "vẫn được giữ ở ô này).")
            return
        self.phien.dat_phan_dau("ngay", ngay)
        loi.set_classes("cau")
        loi.update(f"Sẽ in: {vn.ngay_thang_nam(ngay)}")

    def on_text_area_changed(self, su_kien: TextArea.Changed) -> None:
        self._ghi_vung(su_kien.text_area.id or "", su_kien.text_area.text)

    def _ghi_vung(self, ma: str, chu: str) -> None:
        if self._da_ghi.get(ma) == chu:
            return
        self._da_ghi[ma] = chu
        self._hen_dem_lai()
        if ma == "trich_yeu":
            self.phien.dat_phan_dau("trich_yeu", " ".join(chu.split()) or None)
        elif ma in ("kinh_gui", "can_cu"):
            self.phien.dat_phan_dau(ma, [d.strip() for d in chu.splitlines() if d.strip()])

    def on_checkbox_changed(self, su_kien: Checkbox.Changed) -> None:
        # Ô này chỉ có ở báo cáo theo biểu mẫu (văn bản tự do không có cung_ky_xa_cu).
        if su_kien.checkbox.id == "chu-thich-xa-cu" and isinstance(self.phien, PhienSoan):
            self.phien.dat_chu_thich_xa_cu(su_kien.value)

    def on_select_changed(self, su_kien: Select.Changed) -> None:
        if su_kien.select.id == "quyen_han" and su_kien.value is not Select.NULL:
            self.phien.dat_chu_ky("quyen_han", su_kien.value)
        elif su_kien.select.id == "goi-y-noi-nhan" and su_kien.value is not Select.NULL:
            self._them(str(su_kien.value))

    def on_input_submitted(self, su_kien: Input.Submitted) -> None:
        if su_kien.input.id == "o-them-noi-nhan" and su_kien.value.strip():
            self._them(su_kien.value)
            su_kien.input.value = ""

    def _them(self, noi: str) -> None:
        noi = noi.strip().removeprefix("- ").rstrip(";.")
        if noi.lower().startswith("lưu"):
            self.notify("Dòng «Lưu» đã có ô riêng, luôn ở cuối.", markup=False)
            return
        if noi and noi not in self.phien.bao_cao.noi_nhan:
            self.phien.dat("noi_nhan", [*self.phien.bao_cao.noi_nhan, noi])
            self._ve_noi_nhan(len(self.phien.bao_cao.noi_nhan) - 1)
            self._nap_goi_y_noi_nhan()
            self._hen_dem_lai()

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        ds = self.query_one("#ds-noi-nhan", ListView)
        i = ds.index
        nn = list(self.phien.bao_cao.noi_nhan)
        if i is None or not nn:
            return
        if su_kien.button.id == "nut-bo":
            nn.pop(i)
            i = min(i, len(nn) - 1)
        elif su_kien.button.id == "nut-len" and i > 0:
            nn[i - 1], nn[i] = nn[i], nn[i - 1]
            i -= 1
        elif su_kien.button.id == "nut-xuong" and i < len(nn) - 1:
            nn[i + 1], nn[i] = nn[i], nn[i + 1]
            i += 1
        self.phien.dat("noi_nhan", nn)
        self._ve_noi_nhan(i)
        self._nap_goi_y_noi_nhan()
        self._hen_dem_lai()

    def _ve_noi_nhan(self, chon: int | None) -> None:
        ds = self.query_one("#ds-noi-nhan", ListView)
        ds.clear()
        ds.extend([ListItem(Label(f"- {n};", markup=False)) for n in self.phien.bao_cao.noi_nhan])
        if chon is not None and chon >= 0:
            ds.index = chon

    # ------------------------------------------------------------ lệnh

    def action_hom_nay(self) -> None:
        """F4: ngày hôm nay. Kỳ báo cáo đã qua lâu (hay chưa hết) thì hỏi trước khi đặt."""
        from drafter.bieu_mau.kiem_tra_so_lieu import NGAY_TRE_TOI_DA
        from drafter.tui.xuat import XacNhan

        hom_nay = date.today()
        ky = self.phien.ky
        tre = (hom_nay - ky.ngay_cuoi).days
        if tre > NGAY_TRE_TOI_DA or tre <= 0:
            ly_do = (f"cách cuối {ky.ten_gon} ({ky.ngay_cuoi:%d/%m/%Y}) {tre} ngày" if tre > 0
                     else f"{ky.ten_gon} chưa kết thúc (hết ngày {ky.ngay_cuoi:%d/%m/%Y})")
            self.app.push_screen(
                XacNhan(f"Hôm nay {hom_nay:%d/%m/%Y} {ly_do}. Vẫn đặt ngày ban hành là hôm nay?",
                        co="Đặt hôm nay", khong="Không"),
                lambda dong_y: self._dat_hom_nay(hom_nay) if dong_y else None)
            return
        self._dat_hom_nay(hom_nay)

    def _dat_hom_nay(self, hom_nay: date) -> None:
        self.query_one("#ngay", Input).value = (
            f"{hom_nay.day:02d}/{hom_nay.month:02d}/{hom_nay.year}")

    def ghi_o_dang_go(self) -> None:
        """Chữ trong ô đang gõ vào báo cáo ngay (trước khi lưu, thoát, rời màn hình)."""
        o = self.focused
        if isinstance(o, Input) and o.id != "o-them-noi-nhan":
            self._ghi_o(o.id or "", o.value)
        elif isinstance(o, TextArea):
            self._ghi_vung(o.id or "", o.text)

    def action_luu(self) -> None:
        self.ghi_o_dang_go()
        so = self.phien.luu()
        self.notify(f"Đã lưu (phiên bản {so})", markup=False)

    def action_quay_lai(self) -> None:
        self.app.pop_screen()  # lưu ở on_screen_suspend

    async def action_loi_tiep(self) -> None:
        """F8: lỗi tiếp theo; lỗi của thông tin văn bản thì đặt con trỏ ngay ở đây."""
        self.ghi_o_dang_go()
        self.phien.kiem_tra_lai()
        await loi_tiep_tu(self, tai_day=self._dat_con_tro)

    def on_screen_suspend(self) -> None:
        self.ghi_o_dang_go()
        if self.phien.da_thay_doi:
            self.phien.luu()

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Ngày ban hành là hôm nay", "F4", self.action_hom_nay),
                Lenh("Lưu thông tin văn bản", "F2", self.action_luu),
                Lenh("Đến lỗi tiếp theo", "F8", self.action_loi_tiep),
                Lenh("Quay lại soạn báo cáo", "Esc", self.action_quay_lai)]


def _nhac_goi_y(so: int) -> str:
    return f"Thường dùng: {so} nơi…" if so else "Thường dùng: đã có hết"
