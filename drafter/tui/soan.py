"""Soạn báo cáo: dàn ý các mục bên trái (kèm dấu đã xong / có lỗi / có cảnh báo / cần xem lại),
biểu mẫu của mục đang chọn bên phải: các chỉ tiêu, câu số liệu hiện ngay, chi tiết theo thôn có
tổng cộng chạy, lời văn. Tự lưu sau mỗi thay đổi; không bao giờ hỏi "có lưu không"."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static, TextArea, Tree

from drafter.bieu_mau.dinh_nghia import ChiTieu, MucBieuMau
from drafter.bieu_mau.dung_van_ban import bien_cua, dien_bien
from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao, trich_dau
from drafter.phien_soan import DAU_TRANG_THAI, PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.o_nhap import ONhap, OSo, VungVanBan, o_co_nhan
from drafter.tui.xem_lai import ChonTrangThai, TheDoan, TheGoiY

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
        # F6 không ưu tiên: trên một đoạn chép từ kỳ trước, F6 của chính đoạn đó (giữ) chạy trước.
        Binding("f6", "giu_so", "Giữ số", id="giu-so"),
        Binding("f7", "giu_ca_muc", "Giữ cả mục", id="giu-ca-muc", priority=True),
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
        self._moc_loi: tuple[int, int, int] | None = None  # lỗi F8 vừa đưa tới

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
        phan += self._doan_chep(muc)
        for ct in self.phien.bieu_mau.chi_tieu_cua(muc.ma):
            phan.append(self._dong_chi_tieu(ct))
        if muc.chi_tieu_ke_hoach or muc.nhiem_vu_ke_hoach:  # văn bản KẾ HOẠCH (tui/ke_hoach.py)
            from drafter.tui.ke_hoach import NhiemVuKeHoachO, the_chi_tieu_ke_hoach

            if muc.chi_tieu_ke_hoach:
                phan += the_chi_tieu_ke_hoach(self.phien, muc.chi_tieu_ke_hoach)
            if muc.nhiem_vu_ke_hoach:
                phan.append(NhiemVuKeHoachO(self.phien))
        if muc.nhan_nhiem_vu_ky_truoc:
            phan += self._nhiem_vu_ky_truoc()
        elif muc.danh_sach_so:
            phan += self._goi_y_nhiem_vu()
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

    def _doan_chep(self, muc: MucBieuMau) -> list:
        """Các đoạn chép từ kỳ trước chưa xem lại, mỗi đoạn một ô: giữ, bỏ hay sửa."""
        from drafter.bieu_mau.gan_ky import soat

        chua_xem = self.phien.doan_chua_xem(muc.ma)
        so_chep = [c for c in self.phien.bieu_mau.chi_tieu_cua(muc.ma)
                   if c.ma in self.phien.bao_cao.so_lieu_chep]
        ra: list = []
        if chua_xem or so_chep:
            ra.append(Static(_huong_dan_xem_lai(len(chua_xem), len(so_chep)),
                             classes="canh-bao", markup=False, id="huong-dan-xem-lai"))
        soat_ky = not muc.danh_sach_so
        for i, chu in chua_xem:
            canh_bao = [f"«{c.chu}» — {c.ly_do}" for c in soat(chu, self.phien.ky, da_chep=True)
                        ] if soat_ky else []
            ra.append(TheDoan(i, chu, canh_bao, id=f"doan-chep-{i}"))
        return ra

    def _nhiem_vu_ky_truoc(self) -> list:
        """Nhiệm vụ kỳ trước đề ra: mỗi nhiệm vụ một trạng thái (phím 1/2/3) và câu kết quả."""
        ds = self.phien.bao_cao.nhiem_vu_ky_truoc
        if not ds:
            return [Static("Báo cáo kỳ trước không đề ra nhiệm vụ nào.", classes="tro-giup",
                           markup=False)]
        ra: list = [Static(self._dem_nhiem_vu(), id="dem-nhiem-vu", classes="nhan", markup=False)]
        danh_gia = self._danh_gia_nhiem_vu()
        for i, nv in enumerate(ds):
            if danh_gia:  # nhiệm vụ kế hoạch năm / nghị quyết: đánh giá theo chỉ tiêu
                from drafter.tui.ke_hoach import ChonDanhGia

                chon = ChonDanhGia(i, nv.danh_gia, id=f"tt-{i}")
            else:
                chon = ChonTrangThai(i, nv.trang_thai, id=f"tt-{i}")
            giao = "; ".join(x for x in (nv.don_vi, nv.thoi_han) if x)
            ra.append(Vertical(
                Static(f"{i + 1}. {trich_dau(nv.noi_dung[0], 240)}"
                       + (f" ({giao})" if giao else ""), classes="ten-chi-tieu", markup=False),
                chon,
                o_co_nhan(f"kq-{i}", "Câu kết quả (in sau trạng thái, có thể để trống)",
                          nv.ket_qua),
                classes="chi-tieu", id=f"nv-{i}"))
        return ra

    def _danh_gia_nhiem_vu(self) -> bool:
        dich = next((m for m in self.phien.bieu_mau.muc if m.nhan_nhiem_vu_ky_truoc), None)
        return (dich is not None and dich.danh_gia_nhiem_vu) or any(
            nv.danh_gia is not None for nv in self.phien.bao_cao.nhiem_vu_ky_truoc)

    def _dem_nhiem_vu(self) -> str:
        ds = self.phien.bao_cao.nhiem_vu_ky_truoc
        if self._danh_gia_nhiem_vu():
            dat = sum(nv.danh_gia in ("vuot", "dat", "dung_tien_do") for nv in ds)
            chua = sum(nv.danh_gia is None for nv in ds)
            return (f"{len(ds)} nhiệm vụ được giao: đạt {dat}/{len(ds)}"
                    + (f"; {chua} nhiệm vụ chưa đánh giá" if chua else "") + ".")
        chua = sum(nv.trang_thai is None for nv in ds)
        xong = sum(nv.trang_thai == "hoan_thanh" for nv in ds)
        return (f"{len(ds)} nhiệm vụ kỳ trước đề ra: hoàn thành {xong}/{len(ds)}"
                + (f"; {chua} nhiệm vụ chưa đánh giá" if chua else "") + ".")

    def _goi_y_nhiem_vu(self) -> list:
        goi_y = self.phien.goi_y_nhiem_vu()
        if not goi_y:
            return []
        hien = self.phien.chu_van_ban(self.ma_muc)
        ra: list = [Static("Gợi ý: nhiệm vụ kỳ này đã nhận (chữ chỉ kỳ đã dời sang kỳ tới). "
                           "Enter trên một gợi ý để thêm vào cuối lời văn, rồi sửa cho kỳ tới:",
                           classes="nhan", markup=False)]
        for j, g in enumerate(goi_y):
            ra.append(TheGoiY(g, da_co=g.split("\n\n")[0] in hien, id=f"goi-y-{j}"))
        return ra

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
        # Số cùng kỳ là tổng các xã cũ (xã sau sắp xếp): nói từ đâu mà có, ngay dưới các ô.
        nguon = self.phien.nguon_cung_ky(ct) if "cung_ky" in cac_o(ct) else ""
        o_nguon = Static(nguon, id=f"nguon-{ct.ma}", classes="tro-giup an-khi-trong",
                         markup=False)
        o_nguon.display = bool(nguon)
        con.append(o_nguon)
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
        ma_o = su_kien.input.id or ""
        if not self._dang_dung and ma_o.startswith("kq-"):
            i = int(ma_o.removeprefix("kq-"))
            if self.phien.bao_cao.nhiem_vu_ky_truoc[i].ket_qua != su_kien.value:
                self.phien.dat_nhiem_vu(i, ket_qua=su_kien.value)
                self._hen_lai_luu()
            return
        if self._dang_dung or not ma_o.startswith("so-"):
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
        if "cung_ky" in cac_o(ct):
            dat_chu(self.query_one(f"#nguon-{ma}", Static), self.phien.nguon_cung_ky(ct))
        if ct.phan_con:
            dat_chu(self.query_one(f"#tong-{ma}", Static), self.phien.tong_phan_con(ct))
        tb = self.phien.thong_bao_cua(ma)  # kiểm tra chỉ tiêu một lần cho mỗi phím gõ
        dat_chu(self.query_one(f"#loi-{ma}", Static), _chu_thong_bao(tb, "loi"))
        dat_chu(self.query_one(f"#cb-{ma}", Static), _chu_thong_bao(tb, "canh_bao"))
        truong_loi = {t.truong for t in tb if t.muc_do == "loi"}
        for truong in cac_o(ct):
            self.query_one(f"#so-{ma}-{truong}", Input).set_class(truong in truong_loi,
                                                                  "-invalid")

    def _cap_nhat_thong_bao_muc(self) -> None:
        tb = [t for t in self.phien.thong_bao() if (t.ma_muc == self.ma_muc and not t.ma_chi_tieu)
              or (t.ma_muc == self.ma_muc and t.truong == "van_ban")]
        chu = "\n".join(("Lỗi: " if t.muc_do == "loi" else "Cảnh báo: ") + t.thong_diep for t in tb)
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
                nhan = self._nhan_nut(theo_ma[nut.data])
                if str(nut.label) != nhan:  # đổi nhãn bắt cả cây vẽ lại: chỉ đổi khi khác
                    nut.set_label(nhan)
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

    # ------------------------------------------------------------ xem lại những gì chép sang

    async def on_the_doan_hanh_dong(self, su_kien: TheDoan.HanhDong) -> None:
        the = su_kien.the
        if su_kien.viec == "sua":
            self._den_doan(the.so_thu_tu)
            return
        # Không dựng lại cả mục (chậm với mục lớn): chỉ bỏ ô vừa xong, đánh lại số các đoạn dưới.
        con = list(self.query(TheDoan))
        sau = [w for w in con if w.so_thu_tu > the.so_thu_tu]
        if su_kien.viec == "giu":
            self.phien.giu_doan(self.ma_muc, the.chu)
        else:
            self.phien.bo_doan(self.ma_muc, the.chu)
            for w in sau:
                w.doi_so_thu_tu(w.so_thu_tu - 1)
            vung = self.query_one("#van-ban", TextArea)
            self._dang_dung = True
            vung.text = self.phien.chu_van_ban(self.ma_muc)
            self.call_after_refresh(self._xong_dung)
            self.notify(f"Đã bỏ đoạn {the.so_thu_tu} (bản trước vẫn giữ trong các phiên bản).",
                        markup=False)
        await the.remove()
        if sau:
            sau[0].focus()
            sau[0].scroll_visible()
        elif len(con) > 1:
            con[0].focus()
        else:
            self.query_one("#van-ban", TextArea).focus()
        self._cap_nhat_huong_dan()
        self._hen_lai_luu()

    def _cap_nhat_huong_dan(self) -> None:
        """Dòng hướng dẫn xem lại ở đầu mục: số đoạn và số liệu chép còn chờ."""
        chua_xem = self.phien.doan_chua_xem(self.ma_muc)
        so_chep = [c for c in self.phien.bieu_mau.chi_tieu_cua(self.ma_muc)
                   if c.ma in self.phien.bao_cao.so_lieu_chep]
        for o in self.query("#huong-dan-xem-lai").results(Static):
            dat_chu(o, _huong_dan_xem_lai(len(chua_xem), len(so_chep)))

    async def _sau_xem_lai(self, vua_xong: int = 0) -> None:
        """Lưu, dựng lại mục, đặt con trỏ vào đoạn còn chờ kế tiếp (hoặc ô lời văn).

        vua_xong: số thứ tự đoạn vừa giữ/bỏ. Giữ thì các đoạn sau giữ số, bỏ thì dịch lên một:
        cả hai trường hợp, đoạn chờ kế tiếp là đoạn đầu tiên có số ≥ vua_xong."""
        self.luu_ngay()
        await self.dung_bieu_mau()
        con = list(self.query(TheDoan))
        if con:
            cho = next((w for w in con if w.so_thu_tu >= vua_xong), con[0])
            cho.focus()
            cho.scroll_visible()
        else:
            self.query_one("#van-ban", TextArea).focus()
        self.cap_nhat_trang_thai()

    def _den_doan(self, so_thu_tu: int) -> None:
        """Đặt con trỏ ô lời văn ở đầu đoạn thứ `so_thu_tu` (từ 1)."""
        vung = self.query_one("#van-ban", TextArea)
        dong = 0
        for i, doan in enumerate(self.phien.bao_cao.van_ban.get(self.ma_muc, []), start=1):
            if i == so_thu_tu:
                break
            dong += doan.count("\n") + 2  # mỗi đoạn cách nhau một dòng trống
        vung.focus()
        vung.move_cursor((dong, 0))
        vung.scroll_visible()

    def action_giu_so(self) -> None:
        """F6 trên ô số: số giữ từ kỳ trước vẫn đúng kỳ này."""
        o = self.focused
        ma_o = (o.id or "") if o is not None else ""
        if not ma_o.startswith("so-"):
            self.notify("F6 dùng trên ô số giữ từ kỳ trước, hoặc trên một đoạn chép từ kỳ trước.",
                        markup=False)
            return
        ma = ma_o.split("-", 2)[1]
        if self.phien.xac_nhan_so(ma):
            self._cap_nhat_chi_tieu(ma)
            self._cap_nhat_huong_dan()
            self._hen_lai_luu()
        else:
            self.notify("Số này không chờ xác nhận.", markup=False)

    async def action_giu_ca_muc(self) -> None:
        """F7: giữ mọi đoạn chép và mọi số giữ từ kỳ trước của mục đang soạn."""
        so_doan = self.phien.giu_ca_muc(self.ma_muc)
        so_so = self.phien.xac_nhan_so_ca_muc(self.ma_muc)
        if not so_doan and not so_so:
            self.notify("Mục này không còn gì chép từ kỳ trước chờ xem lại.", markup=False)
            return
        self.notify(f"Đã giữ {so_doan} đoạn và {so_so} số của kỳ trước.", markup=False)
        await self._sau_xem_lai()

    async def on_chon_trang_thai_da_chon(self, su_kien: ChonTrangThai.DaChon) -> None:
        o = su_kien.o
        self.phien.dat_nhiem_vu(o.thu_tu, trang_thai=o.trang_thai)
        self.query_one("#dem-nhiem-vu", Static).update(self._dem_nhiem_vu())
        self._hen_lai_luu()
        # Một phím cho trạng thái, rồi sang ô câu kết quả của chính nhiệm vụ đó.
        self.query_one(f"#kq-{o.thu_tu}", Input).focus()

    def on_chon_danh_gia_da_chon(self, su_kien: Message) -> None:
        o = su_kien.o  # type: ignore[attr-defined]
        self.phien.dat_nhiem_vu(o.thu_tu, danh_gia=o.danh_gia)
        self.query_one("#dem-nhiem-vu", Static).update(self._dem_nhiem_vu())
        self._hen_lai_luu()
        self.query_one(f"#kq-{o.thu_tu}", Input).focus()

    def on_da_doi(self, _: Message) -> None:
        """Thẻ chỉ tiêu kế hoạch / nhiệm vụ giao (tui/ke_hoach.py) vừa ghi vào phiên soạn."""
        self._hen_lai_luu()

    def on_the_goi_y_chen(self, su_kien: TheGoiY.Chen) -> None:
        chu = self.phien.chu_van_ban(self.ma_muc)
        moi = f"{chu}\n\n{su_kien.the.chu}" if chu.strip() else su_kien.the.chu
        self.phien.dat_van_ban(self.ma_muc, moi)
        vung = self.query_one("#van-ban", TextArea)
        self._dang_dung = True
        vung.text = self.phien.chu_van_ban(self.ma_muc)
        self.call_after_refresh(self._xong_dung)
        su_kien.the.da_chen()
        self._hen_lai_luu()

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
        """Nhảy tới lỗi kế tiếp theo thứ tự văn bản (sau lỗi vừa đến), cả lỗi ở thông tin văn
        bản: chọn mục và đặt con trỏ vào đúng ô, đoạn, nhiệm vụ phải sửa."""
        thu_tu = [m.ma for m in self.phien.bieu_mau.muc]
        ds = self.phien.thong_bao()

        def khoa(t: ThongBao) -> tuple[int, int, int]:
            muc = thu_tu.index(t.ma_muc) if t.ma_muc in thu_tu else len(thu_tu)
            return (muc, t.vi_tri, ds.index(t))

        loi = sorted((t for t in ds if t.muc_do == "loi"), key=khoa)
        if not loi:
            self.notify("Không còn lỗi nào.", markup=False)
            return
        moc = self._moc_loi or (thu_tu.index(self.ma_muc), -1, -1)
        dich = next((t for t in loi if khoa(t) > moc), loi[0])
        self._moc_loi = khoa(dich)
        await self.den_thong_bao(dich)

    async def den_thong_bao(self, dich: ThongBao) -> None:
        """Đưa con trỏ tới chỗ phải sửa của một lỗi / cảnh báo (F8, danh sách ở màn hình xuất)."""
        if dich.ma_muc not in self.phien.bieu_mau.muc_theo_ma():
            from drafter.tui.thong_tin import ThongTinVanBan

            self.luu_ngay()
            self.app.push_screen(ThongTinVanBan(self.phien, tieu_diem=dich.truong))
            self.notify(dich.dong(), markup=False)
            return
        if dich.ma_muc != self.ma_muc:
            self.luu_ngay()
            self.ma_muc = dich.ma_muc
            await self.dung_bieu_mau()
        self._chon_nut(dich.ma_muc)
        self.call_after_refresh(self._dat_con_tro, dich)

    def _dat_con_tro(self, t: ThongBao) -> None:
        if t.nhom == "doan_chep":
            ung_vien = [f"#doan-chep-{t.vi_tri}"]
        elif t.nhom == "nhiem_vu":
            ung_vien = [f"#{'kq' if t.truong == 'ket_qua' else 'tt'}-{t.vi_tri - 1}"]
        elif t.nhom == "muc_tieu":
            ung_vien = [f"#mt-{t.ma_chi_tieu}-gia_tri"]
        elif t.truong == "phan_con":
            ung_vien = [f"#phan-{t.ma_chi_tieu}", f"#so-{t.ma_chi_tieu}-gia_tri"]
        else:
            ung_vien = [f"#so-{t.ma_chi_tieu}-{t.truong}", f"#so-{t.ma_chi_tieu}-gia_tri",
                        f"#phan-{t.ma_chi_tieu}"]
        for chon in ung_vien:
            ds = self.query(chon)
            if ds:
                ds.first().focus()
                ds.first().scroll_visible()
                return
        self._den_doan(t.vi_tri or 1)

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


def _huong_dan_xem_lai(so_doan: int, so_so: int) -> str:
    phan = []
    if so_doan:
        phan.append(f"{so_doan} đoạn chép từ kỳ trước chưa xem lại: trên mỗi đoạn F6 giữ · "
                    "Enter sửa · Delete bỏ")
    if so_so:
        phan.append(f"{so_so} số giữ từ kỳ trước: gõ số mới, hoặc F6 giữ số")
    return ("↻ " + "; ".join(phan) + ". F7: giữ cả mục.") if phan else \
        "✓ Đã xem lại hết những gì chép từ kỳ trước trong mục này."


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
    return "\n".join(nhan + t.thong_diep for t in tb if t.muc_do == muc)


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
