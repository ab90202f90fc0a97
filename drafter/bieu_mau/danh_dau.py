"""Cú pháp đánh dấu nhỏ của riêng drafter cho đoạn văn người dùng gõ (không phải jinja):

    **đậm**   *nghiêng*   ***đậm nghiêng***   [^nội dung chú thích]   [[ma_chi_tieu.truong]]
    \\*  \\[  \\]  \\\\   để gõ đúng ký tự đó

Bộ phân tích trả về danh sách phần tử trong dòng của mô hình văn bản (chuỗi, DoanChu, ChuThich)
và chỗ giữ số liệu (GiuCho). Chữ người dùng không bao giờ được chạy như mẫu: số liệu thay vào
chỗ giữ là các phần tử đã dựng sẵn, không phân tích lại.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from drafter.van_ban import ChuThich, DoanChu, DoanVan

_CHAR_DAC_BIET = re.compile(r"([\\*\[\]])")
_MA = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)?$")


@dataclass(frozen=True)
class GiuCho:
    """Chỗ giữ số liệu [[ma.truong]] trong đoạn văn."""

    ma: str
    truong: str = ""

    @property
    def chu(self) -> str:
        return f"[[{self.ma}{'.' + self.truong if self.truong else ''}]]"


def thoat(chu: str) -> str:
    """Thoát ký tự đặc biệt để chữ người dùng hiện đúng như gõ khi đi qua bộ phân tích."""
    return _CHAR_DAC_BIET.sub(r"\\\1", chu)


_DAC_BIET = re.compile(r"[\\*\[]")


@lru_cache(maxsize=8192)
def phan_tich(chu: str, cho_phep_chu_thich: bool = True) -> tuple[PhanTuDanhDau, ...]:
    """Phân tích một đoạn. Dấu không đóng được coi là chữ thường (người gõ thiếu không mất chữ).

    Kết quả được nhớ theo chuỗi: cùng một đoạn được phân tích khi kiểm tra, khi dựng văn bản
    và ở màn hình xem trước, mà chỉ tốn công một lần.
    """
    return tuple(_phan_tich(chu, cho_phep_chu_thich))


def _phan_tich(chu: str, cho_phep_chu_thich: bool, do_sau: int = 0) -> list[PhanTuDanhDau]:
    ra: list[PhanTuDanhDau] = []
    i, n = 0, len(chu)
    buffer: list[str] = []
    tim = _TimDauDong(chu)

    def day() -> None:
        if buffer:
            ra.append("".join(buffer))
            buffer.clear()

    while i < n:
        # Chép một lèo đến ký tự đặc biệt kế tiếp thay vì từng ký tự.
        m = _DAC_BIET.search(chu, i)
        if m is None:
            buffer.append(chu[i:])
            break
        if m.start() > i:
            buffer.append(chu[i:m.start()])
            i = m.start()
        c = chu[i]
        if c == "\\" and i + 1 < n:
            buffer.append(chu[i + 1])
            i += 2
            continue
        if chu.startswith("[[", i):
            j = tim.dong_kep(i + 2)
            ma = chu[i + 2:j].strip() if j != -1 else ""
            if j != -1 and _MA.match(ma):
                day()
                phan = ma.split(".", 1)
                ra.append(GiuCho(phan[0], phan[1] if len(phan) > 1 else ""))
                i = j + 2
                continue
        if chu.startswith("[^", i) and cho_phep_chu_thich:
            j = tim.dong_ngoac(i + 2)
            if j != -1:
                day()
                noi_dung = _phan_tich(chu[i + 2:j], False, do_sau + 1)
                ra.append(_ChuThichTam(noi_dung))
                i = j + 1
                continue
        if c == "*":
            for dau, dam, nghieng in (("***", True, True), ("**", True, False), ("*", False, True)):
                # Như Markdown: dấu mở phải dính vào chữ phía sau ("3 * 4" không phải nghiêng).
                sau = i + len(dau)
                if chu.startswith(dau, i) and sau < n and not chu[sau].isspace():
                    j = tim.dong_nhan_manh(sau, dau)
                    if j != -1 and j > sau:
                        day()
                        ben_trong = chu[sau:j]
                        if "[[" in ben_trong and do_sau < _DO_SAU_TOI_DA:
                            # Số liệu trong chữ đậm/nghiêng: "(*tăng [[tngt.chenh_lech]]…*)".
                            ra.append(_NhanManh(dam, nghieng,
                                                _phan_tich(ben_trong, False, do_sau + 1)))
                        else:
                            ra.append(DoanChu(chu=_bo_thoat(ben_trong), dam=dam, nghieng=nghieng))
                        i = j + len(dau)
                        break
            else:
                buffer.append(c)
                i += 1
            continue
        buffer.append(c)
        i += 1
    day()
    return ra


# Đậm trong nghiêng trong đậm… có số liệu: vài cấp là đủ; sâu hơn in nguyên chữ.
_DO_SAU_TOI_DA = 4


@dataclass(frozen=True)
class _ChuThichTam:
    """Chú thích chưa thay số liệu (có thể chứa GiuCho); thay xong mới thành ChuThich."""

    noi_dung: list[PhanTuDanhDau]


@dataclass(frozen=True)
class _NhanManh:
    """Đoạn đậm/nghiêng có chỗ giữ bên trong; thay xong thành các DoanChu cùng kiểu."""

    dam: bool
    nghieng: bool
    noi_dung: list[PhanTuDanhDau]


# Kết quả phân tích: chữ, DoanChu, ChuThich, chỗ giữ, và hai phần tử tạm có chỗ giữ bên trong
# (thay_so_lieu đổi chúng thành ChuThich, Doan).
PhanTuDanhDau = str | DoanChu | ChuThich | GiuCho | _ChuThichTam | _NhanManh


class _TimDauDong:
    """Tìm dấu đóng ("]]", "]" của chú thích, "*"/"**"/"***") trong một đoạn, trong thời gian
    tuyến tính.

    Mỗi lần quét từ một vị trí đi theo cùng một đường bất kể bắt đầu từ đâu, nên kết quả được
    nhớ cho mọi vị trí đã đi qua: lần quét sau gặp vị trí cũ thì dừng ngay. Không nhớ thì một
    đoạn có hàng vạn dấu "[" hay "*" không đóng phải quét lại cả đoạn cho từng dấu (bình
    phương độ dài: 100.000 dấu "[" từng mất 5 giây, "[^" còn lâu hơn nhiều).
    """

    def __init__(self, chu: str) -> None:
        self.chu = chu
        self._kep: list[int] | None = None
        self._nho: dict[tuple[str, int], int] = {}

    def dong_kep(self, tu: int) -> int:
        """Vị trí "]]" đầu tiên từ `tu`, hoặc -1."""
        if self._kep is None:
            self._kep = []
            k = self.chu.find("]]")
            while k != -1:
                self._kep.append(k)
                k = self.chu.find("]]", k + 1)
        vi_tri = bisect_left(self._kep, tu)
        return self._kep[vi_tri] if vi_tri < len(self._kep) else -1

    def dong_ngoac(self, tu: int) -> int:
        """Vị trí dấu ] đóng chú thích, bỏ qua [[…]] và ký tự thoát bên trong."""
        chu = self.chu

        def buoc(i: int) -> tuple[bool, int]:
            if chu[i] == "\\":
                return False, i + 2
            if chu.startswith("[[", i):
                j = self.dong_kep(i)
                return (True, -1) if j == -1 else (False, j + 2)
            return (True, i) if chu[i] == "]" else (False, i + 1)

        return self._quet("]", tu, buoc)

    def dong_nhan_manh(self, tu: int, dau: str) -> int:
        chu = self.chu

        def buoc(i: int) -> tuple[bool, int]:
            if chu[i] == "\\":
                return False, i + 2
            if chu.startswith(dau, i) and not (dau == "*" and chu.startswith("**", i)) \
                    and not chu[i - 1].isspace():
                return True, i
            if dau == "*" and chu.startswith("**", i):
                return False, i + 2
            return False, i + 1

        return self._quet(dau, tu, buoc)

    def _quet(self, loai: str, tu: int, buoc: Callable[[int], tuple[bool, int]]) -> int:
        da_qua: list[int] = []
        i, kq = tu, -1
        while i < len(self.chu):
            da_biet = self._nho.get((loai, i))
            if da_biet is not None:
                kq = da_biet
                break
            da_qua.append(i)
            xong, i = buoc(i)
            if xong:
                kq = i
                break
        for vi_tri in da_qua:
            self._nho[(loai, vi_tri)] = kq
        return kq


def _bo_thoat(chu: str) -> str:
    return re.sub(r"\\(.)", r"\1", chu)


class ChoTrong:
    """Chỗ giữ tùy chọn không có gì để in (so sánh thiếu cơ sở…): dọn dấu câu quanh nó."""

    def __repr__(self) -> str:
        return "CHO_TRONG"


CHO_TRONG = ChoTrong()
PhanTuDaThay = str | DoanChu | ChuThich
ThayGiuCho = Callable[[GiuCho], list[PhanTuDaThay | ChoTrong]]


def thay_so_lieu(phan: Sequence[PhanTuDanhDau], thay: ThayGiuCho,
                 trong_chu_thich: bool = False) -> list[PhanTuDaThay]:
    """Thay mọi chỗ giữ bằng phần tử đã dựng; ghép các chuỗi liền nhau cho gọn.

    Chỗ giữ trả về CHO_TRONG thì bỏ đi cùng dấu câu chỉ còn thừa vì nó (", ," "( )"
    "trong đó: ." hai dấu cách): câu không bao giờ có lỗ."""
    ra: list[PhanTuDaThay | ChoTrong] = []
    for p in phan:
        if isinstance(p, GiuCho):
            moi = thay(p)
            if trong_chu_thich:
                moi = [m for m in moi if not isinstance(m, ChuThich)]  # không lồng chú thích
            ra.extend(moi)
        elif isinstance(p, _NhanManh):
            for x in thay_so_lieu(p.noi_dung, thay, trong_chu_thich=True):
                if isinstance(x, str):
                    ra.append(DoanChu(chu=x, dam=p.dam, nghieng=p.nghieng))
                elif isinstance(x, DoanChu):
                    ra.append(x.model_copy(update={"dam": x.dam or p.dam,
                                                   "nghieng": x.nghieng or p.nghieng}))
        elif isinstance(p, _ChuThichTam):
            noi_dung = thay_so_lieu(p.noi_dung, thay, trong_chu_thich=True)
            if any((x.strip() if isinstance(x, str) else x.chu.strip()) for x in noi_dung
                   if not isinstance(x, ChuThich)):
                ra.append(_chu_thich_nhieu_doan([x for x in noi_dung
                                                 if not isinstance(x, ChuThich)]))
        else:
            ra.append(p)
    return _don_cho_trong(ra)


def _chu_thich_nhieu_doan(noi_dung: list) -> ChuThich:
    """Chú thích; dòng trống ("\n\n") trong chữ chia nó thành nhiều đoạn thật (chú thích liệt
    kê quà của từng nguồn, mỗi nguồn một đoạn)."""
    if not any(isinstance(x, str) and "\n\n" in x for x in noi_dung):
        return ChuThich(chu_thich=noi_dung)
    cac_doan: list[list] = [[]]
    for x in noi_dung:
        if not isinstance(x, str):
            cac_doan[-1].append(x)
            continue
        for i, manh in enumerate(x.split("\n\n")):
            if i:
                cac_doan.append([])
            if manh.strip():
                cac_doan[-1].append(manh.strip("\n") if i else manh.rstrip("\n"))
    return ChuThich(chu_thich=[DoanVan(noi_dung=d) for d in cac_doan if d])


def _chu_cua(p: object) -> str | None:
    if isinstance(p, str):
        return p
    return p.chu if isinstance(p, DoanChu) else None


def _dat_chu(p: PhanTuDaThay, chu: str) -> PhanTuDaThay:
    return p.model_copy(update={"chu": chu}) if isinstance(p, DoanChu) else chu


_TRONG_DO = re.compile(r"[,;]?\s*\b(?:trong đó|gồm có|gồm|cụ thể)\s*:?\s*$", re.IGNORECASE)
_DAU_CHAM_CAU_SAU = ",;.:)"


def _don(trai: str, phai: str) -> tuple[str, str]:
    """Chữ bên trái và bên phải một chỗ giữ đã bỏ: trả về hai bên đã bỏ dấu câu thừa."""
    t, p = trai.rstrip(), phai.lstrip()
    if t.endswith("(") and p.startswith(")"):  # "X (S)." → "X."
        return t[:-1].rstrip(), p[1:]
    if t.endswith("(") and p[:1] in (",", ";"):  # "(S, Y)" → "(Y)"
        return t, p[1:].lstrip()
    if t[-1:] in (",", ";") and p.startswith(")"):  # "(X, S)" → "(X)"
        return t[:-1].rstrip(), p
    m = _TRONG_DO.search(t)
    if m and (not p or p[0] in _DAU_CHAM_CAU_SAU):  # "X, trong đó: S." → "X."
        return t[:m.start()].rstrip(), p
    if t[-1:] in (",", ";", ":") and (not p or p[0] in _DAU_CHAM_CAU_SAU):  # "X, S, Y" → "X, Y"
        return t[:-1].rstrip(), p
    if not t and p[:1] in (",", ";"):  # đầu câu: "S, Y" → "Y"
        return trai, p[1:].lstrip()
    if p[:1] and p[0] in _DAU_CHAM_CAU_SAU:  # "X S." → "X."
        return t, p
    if trai != t and phai != p:  # "X S Y" → "X Y"
        return trai, p
    return trai, phai


def _don_cho_trong(ra: list[PhanTuDaThay | ChoTrong]) -> list[PhanTuDaThay]:
    ra = list(ra)
    gon: list[PhanTuDaThay] = []

    def them(x: PhanTuDaThay) -> None:
        if isinstance(x, str) and gon and isinstance(gon[-1], str):
            gon[-1] += x
        elif not (isinstance(x, str) and x == ""):
            gon.append(x)

    for i, p in enumerate(ra):
        if not isinstance(p, ChoTrong):
            them(p)
            continue
        trai = _chu_cua(gon[-1]) if gon else None
        sau = next((j for j in range(i + 1, len(ra)) if not isinstance(ra[j], ChoTrong)), None)
        phai = _chu_cua(ra[sau]) if sau is not None else None
        t, ph = _don(trai or "", phai or "")
        if trai is not None:
            gon[-1] = _dat_chu(gon[-1], t)
            if gon[-1] == "" or (isinstance(gon[-1], DoanChu) and not gon[-1].chu):
                gon.pop()
        ben_phai = ra[sau] if sau is not None else None
        if phai is not None and sau is not None and not isinstance(ben_phai, ChoTrong | None):
            ra[sau] = _dat_chu(ben_phai, ph)  # ra[sau] không là ChoTrong: sau chọn như vậy
    # DoanChu rỗng (chữ đậm chỉ có số liệu vừa bỏ) không còn nghĩa gì.
    return [x for x in gon if not (isinstance(x, DoanChu) and not x.chu)]


def cac_giu_cho(phan: Sequence[PhanTuDanhDau]) -> list[GiuCho]:
    ra: list[GiuCho] = []
    for p in phan:
        if isinstance(p, GiuCho):
            ra.append(p)
        elif isinstance(p, _ChuThichTam | _NhanManh):
            ra.extend(cac_giu_cho(p.noi_dung))
    return ra
