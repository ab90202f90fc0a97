"""Kết quả đọc một .docx: văn bản dựng được, và những gì chưa đặt được vào mô hình kèm vị trí."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drafter.van_ban import VanBan

# "chua_dat": không đặt được vào đúng thành phần; "danh_lai": số thứ tự gõ tay nhảy cóc,
# drafter sẽ đánh lại liên tục (nội dung đã đặt đúng chỗ).
LoaiChuaDat = Literal["chua_dat", "danh_lai"]


@dataclass(frozen=True)
class ChoChuaDat:
    """Một chỗ chương trình không đặt được (hoặc chỉ đặt được một phần) vào mô hình văn bản.

    Nội dung vẫn được giữ làm đoạn văn; câu này nói chỗ nào và vì sao để người dùng xem lại."""

    cac_doan: tuple[int, ...]  # đoạn thứ mấy, đếm như «drafter check»; (): xem `noi`
    ly_do: str
    chu: str = ""  # mấy chữ đầu của đoạn (đầu tiên)
    noi: str = ""  # chỗ không phải một đoạn thân văn bản: "chú thích 9", "phần cuối"
    loai: LoaiChuaDat = "chua_dat"

    def dong(self) -> str:
        if not self.cac_doan:
            noi = self.noi or "văn bản"
        else:
            so = ", ".join(map(str, self.cac_doan[:8])) + (
                f" (và {len(self.cac_doan) - 8} đoạn khác)" if len(self.cac_doan) > 8 else "")
            noi = f"đoạn {so}"
        trich = f" «{self.chu}»" if self.chu else ""
        return f"{noi}: {self.ly_do}{trich}"


def gom(cac: list[ChoChuaDat]) -> list[ChoChuaDat]:
    """Gộp các chỗ cùng một lý do (dấu «*» ở bốn đoạn, chín nhãn 3.1.–3.9.) thành một dòng,
    theo thứ tự đoạn đầu tiên: danh sách ngắn mà không mất vị trí nào."""
    theo_ly_do: dict[str, ChoChuaDat] = {}
    for c in cac:
        cu = theo_ly_do.get(c.ly_do)
        if cu is None or not c.cac_doan or not cu.cac_doan:
            theo_ly_do[c.ly_do if cu is None else f"{c.ly_do}\0{len(theo_ly_do)}"] = c
        else:
            theo_ly_do[c.ly_do] = ChoChuaDat(cu.cac_doan + c.cac_doan, cu.ly_do, cu.chu, cu.noi,
                                             cu.loai)
    return sorted(theo_ly_do.values(), key=lambda c: c.cac_doan[0] if c.cac_doan else 0)


@dataclass
class ThongKe:
    """Đếm để người dùng (và kiểm thử) biết đã chép được bao nhiêu."""

    so_doan: int = 0  # đoạn có chữ của thân văn bản nguồn
    so_doan_da_dat: int = 0  # trong đó thành đề mục, đoạn văn, câu kết của mô hình
    so_chu_thich: int = 0
    so_chu_thich_da_dat: int = 0
    so_bang: int = 0
    so_de_muc: int = 0
    so_tu_dong: int = 0  # đoạn đánh số tự động của Word


@dataclass
class KetQuaDoc:
    van_ban: VanBan
    chua_dat: list[ChoChuaDat] = field(default_factory=list)
    thong_ke: ThongKe = field(default_factory=ThongKe)
    # Các trường phần đầu không tìm thấy trong tệp, đã để chỗ trống «…» cho người dùng điền.
    thieu: list[str] = field(default_factory=list)

    @property
    def chua_dat_that(self) -> list[ChoChuaDat]:
        return [c for c in self.chua_dat if c.loai == "chua_dat"]

    @property
    def danh_lai(self) -> list[ChoChuaDat]:
        return [c for c in self.chua_dat if c.loai == "danh_lai"]

    def tom_tat(self) -> str:
        tk = self.thong_ke
        phan = [f"{tk.so_doan_da_dat}/{tk.so_doan} đoạn thân văn bản",
                f"{tk.so_de_muc} đề mục"]
        if tk.so_chu_thich:
            phan.append(f"{tk.so_chu_thich_da_dat}/{tk.so_chu_thich} chú thích")
        if tk.so_bang:
            phan.append(f"{tk.so_bang} bảng")
        return ", ".join(phan)
