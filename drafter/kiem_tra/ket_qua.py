"""Kết quả kiểm tra thể thức: mỗi quy tắc một dòng Đạt / Không đạt / Cảnh báo / Không áp dụng."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from drafter.nd30 import QUY_TAC


class MucDoDat(StrEnum):
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CANH_BAO = "canh_bao"
    KHONG_AP_DUNG = "khong_ap_dung"

    @property
    def nhan(self) -> str:
        return {"dat": "Đạt", "khong_dat": "Không đạt", "canh_bao": "Cảnh báo",
                "khong_ap_dung": "Không áp dụng"}[self.value]


@dataclass
class KetQua:
    so: int  # số của quy tắc trong drafter/nd30.py (0 = ngoài thể thức: số liệu, bề rộng bảng)
    ma: str
    ten: str
    muc_do: MucDoDat
    chi_tiet: str = ""  # tìm thấy gì, so với yêu cầu gì
    vi_tri: str = ""  # "đoạn 12 «Năm 2024 là năm có ý nghĩa…»"

    @classmethod
    def theo(cls, ma: str, muc_do: MucDoDat, chi_tiet: str = "", vi_tri: str = "") -> KetQua:
        """Kết quả của quy tắc có mã `ma` trong danh mục: số và tên lấy từ drafter/nd30.py."""
        qt = QUY_TAC[ma]
        return cls(qt.so, qt.ma, qt.ten, muc_do, chi_tiet, vi_tri)

    def dong(self) -> str:
        nhan = f"[{self.muc_do.nhan}]"
        phan = [f"{nhan:<16}{self.so:>2}. {self.ten}"]
        if self.vi_tri:
            phan.append(f"tại {self.vi_tri}")
        if self.chi_tiet:
            phan.append(self.chi_tiet)
        return " — ".join(phan)


@dataclass
class BaoCaoKiemTra:
    tep: str
    ket_qua: list[KetQua] = field(default_factory=list)

    def dem(self, muc_do: MucDoDat) -> int:
        return sum(1 for k in self.ket_qua if k.muc_do == muc_do)

    @property
    def dat_the_thuc(self) -> bool:
        return self.dem(MucDoDat.KHONG_DAT) == 0

    def tong_ket(self) -> str:
        dem = {m: self.dem(m) for m in MucDoDat}
        return (f"Tổng kết: {dem[MucDoDat.DAT]} đạt, {dem[MucDoDat.KHONG_DAT]} không đạt, "
                f"{dem[MucDoDat.CANH_BAO]} cảnh báo, {dem[MucDoDat.KHONG_AP_DUNG]} không áp dụng"
                f" — {'ĐẠT thể thức NĐ 30' if self.dat_the_thuc else 'CHƯA ĐẠT thể thức NĐ 30'}.")

    def thanh_chu(self) -> str:
        return "\n".join([f"Kiểm tra thể thức NĐ 30/2020/NĐ-CP: {self.tep}",
                          *(k.dong() for k in self.ket_qua), self.tong_ket()])

    def thanh_dict(self) -> dict:
        return {
            "tep": self.tep,
            "dat_the_thuc": self.dat_the_thuc,
            "tong_ket": {m.value: self.dem(m) for m in MucDoDat},
            # Khóa "muc" của JSON giữ như cũ cho các kịch bản đã đọc kết quả `check --json`.
            "ket_qua": [{"so": k.so, "ma": k.ma, "ten": k.ten, "muc": k.muc_do.value,
                         "chi_tiet": k.chi_tiet, "vi_tri": k.vi_tri, "nhan": k.muc_do.nhan}
                        for k in self.ket_qua],
        }
