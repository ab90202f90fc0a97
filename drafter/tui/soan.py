"""Soạn báo cáo: dàn ý các mục bên trái (kèm dấu đã xong / có lỗi / có cảnh báo / cần xem lại),
biểu mẫu của mục đang chọn bên phải: các chỉ tiêu, câu số liệu hiện ngay, chi tiết theo thôn có
tổng cộng chạy, lời văn. Tự lưu sau mỗi thay đổi; không bao giờ hỏi "có lưu không"."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Static, TextArea, Tree

from drafter.bieu_mau.dinh_nghia import ChiTieu, MucBieuMau
from drafter.bieu_mau.dung_van_ban import bien_cua, dien_bien
from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao
from drafter.phien_soan import DAU_TRANG_THAI, PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.o_nhap import ONhap, OSo, VungVanBan

CHO_LUU_GIAY = 0.6  # lưu sau khi ngừng gõ chừng này giây
# Nhãn ngắn để bốn ô vừa một hàng ở cửa sổ 80 cột.
TEN_O = {"gia_tri": "Số liệu", "mau_so": "Trên tổng", "ke_hoach": "Kế hoạch",
         "cung_ky": "Cùng kỳ", "du_toan_huyen": "DT huyện", "du_toan_xa": "DT xã"}


def cac_o(ct: ChiTieu) -> list[str]:
    """Các ô số của một chỉ tiêu theo loại và các phép so sánh của nó."""
    if ct.loai in ("co_khong", "chu"):
        return ["gia_tri"]
    o = ["gia_tri"]
    if ct.loai == "ti_so":
        o.append("mau_so")
    if "ke_hoach" in ct.so_sanh:
        o.append("ke_hoach")
    if "cung_ky" in ct.so_sanh or "cung_ky_tang_giam" in ct.so_sanh:
        o.append("cung_ky")
    if "du_toan" in ct.so_sanh:
        o += ["du_toan_huyen", "du_toan_xa"]
    return o


def chu_phan_con(phien: PhienSoan, ma: str) -> str:
    return "\n".join(f"{p.ten}: {p.gia_tri if p.gia_tri is not None else ''}"
                     for p in phien.so_lieu(ma).phan_con)


def doc_phan_con(chu: str) -> list[tuple[str, str]]:
    """Mỗi dòng "tên: số" (tên có thể chứa dấu hai chấm; số sau dấu hai chấm cuối)."""
    ra = []
    for dong in chu.splitlines():
        if not dong.strip():
            continue
        ten, _, so = dong.rpartition(":") if ":" in dong else (dong, "", "")
        ra.append((ten.strip(), so.strip()))
    return ra


class KhungBieuMau(VerticalScroll):
    """Khung cuộn của biểu mẫu: không nhận con trỏ, để Tab từ dàn ý đi thẳng vào ô nhập đầu."""

    can_focus = False


class SoanBaoCao(Screen):
    BINDINGS = [
        Binding("f2", "luu", "Lưu", id="luu", priority=True),
        Binding("f3", "thong_tin", "Thông tin VB", id="thong-tin", priority=True),
        Binding("f5", "xem_truoc", "Xem trước", id="xem-truoc", priority=True),
        Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep", priority=True),
        Binding("f9", "xuat", "Xuất", id="xuat", priority=True),
        Binding("escape", "ve_trang_chu", "Trang chủ", id="trang-chu"),
    ]

    def __init__(self, phien: PhienSoan, ma_muc: str | None = None) -> None:
        super().__init__()
        self.phien = phien
        self.ma_muc = ma_muc or phien.bieu_mau.muc[0].ma
        self._hen_luu: Timer | None = None
        self._dang_dung = False  # đang dựng lại biểu mẫu: bỏ qua sự kiện Changed giả
        self._dang_sua = False
        self._lan_luu = "Đã lưu"

    # ------------------------------------------------------------ dựng

    def compose(self) -> ComposeResult:
        with Horizontal(id="khung-soan"):
            yield Tree(f"Báo cáo {self.phien.ky.ten_gon}", id="dan-y")
            with Vertical(id="ben-phai"):
                yield Static("", id="trang-thai", markup=False)
                yield KhungBieuMau(id="bieu-mau")
        yield Footer()

    async def on_mount(self) -> None:
        cay = self.query_one(Tree)
        cay.show_root = False
        cay.guide_depth = 2
        self._them_nut(cay.root, None)
        cay.root.expand_all()
        await self.dung_bieu_mau()
        self.cap_nhat_trang_thai()
        self._chon_nut(self.ma_muc)

    def _them_nut(self, nut, ma_cha: str | None) -> None:
        for muc in self.phien.bieu_mau.con_cua(ma_cha):
            con = nut.add(self._nhan_nut(muc), data=muc.ma, expand=True)
            if not self.phien.bieu_mau.con_cua(muc.ma):
                con.allow_expand = False
            self._them_nut(con, muc.ma)

    def _nhan_nut(self, muc: MucBieuMau) -> str:
        dau = DAU_TRANG_THAI[self.phien.trang_thai_muc(muc)]
        bc = self.phien.bao_cao
        ten = bc.tieu_de_muc.get(muc.ma) or dien_bien(muc.ten, bien_cua(bc))
        return f"{dau} {ten}"

    def _chon_nut(self, ma: str) -> None:
        cay = self.query_one(Tree)
        for nut in _duyet_cay(cay.root):
            if nut.data == ma:
                cay.move_cursor(nut)
                return

    async def dung_bieu_mau(self) -> None:
        """Dựng lại phần biểu mẫu bên phải cho mục đang chọn."""
        self._dang_dung = True
        khung = self.query_one("#bieu-mau", KhungBieuMau)
        await khung.remove_children()
        muc = self.phien.bieu_mau.muc_theo_ma()[self.ma_muc]
        phan: list = [Static(self.phien.bieu_mau.duong_dan(muc.ma), classes="tieu-de-muc",
                             markup=False)]
        if muc.tro_giup:
            phan.append(Static(muc.tro_giup, classes="tro-giup", markup=False))
        if muc.ma in self.phien.bao_cao.can_xem_lai:
            phan.append(Horizontal(
                Static("↻ Lời văn chép từ kỳ trước: đọc lại, sửa số và chữ chỉ kỳ.",
                       classes="canh-bao", markup=False),
                Button("Đã xem lại", id="nut-xem-lai", variant="warning"), classes="xem-lai"))
        for ct in self.phien.bieu_mau.chi_tieu_cua(muc.ma):
            phan.append(self._dong_chi_tieu(ct))
        phan.append(Static("Lời văn (mỗi đoạn cách một dòng trống; [[mã]] chèn số liệu; "
                           "«- » gạch đầu dòng):", classes="nhan", markup=False))
        vung = VungVanBan(self.phien.chu_van_ban(muc.ma), id="van-ban", soft_wrap=True,
                          tab_behavior="focus", classes="van-ban")
        phan.append(vung)
        phan.append(Static("", id="thong-bao-muc", markup=False))
        await khung.mount_all(phan)
        khung.scroll_home(animate=False)
        self.call_after_refresh(self._xong_dung)
        self._cap_nhat_thong_bao_muc()

    def _xong_dung(self) -> None:
        self._dang_dung = False

    def _dong_chi_tieu(self, ct: ChiTieu) -> Vertical:
        s = self.phien.so_lieu(ct.ma)
        con: list = [Static(f"{ct.ten}" + (f" ({ct.don_vi})" if ct.don_vi else "")
                            + ("" if ct.loai != "tien" else f" ({ct.don_vi_tien})"),
                            classes="ten-chi-tieu", markup=False)]
        o_nhap = []
        for truong in cac_o(ct):
            chu = _chu_o(getattr(s, truong))
            lop = OSo if ct.la_so else ONhap
            kw = {"phan_tram": ct.loai == "phan_tram"} if ct.la_so else {}
            o = lop(chu, id=f"so-{ct.ma}-{truong}", classes="o-so", compact=False, **kw)
            o.border_title = TEN_O[truong]
            if ct.tro_giup:
                o.tooltip = ct.tro_giup
            o_nhap.append(o)
        con.append(Horizontal(*o_nhap, classes="hang-o"))
        if ct.phan_con:
            con.append(Static(f"Chi tiết theo {ct.phan_con.theo} (mỗi dòng «tên: số»):",
                              classes="nhan", markup=False))
            con.append(VungVanBan(chu_phan_con(self.phien, ct.ma), id=f"phan-{ct.ma}",
                                  classes="phan-con", tab_behavior="focus"))
            con.append(Static(self.phien.tong_phan_con(ct), id=f"tong-{ct.ma}",
                              classes="tong", markup=False))
        tb = self.phien.thong_bao_cua(ct.ma)
        for ma_o, lop, chu in (
                (f"cau-{ct.ma}", "cau", self.phien.cum_so_lieu(ct)),
                (f"loi-{ct.ma}", "loi", _chu_thong_bao(tb, "loi")),
                (f"cb-{ct.ma}", "canh-bao", _chu_thong_bao(tb, "canh_bao"))):
            o = Static(chu, id=ma_o, classes=f"{lop} an-khi-trong", markup=False)
            o.display = bool(chu)
            con.append(o)
        return Vertical(*con, classes="chi-tieu", id=f"ct-{ct.ma}")

    # ------------------------------------------------------------ thay đổi

    def on_input_changed(self, su_kien: Input.Changed) -> None:
        if self._dang_dung or not (su_kien.input.id or "").startswith("so-"):
            return
        _, ma, truong = su_kien.input.id.split("-", 2)
        if _chu_o(getattr(self.phien.so_lieu(ma), truong)) == su_kien.value:
            return  # ô vừa được dựng lại với giá trị cũ, không phải người dùng sửa
        self.phien.dat_so(ma, truong, su_kien.value)
        self._cap_nhat_chi_tieu(ma)
        self._hen_lai_luu()

    def on_text_area_changed(self, su_kien: TextArea.Changed) -> None:
        if self._dang_dung:
            return
        ma_o = su_kien.text_area.id or ""
        if ma_o == "van-ban":
            if su_kien.text_area.text == self.phien.chu_van_ban(self.ma_muc):
                return
            self.phien.dat_van_ban(self.ma_muc, su_kien.text_area.text)
            self.phien.da_xem_lai(self.ma_muc)  # đã sửa lời văn chép từ kỳ trước: coi như đã xem
        elif ma_o.startswith("phan-"):
            ma = ma_o.removeprefix("phan-")
            if su_kien.text_area.text == chu_phan_con(self.phien, ma):
                return
            self.phien.dat_phan_con(ma, doc_phan_con(su_kien.text_area.text))
            self._cap_nhat_chi_tieu(ma)
        self._hen_lai_luu()

    def _cap_nhat_chi_tieu(self, ma: str) -> None:
        ct = self.phien.bieu_mau.chi_tieu_theo_ma()[ma]
        dat_chu(self.query_one(f"#cau-{ma}", Static), self.phien.cum_so_lieu(ct))
        if ct.phan_con:
            dat_chu(self.query_one(f"#tong-{ma}", Static), self.phien.tong_phan_con(ct))
        tb = self.phien.thong_bao_cua(ma)  # kiểm tra chỉ tiêu một lần cho mỗi phím gõ
        dat_chu(self.query_one(f"#loi-{ma}", Static), _chu_thong_bao(tb, "loi"))
        dat_chu(self.query_one(f"#cb-{ma}", Static), _chu_thong_bao(tb, "canh_bao"))
        truong_loi = {t.truong for t in tb if t.muc == "loi"}
        for truong in cac_o(ct):
            self.query_one(f"#so-{ma}-{truong}", Input).set_class(truong in truong_loi,
                                                                  "-invalid")

    def _cap_nhat_thong_bao_muc(self) -> None:
        tb = [t for t in self.phien.thong_bao() if (t.ma_muc == self.ma_muc and not t.ma_chi_tieu)
              or (t.ma_muc == self.ma_muc and t.truong == "van_ban")]
        chu = "\n".join(("Lỗi: " if t.muc == "loi" else "Cảnh báo: ") + t.thong_diep for t in tb)
        dat_chu(self.query_one("#thong-bao-muc", Static), chu)

    def _hen_lai_luu(self) -> None:
        if not self._dang_sua:
            # Chỉ đổi dòng trạng thái ở phím đầu tiên: mỗi phím không phải tính lại cả báo cáo.
            self._dang_sua = True
            dat_chu(self.query_one("#trang-thai", Static), self._chu_trang_thai("Đang sửa…"))
        if self._hen_luu is not None:
            self._hen_luu.stop()
        self._hen_luu = self.set_timer(CHO_LUU_GIAY, self.luu_ngay)

    def luu_ngay(self, gop: bool = True) -> None:
        """Lưu nếu có thay đổi; cập nhật dấu trạng thái các mục và số lỗi."""
        if self._hen_luu is not None:
            self._hen_luu.stop()
            self._hen_luu = None
        if self.phien.da_thay_doi:
            try:
                so = self.phien.luu(gop=gop)  # tự lưu: cả đợt sửa gộp vào một phiên bản
            except Exception as loi:
                self.notify(str(loi), title="Chưa lưu được", severity="error", markup=False)
                return
            self._lan_luu = f"Đã lưu {datetime.now():%H:%M:%S} (bản {so})"
        self._dang_sua = False
        self.cap_nhat_trang_thai()

    def _chu_trang_thai(self, luu: str | None = None) -> str:
        loi, canh_bao = self.phien.dem()
        luu = luu or self._lan_luu
        return f"{self.phien.ky.ten_gon} · {luu} · {loi} lỗi · {canh_bao} cảnh báo"

    def cap_nhat_trang_thai(self) -> None:
        dat_chu(self.query_one("#trang-thai", Static), self._chu_trang_thai())
        cay = self.query_one(Tree)
        theo_ma = self.phien.bieu_mau.muc_theo_ma()
        for nut in _duyet_cay(cay.root):
            if nut.data in theo_ma:
                nut.set_label(self._nhan_nut(theo_ma[nut.data]))
        if self.is_mounted:
            self._cap_nhat_thong_bao_muc()

    # ------------------------------------------------------------ điều hướng, lệnh

    async def on_tree_node_highlighted(self, su_kien: Tree.NodeHighlighted) -> None:
        ma = su_kien.node.data
        if ma and ma != self.ma_muc:
            self.luu_ngay()
            self.ma_muc = ma
            await self.dung_bieu_mau()

    def on_tree_node_selected(self, _: Tree.NodeSelected) -> None:
        """Enter trên dàn ý: vào ô nhập đầu tiên của mục."""
        o = self.query("#bieu-mau Input, #bieu-mau TextArea")
        if o:
            o.first().focus()

    async def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        if su_kien.button.id == "nut-xem-lai":
            self.phien.da_xem_lai(self.ma_muc)
            self.luu_ngay()
            await self.dung_bieu_mau()

    def on_screen_suspend(self) -> None:
        self.luu_ngay()

    def on_screen_resume(self) -> None:
        self.phien.kiem_tra_lai()  # màn hình khác có thể đã đổi thông tin văn bản
        self.cap_nhat_trang_thai()

    def action_luu(self) -> None:
        self.phien.da_thay_doi = True  # F2: lưu một phiên bản ngay cả khi không đổi gì
        self.luu_ngay(gop=False)
        self.notify(self._lan_luu, markup=False)

    async def action_loi_tiep(self) -> None:
        """Nhảy tới lỗi kế tiếp (sau mục đang chọn), chọn mục và đặt con trỏ vào ô lỗi."""
        loi = [t for t in self.phien.thong_bao() if t.muc == "loi" and t.ma_muc]
        if not loi:
            self.notify("Không còn lỗi nào.", markup=False)
            return
        thu_tu = [m.ma for m in self.phien.bieu_mau.muc]
        hien = thu_tu.index(self.ma_muc)
        loi.sort(key=lambda t: ((thu_tu.index(t.ma_muc) - hien - 1) % len(thu_tu)))
        dich = loi[0]
        if dich.ma_muc != self.ma_muc:
            self.luu_ngay()
            self.ma_muc = dich.ma_muc
            await self.dung_bieu_mau()
        self._chon_nut(dich.ma_muc)
        self.call_after_refresh(self._dat_con_tro, dich.ma_chi_tieu, dich.truong)

    def _dat_con_tro(self, ma: str, truong: str) -> None:
        ung_vien = [f"#so-{ma}-{truong}", f"#so-{ma}-gia_tri", f"#phan-{ma}", "#van-ban"]
        for chon in ung_vien:
            ds = self.query(chon)
            if ds:
                ds.first().focus()
                ds.first().scroll_visible()
                return

    def action_thong_tin(self) -> None:
        from drafter.tui.thong_tin import ThongTinVanBan

        self.luu_ngay()
        self.app.push_screen(ThongTinVanBan(self.phien))

    def action_xem_truoc(self) -> None:
        from drafter.tui.xem_truoc import XemTruoc

        self.luu_ngay()
        self.app.push_screen(XemTruoc(self.phien, self.ma_muc))

    def action_xuat(self) -> None:
        from drafter.tui.xuat import XuatVanBan

        self.luu_ngay()
        self.app.push_screen(XuatVanBan(self.phien))

    def action_ve_trang_chu(self) -> None:
        self.luu_ngay()
        self.app.pop_screen()

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Lưu báo cáo", "F2", self.action_luu),
                Lenh("Thông tin văn bản: số, ngày, nơi nhận, người ký", "F3",
                     self.action_thong_tin),
                Lenh("Xem trước văn bản", "F5", self.action_xem_truoc),
                Lenh("Đến lỗi tiếp theo", "F8", self.action_loi_tiep),
                Lenh("Xuất báo cáo ra .docx", "F9", self.action_xuat)]


def _chu_o(gia_tri: object) -> str:
    """Chữ hiện trong ô nhập cho một giá trị đã lưu (như người dùng đã gõ)."""
    if gia_tri is None:
        return ""
    if isinstance(gia_tri, bool):
        return "có" if gia_tri else "không"
    return str(gia_tri)


def _chu_thong_bao(tb: list[ThongBao], muc: str) -> str:
    """Lỗi (đỏ) và cảnh báo (vàng) của một chỉ tiêu, mỗi loại một ô chữ riêng."""
    nhan = "Lỗi: " if muc == "loi" else "Cảnh báo: "
    return "\n".join(nhan + t.thong_diep for t in tb if t.muc == muc)


def dat_chu(o: Static, chu: str) -> None:
    """Đổi chữ của một Static mà không bắt cả màn hình tính lại bố cục khi không cần.

    Mỗi phím gõ đổi câu số liệu dưới ô: nếu số dòng không đổi thì chỉ vẽ lại ô đó (bố cục cả
    biểu mẫu lớn tốn hàng chục mili giây mỗi lần)."""
    cu = getattr(o, "_chu_drafter", None)
    if cu == chu:
        return
    rong = max(o.size.width, 1)

    def so_dong(s: str) -> int:
        return sum(max(1, -(-len(d) // rong)) for d in s.split("\n")) if s else 0

    o._chu_drafter = chu  # type: ignore[attr-defined]
    an = not chu and o.has_class("an-khi-trong")
    if o.display == an:  # ô trống thì ẩn hẳn, không để dòng trắng giữa các chỉ tiêu
        o.display = not an
    o.update(chu, layout=cu is None or so_dong(cu) != so_dong(chu))


def _duyet_cay(nut):
    for con in nut.children:
        yield con
        yield from _duyet_cay(con)
