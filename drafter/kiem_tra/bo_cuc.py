"""Nhận ra các thành phần thể thức trong một văn bản bất kỳ: Quốc hiệu, cơ quan, Số, ngày,
tên loại, trích yếu, thân, Nơi nhận, chữ ký — dù văn bản làm bằng Word, LibreOffice hay drafter.

Chỉ dựa vào chữ và vị trí (đoạn nào trong ô bảng nào), không dựa vào tên kiểu của drafter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from drafter import nd30
from drafter.kiem_tra.doc_docx import Doan, TaiLieuDocx

_SO = re.compile(r"^\s*Số\s*:")
# Khoảng cách giữa «ngày», «tháng», «năm» có giới hạn: «.*» lồng nhau làm tìm kiếm mũ ba
# (một đoạn «, ngày tháng » lặp 2.000 lần mất 500 giây).
_NGAY = re.compile(r",\s*ngày\b.{0,40}?\btháng\b.{0,40}?\bnăm\b")


def gon(chu: str) -> str:
    return " ".join(unicodedata.normalize("NFC", chu).split())


def la_quoc_hieu(chu: str) -> bool:
    """Dòng là Quốc hiệu (chấp nhận cả cách bỏ dấu cũ «HOÀ»): dùng chung cho check và from-docx."""
    return gon(chu).upper().replace("HOÀ", "HÒA") == nd30.CHU_QUOC_HIEU


@dataclass
class BoCuc:
    tai_lieu: TaiLieuDocx
    doan: list[Doan]
    quoc_hieu: Doan | None = None
    tieu_ngu: Doan | None = None
    co_quan_chu_quan: list[Doan] = field(default_factory=list)
    co_quan_ban_hanh: list[Doan] = field(default_factory=list)
    so_ky_hieu: Doan | None = None
    ngay: Doan | None = None
    ten_loai: Doan | None = None
    trich_yeu: list[Doan] = field(default_factory=list)
    # Dòng trong ngoặc dưới tên loại hoặc trích yếu: "(Từ ngày … đến ngày …)", "(Trình kỳ họp …)".
    dong_duoi_trich_yeu: list[Doan] = field(default_factory=list)
    sau_trich_yeu: int = 0  # chỉ số (trong self.doan) đoạn đầu tiên sau khối trích yếu
    can_cu: list[Doan] = field(default_factory=list)
    kinh_gui: list[Doan] = field(default_factory=list)
    than: list[Doan] = field(default_factory=list)
    noi_nhan: Doan | None = None
    muc_noi_nhan: list[Doan] = field(default_factory=list)
    chu_ky: list[Doan] = field(default_factory=list)
    _chi_so: dict[Doan, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._chi_so = {d: i for i, d in enumerate(self.doan)}

    def chi_so(self, d: Doan) -> int:
        """Vị trí của đoạn trong self.doan, tra một bước (list.index làm thời gian bình phương)."""
        return self._chi_so[d]

    @property
    def ten_loai_dai(self) -> bool:
        """Tên loại dài trên một dòng ("BÁO CÁO TÌNH HÌNH …"): đã nói nội dung, trích yếu có
        thể không có."""
        return self.ten_loai is not None and \
            gon(self.ten_loai.chu).upper() not in nd30.MA_TEN_LOAI

    def sau(self, d: Doan | None, buoc: int = 1) -> Doan | None:
        if d is None:
            return None
        i = self.chi_so(d) + buoc
        return self.doan[i] if 0 <= i < len(self.doan) else None


def phan_tich(tai_lieu: TaiLieuDocx) -> BoCuc:
    ds = list(tai_lieu.cac_doan())
    bc = BoCuc(tai_lieu, ds)
    dau = ds[:40]  # phần đầu luôn nằm ở đầu văn bản

    bc.quoc_hieu = next((d for d in dau if la_quoc_hieu(d.chu)), None)
    if bc.quoc_hieu:
        i = bc.chi_so(bc.quoc_hieu)
        bc.tieu_ngu = next((d for d in ds[i + 1:i + 4] if "độc lập" in d.chu.lower()), None)
    bc.so_ky_hieu = next((d for d in dau if _SO.match(d.chu)), None)
    bc.ngay = next((d for d in dau if _NGAY.search(d.chu)), None)
    _co_quan(bc, dau)
    _ten_loai_trich_yeu(bc)
    _cuoi(bc)
    _than(bc)
    return bc


def _co_quan(bc: BoCuc, dau: list[Doan]) -> None:
    """Tên cơ quan: các đoạn chữ in hoa phía trên "Số:", cùng cột (ô trái của bảng phần đầu)."""
    if bc.so_ky_hieu is None:
        return
    truoc = dau[:dau.index(bc.so_ky_hieu)]
    if bc.so_ky_hieu.bang is not None:
        truoc = [d for d in truoc if d.bang == bc.so_ky_hieu.bang and d.cot == bc.so_ky_hieu.cot]
    dong = [d for d in truoc if d.chu.strip() and d is not bc.quoc_hieu and d is not bc.tieu_ngu
            and d.chu_gon == d.chu_gon.upper()]
    dam = [d for d in dong if d.run_co_chu() and all(t.dam for t in d.run_co_chu())]
    bc.co_quan_ban_hanh = dam
    bc.co_quan_chu_quan = [d for d in dong if d not in dam and (not dam or d.so_thu_tu <
                                                               dam[0].so_thu_tu)]


def _la_ten_loai(d: Doan, dau_tien: bool) -> bool:
    """Dòng in hoa là tên loại ("BÁO CÁO"), hay tên loại dài ("BÁO CÁO TÌNH HÌNH …") khi là
    đoạn có chữ đầu tiên sau phần đầu (giữa thân, dòng in hoa bắt đầu "KẾ HOẠCH …" là đề mục)."""
    chu = gon(d.chu)
    if not chu or chu != chu.upper():
        return False
    ten = nd30.ten_loai_cua(chu)
    return ten is not None and (chu == ten or dau_tien)


def _dam_giua(d: Doan) -> bool:
    tts = d.run_co_chu()
    return bool(tts) and all(t.dam for t in tts) and d.dinh_dang.can_le == "center"


def _ten_loai_trich_yeu(bc: BoCuc) -> None:
    moc = max((d.so_thu_tu for d in (bc.so_ky_hieu, bc.ngay, bc.tieu_ngu) if d), default=0)
    dau_tien = True
    for i, d in enumerate(bc.doan):
        if d.so_thu_tu <= moc or d.bang is not None or not d.chu.strip():
            continue
        if _la_ten_loai(d, dau_tien):
            bc.ten_loai = d
            bc.sau_trich_yeu = _trich_yeu(bc, i + 1)
            return
        dau_tien = False
    bc.sau_trich_yeu = next((i for i, d in enumerate(bc.doan) if d.so_thu_tu > moc), 0)


def _trich_yeu(bc: BoCuc, j: int) -> int:
    """Trích yếu: các đoạn liền sau tên loại, không trống, cho đến đoạn trống / đường kẻ; rồi
    dòng trong ngoặc nếu có. Trả về chỉ số đoạn đầu tiên sau cả khối."""
    while j < len(bc.doan) and bc.doan[j].chu.strip() and bc.doan[j].bang is None:
        tiep = bc.doan[j]
        if tiep.chu.strip().startswith("("):
            # "(Từ ngày … đến ngày …)", "(Trình kỳ họp …)": một hoặc vài đoạn đến dấu ")".
            while j < len(bc.doan) and bc.doan[j].chu.strip() and \
                    len(bc.dong_duoi_trich_yeu) < 3:
                bc.dong_duoi_trich_yeu.append(bc.doan[j])
                j += 1
                if bc.doan[j - 1].chu.rstrip().endswith(")"):
                    break
            break
        if re.match(r"^\s*(Căn cứ|Kính gửi|Thực hiện)", tiep.chu):
            break
        # Tên loại dài không cần trích yếu: dòng sau chỉ là trích yếu khi đậm, căn giữa như
        # trích yếu, không thì đã là thân văn bản.
        if bc.ten_loai_dai and not bc.trich_yeu and not _dam_giua(tiep):
            break
        bc.trich_yeu.append(tiep)
        j += 1
        if len(bc.trich_yeu) >= 4:
            break
    return j


def _cuoi(bc: BoCuc) -> None:
    bc.noi_nhan = next((d for d in reversed(bc.doan) if re.match(r"^\s*Nơi nhận\s*:?\s*$",
                                                                 d.chu)), None)
    if bc.noi_nhan is None:
        return
    nn = bc.noi_nhan
    if nn.bang is not None:
        cung_o = [d for d in bc.doan if (d.bang, d.hang, d.cot) == (nn.bang, nn.hang, nn.cot)]
        bc.muc_noi_nhan = [d for d in cung_o if d.so_thu_tu > nn.so_thu_tu and d.chu.strip()]
        bc.chu_ky = [d for d in bc.doan if d.bang == nn.bang and d.hang == nn.hang and
                     d.cot != nn.cot]
    else:
        i = bc.chi_so(nn)
        for d in bc.doan[i + 1:]:
            if d.chu.strip().startswith("-"):
                bc.muc_noi_nhan.append(d)
            elif d.chu.strip():
                break


def _la_can_cu(d: Doan) -> bool:
    """"Căn cứ …", và "Thực hiện …" in nghiêng như căn cứ (đoạn văn đứng mở đầu bằng "Thực
    hiện …" là thân văn bản)."""
    if re.match(r"^\s*Căn cứ", d.chu):
        return True
    tts = d.run_co_chu()
    return bool(re.match(r"^\s*Thực hiện", d.chu)) and bool(tts) and all(t.nghieng for t in tts)


def _than(bc: BoCuc) -> None:
    """Thân văn bản: sau trích yếu (và căn cứ, kính gửi) đến trước bảng Nơi nhận – chữ ký."""
    ket = len(bc.doan)
    if bc.noi_nhan is not None:
        nn = bc.noi_nhan
        ket = next((i for i, d in enumerate(bc.doan) if nn.bang is not None and d.bang == nn.bang),
                   bc.chi_so(nn))
    vung = bc.doan[bc.sau_trich_yeu:ket]
    i = 0
    while i < len(vung) and (not vung[i].chu.strip() or vung[i].chu.strip().startswith("(")):
        i += 1
    while i < len(vung) and _la_can_cu(vung[i]):
        bc.can_cu.append(vung[i])
        i += 1
    if i < len(vung) and re.match(r"^\s*Kính gửi", vung[i].chu):
        bc.kinh_gui.append(vung[i])
        i += 1
        while i < len(vung) and vung[i].chu.strip().startswith("-"):
            bc.kinh_gui.append(vung[i])
            i += 1
    bc.than = vung[i:]
