"""Một kết luận cho một lần xuất: nội dung (số còn thiếu, lời văn và số chép chưa xem lại, nhiệm
vụ chưa ghi kết quả, từ ngữ gắn kỳ khác, chỗ giữ, kiểm tra số liệu, thông tin văn bản) và thể
thức NĐ 30 của tệp vừa ghi, đặt cạnh nhau, gom theo nhóm, có số đếm.

Giao diện và dòng lệnh cùng dùng lớp này, nên "ĐẠT" không bao giờ hiện một mình khi nội dung
còn lỗi. Bản nháp (trình ký) để trống số và ngày là đúng; bản chính thức phải hết lỗi.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from drafter.bieu_mau.kiem_tra_so_lieu import NHOM, ThongBao

if TYPE_CHECKING:
    from drafter.kiem_tra.ket_qua import BaoCaoKiemTra, KetQua

LoaiBan = Literal["nhap", "chinh_thuc"]
TEN_BAN = {"nhap": "Bản nháp (trình ký)", "chinh_thuc": "Bản chính thức (phát hành)"}
NHOM_THE_THUC = "Thể thức NĐ 30"


@dataclass
class NhomKetLuan:
    ma: str  # khóa của NHOM, hoặc "the_thuc"
    ten: str
    loi: int
    canh_bao: int
    dong: list[str]  # mỗi phát hiện một dòng, lỗi trước
    thong_bao: list[ThongBao] = field(default_factory=list)  # để giao diện nhảy tới chỗ sửa


@dataclass
class KetLuan:
    ban: LoaiBan
    noi_dung: list[ThongBao]
    the_thuc: BaoCaoKiemTra | None = None  # None: chưa ghi tệp (bị từ chối) hoặc không kiểm
    # False: văn bản dựng sẵn (không theo biểu mẫu) — không có số liệu nào để kiểm, nên không
    # bao giờ được gọi là «sẵn sàng»; chỉ nói kết quả thể thức.
    kiem_noi_dung: bool = True
    so_ngay_trong: bool = False  # số và ngày văn bản còn để trống (văn thư cấp sau khi ký)
    # False: văn bản tự do (nhập từ Word) — lời văn chép, từ ngữ gắn kỳ, chỗ giữ đã soát, nhưng
    # số liệu gõ trong lời văn không có biểu mẫu để đối chiếu: kết luận nói rõ điều đó.
    so_lieu_theo_bieu_mau: bool = True

    # ------------------------------------------------------------ đếm

    @property
    def so_loi(self) -> int:
        return sum(t.muc_do == "loi" for t in self.noi_dung)

    @property
    def so_canh_bao(self) -> int:
        return sum(t.muc_do == "canh_bao" for t in self.noi_dung)

    def _the_thuc_loi(self) -> list[KetQua]:
        from drafter.kiem_tra.ket_qua import MucDoDat

        return [k for k in self.the_thuc.ket_qua if k.muc_do == MucDoDat.KHONG_DAT] \
            if self.the_thuc else []

    def _the_thuc_canh_bao(self) -> list[KetQua]:
        from drafter.kiem_tra.ket_qua import MucDoDat

        return [k for k in self.the_thuc.ket_qua if k.muc_do == MucDoDat.CANH_BAO] \
            if self.the_thuc else []

    @property
    def dat_the_thuc(self) -> bool | None:
        return None if self.the_thuc is None else self.the_thuc.dat_the_thuc

    @property
    def con_cho_trong(self) -> bool:
        """Tệp vừa ghi còn chữ giữ chỗ («...», «(Chữ ký…)»): một lỗ, dù là cảnh báo thể thức."""
        from drafter.kiem_tra.ket_qua import MucDoDat

        return self.the_thuc is not None and any(
            k.ma == "giu_cho" and k.muc_do != MucDoDat.DAT for k in self.the_thuc.ket_qua)

    @property
    def san_sang(self) -> bool:
        """Nội dung đã kiểm và không còn lỗi, tệp đạt thể thức và không còn chỗ giữ: trình ký /
        phát hành được."""
        return (self.kiem_noi_dung and self.so_loi == 0 and self.dat_the_thuc is not False
                and not self.con_cho_trong)

    # ------------------------------------------------------------ trình bày

    def cac_nhom(self) -> list[NhomKetLuan]:
        """Các nhóm có phát hiện, theo thứ tự NHOM, rồi nhóm thể thức NĐ 30."""
        ra = []
        for ma, ten in NHOM.items():
            tb = [t for t in self.noi_dung if t.nhom == ma]
            if not tb:
                continue
            tb.sort(key=lambda t: t.muc_do != "loi")
            ra.append(NhomKetLuan(ma, ten, sum(t.muc_do == "loi" for t in tb),
                                  sum(t.muc_do == "canh_bao" for t in tb),
                                  [t.dong() for t in tb], tb))
        loi, canh_bao = self._the_thuc_loi(), self._the_thuc_canh_bao()
        if loi or canh_bao:
            ra.append(NhomKetLuan("the_thuc", NHOM_THE_THUC, len(loi), len(canh_bao),
                                  [k.dong() for k in [*loi, *canh_bao]]))
        return ra

    def tom_tat(self) -> str:
        """Một câu: loại bản, sẵn sàng hay chưa, nội dung và thể thức cạnh nhau."""
        if not self.kiem_noi_dung:
            noi_dung = "nội dung chưa kiểm (văn bản dựng sẵn, không có số liệu theo biểu mẫu)"
        else:
            noi_dung = (f"nội dung còn {self.so_loi} lỗi" if self.so_loi
                        else "nội dung không còn lỗi") + (
                f", {self.so_canh_bao} cảnh báo" if self.so_canh_bao else "")
        if self.con_cho_trong:
            noi_dung += "; tệp còn chỗ giữ chưa điền"
        if self.the_thuc is None:
            the_thuc = "thể thức NĐ 30: chưa kiểm tra (chưa ghi tệp)"
        else:
            so_cb = len(self._the_thuc_canh_bao())
            the_thuc = ("thể thức NĐ 30: đạt" if self.the_thuc.dat_the_thuc else
                        f"thể thức NĐ 30: KHÔNG ĐẠT ({len(self._the_thuc_loi())} quy tắc)") + (
                f", {so_cb} cảnh báo" if so_cb else "")
        if not self.kiem_noi_dung and not self.con_cho_trong and self.dat_the_thuc:
            ket = "đạt thể thức, nội dung do người soạn tự đọc lại"
        elif self.ban == "chinh_thuc":
            ket = "ĐẠT, phát hành được" if self.san_sang else "CHƯA phát hành được"
        else:
            ket = "sẵn sàng trình ký" if self.san_sang else "CHƯA sẵn sàng trình ký"
        if self.san_sang and not self.so_lieu_theo_bieu_mau:
            ket += (" (văn bản tự do: số liệu gõ trong lời văn không có biểu mẫu để đối chiếu, "
                    "người soạn tự đọc lại)")
        return f"{TEN_BAN[self.ban]} — {ket}: {noi_dung}; {the_thuc}."

    def cac_dong(self) -> list[str]:
        """Kết luận đầy đủ để in: từng nhóm với số đếm và các phát hiện, rồi câu tóm tắt."""
        dong: list[str] = []
        for n in self.cac_nhom():
            dem = ", ".join(x for x in (f"{n.loi} lỗi" if n.loi else "",
                                        f"{n.canh_bao} cảnh báo" if n.canh_bao else "") if x)
            dong.append(f"{n.ten} ({dem}):")
            dong += [f"  - {d}" for d in n.dong]
        if self.the_thuc is not None:
            dong.append(self.the_thuc.tong_ket())
        dong.append(self.tom_tat())
        if self.ban == "nhap" and self.so_ngay_trong and self.dat_the_thuc:
            dong.append("Số và ngày văn bản để trống cho văn thư cấp sau khi ký (NĐ 30, Điều 15).")
        return dong
