"""Xem trước: cả văn bản như sẽ in — đề mục với số đã đánh, đoạn văn, dấu chú thích [1] và các
chú thích liệt kê cuối — cuộn được, mở ra ở đúng mục đang soạn."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from drafter import vn
from drafter.bieu_mau.dung_van_ban import dung, tieu_de_muc
from drafter.danh_so import duyet_van_ban
from drafter.ghi_docx.cuoi import cau_ket_in, dong_chu_ky, dong_noi_nhan
from drafter.phien_soan import PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh, loi_tiep_tu
from drafter.van_ban import DAU_DONG, Bang, ChuThich, DoanChu, DoanVan, VanBan


def cac_dong(van_ban: VanBan) -> tuple[list[tuple[Text, str]], list[Text]]:
    """(các đoạn kèm lớp CSS, các chú thích) để hiện trên màn hình."""
    chu_thich: list[Text] = []

    def noi_dung(phan, dam: bool = False) -> Text:
        t = Text()
        for x in phan:
            if isinstance(x, str):
                t.append(x, style="bold" if dam else "")
            elif isinstance(x, DoanChu):
                kieu = " ".join(k for k, co in (("bold", x.dam or dam), ("italic", x.nghieng),
                                                ("black on yellow", x.to_sang)) if co)
                # Màn hình chữ không có chữ nhỏ phía trên: "m^2", "36.099.500.000^đ".
                ky_hieu = {"tren": "^", "duoi": "_"}.get(x.chi_so or "", "")
                t.append(ky_hieu + x.chu, style=kieu)
            elif isinstance(x, ChuThich):
                so = len(chu_thich) + 1
                cac_doan = [_dau_dong(d) + noi_dung(d.noi_dung) for d in x.cac_doan]
                chu_thich.append(Text(f"[{so}] ") + Text("\n    ").join(cac_doan))
                t.append(f"[{so}]", style="bold reverse")
        return t

    dau = van_ban.dau
    ra: list[tuple[Text, str]] = [
        (Text(" / ".join(dau.co_quan_ban_hanh), style="bold"), "dau"),
        (Text(vn.so_ky_hieu(dau.so, dau.ky_hieu)), "dau"),
        (Text(vn.dia_danh_ngay(dau.dia_danh, dau.ngay, dau.nam, dau.thang), style="italic"),
         "dau"),
        (Text(vn.viet_hoa(dau.ten_loai), style="bold"), "giua"),
    ]
    if dau.trich_yeu:
        ra.append((Text(dau.trich_yeu, style="bold"), "giua"))
    if dau.dong_duoi_trich_yeu:
        ra.append((Text(dau.dong_duoi_trich_yeu, style="italic"), "giua"))
    ra += [(Text(d, style="italic"), "doan") for d in dau.can_cu]
    nhan_cho = None
    for m in duyet_van_ban(van_ban):
        if m.de_muc is not None:
            tieu_de = m.de_muc.muc.tieu_de
            if tieu_de is None:
                nhan_cho = m.de_muc.nhan
                continue
            t = Text(m.de_muc.nhan + " ", style="bold") + noi_dung(tieu_de, dam=m.de_muc.cap
                                                                    != "chu")
            in_hoa = m.de_muc.muc.in_hoa
            if in_hoa or (in_hoa is None and m.de_muc.cap in ("la_ma", "chu_hoa")) or \
                    m.de_muc.cap.startswith("phan"):
                t = Text(t.plain.upper(), style="bold")
            ra.append((t, f"de-muc cap-{m.de_muc.cap}"))
        elif isinstance(m.nut, DoanVan):
            t = Text((nhan_cho + " ") if nhan_cho else "") + _dau_dong(m.nut) + noi_dung(
                m.nut.noi_dung)
            nhan_cho = None
            ra.append((t, "doan"))
        elif isinstance(m.nut, Bang):
            # Ô gộp hiện một lần; ô trải nhiều cột thêm "⟷" để người xem biết.
            for hang in m.nut.hang:
                ra.append((Text(" | ").join(noi_dung(o.noi_dung) + Text(
                    " ⟷" if o.gop_cot > 1 else "") for o in hang), "doan"))
    ra.append((Text(cau_ket_in(van_ban)), "doan"))
    ra.append((Text("Nơi nhận:", style="bold italic"), "cuoi"))
    ra += [(Text(d), "cuoi") for d in dong_noi_nhan(van_ban)]
    ra += [(Text(d, style="bold"), "ky") for d in dong_chu_ky(van_ban.chu_ky)]
    ra.append((Text(van_ban.chu_ky.ho_ten or "(chưa có họ tên người ký)", style="bold"), "ky"))
    return ra, chu_thich


def _dau_dong(doan: DoanVan) -> Text:
    return Text(DAU_DONG.get(doan.dau_dong or "", ""))


class XemTruoc(ManHinh):
    BINDINGS = [Binding("escape", "quay_lai", "Quay lại soạn", id="quay-lai"),
                Binding("f5", "quay_lai", "Quay lại", show=False),
                Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep")]

    def __init__(self, phien: PhienSoan, ma_muc: str | None = None) -> None:
        super().__init__()
        self.phien = phien
        self.ma_muc = ma_muc

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="xem-truoc"):
            yield from cac_o_xem_truoc(dung(self.phien.bieu_mau, self.phien.bao_cao))
        yield ChanTrang()

    def on_mount(self) -> None:
        self.query_one("#xem-truoc").focus()
        if self.ma_muc:
            self.call_after_refresh(self._den_muc)

    def _den_muc(self) -> None:
        """Cuộn tới mục đang soạn. Mục không có đề mục riêng (de_muc = false, như «Chăn nuôi -
        Thú y») in thành đoạn mở đầu bằng tên mục trong thân mục cha: tìm đề mục của mục cha
        gần nhất, rồi đoạn đầu tiên sau đó có tên mục."""
        theo_ma = self.phien.bieu_mau.muc_theo_ma()
        muc = theo_ma.get(self.ma_muc or "")
        if muc is None:
            return
        chuoi = [muc]
        while chuoi[-1].cha and not chuoi[-1].de_muc:
            chuoi.append(theo_ma[chuoi[-1].cha])
        dong = list(self.query("#xem-truoc > Static").results(Static))
        tu = 0
        for m in reversed(chuoi):
            ten = tieu_de_muc(self.phien.bao_cao, m).upper()
            if not ten:
                continue
            la_de_muc = m.de_muc
            for i in range(tu, len(dong)):
                o = dong[i]
                if la_de_muc != o.has_class("de-muc"):
                    continue
                if ten in str(o.render()).upper():
                    tu = i
                    break
        if tu:
            khung = self.query_one("#xem-truoc", VerticalScroll)
            khung.scroll_to_widget(dong[tu], top=True, animate=False)
            # Lần bố cục đầu chưa đủ chiều cao các đoạn dài (cửa sổ thật chậm hơn kiểm thử):
            # cuộn lại một lần khi bố cục đã xong.
            self.set_timer(0.2, lambda: khung.scroll_to_widget(dong[tu], top=True,
                                                               animate=False))

    def action_quay_lai(self) -> None:
        self.app.pop_screen()

    async def action_loi_tiep(self) -> None:
        await loi_tiep_tu(self)

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Quay lại soạn báo cáo", "Esc", self.action_quay_lai)]


def cac_o_xem_truoc(van_ban: VanBan) -> Iterator[Static]:
    """Các dòng xem trước của văn bản (dòng d0, d1… để nhảy tới mục), rồi các chú thích:
    dùng chung cho xem trước báo cáo và văn bản tự do."""
    dong, chu_thich = cac_dong(van_ban)
    for i, (t, lop) in enumerate(dong):
        yield Static(t, classes=lop, id=f"d{i}")
    if chu_thich:
        yield Static(Text("Chú thích", style="bold underline"), classes="de-muc")
        for t in chu_thich:
            yield Static(t, classes="chu-thich")
