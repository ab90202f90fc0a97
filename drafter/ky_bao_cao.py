"""Kỳ báo cáo: quý, 6 tháng, 9 tháng, năm; tên gọi tiếng Việt, kỳ sau, cùng kỳ năm trước.

Viết gọn: "2024-Q1" (quý I), "2024-H1" (6 tháng đầu năm), "2024-9M" (9 tháng), "2024" (năm),
"2025-KH" (kế hoạch năm 2025: văn bản KẾ HOẠCH đặt chỉ tiêu cho cả năm, soạn từ năm trước).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import total_ordering
from pathlib import Path
from typing import Literal

from drafter import vn
from drafter.ghi_tep import ten_tep_an_toan

LoaiKy = Literal["quy", "6thang", "9thang", "nam", "ke_hoach"]
_KHUON_MA_KY = re.compile(
    r"^(?P<nam>\d{4})(?:-(?:Q(?P<quy>[1-4])|(?P<h>H1)|(?P<m>9M)|(?P<kh>KH)))?$")


class LoiKy(ValueError):
    pass


@total_ordering
@dataclass(frozen=True)
class Ky:
    nam: int
    loai: LoaiKy
    quy: int = 0  # 1–4 khi loai == "quy"

    def _khoa(self) -> tuple[int, int, int]:
        # Xếp theo tháng cuối kỳ; cùng tháng cuối thì kỳ ngắn trước (quý II trước 6 tháng). Kế
        # hoạch năm đứng trước mọi báo cáo của năm đó (nó được soạn từ năm trước).
        if self.loai == "ke_hoach":
            return (self.nam, 0, 0)
        return (self.nam, self.thang_cuoi, self.so_thang)

    @property
    def la_ke_hoach(self) -> bool:
        return self.loai == "ke_hoach"

    def __lt__(self, khac: object) -> bool:
        if not isinstance(khac, Ky):
            return NotImplemented
        return self._khoa() < khac._khoa()

    @classmethod
    def doc(cls, chu: str) -> Ky:
        m = _KHUON_MA_KY.match(chu.strip().upper())
        if not m:
            raise LoiKy(f"kỳ «{chu}» không đúng dạng: viết 2024-Q2 (quý II), 2024-H1 (6 tháng), "
                        "2024-9M (9 tháng), 2024 (cả năm) hoặc 2025-KH (kế hoạch năm 2025)")
        nam = int(m["nam"])
        if m["quy"]:
            return cls(nam, "quy", int(m["quy"]))
        if m["h"]:
            return cls(nam, "6thang")
        if m["m"]:
            return cls(nam, "9thang")
        if m["kh"]:
            return cls(nam, "ke_hoach")
        return cls(nam, "nam")

    @property
    def ma(self) -> str:
        return {"quy": f"{self.nam}-Q{self.quy}", "6thang": f"{self.nam}-H1",
                "9thang": f"{self.nam}-9M", "nam": str(self.nam),
                "ke_hoach": f"{self.nam}-KH"}[self.loai]

    def __str__(self) -> str:
        return self.ma

    # ------------------------------------------------------------ tên gọi

    @property
    def ten_ngan(self) -> str:
        """"quý I", "6 tháng đầu năm", "9 tháng", "năm"."""
        if self.loai == "quy":
            return f"quý {vn.la_ma(self.quy)}"
        return {"6thang": "6 tháng đầu năm", "9thang": "9 tháng đầu năm", "nam": "năm",
                "ke_hoach": "năm"}[self.loai]

    @property
    def ten(self) -> str:
        """"quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024"."""
        if self.loai == "quy":
            return f"quý {vn.la_ma(self.quy)} năm {self.nam}"
        return f"{self.ten_ngan} {self.nam}"

    @property
    def ten_gon(self) -> str:
        """"quý I/2024" dùng trên màn hình và tên tệp; "kế hoạch năm 2025"."""
        if self.loai == "quy":
            return f"quý {vn.la_ma(self.quy)}/{self.nam}"
        if self.loai == "ke_hoach":
            return f"kế hoạch năm {self.nam}"
        return self.ten

    @property
    def so_thang(self) -> int:
        return {"quy": 3, "6thang": 6, "9thang": 9, "nam": 12, "ke_hoach": 12}[self.loai]

    @property
    def thang_cuoi(self) -> int:
        return {"quy": 3 * self.quy, "6thang": 6, "9thang": 9, "nam": 12,
                "ke_hoach": 12}[self.loai]

    @property
    def thang_dau(self) -> int:
        return self.thang_cuoi - self.so_thang + 1

    def cac_thang(self) -> list[int]:
        """Các tháng của kỳ: quý II → [4, 5, 6]; 6 tháng → [1…6]."""
        return list(range(self.thang_dau, self.thang_cuoi + 1))

    @property
    def ngay_dau(self) -> date:
        return date(self.nam, self.thang_dau, 1)

    @property
    def ngay_cuoi(self) -> date:
        """Ngày cuối kỳ: 30/6 của quý II, 31/12 của cả năm."""
        return date(self.nam, self.thang_cuoi, calendar.monthrange(self.nam, self.thang_cuoi)[1])

    # ------------------------------------------------------------ kỳ liên quan

    def ky_sau(self) -> Ky:
        """Kỳ báo cáo tiếp theo cùng loại: quý IV/2024 → quý I/2025."""
        if self.loai == "quy":
            return Ky(self.nam + 1, "quy", 1) if self.quy == 4 else Ky(self.nam, "quy",
                                                                       self.quy + 1)
        return Ky(self.nam + 1, self.loai)

    def ky_truoc(self) -> Ky:
        if self.loai == "quy":
            return Ky(self.nam - 1, "quy", 4) if self.quy == 1 else Ky(self.nam, "quy",
                                                                       self.quy - 1)
        return Ky(self.nam - 1, self.loai)

    def cung_ky_nam_truoc(self) -> Ky:
        return Ky(self.nam - 1, self.loai, self.quy)

    def ten_ky_toi(self) -> str:
        """Kỳ mà phần "nhiệm vụ trọng tâm" hướng tới: quý II năm 2024, 6 tháng cuối năm 2024…"""
        if self.loai == "quy":
            return self.ky_sau().ten
        if self.loai == "6thang":
            return f"6 tháng cuối năm {self.nam}"
        if self.loai == "9thang":
            return f"quý IV năm {self.nam}"
        if self.loai == "ke_hoach":
            return f"năm {self.nam}"
        return f"năm {self.nam + 1}"

    @classmethod
    def luy_ke_den(cls, nam: int, thang_cuoi: int) -> Ky:
        """Kỳ từ đầu năm đến hết tháng `thang_cuoi` (3, 6, 9, 12): quý I, 6 tháng, 9 tháng, năm."""
        return {3: cls(nam, "quy", 1), 6: cls(nam, "6thang"), 9: cls(nam, "9thang"),
                12: cls(nam, "nam")}[thang_cuoi]

    def cac_quy(self) -> list[Ky]:
        """Các quý hợp thành kỳ này (báo cáo 6 tháng = quý I + II …); kế hoạch không có quý."""
        if self.loai == "quy":
            return [self]
        if self.loai == "ke_hoach":
            return []
        return [Ky(self.nam, "quy", q) for q in range(1, self.thang_cuoi // 3 + 1)]


def ten_tep_bao_cao(ky: Ky, ten_xa: str, thu_muc: Path | None = None) -> str:
    """"BC-quy-II-2024-xa-Cai-Kinh.docx": không dấu, không khoảng trắng, máy nào cũng mở được.
    Tên mặc định khi xuất, cho cả giao diện và dòng lệnh.

    Tên xã là dữ liệu (có thể đến từ một tệp nhập): "Tân Lập/../../x: y" không được thành
    đường dẫn ra ngoài thư mục xuất, nên mọi thứ ngoài chữ, số và "-" bị bỏ (ghi_tep).
    """
    ten = (f"KH-nam-{ky.nam}" if ky.la_ke_hoach else f"BC-{ky.ten_gon}") \
        + (f"-xa-{ten_xa}" if ten_xa.strip() else "")
    return ten_tep_an_toan(ten, ".docx", thu_muc)
