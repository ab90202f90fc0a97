"""Văn bản tự do (nhập từ Word) trong giao diện: nhập tệp .docx, sửa dàn ý, xem trước.

Dàn ý bên trái: mọi đề mục, đoạn văn, bảng theo thứ tự, mỗi dòng một dấu (✗ lỗi, ! cảnh báo,
↻ đoạn chép từ kỳ trước chưa xem lại). Trên dàn ý: Insert thêm đoạn, F4 thêm mục, Delete xóa,
Ctrl+↑/↓ dời, Ctrl+→ thụt vào (thành cấp con của mục phía trên), Ctrl+← thụt ra, F6 giữ đoạn
chép, Ctrl+D đổi dấu đầu dòng. Bên phải: ô sửa chữ của dòng đang chọn, cú pháp **đậm**,
*nghiêng*, [^chú thích]; tự lưu khi ngừng gõ. F3 thông tin văn bản, F5 xem trước, F9 xuất:
dùng chung màn hình với báo cáo theo biểu mẫu."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Label, Static, TextArea, Tree
from textual.widgets.tree import TreeNode

from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao, trich_dau
from drafter.kho import LoiKho
from drafter.ky_bao_cao import Ky, LoiKy
from drafter.phien_tu_do import Duong, LoiThaoTac, PhienTuDo
from drafter.tui.lenh import Lenh
from drafter.tui.nen import luu_hoac_bao
from drafter.tui.o_nhap import ONhap, VungVanBan
from drafter.tui.ung_dung import UngDung
from drafter.van_ban import DAU_DONG, Bang, DoanVan, Muc, chu_tron
from drafter.van_ban_tu_do import cac_dong, thanh_danh_dau

if TYPE_CHECKING:
    from drafter.nhap_docx.ket_qua import KetQuaDoc

HUONG_DAN = ("Sửa chữ của dòng đang chọn: **đậm**, *nghiêng*, ***đậm nghiêng***, [^chú thích], "
             "^{chỉ số trên}; chú thích nhiều đoạn ngăn bằng « ¶ ». Dàn ý: Insert thêm đoạn · F4 "
             "thêm mục · Delete xóa · Ctrl+↑↓ dời · Ctrl+→ thụt vào · Ctrl+← thụt ra · Ctrl+D "
             "dấu đầu dòng · F6 giữ đoạn chép.")


def mo_van_ban_tu_do(app: UngDung, ky: Ky, xuat_ngay: bool = False) -> None:
    """Mở văn bản tự do của kỳ `ky` (trang chủ, sau khi nhập, sau khi tạo kỳ mới)."""
    try:
        phien = PhienTuDo.mo(app.kho, app.xa.id, ky)
    except LoiKho as loi:
        app.notify(str(loi), title="Không mở được", severity="error", markup=False)
        return
    man_hinh = SoanTuDo(phien)
    app.push_screen(man_hinh)
    if xuat_ngay:
        app.call_after_refresh(man_hinh.action_xuat)


class SoanTuDo(Screen):
    app = getters.app(UngDung)
    BINDINGS = [
        Binding("f2", "luu", "Lưu", id="luu", priority=True),
        Binding("f3", "thong_tin", "Thông tin VB", id="thong-tin", priority=True),
        Binding("f5", "xem_truoc", "Xem trước", id="xem-truoc", priority=True),
        Binding("f9", "xuat", "Xuất", id="xuat", priority=True),
        Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep", priority=True),
        Binding("f6", "giu_doan", "Giữ đoạn", id="giu-doan"),
        Binding("f7", "giu_ca_muc", "Giữ cả mục", id="giu-ca-muc", priority=True),
        Binding("f4", "them_muc", "Thêm mục", id="them-muc"),
        Binding("insert", "them_doan", "Thêm đoạn", id="them-doan"),
        Binding("delete", "xoa", "Xóa", id="xoa", show=False),
        Binding("ctrl+up", "doi_cho(-1)", "Lên", show=False),
        Binding("ctrl+down", "doi_cho(1)", "Xuống", show=False),
        Binding("ctrl+right", "thut_vao", "Thụt vào", show=False),
        Binding("ctrl+left", "thut_ra", "Thụt ra", show=False),
        Binding("ctrl+d", "dau_dong", "Dấu đầu dòng", show=False),
        Binding("escape", "ve_trang_chu", "Trang chủ", id="trang-chu"),
    ]

    def __init__(self, phien: PhienTuDo) -> None:
        super().__init__()
        self.phien = phien
        self.duong: Duong | None = None  # dòng đang chọn
        self._nut_theo_duong: dict[Duong, TreeNode[Duong]] = {}  # đường → nút của cây dàn ý
        self._hen_luu: Timer | None = None
        self._dang_dung = False
        self._lan_luu = "Đã lưu"
        self._moc_loi = -1

    def compose(self) -> ComposeResult:
        with Horizontal(id="khung-soan"):
            yield Tree(f"{self.phien.bao_cao.dau.ten_loai.capitalize()} "
                       f"{self.phien.ky.ten_gon}", id="dan-y")
            with Vertical(id="ben-phai"):
                yield Static("", id="trang-thai", markup=False)
                with VerticalScroll(id="bieu-mau"):
                    yield Static("", id="duong-dan", classes="tieu-de-muc", markup=False)
                    yield Static("", id="xem-lai", classes="canh-bao", markup=False)
                    yield VungVanBan("", id="chu-nut", soft_wrap=True, tab_behavior="focus",
                                     classes="van-ban")
                    yield Static("", id="thong-bao-nut", markup=False)
                    yield Static(HUONG_DAN, classes="tro-giup", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        cay = self.query_one(Tree)
        cay.show_root = False
        cay.guide_depth = 2
        self.dung_cay()
        cay.focus()
        self.cap_nhat_trang_thai()

    # ------------------------------------------------------------ dàn ý

    def dung_cay(self, chon: Duong | None = None) -> None:
        """Dựng lại dàn ý (sau thao tác đổi cấu trúc), chọn dòng `chon` nếu có."""
        cay = self.query_one(Tree)
        cay.clear()
        loi, canh_bao = self._loi_canh_bao_theo_dong()
        chua_xem = set(self.phien.bao_cao.doan_chep)
        nut_theo_duong: dict[Duong, TreeNode[Duong]] = {(): cay.root}
        tb = self.phien.bao_cao
        for d in cac_dong(tb.noi_dung, tb.danh_so, tb.bang_chu_cai):
            cha = nut_theo_duong.get(d.duong[:-1], cay.root)
            nhan = self._nhan(d, d.ma in loi, d.ma in canh_bao, chua_xem)
            if isinstance(d.nut, Muc):
                nut_theo_duong[d.duong] = cha.add(nhan, data=d.duong, expand=True)
            else:
                nut_theo_duong[d.duong] = cha.add_leaf(nhan, data=d.duong)
        self._nut_theo_duong = nut_theo_duong
        cay.root.expand_all()
        if chon is not None:
            self.call_after_refresh(self._chon, chon)
        elif self.duong is None and tb.noi_dung:
            self.call_after_refresh(self._chon, (0,))

    def _loi_canh_bao_theo_dong(self) -> tuple[set[str], set[str]]:
        tb = self.phien.thong_bao()
        return ({t.ma_muc for t in tb if t.muc_do == "loi" and t.nhom != "doan_chep"},
                {t.ma_muc for t in tb if t.muc_do == "canh_bao"})

    @staticmethod
    def _nhan(d, loi: bool, canh_bao: bool, chua_xem: set[str]) -> Text:
        n = d.nut
        if isinstance(n, Muc):
            chu = " ".join(x for x in (d.nhan, trich_dau(chu_tron(n.tieu_de), 46)) if x)
            ky_hieu = "✗" if loi else "!" if canh_bao else "·"
            return Text(f"{ky_hieu} {chu}", style="bold")
        if isinstance(n, DoanVan):
            chep = thanh_danh_dau(n.noi_dung) in chua_xem
            ky_hieu = "✗" if loi else "↻" if chep else "!" if canh_bao else " "
            chu = DAU_DONG.get(n.dau_dong or "", "") + trich_dau(chu_tron(n.noi_dung), 44)
            return Text(f"{ky_hieu} ¶ {chu or '(đoạn trống)'}")
        so_cot = n.so_cot if isinstance(n, Bang) else 0
        return Text(f"  ▦ Bảng {len(n.hang)} hàng × {so_cot} cột")

    def _chon(self, duong: Duong) -> None:
        nut = self._nut_theo_duong.get(duong)
        if nut is not None:
            self.query_one(Tree).move_cursor(nut)
            self._hien_nut(duong)

    def on_tree_node_highlighted(self, su_kien: Tree.NodeHighlighted) -> None:
        duong = su_kien.node.data
        if duong is not None and duong != self.duong:
            self.luu_ngay()
            self._hien_nut(duong)

    def on_tree_node_selected(self, su_kien: Tree.NodeSelected) -> None:
        """Enter trên dàn ý: vào ô sửa chữ của dòng đó."""
        if su_kien.node.data is not None and not self.query_one("#chu-nut").disabled:
            self.query_one("#chu-nut").focus()

    def _hien_nut(self, duong: Duong) -> None:
        self.duong = duong
        try:
            nut = self.phien.nut(duong)
        except (LoiThaoTac, IndexError):
            return
        d = next((x for x in cac_dong(self.phien.bao_cao.noi_dung, self.phien.bao_cao.danh_so,
                                      self.phien.bao_cao.bang_chu_cai) if x.duong == duong),
                 None)
        loai = "Đề mục" if isinstance(nut, Muc) else "Đoạn văn" if isinstance(nut, DoanVan) \
            else "Bảng"
        duong_dan = d.noi() if d is not None else ""
        nhan = f" {d.nhan}" if d is not None and d.nhan else ""
        self.query_one("#duong-dan", Static).update(f"{loai}{nhan} — trong: {duong_dan}")
        vung = self.query_one("#chu-nut", TextArea)
        self._dang_dung = True
        if isinstance(nut, Bang):
            vung.text = "\n".join(" | ".join(chu_tron(o.noi_dung) for o in h) for h in nut.hang)
            vung.disabled = True
        else:
            vung.disabled = False
            vung.text = self.phien.chu_cua(duong)
        self.call_after_refresh(self._xong_dung)
        xem_lai = ""
        if self.phien.la_doan_chep(duong):
            xem_lai = ("↻ Đoạn chép từ kỳ trước, chưa xem lại: F6 giữ nguyên, Delete (ở dàn ý) "
                       "bỏ, hoặc sửa chữ bên dưới.")
        elif isinstance(nut, Bang):
            xem_lai = "Bảng chép nguyên từ tệp Word: xem, dời, xóa được ở đây; sửa ô bằng Word."
        self.query_one("#xem-lai", Static).update(xem_lai)
        self._cap_nhat_thong_bao_nut()

    def _xong_dung(self) -> None:
        self._dang_dung = False

    def _cap_nhat_thong_bao_nut(self) -> None:
        ma = "/".join(map(str, self.duong or ()))
        tb = [t for t in self.phien.thong_bao() if t.ma_muc == ma]
        self.query_one("#thong-bao-nut", Static).update(
            "\n".join(("Lỗi: " if t.muc_do == "loi" else "Cảnh báo: ") + t.thong_diep
                      for t in tb))

    # ------------------------------------------------------------ sửa chữ

    def on_text_area_changed(self, su_kien: TextArea.Changed) -> None:
        if self._dang_dung or su_kien.text_area.id != "chu-nut" or self.duong is None:
            return
        if su_kien.text_area.text == self.phien.chu_cua(self.duong):
            return
        try:
            self.phien.sua_chu(self.duong, su_kien.text_area.text)
        except LoiThaoTac as loi:
            self.notify(str(loi).capitalize(), markup=False)
            return
        nut = self._nut_theo_duong.get(self.duong)
        if nut is not None:
            d = next(x for x in cac_dong(self.phien.bao_cao.noi_dung,
                                         self.phien.bao_cao.danh_so,
                                         self.phien.bao_cao.bang_chu_cai)
                     if x.duong == self.duong)
            nut.set_label(self._nhan(d, False, False, set(self.phien.bao_cao.doan_chep)))
        self._hen_lai_luu()

    def _hen_lai_luu(self) -> None:
        if self._hen_luu is not None:
            self._hen_luu.stop()
        self.query_one("#trang-thai", Static).update(self._chu_trang_thai("Đang sửa…"))
        self._hen_luu = self.set_timer(self.app.cho_luu_giay, self.luu_ngay)

    def luu_ngay(self, gop: bool = True) -> None:
        if self._hen_luu is not None:
            self._hen_luu.stop()
            self._hen_luu = None
        if self.phien.da_thay_doi:
            so = luu_hoac_bao(self, self.phien, gop)
            if so is None:
                return
            self._lan_luu = f"Đã lưu {datetime.now():%H:%M:%S} (bản {so})"
        self.cap_nhat_trang_thai()

    def _chu_trang_thai(self, luu: str | None = None) -> str:
        loi, canh_bao = self.phien.dem()
        chep = self.phien.so_doan_chua_xem()
        return (f"{self.phien.ky.ten_gon} · {luu or self._lan_luu} · {loi} lỗi · {canh_bao} "
                "cảnh báo" + (f" · {chep} đoạn chép chưa xem" if chep else ""))

    def cap_nhat_trang_thai(self) -> None:
        o = self.query("#trang-thai")
        if not o:  # màn hình đang tháo (thoát chương trình): chỉ cần đã lưu
            return
        o.first(Static).update(self._chu_trang_thai())
        if self.duong is not None:
            self._cap_nhat_thong_bao_nut()

    # ------------------------------------------------------------ thao tác dàn ý

    def _tren_dan_y(self) -> bool:
        if isinstance(self.focused, Tree):
            return True
        self.notify("Thao tác này dùng trên dàn ý bên trái (chọn một dòng trước).", markup=False)
        return False

    def _lam(self, viec, *args) -> None:
        """Một thao tác đổi cấu trúc: làm, dựng lại dàn ý, chọn dòng kết quả, lưu."""
        try:
            moi = viec(*args)
        except LoiThaoTac as loi:
            self.notify(str(loi).capitalize() + ".", title="Chưa làm được", markup=False)
            return
        self.luu_ngay()
        chon = moi if isinstance(moi, tuple) else self._sau_khi_xoa()
        self.duong = None
        self.dung_cay(chon)

    def _sau_khi_xoa(self) -> Duong | None:
        if self.duong is None:
            return None
        d = self.duong
        cha = self.phien.con_cua(d[:-1])
        if d[-1] < len(cha):
            return d
        if d[-1] > 0:
            return (*d[:-1], d[-1] - 1)
        return d[:-1] or None

    def action_them_doan(self) -> None:
        if self._tren_dan_y():
            self._lam(self.phien.them_doan, self.duong)
            self.call_after_refresh(self.query_one("#chu-nut").focus)

    def action_them_muc(self) -> None:
        if self._tren_dan_y():
            self._lam(self.phien.them_muc, self.duong)

    def action_xoa(self) -> None:
        if not self._tren_dan_y() or self.duong is None:
            return
        from drafter.tui.xuat import XacNhan

        nut = self.phien.nut(self.duong)
        if isinstance(nut, Muc) and nut.noi_dung:
            self.app.push_screen(
                XacNhan(f"Xóa đề mục «{trich_dau(chu_tron(nut.tieu_de), 50)}» cùng "
                        f"{len(nut.noi_dung)} dòng bên trong? Bản trước vẫn giữ trong các phiên "
                        "bản, khôi phục được.", co="Xóa", khong="Không"),
                lambda dong_y: self._lam(self.phien.xoa, self.duong) if dong_y else None)
            return
        self._lam(self.phien.xoa, self.duong)

    def action_doi_cho(self, buoc: int) -> None:
        if self._tren_dan_y() and self.duong is not None:
            self._lam(self.phien.doi_cho, self.duong, buoc)

    def action_thut_vao(self) -> None:
        if self._tren_dan_y() and self.duong is not None:
            self._lam(self.phien.thut_vao, self.duong)

    def action_thut_ra(self) -> None:
        if self._tren_dan_y() and self.duong is not None:
            self._lam(self.phien.thut_ra, self.duong)

    def action_dau_dong(self) -> None:
        if self._tren_dan_y() and self.duong is not None:
            duong = self.duong
            self._lam(lambda: (self.phien.doi_dau_dong(duong), duong)[1])

    def action_giu_doan(self) -> None:
        if self.duong is None:
            return
        if self.phien.giu_doan(self.duong):
            self.luu_ngay()
            duong, self.duong = self.duong, None
            self.dung_cay(duong)
        else:
            self.notify("Dòng này không phải đoạn chép từ kỳ trước đang chờ xem lại.",
                        markup=False)

    def action_giu_ca_muc(self) -> None:
        """F7: giữ mọi đoạn chép trong đề mục đang chọn (đang ở một đoạn: đề mục chứa nó)."""
        duong = self.duong
        if duong is not None and not isinstance(self.phien.nut(duong), Muc):
            duong = duong[:-1]
        so = self.phien.giu_ca_muc(duong or None)
        if not so:
            self.notify("Không còn đoạn chép từ kỳ trước chờ xem lại ở đây.", markup=False)
            return
        self.notify(f"Đã giữ {so} đoạn chép từ kỳ trước.", markup=False)
        self.luu_ngay()
        chon, self.duong = self.duong, None
        self.dung_cay(chon)

    # ------------------------------------------------------------ màn hình khác

    def action_luu(self) -> None:
        self.phien.da_thay_doi = True
        self.luu_ngay(gop=False)
        self.notify(self._lan_luu, markup=False)

    def action_thong_tin(self) -> None:
        from drafter.tui.thong_tin import ThongTinVanBan

        self.luu_ngay()
        self.app.push_screen(ThongTinVanBan(self.phien))

    def action_xem_truoc(self) -> None:
        self.luu_ngay()
        self.app.push_screen(XemTruocTuDo(self.phien))

    def action_xuat(self) -> None:
        from drafter.tui.xuat import XuatVanBan

        self.luu_ngay()
        self.app.push_screen(XuatVanBan(self.phien))

    def action_ve_trang_chu(self) -> None:
        self.luu_ngay()
        self.app.pop_screen()

    def on_screen_suspend(self) -> None:
        self.luu_ngay()

    def on_screen_resume(self) -> None:
        self.phien.kiem_tra_lai()  # thông tin văn bản có thể vừa đổi
        duong, self.duong = self.duong, None
        self.dung_cay(duong)
        self.cap_nhat_trang_thai()

    async def action_loi_tiep(self) -> None:
        loi = [t for t in self.phien.thong_bao() if t.muc_do == "loi"]
        if not loi:
            self.notify("Không còn lỗi nào.", markup=False)
            return
        self._moc_loi = (self._moc_loi + 1) % len(loi)
        await self.den_thong_bao(loi[self._moc_loi])

    async def den_thong_bao(self, t: ThongBao) -> None:
        """Tới chỗ phải sửa của một phát hiện (F8, danh sách ở màn hình xuất)."""
        if not t.ma_muc:
            from drafter.tui.thong_tin import ThongTinVanBan

            self.app.push_screen(ThongTinVanBan(self.phien, tieu_diem=t.truong))
            self.notify(t.dong(), markup=False)
            return
        duong = tuple(int(x) for x in t.ma_muc.split("/"))
        self._chon(duong)
        self.query_one(Tree).focus()
        self.notify(t.dong(), markup=False)

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Thêm đoạn văn", "Insert, trên dàn ý", self.action_them_doan),
                Lenh("Thêm đề mục", "F4, cùng cấp với mục đang chọn", self.action_them_muc),
                Lenh("Xóa dòng đang chọn", "Delete, trên dàn ý", self.action_xoa),
                Lenh("Dời lên", "Ctrl+↑", lambda: self.action_doi_cho(-1)),
                Lenh("Dời xuống", "Ctrl+↓", lambda: self.action_doi_cho(1)),
                Lenh("Thụt vào (thành cấp con)", "Ctrl+→", self.action_thut_vao),
                Lenh("Thụt ra (lên một cấp)", "Ctrl+←", self.action_thut_ra),
                Lenh("Đổi dấu đầu dòng", "Ctrl+D: - + * hay không", self.action_dau_dong),
                Lenh("Giữ đoạn chép từ kỳ trước", "F6", self.action_giu_doan),
                Lenh("Giữ mọi đoạn chép của mục", "F7 (ở dòng đầu: cả văn bản)",
                     self.action_giu_ca_muc),
                Lenh("Thông tin văn bản", "F3", self.action_thong_tin),
                Lenh("Xem trước", "F5", self.action_xem_truoc),
                Lenh("Xuất văn bản", "F9", self.action_xuat),
                Lenh("Lỗi tiếp theo", "F8", self.action_loi_tiep),
                Lenh("Đề xuất số liệu theo biểu mẫu",
                     "số đọc từ câu văn, xác nhận từng số (làm số cùng kỳ cho kỳ sau)",
                     self.action_de_xuat_so_lieu)]

    def action_de_xuat_so_lieu(self) -> None:
        from drafter.van_ban_tu_do import de_xuat_so_lieu

        cac = de_xuat_so_lieu(self.phien.bao_cao)
        if not cac:
            self.notify("Không có số liệu nào chờ xác nhận (văn bản không khớp biểu mẫu, hoặc "
                        "mọi số đọc được đã xác nhận).", markup=False)
            return
        self.app.push_screen(DeXuatSoLieu(cac), self._nhan_so_lieu)

    def _nhan_so_lieu(self, chon: list | None) -> None:
        from drafter.van_ban_tu_do import nhan_so_lieu

        if chon:
            nhan_so_lieu(self.phien.bao_cao, chon)
            self.phien.da_thay_doi = True
            self.luu_ngay(gop=False)
            self.notify(f"Đã nhận {len(chon)} số liệu.", markup=False)


class XemTruocTuDo(Screen):
    """Xem trước văn bản tự do như sẽ in (cùng cách hiện với báo cáo theo biểu mẫu)."""

    BINDINGS = [Binding("escape", "quay_lai", "Quay lại", id="quay-lai"),
                Binding("f5", "quay_lai", "Quay lại", show=False, priority=True)]

    def __init__(self, phien: PhienTuDo) -> None:
        super().__init__()
        self.phien = phien

    def compose(self) -> ComposeResult:
        from drafter.tui.xem_truoc import cac_o_xem_truoc

        with VerticalScroll(id="xem-truoc"):
            yield from cac_o_xem_truoc(self.phien.dung_van_ban())
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#xem-truoc").focus()

    def action_quay_lai(self) -> None:
        self.app.pop_screen()


class DeXuatSoLieu(ModalScreen[list | None]):
    """Các số đọc được từ câu văn cho chỉ tiêu của biểu mẫu: mỗi số một ô đánh dấu (mặc định
    không chọn), kèm câu nguồn; chỉ những số được đánh dấu mới được nhận."""

    BINDINGS = [Binding("escape", "huy", "Hủy")]

    def __init__(self, cac: list) -> None:
        super().__init__()
        self.cac = cac

    def compose(self) -> ComposeResult:
        from drafter.tui.xuat import HopChon

        with Vertical(classes="hop-thoai rong", id="hop-thay-doi"):
            yield Label(f"{len(self.cac)} số liệu đọc được từ câu văn — đánh dấu số đúng để nhận "
                        "(dùng làm số cùng kỳ, kỳ trước cho các báo cáo theo biểu mẫu sau)",
                        classes="tieu-de-hop")
            with VerticalScroll(id="ds-thay-doi"):
                for i, d in enumerate(self.cac):
                    yield HopChon(f"{d.mo_ta()} — «{trich_dau(d.cau, 100)}»", id=f"so-{i}")
            with Horizontal(classes="nut-hop"):
                yield Button("Nhận các số đã chọn", id="nut-dong-y", variant="primary")
                yield Button("Hủy", id="nut-huy")

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        from drafter.tui.xuat import HopChon

        if su_kien.button.id != "nut-dong-y":
            self.dismiss(None)
            return
        self.dismiss([d for i, d in enumerate(self.cac)
                      if self.query_one(f"#so-{i}", HopChon).value])

    def action_huy(self) -> None:
        self.dismiss(None)


class NhapWord(ModalScreen[Ky | None]):
    """Nhập một báo cáo, kế hoạch Word (.docx) vào kho: đọc tệp, xem kỳ và những gì chưa đặt
    được, rồi lưu thành văn bản tự do của kỳ đó."""

    app = getters.app(UngDung)
    BINDINGS = [Binding("escape", "huy", "Hủy")]

    def __init__(self) -> None:
        super().__init__()
        self.kq: KetQuaDoc | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="hop-thoai rong"):
            yield Label("Nhập báo cáo, kế hoạch từ tệp Word (.docx)", classes="tieu-de-hop")
            o = ONhap("", id="o-tep", placeholder="Đường dẫn tệp .docx, Enter để đọc")
            o.border_title = "Tệp Word"
            yield o
            yield Static("", id="ket-qua-doc", markup=False)
            o = ONhap("", id="o-ky", placeholder="2024-Q2, 2024-H1, 2024-9M, 2024")
            o.border_title = "Kỳ của văn bản"
            yield o
            yield Static("", id="loi-nhap", classes="loi", markup=False)
            with Horizontal(classes="nut-hop"):
                yield Button("Đọc tệp", id="nut-doc")
                yield Button("Nhập vào kho", id="nut-dong-y", variant="primary")
                yield Button("Hủy", id="nut-huy")

    def on_mount(self) -> None:
        self.query_one("#o-tep").focus()

    def on_input_submitted(self, su_kien: ONhap.Submitted) -> None:
        if su_kien.input.id == "o-tep":
            self._doc()
        else:
            self._nhap()

    def on_button_pressed(self, su_kien: Button.Pressed) -> None:
        {"nut-doc": self._doc, "nut-dong-y": self._nhap, "nut-huy": self.action_huy}[
            su_kien.button.id or ""]()

    def _doc(self) -> None:
        from drafter.kiem_tra import LoiDocTep
        from drafter.van_ban_tu_do import doc_de_nhap, ky_cua, ten_xa_cua

        loi = self.query_one("#loi-nhap", Static)
        tep = Path(self.query_one("#o-tep", ONhap).value.strip().strip('"')).expanduser()
        try:
            kq = doc_de_nhap(tep)
        except LoiDocTep as e:
            self.kq = None
            loi.update(str(e))
            return
        self.kq = kq
        loi.update("")
        ky = ky_cua(kq)
        dong = [f"{kq.van_ban.dau.ten_loai.capitalize()}: "
                f"{trich_dau(kq.van_ban.dau.trich_yeu or '', 100)}", f"Đã đọc: {kq.tom_tat()}."]
        ten_xa = ten_xa_cua(kq)
        xa = self.app.xa
        if ten_xa and ten_xa.lower() != xa.ten.lower():
            dong.append(f"Lưu ý: văn bản của xã {ten_xa}, sẽ nhập vào xã {xa.ten}.")
        dong += [f"Đánh số lại: {c.dong()}" for c in kq.danh_lai]
        dong += [f"Chưa đặt được: {c.dong()}" for c in kq.chua_dat_that]
        self.query_one("#ket-qua-doc", Static).update("\n".join(dong))
        o_ky = self.query_one("#o-ky", ONhap)
        o_ky.value = ky.ma if ky else ""
        if ky is None:
            loi.update("Không đọc được kỳ từ trích yếu: gõ kỳ của văn bản rồi Enter.")
        o_ky.focus()

    def _nhap(self) -> None:
        from drafter.van_ban_tu_do import nhap_vao_kho

        loi = self.query_one("#loi-nhap", Static)
        if self.kq is None:
            self._doc()
            if self.kq is None:
                return
        try:
            ky = Ky.doc(self.query_one("#o-ky", ONhap).value)
        except LoiKy as e:
            loi.update(str(e).capitalize())
            return
        app = self.app
        tep = Path(self.query_one("#o-tep", ONhap).value.strip().strip('"')).expanduser()
        try:
            r = nhap_vao_kho(app.kho, app.xa, tep, self.kq, ky)
        except LoiKho as e:
            loi.update(str(e))
            return
        app.notify(r.thong_diep, markup=False)
        self.dismiss(ky)

    def action_huy(self) -> None:
        self.dismiss(None)
