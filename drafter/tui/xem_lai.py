"""Các ô xem lại trên màn hình soạn: đoạn văn chép từ kỳ trước (giữ / bỏ / sửa, mỗi việc một
phím), nhiệm vụ kỳ trước (chọn trạng thái bằng một phím, ghi câu kết quả) và gợi ý nhiệm vụ cho
kỳ tới (Enter để chèn vào lời văn)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from drafter.bieu_mau.du_lieu import TEN_TRANG_THAI_NHIEM_VU, TrangThaiNhiemVu
from drafter.bieu_mau.kiem_tra_so_lieu import trich_dau


class TheDoan(Static, can_focus=True):
    """Một đoạn chép từ kỳ trước chưa xem lại. F6: giữ · Delete: bỏ · Enter: sửa trong ô lời văn
    (F6 cũng là phím "giữ số" trên ô số: một phím giữ cho mọi thứ chép từ kỳ trước)."""

    BINDINGS = [
        Binding("f6", "giu", "Giữ đoạn", id="giu-doan"),
        Binding("delete", "bo", "Bỏ đoạn", id="bo-doan"),
        Binding("enter", "sua", "Sửa đoạn", id="sua-doan"),
    ]

    class HanhDong(Message):
        def __init__(self, the: TheDoan, viec: str) -> None:
            super().__init__()
            self.the, self.viec = the, viec

    def __init__(self, so_thu_tu: int, chu: str, canh_bao: list[str],
                 id: str | None = None) -> None:
        super().__init__("", markup=False, classes="the-doan", id=id)
        self.so_thu_tu = so_thu_tu
        self.chu = chu
        self.canh_bao = canh_bao
        self._ve()

    def _ve(self) -> None:
        # Hiện vài dòng đầu cho dễ lướt; chữ đầy đủ đọc và sửa ở ô lời văn (Enter).
        noi_dung = f"Đoạn {self.so_thu_tu}: {trich_dau(self.chu, 420)}"
        if self.canh_bao:
            noi_dung += "\n" + "\n".join(f"! {c}" for c in self.canh_bao)
        self.update(noi_dung)

    def doi_so_thu_tu(self, so_thu_tu: int) -> None:
        """Một đoạn phía trên vừa bị bỏ: đoạn này lên một số."""
        self.so_thu_tu = so_thu_tu
        self._ve()

    def action_giu(self) -> None:
        self.post_message(self.HanhDong(self, "giu"))

    def action_bo(self) -> None:
        self.post_message(self.HanhDong(self, "bo"))

    def action_sua(self) -> None:
        self.post_message(self.HanhDong(self, "sua"))


_PHIM_TRANG_THAI: dict[str, TrangThaiNhiemVu] = {
    "1": "hoan_thanh", "2": "dang_thuc_hien", "3": "chua_thuc_hien"}


class ChonTrangThai(Static, can_focus=True):
    """Trạng thái của một nhiệm vụ kỳ trước: phím 1 / 2 / 3 chọn ngay, không cần mở danh sách."""

    BINDINGS = [
        Binding("1", "chon('1')", "Hoàn thành", show=False),
        Binding("2", "chon('2')", "Đang thực hiện", show=False),
        Binding("3", "chon('3')", "Chưa thực hiện", show=False),
    ]

    class DaChon(Message):
        def __init__(self, o: ChonTrangThai) -> None:
            super().__init__()
            self.o = o

    def __init__(self, thu_tu: int, trang_thai: TrangThaiNhiemVu | None,
                 id: str | None = None) -> None:
        super().__init__("", markup=False, classes="chon-trang-thai", id=id)
        self.thu_tu = thu_tu  # nhiệm vụ thứ mấy (từ 0)
        self.trang_thai = trang_thai
        self._ve()

    def _ve(self) -> None:
        # Đọc được cả trên màn hình đơn sắc: lựa chọn có dấu ●, còn lại ○.
        phan = [f"{'●' if self.trang_thai == tt else '○'} {phim} {TEN_TRANG_THAI_NHIEM_VU[tt]}"
                for phim, tt in _PHIM_TRANG_THAI.items()]
        dau = "Kết quả (phím 1/2/3): " if self.trang_thai else "Chưa đánh giá — phím 1/2/3: "
        self.update(dau + "   ".join(phan))
        self.set_class(self.trang_thai is None, "chua-chon")

    def action_chon(self, phim: str) -> None:
        self.trang_thai = _PHIM_TRANG_THAI[phim]
        self._ve()
        self.post_message(self.DaChon(self))


class TheGoiY(Static, can_focus=True):
    """Một nhiệm vụ kỳ trước gợi ý cho phần nhiệm vụ kỳ tới. Enter: chèn vào cuối lời văn."""

    BINDINGS = [Binding("enter", "chen", "Chèn gợi ý", id="chen-goi-y")]

    class Chen(Message):
        def __init__(self, the: TheGoiY) -> None:
            super().__init__()
            self.the = the

    def __init__(self, chu: str, da_co: bool, id: str | None = None) -> None:
        super().__init__("", markup=False, classes="the-goi-y", id=id)
        self.chu = chu
        self.da_co = da_co
        self._ve()

    def _ve(self) -> None:
        self.update(("✓ đã có trong lời văn — " if self.da_co else "+ ") + self.chu)

    def action_chen(self) -> None:
        if not self.da_co:
            self.post_message(self.Chen(self))

    def da_chen(self) -> None:
        self.da_co = True
        self._ve()
