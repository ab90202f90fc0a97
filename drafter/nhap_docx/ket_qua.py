"""Kết quả đọc một .docx: văn bản dựng được, và những gì chưa đặt được vào mô hình kèm vị trí."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.van_ban import VanBan


@dataclass(frozen=True)
class ChoChuaDat:
    """Một chỗ chương trình không đặt được (hoặc chỉ đặt được một phần) vào mô hình văn bản.

    Nội dung vẫn được giữ làm đoạn văn; câu này nói chỗ nào và vì sao để người dùng xem lại."""

    so_doan: int | None  # đoạn thứ mấy, đếm như «drafter check»; None: cả văn bản
    ly_do: str
    chu: str = ""  # mấy chữ đầu của đoạn

    def dong(self) -> str:
        noi = f"đoạn {self.so_doan}" if self.so_doan is not None else "văn bản"
        trich = f" «{self.chu}»" if self.chu else ""
        return f"{noi}: {self.ly_do}{trich}"


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

    def tom_tat(self) -> str:
        tk = self.thong_ke
        phan = [f"{tk.so_doan_da_dat}/{tk.so_doan} đoạn thân văn bản",
                f"{tk.so_de_muc} đề mục"]
        if tk.so_chu_thich:
            phan.append(f"{tk.so_chu_thich_da_dat}/{tk.so_chu_thich} chú thích")
        if tk.so_bang:
            phan.append(f"{tk.so_bang} bảng")
        return ", ".join(phan)
