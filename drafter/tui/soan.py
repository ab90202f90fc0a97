"""Soạn báo cáo: dàn ý các mục bên trái (kèm dấu đã xong / có lỗi / có cảnh báo / cần xem lại),
biểu mẫu của mục đang chọn bên phải: các chỉ tiêu (mỗi ô một dòng có nhãn: kỳ này, kế hoạch
năm, cùng kỳ, dự toán), câu số liệu hiện ngay, chi tiết theo thôn có tổng cộng chạy, lời văn.
Tự lưu sau mỗi thay đổi; không bao giờ hỏi "có lưu không".

Phím (hiện ở hai dòng cuối màn hình): Enter sang chỉ tiêu sau theo thứ tự in (hết mục thì sang
mục sau), Tab / ↓ ô sau, Shift+Tab / ↑ ô trước, Esc ra dàn ý, trên dàn ý Enter vào lại đúng ô
đang gõ dở và Esc về trang chủ.

Mỗi mục dựng một lần rồi giữ lại (ẩn khi không xem): quay lại một mục đã mở chỉ là hiện nó."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea, Tree
from textual.widgets.tree import TreeNode

from drafter.bieu_mau.dinh_nghia import ChiTieu, MucBieuMau, dien_bien
from drafter.bieu_mau.dung_van_ban import bien_cua
from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao, trich_dau
from drafter.phien_soan import KY_HIEU_TRANG_THAI, PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh, luu_hoac_bao
from drafter.tui.o_nhap import BindingTaiCho, ONhap, OSo, VungVanBan, chu_so_hien, o_co_nhan
from drafter.tui.xem_lai import ChonTrangThai, TheDoan, TheGoiY
from drafter.vn import bo_dau

if TYPE_CHECKING:
    from drafter.tui.ke_hoach import ChonDanhGia


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


def ten_o(ct: ChiTieu, truong: str, nam: int) -> str:
    """Nhãn bên trái mỗi ô: đủ rõ để không gõ nhầm ô (tối đa 14 chữ, vừa cột nhãn)."""
    return {"gia_tri": "Số đạt" if ct.loai == "ti_so" else "Kỳ này",
            "mau_so": "Trên tổng số", "ke_hoach": "Kế hoạch năm",
            "cung_ky": f"Cùng kỳ {nam - 1}", "du_toan_huyen": "Dự toán huyện",
            "du_toan_xa": "Dự toán xã"}[truong]


def ten_chi_tieu(ct: ChiTieu) -> str:
    """Tên chỉ tiêu kèm đơn vị, một lần (tiền: gõ bằng đồng, in theo đơn vị của biểu mẫu)."""
    if ct.loai == "tien":
        don_vi = "đồng" if ct.don_vi_tien == "đồng" else f"gõ bằng đồng, in {ct.don_vi_tien}"
        return f"{ct.ten} ({don_vi})"
    return f"{ct.ten} ({ct.don_vi})" if ct.don_vi else ct.ten


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


class DanY(BindingTaiCho, Tree):
    """Dàn ý các mục. Enter: vào mục, về đúng ô đang gõ dở của mục đó (chạy ngay trong dàn ý
    để phím gõ liền sau Enter vào được ô, không rơi vào dàn ý). Gõ chữ đầu tên mục (không dấu
    cũng được): nhảy tới mục kế tiếp có tên bắt đầu như vậy («y» ra Y tế, «th» ra Thu - chi)."""

    BINDINGS = [Binding("enter", "vao", "Vào mục", show=False)]
    CHO_GO_GIAY = 1.0  # ngừng gõ lâu hơn thì chữ gõ sau bắt đầu tìm lại

    def __init__(self, nhan: str, id: str | None = None) -> None:
        super().__init__(nhan, id=id)
        self.ten_tim: dict[str, str] = {}  # mã mục → tên trên dàn ý, bỏ dấu, chữ thường
        self._go = ""
        self._luc_go = 0.0

    def action_vao(self) -> None:
        man_hinh = self.screen
        if isinstance(man_hinh, SoanBaoCao):  # dàn ý chỉ có ở màn hình soạn
            man_hinh.vao_muc()

    def tim_theo_chu(self, go: str, tu: TreeNode | None) -> TreeNode | None:
        """Mục đầu tiên từ sau nút `tu` (vòng lại từ đầu) có tên bắt đầu bằng `go`; tên chỉ khớp
        ở đầu một từ khác thì xét sau. None: không có."""
        nut = list(_duyet_cay(self.root))
        i = nut.index(tu) if tu in nut else -1
        thu_tu = nut[i + 1:] + nut[:i + 1]
        for khop in (lambda t: t.startswith(go), lambda t: f" {go}" in f" {t}"):
            for n in thu_tu:
                if khop(self.ten_tim.get(n.data or "", "")):
                    return n
        return None

    async def _on_key(self, event: events.Key) -> None:
        chu = event.character or ""
        if self.screen.focused is not self or not event.is_printable or not chu.isalpha():
            return  # lớp trộn BindingTaiCho lo (phím tới muộn, phím có binding)
        event.stop()
        event.prevent_default()
        luc = time.monotonic()
        mo_rong = luc - self._luc_go < self.CHO_GO_GIAY
        self._go = (self._go if mo_rong else "") + bo_dau(chu)
        self._luc_go = luc
        # Gõ thêm chữ: tìm từ chính mục đang chọn (vẫn khớp thì đứng yên); chữ đầu: từ mục sau.
        tu = self.cursor_node
        if mo_rong and tu is not None:
            tu = self._nut_truoc(tu)
        nut = self.tim_theo_chu(self._go, tu)
        if nut is not None:
            self.move_cursor(nut)

    def _nut_truoc(self, nut: TreeNode) -> TreeNode | None:
        cac = list(_duyet_cay(self.root))
        i = cac.index(nut)
        return cac[i - 1] if i > 0 else cac[-1]


class DongChu(Static):
    """Dòng chữ do chương trình viết (câu số liệu, lỗi, cảnh báo, trạng thái, gợi ý phím), đổi
    theo mỗi phím gõ bằng dat_chu mà không bắt cả màn hình tính lại bố cục khi không cần."""

    def __init__(self, chu: str = "", *, biet_chu: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(chu, id=id, classes=classes, markup=False)
        # Chữ đang hiện khi đã biết chắc; None: lần đổi đầu tiên luôn tính lại bố cục.
        self.chu_dang_hien: str | None = chu if biet_chu else None

    def dat_chu(self, chu: str) -> None:
        """Đổi chữ; nếu số dòng không đổi thì chỉ vẽ lại dòng này (bố cục cả biểu mẫu lớn tốn
        hàng chục mili giây mỗi lần). Lớp an-khi-trong: trống thì ẩn hẳn, không để dòng trắng
        giữa các chỉ tiêu."""
        cu = self.chu_dang_hien
        if cu == chu:
            return
        rong = max(self.size.width, 1)

        def so_dong(s: str) -> int:
            return sum(max(1, -(-len(d) // rong)) for d in s.split("\n")) if s else 0

        self.chu_dang_hien = chu
        an = not chu and self.has_class("an-khi-trong")
        if self.display == an:
            self.display = not an
        self.update(chu, layout=cu is None or so_dong(cu) != so_dong(chu))


class VungLoiVan(VungVanBan):
    """Ô lời văn của một mục (mỗi mục một ô, giữ lại khi sang mục khác): biết mình của mục nào,
    vì thông báo đổi chữ có thể tới sau khi đã chuyển mục."""

    def __init__(self, chu: str, ma_muc: str) -> None:
        super().__init__(chu, id="van-ban", soft_wrap=True, tab_behavior="focus",
                         classes="van-ban")
        self.ma_muc = ma_muc


class SoanBaoCao(ManHinh):
    BINDINGS = [
        # Không ưu tiên: phím chuyển màn hình đi sau các chữ gõ ngay trước nó (qua ô đang gõ).
        Binding("f2", "luu", "Lưu", id="luu"),
        Binding("f3", "thong_tin", "Thông tin VB", id="thong-tin"),
        Binding("f5", "xem_truoc", "Xem trước", id="xem-truoc"),
        # Hiện ở dòng gợi ý khi dùng được (ô số giữ từ kỳ trước, mục còn chữ chép chưa xem).
        Binding("f6", "giu_so", "Giữ số", id="giu-so", show=False),
        Binding("f7", "giu_ca_muc", "Giữ cả mục", id="giu-ca-muc", show=False),
        Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep"),
        Binding("f9", "xuat", "Xuất", id="xuat"),
        # Esc: trong biểu mẫu ra dàn ý; trên dàn ý về trang chủ (check_action chọn một).
        Binding("escape", "ra_dan_y", "Dàn ý", id="dan-y", show=False),
        Binding("escape", "ve_trang_chu", "Trang chủ", id="trang-chu", show=False),
    ]

    def __init__(self, phien: PhienSoan, ma_muc: str | None = None) -> None:
        super().__init__()
        self.phien = phien
        self.ma_muc = ma_muc or phien.bieu_mau.muc[0].ma
        self._hen_luu: Timer | None = None
        self._dang_dung = False  # đang dựng phần biểu mẫu của một mục (đo, kiểm thử chờ cờ này)
        self._dang_sua = False
        self._moc_loi: tuple[int, int, int] | None = None  # lỗi F8 vừa đưa tới
        self._khung: dict[str, Vertical] = {}  # mục đã dựng, giữ lại để quay lại nhanh
        self._thu_tu_in: dict[str, list[ChiTieu]] = {}
        self._o_cuoi: dict[str, str] = {}  # mỗi mục: ô gõ dở lần cuối (Esc ra, Enter vào lại)
        # (mục, ô): khi mục này hiện xong thì đặt con trỏ vào ô đó (Enter vừa bấm lúc mục đang dựng)
        self._vao_khi_xong: tuple[str, str] | None = None
        self._muc_san_sang: str | None = None  # mục đã dựng xong và đang hiện
        self._nhan_sang: str | None = None  # id nhãn của ô đang gõ (in đảo)
        # Ô, câu, dòng lỗi của mỗi chỉ tiêu đã dựng, theo id: mỗi phím gõ cập nhật thẳng, không
        # tìm trong cả cây widget (cây lớn dần theo số mục đã mở).
        self._w: dict[str, Widget] = {}
        self.dang_chuyen = False  # đang chuyển mục (đo, kiểm thử chờ cờ này)

    # ------------------------------------------------------------ dựng

    def compose(self) -> ComposeResult:
        yield DongChu(id="trang-thai")
        with Horizontal(id="khung-soan"):
            yield DanY(f"Báo cáo {self.phien.ky.ten_gon}", id="dan-y")
            yield KhungBieuMau(id="bieu-mau")
        yield DongChu(id="goi-y-phim")
        yield ChanTrang()

    async def on_mount(self) -> None:
        self._trang_thai = self.query_one("#trang-thai", DongChu)
        self._goi_y = self.query_one("#goi-y-phim", DongChu)
        self._dan_y = cay = self.query_one(DanY)
        cay.show_root = False
        cay.guide_depth = 2
        self._them_nut(cay.root, None)
        cay.root.expand_all()
        await self.dung_bieu_mau()
        self.cap_nhat_trang_thai()
        self._chon_nut(self.ma_muc)
        # Mở ra là gõ được ngay: con trỏ ở ô đầu của mục (Esc ra dàn ý chọn mục khác).
        self._dat_vao(self._o_vao(self.ma_muc))

    def _them_nut(self, nut, ma_cha: str | None) -> None:
        cay = self._dan_y
        for muc in self.phien.bieu_mau.con_cua(ma_cha):
            nhan = self._nhan_nut(muc)
            cay.ten_tim[muc.ma] = bo_dau(nhan.split(" ", 1)[1])
            con = nut.add(nhan, data=muc.ma, expand=True)
            if not self.phien.bieu_mau.con_cua(muc.ma):
                con.allow_expand = False
            self._them_nut(con, muc.ma)

    def _nhan_nut(self, muc: MucBieuMau) -> str:
        ky_hieu = KY_HIEU_TRANG_THAI[self.phien.trang_thai_muc(muc)]
        bc = self.phien.bao_cao
        # Tên ngắn đặt sẵn trong biểu mẫu cho dàn ý hẹp (80 cột); tên đầy đủ ở đầu biểu mẫu.
        ten = dien_bien(muc.ten_ngan, bien_cua(bc)) if muc.ten_ngan else (
            bc.tieu_de_muc.get(muc.ma) or dien_bien(muc.ten, bien_cua(bc)))
        return f"{ky_hieu} {ten}"

    def _chon_nut(self, ma: str) -> None:
        cay = self._dan_y
        for nut in _duyet_cay(cay.root):
            if nut.data == ma:
                cay.move_cursor(nut)
                return

    @property
    def khung(self) -> Vertical:
        """Phần biểu mẫu của mục đang hiện."""
        return self._khung[self.ma_muc]

    def chi_tieu_muc(self, ma_muc: str) -> list[ChiTieu]:
        """Chỉ tiêu của mục theo thứ tự in; cố định từ lần đầu mở mục (ô không nhảy chỗ khi
        đang sửa lời văn)."""
        if ma_muc not in self._thu_tu_in:
            self._thu_tu_in[ma_muc] = self.phien.chi_tieu_theo_thu_tu_in(ma_muc)
        return self._thu_tu_in[ma_muc]

    async def dung_bieu_mau(self) -> None:
        """Hiện phần biểu mẫu của mục đang chọn: dựng nếu chưa có, không thì chỉ hiện lại và làm
        mới các dòng lỗi (số ở mục khác có thể đã đổi kết quả kiểm tra)."""
        khung_ngoai = self.query_one("#bieu-mau", KhungBieuMau)
        moi = self.ma_muc not in self._khung
        if moi:
            self._dang_dung = True
            khung = Vertical(*self._phan_muc(), classes="khung-muc")
            self._khung[self.ma_muc] = khung
            await khung_ngoai.mount(khung)
        for ma, k in self._khung.items():
            k.display = ma == self.ma_muc
        khung_ngoai.scroll_home(animate=False)
        if moi:
            self.call_after_refresh(self._xong_dung)
        else:
            for ct in self.chi_tieu_muc(self.ma_muc):
                self._cap_nhat_chi_tieu(ct.ma)
        self._cap_nhat_thong_bao_muc()
        self._muc_san_sang = self.ma_muc
        if self._vao_khi_xong is not None and self._vao_khi_xong[0] == self.ma_muc:
            self._dat_vao(self._vao_khi_xong[1])

    async def _bo_khung(self, chi_muc: str | None = None) -> None:
        """Bỏ các mục đã dựng (hoặc chỉ một mục) để lần hiện sau dựng lại theo dữ liệu mới."""
        self._muc_san_sang = None
        for ma in [chi_muc] if chi_muc else list(self._khung):
            khung = self._khung.pop(ma, None)
            if khung is not None:
                for k in [k for k, w in self._w.items() if khung in w.ancestors]:
                    del self._w[k]
                await khung.remove()

    def _xong_dung(self) -> None:
        self._dang_dung = False

    def _phan_muc(self) -> list[Widget]:
        muc = self.phien.bieu_mau.muc_theo_ma()[self.ma_muc]
        phan: list[Widget] = [Static(self.phien.bieu_mau.duong_dan(muc.ma),
                                     classes="tieu-de-muc", markup=False)]
        if muc.tro_giup:
            phan.append(Static(muc.tro_giup, classes="tro-giup", markup=False))
        phan += self._doan_chep(muc)
        for ct in self.chi_tieu_muc(muc.ma):
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
        phan.append(VungLoiVan(self.phien.chu_van_ban(muc.ma), muc.ma))
        phan.append(DongChu(id="thong-bao-muc"))
        return phan

    def _doan_chep(self, muc: MucBieuMau) -> list[Widget]:
        """Các đoạn chép từ kỳ trước chưa xem lại, mỗi đoạn một ô: giữ, bỏ hay sửa."""
        from drafter.bieu_mau.gan_ky import soat

        chua_xem = self.phien.doan_chua_xem(muc.ma)
        so_chep = [c for c in self.phien.bieu_mau.chi_tieu_cua(muc.ma)
                   if c.ma in self.phien.bao_cao.so_lieu_chep]
        ra: list[Widget] = []
        if chua_xem or so_chep:
            ra.append(DongChu(_huong_dan_xem_lai(len(chua_xem), len(so_chep)),
                              classes="canh-bao", id="huong-dan-xem-lai"))
        soat_ky = not muc.danh_sach_so
        for i, chu in chua_xem:
            canh_bao = [f"«{c.chu}» — {c.ly_do}" for c in soat(chu, self.phien.ky, da_chep=True)
                        ] if soat_ky else []
            ra.append(TheDoan(i, chu, canh_bao, id=f"doan-chep-{i}"))
        return ra

    def _nhiem_vu_ky_truoc(self) -> list[Widget]:
        """Nhiệm vụ kỳ trước đề ra: mỗi nhiệm vụ một trạng thái (phím 1/2/3) và câu kết quả."""
        ds = self.phien.bao_cao.nhiem_vu_ky_truoc
        if not ds:
            return [Static("Báo cáo kỳ trước không đề ra nhiệm vụ nào.", classes="tro-giup",
                           markup=False)]
        ra: list[Widget] = [Static(self._dem_nhiem_vu(), id="dem-nhiem-vu", classes="nhan",
                                   markup=False)]
        danh_gia = self._danh_gia_nhiem_vu()
        for i, nv in enumerate(ds):
            chon: Static
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

    def _goi_y_nhiem_vu(self) -> list[Widget]:
        goi_y = self.phien.goi_y_nhiem_vu()
        if not goi_y:
            return []
        hien = self.phien.chu_van_ban(self.ma_muc)
        ra: list[Widget] = [Static(
            "Gợi ý: nhiệm vụ kỳ này đã nhận (chữ chỉ kỳ đã dời sang kỳ tới). Enter trên một gợi ý "
            "để thêm vào cuối lời văn, rồi sửa cho kỳ tới:", classes="nhan", markup=False)]
        for j, g in enumerate(goi_y):
            ra.append(TheGoiY(g, da_co=g.split("\n\n")[0] in hien, id=f"goi-y-{j}"))
        return ra

    def _dong_chi_tieu(self, ct: ChiTieu) -> Vertical:
        """Một chỉ tiêu: tên (đơn vị một lần), cột nhãn và cột ô (mỗi ô một dòng, số sát phải,
        đủ rộng cho 15 chữ số tiền ở 80 cột), rồi câu số liệu, dòng lỗi, dòng cảnh báo."""
        s = self.phien.so_lieu(ct.ma)
        truong = cac_o(ct)
        o_nhap: list[Widget] = []
        for t in truong:
            gia_tri = _chu_o(getattr(s, t))
            if ct.la_so:
                o: Input = OSo(gia_tri, phan_tram=ct.loai == "phan_tram", id=f"so-{ct.ma}-{t}",
                               classes="o-so")
            else:
                o = ONhap(gia_tri, id=f"so-{ct.ma}-{t}", classes="o-chu")
            if ct.tro_giup:
                o.tooltip = ct.tro_giup
            o_nhap.append(o)
        # Nhãn và ô trong một lưới hai cột, mỗi ô một dòng (một khung cho cả chỉ tiêu thay vì một
        # khung mỗi ô: mục lớn mở nhanh hơn).
        luoi: list[Widget] = []
        for t, o_cua_t in zip(truong, o_nhap, strict=True):
            luoi += [Static(ten_o(ct, t, self.phien.ky.nam), id=f"nhan-{ct.ma}-{t}",
                            classes="nhan-o", markup=False), o_cua_t]
        con: list[Widget] = [Static(ten_chi_tieu(ct), classes="ten-chi-tieu", markup=False),
                             Grid(*luoi, classes="luoi-o" if ct.la_so else "luoi-o chu")]
        # Số cùng kỳ là tổng các xã cũ (xã sau sắp xếp): nói từ đâu mà có, ngay dưới các ô.
        nguon = self.phien.nguon_cung_ky(ct) if "cung_ky" in truong else ""
        if nguon:
            con.append(DongChu(nguon, id=f"nguon-{ct.ma}", classes="tro-giup"))
        if ct.phan_con:
            con.append(Static(f"Chi tiết theo {ct.phan_con.theo} (mỗi dòng «tên: số»):",
                              classes="nhan", markup=False))
            con.append(VungVanBan(chu_phan_con(self.phien, ct.ma), id=f"phan-{ct.ma}",
                                  classes="phan-con", tab_behavior="focus"))
            con.append(DongChu(self.phien.tong_phan_con(ct), id=f"tong-{ct.ma}", classes="tong"))
        tb = self.phien.thong_bao_cua(ct.ma)
        for ma_o, chu in ((f"cau-{ct.ma}", self.phien.cum_so_lieu(ct)),
                          (f"loi-{ct.ma}", _chu_thong_bao(tb, "loi")),
                          (f"cb-{ct.ma}", _chu_thong_bao(tb, "canh_bao"))):
            # Dòng lỗi, cảnh báo chỉ dựng khi có chữ (phần lớn chỉ tiêu không có): mục lớn mở
            # nhanh hơn; _cap_nhat_chi_tieu thêm vào khi cần.
            if chu or ma_o.startswith("cau-"):
                con.append(_dong_chu(ma_o, chu))
        khung = Vertical(*con, classes="chi-tieu", id=f"ct-{ct.ma}")
        for w in (*luoi, *con, khung):
            if w.id:
                self._w[w.id] = w
        return khung

    def _dat_dong(self, ma_o: str, chu: str) -> None:
        """Đổi chữ dòng câu / lỗi / cảnh báo của một chỉ tiêu; dòng chưa có thì thêm (đúng thứ
        tự câu, lỗi, cảnh báo)."""
        o = self._w.get(ma_o)
        if o is not None:
            assert isinstance(o, DongChu)
            o.dat_chu(chu)
            return
        if not chu:
            return
        loai, ma = ma_o.split("-", 1)
        o = self._w[ma_o] = _dong_chu(ma_o, chu)
        sau = self._w.get(f"cb-{ma}") if loai == "loi" else None
        if sau is not None:
            self._w[f"ct-{ma}"].mount(o, before=sau)
        else:
            self._w[f"ct-{ma}"].mount(o)

    # ------------------------------------------------------------ thay đổi

    def on_input_changed(self, su_kien: Input.Changed) -> None:
        # Không bỏ qua khi đang dựng mục: số gõ ngay khi mục vừa hiện là số thật; Changed của ô
        # vừa dựng mang đúng giá trị đã lưu nên _ghi_o tự bỏ qua.
        self._ghi_o(su_kien.input, su_kien.value)

    def _ghi_o(self, o: Input, chu: str) -> None:
        """Ghi chữ của một ô vào báo cáo (khi gõ, và khi thoát / chuyển màn hình)."""
        ma_o = o.id or ""
        if ma_o.startswith("kq-"):
            i = int(ma_o.removeprefix("kq-"))
            if (self.phien.bao_cao.nhiem_vu_ky_truoc[i].ket_qua or "") != chu:
                self.phien.dat_nhiem_vu(i, ket_qua=chu)
                self._hen_lai_luu()
            return
        if not ma_o.startswith("so-"):
            return
        _, ma, truong = ma_o.split("-", 2)
        cu = _chu_o(getattr(self.phien.so_lieu(ma), truong))
        if cu == chu or (isinstance(o, OSo) and chu_so_hien(cu, o.phan_tram) == chu):
            return  # ô dựng lại, hay số chỉ được viết lại như sẽ in: không phải người dùng sửa
        self.phien.dat_so(ma, truong, chu)
        self._cap_nhat_chi_tieu(ma)
        self._hen_lai_luu()

    def on_text_area_changed(self, su_kien: TextArea.Changed) -> None:
        self._ghi_vung(su_kien.text_area)

    def _ghi_vung(self, vung: TextArea) -> None:
        ma_o = vung.id or ""
        if ma_o == "van-ban":
            # Mục của chính ô này (không phải mục đang hiện: thông báo có thể tới sau khi đã
            # chuyển mục).
            ma_muc = vung.ma_muc if isinstance(vung, VungLoiVan) else self.ma_muc
            if vung.text == self.phien.chu_van_ban(ma_muc):
                return
            self.phien.dat_van_ban(ma_muc, vung.text)
        elif ma_o.startswith("phan-"):
            ma = ma_o.removeprefix("phan-")
            if vung.text == chu_phan_con(self.phien, ma):
                return
            self.phien.dat_phan_con(ma, doc_phan_con(vung.text))
            self._cap_nhat_chi_tieu(ma)
        else:
            return
        self._hen_lai_luu()

    def ghi_o_dang_go(self) -> None:
        """Chữ trong ô đang gõ vào báo cáo ngay (trước khi thoát, lưu, chuyển màn hình): không
        phụ thuộc thông báo Changed của ô đã tới màn hình hay chưa."""
        o = self.focused
        if isinstance(o, Input):
            self._ghi_o(o, o.value)
        elif isinstance(o, TextArea):
            self._ghi_vung(o)

    def _cap_nhat_chi_tieu(self, ma: str) -> None:
        ct = self.phien.bieu_mau.chi_tieu_theo_ma()[ma]
        w = self._w
        if f"cau-{ma}" not in w:
            return  # mục của chỉ tiêu này chưa dựng
        self._dat_dong(f"cau-{ma}", self.phien.cum_so_lieu(ct))
        if isinstance(nguon := w.get(f"nguon-{ma}"), DongChu):
            nguon.dat_chu(self.phien.nguon_cung_ky(ct))
        if ct.phan_con and isinstance(tong := w.get(f"tong-{ma}"), DongChu):
            tong.dat_chu(self.phien.tong_phan_con(ct))
        tb = self.phien.thong_bao_cua(ma)  # kiểm tra chỉ tiêu một lần cho mỗi phím gõ
        self._dat_dong(f"loi-{ma}", _chu_thong_bao(tb, "loi"))
        self._dat_dong(f"cb-{ma}", _chu_thong_bao(tb, "canh_bao"))
        truong_loi = {t.truong for t in tb if t.muc_do == "loi"}
        for truong in cac_o(ct):
            o = w[f"so-{ma}-{truong}"]
            assert isinstance(o, Input)
            # Ô gõ sai (chưa đọc được thành số) giữ dấu sai của chính nó dù chỉ tiêu chưa kiểm.
            o.set_class(truong in truong_loi or not o.is_valid, "-invalid")

    def _cap_nhat_thong_bao_muc(self) -> None:
        tb = [t for t in self.phien.thong_bao() if (t.ma_muc == self.ma_muc and not t.ma_chi_tieu)
              or (t.ma_muc == self.ma_muc and t.truong == "van_ban")]
        chu = "\n".join(("Lỗi: " if t.muc_do == "loi" else "Cảnh báo: ") + t.thong_diep for t in tb)
        self.khung.query_one("#thong-bao-muc", DongChu).dat_chu(chu)

    def _hen_lai_luu(self) -> None:
        if not self._dang_sua:
            # Chỉ đổi dòng trạng thái ở phím đầu tiên: mỗi phím không phải tính lại cả báo cáo.
            self._dang_sua = True
            self._trang_thai.dat_chu(self._chu_trang_thai("đang sửa…"))
        if self._hen_luu is not None:
            self._hen_luu.stop()
        self._hen_luu = self.set_timer(self.app.cho_luu_giay, self.luu_ngay)

    def luu_ngay(self, gop: bool = True) -> None:
        """Lưu nếu có thay đổi; cập nhật dấu trạng thái các mục và số lỗi."""
        self.ghi_o_dang_go()
        if self._hen_luu is not None:
            self._hen_luu.stop()
            self._hen_luu = None
        if self.phien.da_thay_doi:
            # Tự lưu: cả đợt sửa gộp vào một phiên bản.
            if luu_hoac_bao(self, self.phien, gop) is None:
                return
        self._dang_sua = False
        self.cap_nhat_trang_thai()

    def _chu_luu(self) -> str:
        if self.phien.lan_luu is None:
            return "đã lưu"
        luc, so = self.phien.lan_luu
        return f"lưu {luc:%H:%M} (bản {so})"

    def _chu_trang_thai(self, luu: str | None = None) -> str:
        loi, canh_bao = self.phien.dem()
        them = len(self.phien.loi_them_cho_chinh_thuc())
        return (f"Báo cáo {self.phien.ky.ten_gon} · {luu or self._chu_luu()} · {loi} lỗi, "
                f"{canh_bao} cảnh báo" + (f" · bản chính thức cần thêm {them}" if them else ""))

    def cap_nhat_trang_thai(self) -> None:
        self._trang_thai.dat_chu(self._chu_trang_thai())
        cay = self._dan_y
        theo_ma = self.phien.bieu_mau.muc_theo_ma()
        for nut in _duyet_cay(cay.root):
            if nut.data in theo_ma:
                nhan = self._nhan_nut(theo_ma[nut.data])
                if str(nut.label) != nhan:  # đổi nhãn bắt cả cây vẽ lại: chỉ đổi khi khác
                    nut.set_label(nhan)
        if self.is_mounted and self.ma_muc in self._khung:
            self._cap_nhat_thong_bao_muc()

    # ------------------------------------------------------------ điều hướng bằng phím

    async def on_tree_node_highlighted(self, su_kien: Tree.NodeHighlighted) -> None:
        ma = su_kien.node.data
        if ma and ma != self.ma_muc:
            self.luu_ngay()
            self.ma_muc = ma
            await self.dung_bieu_mau()

    def vao_muc(self) -> None:
        """Enter trên dàn ý: vào mục đang chọn, ở ô gõ dở lần trước (hay ô đầu). Mục chưa dựng
        xong thì giữ phím gõ tiếp cho tới khi ô đó nhận con trỏ."""
        nut = self._dan_y.cursor_node
        ma = nut.data if nut is not None else None
        if ma is None:
            return
        if ma != self._muc_san_sang:
            self.app.giu_phim()
            self.dang_chuyen = True
            self.set_focus(None)
            self._vao_khi_xong = (ma, self._o_vao(ma))
            self.set_timer(1.0, self._vao_neu_con_cho)
            return
        self._dat_vao(self._o_vao(ma))

    def _vao_neu_con_cho(self) -> None:
        # Phòng xa: mục không hiện xong như chờ thì vẫn trả con trỏ, không để màn hình không ô.
        if self._vao_khi_xong is not None and self.ma_muc in self._khung:
            self._dat_vao(self._vao_khi_xong[1] if self._vao_khi_xong[0] == self.ma_muc else "")

    def _o_vao(self, ma_muc: str) -> str:
        """Ô để đặt con trỏ khi vào mục: ô gõ dở lần trước, không thì ô số đầu, không thì ô
        đầu tiên nhận con trỏ (đoạn chép chờ xem lại, lời văn)."""
        if ma_muc in self._o_cuoi:
            return self._o_cuoi[ma_muc]
        dung = self._diem_dung(ma_muc)
        if dung:
            return dung[0]
        return "" if ma_muc not in self._khung else next(
            (w.id for w in self._khung[ma_muc].query("*") if w.focusable and w.id), "")

    def _dat_vao(self, ma_o: str) -> None:
        """Đặt con trỏ vào ô `ma_o` của mục đang hiện (rỗng: ô đầu tiên nhận con trỏ), rồi trả
        các phím đã giữ trong lúc chuyển."""
        self._vao_khi_xong = None
        o = self.khung.query(f"#{ma_o}") if ma_o else None
        dich = o.first() if o else next((w for w in self.khung.query("*") if w.focusable), None)
        if dich is not None:
            # Screen.set_focus đặt ngay (Widget.focus chờ tới lượt sau): phím gõ liền sau đã
            # thấy ô mới, không rơi vào ô cũ.
            self.set_focus(dich, scroll_visible=False)
            self.call_after_refresh(dich.scroll_visible, animate=False)
        if self.dang_chuyen:
            self.dang_chuyen = False
            self.app.tha_phim()

    def _diem_dung(self, ma_muc: str) -> list[str]:
        """Các ô Enter dừng lại trong mục, theo thứ tự in: ô đầu của mỗi chỉ tiêu, trạng thái
        của mỗi nhiệm vụ kỳ trước."""
        muc = self.phien.bieu_mau.muc_theo_ma()[ma_muc]
        ra = [f"so-{ct.ma}-{cac_o(ct)[0]}" for ct in self.chi_tieu_muc(ma_muc)]
        if muc.nhan_nhiem_vu_ky_truoc:
            ra += [f"tt-{i}" for i in range(len(self.phien.bao_cao.nhiem_vu_ky_truoc))]
        return ra

    def dich_enter(self, o: Widget | None) -> tuple[str, str] | None:
        """(mục, ô) Enter đưa tới từ ô `o`: chỉ tiêu sau trong mục, hết mục thì ô đầu của mục
        sau có số liệu hay nhiệm vụ. None: không có (ô cuối báo cáo, hay ô không thuộc luồng)."""
        ma_o = (o.id or "") if o is not None else ""
        if ma_o.startswith("so-"):
            ma = ma_o.split("-", 2)[1]
            ct = self.phien.bieu_mau.chi_tieu_theo_ma()[ma]
            ma_o = f"so-{ma}-{cac_o(ct)[0]}"
        elif ma_o.startswith("kq-"):
            ma_o = "tt-" + ma_o.removeprefix("kq-")
        dung = self._diem_dung(self.ma_muc)
        if ma_o not in dung:
            return None
        i = dung.index(ma_o)
        if i + 1 < len(dung):
            return self.ma_muc, dung[i + 1]
        thu_tu = [m.ma for m in self.phien.bieu_mau.muc]
        for ma_muc in thu_tu[thu_tu.index(self.ma_muc) + 1:]:
            sau = self._diem_dung(ma_muc)
            if sau:
                return ma_muc, sau[0]
        return None

    def enter_tren_o(self, o: Input) -> bool:
        """Enter trong ô số / ô câu kết quả: sang chỉ tiêu sau (hết mục thì sang mục sau).
        Chạy ngay trong ô (không chờ thông báo Submitted) để các phím gõ liền sau vào đúng ô."""
        dich = self.dich_enter(o)
        if dich is None:
            if (o.id or "").startswith(("so-", "kq-")):
                self.focus_next()  # ô cuối cùng của báo cáo: sang lời văn của mục
                return True
            return False
        ma_muc, ma_o = dich
        if ma_muc == self.ma_muc:
            self._dat_vao(ma_o)
        else:
            self.app.giu_phim()
            self.dang_chuyen = True
            self.set_focus(None)
            self.call_later(self.den_muc, ma_muc, ma_o)
        return True

    async def den_muc(self, ma_muc: str, ma_o: str = "") -> None:
        """Hiện mục `ma_muc`, chọn nó trên dàn ý, đặt con trỏ vào ô `ma_o` (rỗng: ô vào mục)."""
        if ma_muc != self.ma_muc:
            self.luu_ngay()
            self.ma_muc = ma_muc
            self._vao_khi_xong = (ma_muc, ma_o or self._o_vao(ma_muc))
            await self.dung_bieu_mau()
        else:
            self._dat_vao(ma_o or self._o_vao(ma_muc))
        self._chon_nut(ma_muc)

    def action_ra_dan_y(self) -> None:
        """Esc trong biểu mẫu: ra dàn ý, nhớ ô đang gõ để Enter trên dàn ý quay lại đúng đó."""
        o = self.focused
        if o is not None and o.id:
            self._o_cuoi[self.ma_muc] = o.id
        self._chon_nut(self.ma_muc)
        self._dan_y.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tren_dan_y = isinstance(self.focused, DanY)
        if action == "ra_dan_y":
            return not tren_dan_y
        if action == "ve_trang_chu":
            return tren_dan_y
        return True

    def on_descendant_focus(self, su_kien: events.DescendantFocus) -> None:
        o = su_kien.widget
        ma_o = o.id or ""
        ma = ma_o.split("-", 2)[1] if ma_o.startswith("so-") else None
        # Nhãn của ô đang gõ in đảo (thấy ngay đang ở ô nào, cả khi không có màu).
        moi = "nhan-" + ma_o.removeprefix("so-") if ma else None
        if moi != self._nhan_sang:
            for ma_nhan, dang_go in ((self._nhan_sang, False), (moi, True)):
                nhan = self._w.get(ma_nhan or "")
                if isinstance(nhan, Static):
                    nhan.set_class(dang_go, "dang-go")
            self._nhan_sang = moi
        if not isinstance(o, DanY) and ma_o:
            self._o_cuoi[self.ma_muc] = ma_o
        self._goi_y.dat_chu(self._goi_y_phim(o))

    def _goi_y_phim(self, o: Widget | None) -> str:
        """Dòng gợi ý phím ngay trên chân trang, theo chỗ đang đặt con trỏ."""
        if isinstance(o, DanY):
            return "↑↓ hay gõ chữ đầu tên mục · Enter vào mục · Esc trang chủ · Ctrl+P tìm"
        if isinstance(o, TheDoan):
            return "Đoạn chép kỳ trước: F6 giữ · Delete bỏ · Enter sửa · Tab tiếp · F7 giữ cả mục"
        if isinstance(o, ChonTrangThai):
            return "Phím 1 / 2 / 3 chọn trạng thái · Tab tiếp · Esc dàn ý"
        if isinstance(o, TheGoiY):
            return "Enter thêm gợi ý vào lời văn · Tab tiếp · Esc dàn ý"
        if isinstance(o, TextArea):
            return "Gõ chữ tự do; Enter xuống dòng · Tab ô sau · Shift+Tab ô trước · Esc dàn ý"
        ma_o = (o.id or "") if o is not None else ""
        giu = ""
        if ma_o.startswith("so-") and ma_o.split("-", 2)[1] in self.phien.bao_cao.so_lieu_chep:
            giu = " · F6 giữ số kỳ trước"
        return f"Enter chỉ tiêu sau · Tab/↓ ô sau · ↑ ô trước · Esc dàn ý{giu}"

    # ------------------------------------------------------------ xem lại những gì chép sang

    async def on_the_doan_hanh_dong(self, su_kien: TheDoan.HanhDong) -> None:
        the = su_kien.the
        if su_kien.viec == "sua":
            self._den_doan(the.so_thu_tu)
            return
        # Không dựng lại cả mục (chậm với mục lớn): chỉ bỏ ô vừa xong, đánh lại số các đoạn dưới.
        con = list(self.khung.query(TheDoan))
        sau = [w for w in con if w.so_thu_tu > the.so_thu_tu]
        if su_kien.viec == "giu":
            self.phien.giu_doan(self.ma_muc, the.chu)
        else:
            self.phien.bo_doan(self.ma_muc, the.chu)
            for w in sau:
                w.doi_so_thu_tu(w.so_thu_tu - 1)
            vung = self.khung.query_one("#van-ban", TextArea)
            vung.text = self.phien.chu_van_ban(self.ma_muc)
            self.notify(f"Đã bỏ đoạn {the.so_thu_tu} (bản trước vẫn giữ trong các phiên bản).",
                        markup=False)
        await the.remove()
        if sau:
            sau[0].focus()
            sau[0].scroll_visible()
        elif len(con) > 1:
            con[0].focus()
        else:
            self.khung.query_one("#van-ban", TextArea).focus()
        self._cap_nhat_huong_dan()
        self._hen_lai_luu()

    def _cap_nhat_huong_dan(self) -> None:
        """Dòng hướng dẫn xem lại ở đầu mục: số đoạn và số liệu chép còn chờ."""
        chua_xem = self.phien.doan_chua_xem(self.ma_muc)
        so_chep = [c for c in self.phien.bieu_mau.chi_tieu_cua(self.ma_muc)
                   if c.ma in self.phien.bao_cao.so_lieu_chep]
        for o in self.khung.query("#huong-dan-xem-lai").results(DongChu):
            o.dat_chu(_huong_dan_xem_lai(len(chua_xem), len(so_chep)))

    async def _sau_xem_lai(self, vua_xong: int = 0) -> None:
        """Lưu, dựng lại mục (và bỏ các mục con đã dựng: F7 giữ cả các mục con), đặt con trỏ vào
        đoạn còn chờ kế tiếp (hoặc ô lời văn).

        vua_xong: số thứ tự đoạn vừa giữ/bỏ. Giữ thì các đoạn sau giữ số, bỏ thì dịch lên một:
        cả hai trường hợp, đoạn chờ kế tiếp là đoạn đầu tiên có số ≥ vua_xong."""
        self.luu_ngay()
        await self._bo_khung()
        await self.dung_bieu_mau()
        con = list(self.khung.query(TheDoan))
        if con:
            cho = next((w for w in con if w.so_thu_tu >= vua_xong), con[0])
            cho.focus()
            cho.scroll_visible()
        else:
            self.khung.query_one("#van-ban", TextArea).focus()
        self.cap_nhat_trang_thai()

    def _den_doan(self, so_thu_tu: int) -> None:
        """Đặt con trỏ ô lời văn ở đầu đoạn thứ `so_thu_tu` (từ 1)."""
        vung = self.khung.query_one("#van-ban", TextArea)
        dong = 0
        for i, doan in enumerate(self.phien.bao_cao.van_ban.get(self.ma_muc, []), start=1):
            if i == so_thu_tu:
                break
            dong += doan.count("\n") + 2  # mỗi đoạn cách nhau một dòng trống
        self.set_focus(vung, scroll_visible=False)
        vung.move_cursor((dong, 0))
        self.call_after_refresh(vung.scroll_visible, animate=False)

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
            self._goi_y.dat_chu(self._goi_y_phim(o))
        else:
            self.notify("Số này không chờ xác nhận.", markup=False)

    async def action_giu_ca_muc(self) -> None:
        """F7: giữ mọi đoạn chép và mọi số giữ từ kỳ trước của mục đang soạn."""
        self.ghi_o_dang_go()
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
        self.khung.query_one("#dem-nhiem-vu", Static).update(self._dem_nhiem_vu())
        self._hen_lai_luu()
        # Một phím cho trạng thái, rồi sang ô câu kết quả của chính nhiệm vụ đó.
        self.khung.query_one(f"#kq-{o.thu_tu}", Input).focus()

    def on_chon_danh_gia_da_chon(self, su_kien: ChonDanhGia.DaChon) -> None:
        o = su_kien.o
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
        vung = self.khung.query_one("#van-ban", TextArea)
        vung.text = self.phien.chu_van_ban(self.ma_muc)
        su_kien.the.da_chen()
        self._hen_lai_luu()

    def on_screen_suspend(self) -> None:
        self.luu_ngay()

    def on_screen_resume(self) -> None:
        self.phien.kiem_tra_lai()  # màn hình khác có thể đã đổi thông tin văn bản, đã lưu
        self.cap_nhat_trang_thai()

    def action_luu(self) -> None:
        self.ghi_o_dang_go()
        self.phien.da_thay_doi = True  # F2: lưu một phiên bản ngay cả khi không đổi gì
        self.luu_ngay(gop=False)
        self.notify(self._chu_luu().capitalize(), markup=False)

    # ------------------------------------------------------------ lỗi tiếp theo (F8)

    def cac_loi(self) -> list[ThongBao]:
        """Các lỗi F8 đi qua, theo thứ tự văn bản: lỗi của bản trình ký; hết lỗi đó thì những gì
        riêng bản chính thức cần (số, ngày, họ tên người ký). Cộng lại là đủ mọi lỗi màn hình xuất
        từ chối, mà người soạn bản trình ký không bị đưa tới ô số văn bản (văn thư cấp sau)."""
        thu_tu = [m.ma for m in self.phien.bieu_mau.muc]
        ds = self.phien.thong_bao()
        loi = sorted((t for t in ds if t.muc_do == "loi"), key=lambda t: self._khoa(t, thu_tu))
        return loi or self.phien.loi_them_cho_chinh_thuc()

    def _khoa(self, t: ThongBao, thu_tu: list[str]) -> tuple[int, int, int]:
        muc = thu_tu.index(t.ma_muc) if t.ma_muc in thu_tu else len(thu_tu)
        ds = self.phien.thong_bao()
        return (muc, t.vi_tri, ds.index(t) if t in ds else len(ds))

    def loi_tiep_theo(self) -> ThongBao | None:
        """Lỗi kế tiếp sau lỗi F8 vừa đưa tới (vòng lại từ đầu); None: hết lỗi."""
        self.ghi_o_dang_go()
        loi = self.cac_loi()
        if not loi:
            return None
        thu_tu = [m.ma for m in self.phien.bieu_mau.muc]
        khoa = [(*self._khoa(t, thu_tu)[:2], i) for i, t in enumerate(loi)]
        moc = self._moc_loi or (thu_tu.index(self.ma_muc), -1, -1)
        i = next((i for i, k in enumerate(khoa) if k > moc), 0)
        self._moc_loi = khoa[i]
        return loi[i]

    async def action_loi_tiep(self) -> None:
        """Nhảy tới lỗi kế tiếp theo thứ tự văn bản (sau lỗi vừa đến), cả lỗi ở thông tin văn
        bản: chọn mục và đặt con trỏ vào đúng ô, đoạn, nhiệm vụ phải sửa."""
        dich = self.loi_tiep_theo()
        if dich is None:
            self.notify("Không còn lỗi nào, kể cả với bản chính thức.", markup=False)
            return
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
        self._dat_con_tro(dich)

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
            ds = self.khung.query(chon)
            if ds:
                # Con trỏ đặt ngay (phím gõ liền sau F8 vào đúng ô); cuộn khi bố cục đã xong.
                self.set_focus(ds.first(), scroll_visible=False)
                self.call_after_refresh(ds.first().scroll_visible, animate=False)
                return
        self._den_doan(t.vi_tri or 1)

    # ------------------------------------------------------------ màn hình khác

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
        """Lệnh của màn hình soạn, và mọi mục, mọi chỉ tiêu để nhảy tới theo tên (gõ không dấu
        được: «lam nghiep» ra Lâm nghiệp)."""
        lenh = [Lenh("Lưu báo cáo", "F2", self.action_luu),
                Lenh("Thông tin văn bản: số, ngày, nơi nhận, người ký", "F3",
                     self.action_thong_tin),
                Lenh("Xem trước văn bản", "F5", self.action_xem_truoc),
                Lenh("Đến lỗi tiếp theo", "F8", self.action_loi_tiep),
                Lenh("Xuất báo cáo ra .docx", "F9", self.action_xuat)]
        bm, bc = self.phien.bieu_mau, self.phien.bao_cao
        theo_ma = bm.muc_theo_ma()

        def ten(ma: str) -> str:
            return bc.tieu_de_muc.get(ma) or dien_bien(theo_ma[ma].ten, bien_cua(bc))

        for muc in bm.muc:
            lenh.append(Lenh(f"Mục: {ten(muc.ma)}", f"trong «{ten(muc.cha)}»" if muc.cha else
                             "mục lớn", self._lenh_den(muc.ma), chi_khi_tim=True))
        for ct in bm.chi_tieu:
            lenh.append(Lenh(f"Chỉ tiêu: {ct.ten}", f"mục «{ten(ct.muc)}»",
                             self._lenh_den(ct.muc, f"so-{ct.ma}-gia_tri"), chi_khi_tim=True))
        return lenh

    def _lenh_den(self, ma_muc: str, ma_o: str = ""):
        async def den() -> None:
            self.app.giu_phim()
            self.dang_chuyen = True
            await self.den_muc(ma_muc, ma_o)

        return den


def _huong_dan_xem_lai(so_doan: int, so_so: int) -> str:
    phan = []
    if so_doan:
        phan.append(f"{so_doan} đoạn chép từ kỳ trước chưa xem lại: trên mỗi đoạn F6 giữ · "
                    "Enter sửa · Delete bỏ")
    if so_so:
        phan.append(f"{so_so} số giữ từ kỳ trước: gõ số mới, hoặc F6 giữ số")
    return ("↻ " + "; ".join(phan) + ". F7: giữ cả mục.") if phan else \
        "✓ Đã xem lại hết những gì chép từ kỳ trước trong mục này."


def _dong_chu(ma_o: str, chu: str) -> DongChu:
    """Dòng câu số liệu (cau-), lỗi (loi-) hay cảnh báo (cb-) dưới một chỉ tiêu."""
    lop = {"cau": "cau", "loi": "loi", "cb": "canh-bao"}[ma_o.split("-", 1)[0]]
    w = DongChu(chu, biet_chu=True, id=ma_o, classes=f"{lop} an-khi-trong")
    w.display = bool(chu)
    return w


def _chu_o(gia_tri: object) -> str:
    """Chữ đã lưu của một ô (như người dùng đã gõ)."""
    if gia_tri is None:
        return ""
    if isinstance(gia_tri, bool):
        return "có" if gia_tri else "không"
    return str(gia_tri)


def _chu_thong_bao(tb: list[ThongBao], muc: str) -> str:
    """Lỗi (đỏ) và cảnh báo (vàng) của một chỉ tiêu, mỗi loại một ô chữ riêng."""
    nhan = "Lỗi: " if muc == "loi" else "Cảnh báo: "
    return "\n".join(nhan + t.thong_diep for t in tb if t.muc_do == muc)


def _duyet_cay(nut):
    for con in nut.children:
        yield con
        yield from _duyet_cay(con)
