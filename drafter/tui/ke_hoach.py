"""Các ô của năm kế hoạch trên màn hình soạn (thêm vào, không sửa các ô sẵn có):

- chỉ tiêu kế hoạch của văn bản KẾ HOẠCH: mỗi chỉ tiêu một thẻ — giá trị, cận trên (khoảng,
  giảm), kiểu (←/→), cơ sở (PageUp/PageDown), dấu «cần xem lại» khi chép từ kế hoạch năm trước
  (F6: giữ nguyên, đã xem; sửa số cũng là đã xem);
- nhiệm vụ giao của kế hoạch (nội dung, đơn vị chủ trì, thời hạn; thêm một nhiệm vụ bằng nút);
- đánh giá nhiệm vụ trong báo cáo 6 tháng, năm: phím 1–6 chọn kết quả đánh giá.

Mỗi thẻ tự ghi vào phiên soạn và báo DaDoi để màn hình soạn hẹn tự lưu, cập nhật dàn ý.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static, TextArea

from drafter.bieu_mau.du_lieu import TEN_DANH_GIA_NHIEM_VU, DanhGiaNhiemVu, NhiemVuKeHoach
from drafter.muc_tieu import CAC_CO_SO, TEN_KIEU, KieuMucTieu, MucTieu
from drafter.phien_soan import PhienSoan
from drafter.tui.o_nhap import OSo, VungVanBan, o_co_nhan

CAC_KIEU: tuple[KieuMucTieu, ...] = ("muc", "toi_thieu", "toi_da", "khoang", "giam", "moc")


class DaDoi(Message):
    """Một thẻ của năm kế hoạch vừa ghi vào phiên soạn."""


class ChonVong(Static, can_focus=True):
    """Chọn một trong vài giá trị bằng ←/→ (hay Space): kiểu, cơ sở của chỉ tiêu kế hoạch."""

    BINDINGS = [Binding("left", "doi(-1)", "Trước", show=False),
                Binding("right", "doi(1)", "Sau", show=False),
                Binding("space", "doi(1)", "Đổi", show=False)]

    class Doi(Message):
        def __init__(self, o: ChonVong) -> None:
            super().__init__()
            self.o = o

    def __init__(self, nhan: str, cac: list[tuple[str, str]], chon: str,
                 id: str | None = None) -> None:
        super().__init__("", markup=False, classes="chon-trang-thai", id=id)
        self.nhan, self.cac, self.chon = nhan, cac, chon
        self._ve()

    def _ve(self) -> None:
        ten = dict(self.cac)[self.chon]
        self.update(f"{self.nhan} (←/→): ‹ {ten} ›")

    def action_doi(self, buoc: int) -> None:
        ma = [m for m, _ in self.cac]
        self.chon = ma[(ma.index(self.chon) + buoc) % len(ma)]
        self._ve()
        self.post_message(self.Doi(self))


class TheMucTieu(Vertical, can_focus=False):
    """Một chỉ tiêu kế hoạch năm (chỉ tiêu đầu tiên theo cơ sở của mã này)."""

    BINDINGS = [Binding("f6", "da_xem", "Giữ chỉ tiêu", id="giu-chi-tieu")]

    def __init__(self, phien: PhienSoan, ma: str) -> None:
        super().__init__(classes="chi-tieu the-muc-tieu", id=f"mt-{ma}")
        self.phien, self.ma = phien, ma
        cac = phien.bao_cao.chi_tieu_ke_hoach.get(ma) or []
        self.mt = cac[0] if cac else MucTieu()

    def compose(self) -> ComposeResult:
        ct = self.phien.bieu_mau.chi_tieu_theo_ma()[self.ma]
        don_vi = ct.don_vi or (ct.don_vi_tien if ct.loai == "tien" else "")
        yield Static(f"{ct.ten}" + (f" ({don_vi})" if don_vi else ""), classes="ten-chi-tieu",
                     markup=False)
        with Horizontal(classes="hang-o"):
            o = OSo(_chu(self.mt.gia_tri), id=f"mt-{self.ma}-gia_tri", classes="o-so",
                    compact=False, phan_tram=ct.loai == "phan_tram")
            o.border_title = "Chỉ tiêu" if self.mt.kieu != "khoang" else "Từ"
            yield o
            o = OSo(_chu(self.mt.gia_tri_den), id=f"mt-{self.ma}-gia_tri_den", classes="o-so",
                    compact=False, phan_tram=ct.loai == "phan_tram")
            o.border_title = "Đến"
            o.display = self.mt.kieu in ("khoang", "giam")
            yield o
        viet = self.phien.bao_cao.cach_viet or self.phien.bieu_mau.cach_viet
        # Mỗi lựa chọn một dòng: đặt cạnh nhau thì dòng thứ hai bị cắt trên màn hình hẹp.
        yield ChonVong("Kiểu", [(k, TEN_KIEU[k]) for k in CAC_KIEU], self.mt.kieu,
                       id=f"mt-{self.ma}-kieu")
        yield ChonVong("Cơ sở", [(c, viet.ten_co_so(c)) for c in CAC_CO_SO], self.mt.co_so,
                       id=f"mt-{self.ma}-co_so")
        yield Static(self._chu_xem_lai(), id=f"mt-{self.ma}-xem-lai", classes="canh-bao",
                     markup=False)

    def on_mount(self) -> None:
        self.query_one(f"#mt-{self.ma}-xem-lai").display = self.mt.xem_lai

    def _chu_xem_lai(self) -> str:
        return "! Chép từ kế hoạch năm trước, cần xem lại: sửa, hoặc F6 để giữ nguyên."

    def _ghi(self) -> None:
        cac = list(self.phien.bao_cao.chi_tieu_ke_hoach.get(self.ma) or [])
        trong = self.mt.gia_tri in (None, "") and self.mt.kieu != "moc"
        moi = [] if trong else [self.mt]
        self.phien.dat_chi_tieu_ke_hoach(self.ma, moi + cac[1:])
        self.query_one(f"#mt-{self.ma}-xem-lai").display = self.mt.xem_lai
        self.query_one(f"#mt-{self.ma}-gia_tri_den").display = self.mt.kieu in ("khoang", "giam")
        self.post_message(DaDoi())

    def on_input_changed(self, su_kien: Input.Changed) -> None:
        su_kien.stop()
        truong = (su_kien.input.id or "").rsplit("-", 1)[-1]
        gia_tri = su_kien.value.strip() or None
        if getattr(self.mt, truong) == gia_tri:
            return  # sự kiện lúc dựng ô, chưa ai sửa
        # Sửa số là đã xem chỉ tiêu chép từ năm trước.
        self.mt = self.mt.model_copy(update={truong: gia_tri, "xem_lai": False})
        self._ghi()

    def on_chon_vong_doi(self, su_kien: ChonVong.Doi) -> None:
        su_kien.stop()
        truong = (su_kien.o.id or "").rsplit("-", 1)[-1]
        self.mt = self.mt.model_copy(update={truong: su_kien.o.chon, "xem_lai": False})
        self._ghi()

    def action_da_xem(self) -> None:
        if self.mt.xem_lai:
            self.mt = self.mt.model_copy(update={"xem_lai": False})
            self._ghi()


def the_chi_tieu_ke_hoach(phien: PhienSoan, ma_cac: list[str]) -> list:
    return [Static("Chỉ tiêu kế hoạch năm (lưu kế hoạch là đặt chúng thành chỉ tiêu của năm; "
                   "lời văn gọi [[mã.chi_tieu]] hay [[mã.so_chi_tieu]]):", classes="nhan",
                   markup=False),
            *[TheMucTieu(phien, ma) for ma in ma_cac]]


class TheNhiemVuKeHoach(Vertical):
    """Một nhiệm vụ giao của kế hoạch năm: nội dung, đơn vị chủ trì, thời hạn."""

    def __init__(self, phien: PhienSoan, i: int) -> None:
        super().__init__(classes="chi-tieu", id=f"nvkh-{i}")
        self.phien, self.i = phien, i

    def compose(self) -> ComposeResult:
        nv = self.phien.bao_cao.nhiem_vu_ke_hoach[self.i]
        yield Static(f"Nhiệm vụ {self.i + 1}", classes="ten-chi-tieu", markup=False)
        yield VungVanBan("\n\n".join(nv.noi_dung), id=f"nvkh-{self.i}-noi_dung",
                         classes="phan-con", tab_behavior="focus", soft_wrap=True)
        with Horizontal(classes="hang-o"):
            yield o_co_nhan(f"nvkh-{self.i}-don_vi", "Đơn vị chủ trì", nv.don_vi)
            yield o_co_nhan(f"nvkh-{self.i}-thoi_han", "Thời hạn", nv.thoi_han)

    def _ghi(self, **thay: object) -> None:
        ds = list(self.phien.bao_cao.nhiem_vu_ke_hoach)
        ds[self.i] = ds[self.i].model_copy(update=thay)
        self.phien.dat_nhiem_vu_ke_hoach(ds)
        self.post_message(DaDoi())

    def on_input_changed(self, su_kien: Input.Changed) -> None:
        su_kien.stop()
        truong = (su_kien.input.id or "").rsplit("-", 1)[-1]
        if getattr(self.phien.bao_cao.nhiem_vu_ke_hoach[self.i], truong) != su_kien.value:
            self._ghi(**{truong: su_kien.value})

    def on_text_area_changed(self, su_kien: TextArea.Changed) -> None:
        su_kien.stop()
        doan = [d.strip() for d in su_kien.text_area.text.split("\n\n") if d.strip()]
        if doan and doan != self.phien.bao_cao.nhiem_vu_ke_hoach[self.i].noi_dung:
            self._ghi(noi_dung=doan)


class NhiemVuKeHoachO(Vertical):
    """Danh sách nhiệm vụ giao của kế hoạch năm và nút thêm nhiệm vụ."""

    def __init__(self, phien: PhienSoan) -> None:
        super().__init__(id="nhiem-vu-ke-hoach")
        self.phien = phien

    def compose(self) -> ComposeResult:
        yield Static("Nhiệm vụ giao (báo cáo 6 tháng, năm nhận các nhiệm vụ này để đánh giá):",
                     classes="nhan", markup=False)
        for i in range(len(self.phien.bao_cao.nhiem_vu_ke_hoach)):
            yield TheNhiemVuKeHoach(self.phien, i)
        yield Button("Thêm nhiệm vụ", id="them-nhiem-vu")

    async def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        su_kien.stop()
        ds = [*self.phien.bao_cao.nhiem_vu_ke_hoach, NhiemVuKeHoach(noi_dung=["(nội dung)"])]
        self.phien.dat_nhiem_vu_ke_hoach(ds)
        the = TheNhiemVuKeHoach(self.phien, len(ds) - 1)
        await self.mount(the, before=self.query_one("#them-nhiem-vu"))
        the.query_one(TextArea).focus()
        self.post_message(DaDoi())


_PHIM_DANH_GIA: dict[str, DanhGiaNhiemVu] = {
    "1": "vuot", "2": "dat", "3": "dung_tien_do", "4": "dang_dung_tien_do", "5": "cham_tien_do",
    "6": "khong_dat"}


class ChonDanhGia(Static, can_focus=True):
    """Kết quả đánh giá một nhiệm vụ của kế hoạch năm / nghị quyết: phím 1–6 chọn ngay."""

    BINDINGS = [Binding(p, f"chon('{p}')", TEN_DANH_GIA_NHIEM_VU[d], show=False)
                for p, d in _PHIM_DANH_GIA.items()]

    class DaChon(Message):
        def __init__(self, o: ChonDanhGia) -> None:
            super().__init__()
            self.o = o

    def __init__(self, thu_tu: int, danh_gia: DanhGiaNhiemVu | None, id: str | None = None) -> None:
        super().__init__("", markup=False, classes="chon-trang-thai", id=id)
        self.thu_tu, self.danh_gia = thu_tu, danh_gia
        self._ve()

    def _ve(self) -> None:
        phan = [f"{'●' if self.danh_gia == d else '○'} {p} {TEN_DANH_GIA_NHIEM_VU[d]}"
                for p, d in _PHIM_DANH_GIA.items()]
        dau = "Kết quả đánh giá (phím 1–6): " if self.danh_gia else "Chưa đánh giá — phím 1–6: "
        self.update(dau + "   ".join(phan))
        self.set_class(self.danh_gia is None, "chua-chon")

    def action_chon(self, phim: str) -> None:
        self.danh_gia = _PHIM_DANH_GIA[phim]
        self._ve()
        self.post_message(self.DaChon(self))


def _chu(gia_tri: object) -> str:
    return "" if gia_tri in (None, True, False) else str(gia_tri)
