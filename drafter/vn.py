"""Định dạng và đọc số, tiền, tỷ lệ, ngày tháng theo cách viết của văn bản hành chính Việt Nam.

Mọi con số in ra văn bản đều đi qua module này (một chỗ duy nhất), nên "1.312.259.000 đồng",
"96,1%" và "ngày 05 tháng 02 năm 2024" luôn được viết giống nhau.
Giá trị giữ ở dạng Decimal; làm tròn "nửa lên" như người làm báo cáo vẫn làm tay (96,25 → 96,3).
Năm và số văn bản là mã định danh, không phải số lượng: không bao giờ định dạng thành "2.024".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

LOCALE = "vi_VN"

# Thứ tự chữ cái dùng để đánh điểm a), b)…: bảng chữ cái tiếng Việt bỏ các chữ có dấu phụ
# trừ "đ" (a b c d đ e g h i k l m n o p q r s t u v x y), theo Phụ lục I NĐ 30.
CHU_CAI = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
           "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")
# Bảng chữ cái Latinh (a b c d e f g …) như đánh số tự động của Word: có văn bản đã dùng "e)"
# ngay sau "d)"; chỉ dùng khi người soạn chọn rõ (VanBan.bang_chu_cai = "la_tinh").
CHU_CAI_LA_TINH = tuple("abcdefghijklmnopqrstuvwxyz")
BANG_CHU_CAI = {"tieng_viet": CHU_CAI, "la_tinh": CHU_CAI_LA_TINH}

_THU_TU = ("NHẤT", "HAI", "BA", "TƯ", "NĂM", "SÁU", "BẢY", "TÁM", "CHÍN", "MƯỜI")


class LoiNhapSo(ValueError):
    """Người dùng gõ một số không đọc được; thông điệp bằng tiếng Việt, đưa thẳng lên màn hình."""


# Giới hạn của một số liệu: 999.999.999.999.999 (gần một triệu tỷ đồng) và 6 chữ số lẻ là quá đủ
# cho báo cáo cấp xã; số lớn hơn là gõ nhầm hay tệp hỏng. Trong giới hạn này mọi phép tính
# (tỷ lệ, tổng, làm tròn) nằm gọn trong độ chính xác của Decimal, không bao giờ văng lỗi.
SO_CHU_SO_NGUYEN_TOI_DA = 15
SO_CHU_SO_LE_TOI_DA = 6


# ---------------------------------------------------------------- định dạng số

def lam_tron(gia_tri: Decimal | int | float | str, so_le: int) -> Decimal:
    """Làm tròn nửa lên (96,25 → 96,3; 31,578… → 31,58), không làm tròn kiểu ngân hàng."""
    d = _decimal(gia_tri)
    with localcontext() as ngu_canh:
        # Đủ chữ số cho cả phần nguyên: độ chính xác mặc định (28) làm quantize văng lỗi với
        # số lớn (tỷ lệ của một số rất lớn trên một số rất nhỏ).
        ngu_canh.prec = max(28, d.adjusted() + so_le + 2)
        return d.quantize(Decimal(1).scaleb(-so_le), rounding=ROUND_HALF_UP)


def so(gia_tri: Decimal | int | float | str, so_le: int = 3, giu_so_0: bool = False) -> str:
    """Số theo kiểu Việt: 1.312.259.000; 96,1; 1.147,7.

    so_le: số chữ số thập phân tối đa (làm tròn nửa lên). giu_so_0=True giữ đủ chữ số
    ("96,10"); mặc định bỏ số 0 cuối ("110" chứ không "110,0").
    """
    d = lam_tron(gia_tri, so_le)
    if d == 0:
        d = abs(d)  # không in "-0"
    khuon, dia_phuong = _khuon_so(so_le, giu_so_0)
    return khuon.apply(d, dia_phuong)


_KHUON_DA_DICH: dict[tuple[int, bool], tuple[object, object]] = {}


def _khuon_so(so_le: int, giu_so_0: bool) -> tuple[Any, Any]:  # (NumberPattern, Locale)
    """Khuôn số (pattern) babel đã dịch sẵn: dịch khuôn và nạp dữ liệu vi_VN một lần, không phải
    mỗi số."""
    da_co = _KHUON_DA_DICH.get((so_le, giu_so_0))
    if da_co is None:
        from babel.core import Locale  # nạp muộn: lệnh chỉ ghi .docx không cần babel
        from babel.numbers import parse_pattern

        phan_le = ("0" if giu_so_0 else "#") * so_le
        da_co = (parse_pattern("#,##0" + (f".{phan_le}" if so_le > 0 else "")),
                 Locale.parse(LOCALE))
        _KHUON_DA_DICH[(so_le, giu_so_0)] = da_co
    return da_co


def phan_tram(gia_tri: Decimal | int | float | str, so_le: int = 1) -> str:
    """Tỷ lệ phần trăm đã tính sẵn (96,1 → "96,1%"); dấu % viết liền số như văn bản mẫu."""
    return so(gia_tri, so_le) + "%"


def ty_le(tu_so: Decimal | int | float | str,
          mau_so: Decimal | int | float | str) -> Decimal | None:
    """x/y × 100, chưa làm tròn. Trả về None khi mẫu số bằng 0 (không có cơ sở so sánh)."""
    tu_so_d, mau_so_d = _decimal(tu_so), _decimal(mau_so)
    if mau_so_d == 0:
        return None
    return tu_so_d * 100 / mau_so_d


def dem(gia_tri: int, toi_thieu: int = 2) -> str:
    """Số đếm có số 0 đứng trước theo lối báo cáo: 6 → "06" ("06/06 thanh niên", "02 đơn")."""
    if gia_tri < 0:
        raise ValueError("số đếm không được âm")
    return f"{gia_tri:0{toi_thieu}d}" if gia_tri < 10 ** (toi_thieu - 1) else so(gia_tri, 0)


_DON_VI_TIEN = {"đồng": Decimal(1), "triệu đồng": Decimal(10**6), "tỷ đồng": Decimal(10**9)}


def tien(gia_tri: Decimal | int | float | str, don_vi: str = "đồng", so_le: int = 3) -> str:
    """Số tiền (giá trị tính bằng đồng) viết theo đơn vị chọn: đồng, triệu đồng hoặc tỷ đồng.

    tien(1312259000) → "1.312.259.000 đồng"; tien(7_400_000_000, "tỷ đồng") → "7,4 tỷ đồng".
    """
    if don_vi not in _DON_VI_TIEN:
        raise ValueError(f"đơn vị tiền không hỗ trợ: {don_vi}")
    d = _decimal(gia_tri) / _DON_VI_TIEN[don_vi]
    return f"{so(d, 0 if don_vi == 'đồng' else so_le)} {don_vi}"


# ---------------------------------------------------------------- đọc số do người dùng gõ

_SO_NGUYEN = r"\d{1,3}(?:\.\d{3})+|\d+"  # 1.312.259.000 hoặc 148
_DANG_SO_GO = re.compile(rf"^(?P<dau_tru>[-−]?)(?P<nguyen>{_SO_NGUYEN})(?:,(?P<le>\d+))?$")


def doc_so(van_ban: str, cho_phep_phan_tram: bool = False) -> Decimal:
    """Đọc chặt một số gõ theo kiểu Việt: "1.312.259.000", "96,1", "148", "1.234.567,5".

    Dấu chấm chỉ để tách hàng nghìn (đúng nhóm 3 chữ số), dấu phẩy là dấu thập phân.
    "1.5" bị từ chối vì không rõ người gõ muốn 1,5 hay 1.500. Khoảng trắng giữa các nhóm
    ("9 000 000") được chấp nhận như dấu chấm. Lỗi ném LoiNhapSo với câu giải thích.
    """
    goc = van_ban
    s = unicodedata.normalize("NFC", van_ban).strip()
    if cho_phep_phan_tram and s.endswith("%"):
        s = s[:-1].rstrip()
    if not s:
        raise LoiNhapSo("Chưa nhập số.")
    # Khoảng trắng (kể cả khoảng trắng không ngắt) giữa các nhóm 3 chữ số = dấu chấm.
    s = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))", ".", s)
    m = _DANG_SO_GO.match(s)
    if not m:
        raise LoiNhapSo(_giai_thich_loi_so(goc.strip(), s))
    dau_tru = "-" if m["dau_tru"] else ""
    chuoi = dau_tru + m["nguyen"].replace(".", "") + ("." + m["le"] if m["le"] else "")
    return kiem_gioi_han(Decimal(chuoi), goc.strip())


def kiem_gioi_han(so: Decimal, goc: object) -> Decimal:
    """Số ngoài giới hạn (NaN, vô cực, quá nhiều chữ số) → LoiNhapSo nêu rõ giới hạn.

    Dùng cho cả số gõ tay lẫn số JSON trong tệp (1e300, NaN): kiểm tra từ chối ở đây thì lúc
    dựng văn bản không bao giờ gặp số không tính được.
    """
    chu = str(goc)
    if len(chu) > 30:
        chu = f"{chu[:20]}… ({len(chu)} ký tự)"
    if not so.is_finite():
        raise LoiNhapSo(f"«{chu}» không phải là số (NaN, Infinity không dùng được).")
    if so and so.adjusted() + 1 > SO_CHU_SO_NGUYEN_TOI_DA:
        raise LoiNhapSo(f"«{chu}» quá lớn: tối đa {SO_CHU_SO_NGUYEN_TOI_DA} chữ số phần nguyên "
                        "(999.999.999.999.999).")
    mu = so.as_tuple().exponent  # số hữu hạn: luôn là int ("n", "N", "F" chỉ ở NaN, vô cực)
    if isinstance(mu, int) and -mu > SO_CHU_SO_LE_TOI_DA:
        raise LoiNhapSo(f"«{chu}» có quá nhiều chữ số sau dấu phẩy "
                        f"(tối đa {SO_CHU_SO_LE_TOI_DA}).")
    return so


# Chữ cái hay gõ nhầm thay chữ số (cạnh nhau trên bàn phím hoặc trông giống nhau).
_CHU_GIONG_SO = {"o": "0", "O": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"}


def _giai_thich_loi_so(goc: str, s: str) -> str:
    chu = [c for c in dict.fromkeys(s) if c.isalpha()]
    if chu:
        nham = [f"«{c}» (số {_CHU_GIONG_SO[c]}?)" for c in chu if c in _CHU_GIONG_SO]
        return (f"«{goc}» không phải là số: có chữ "
                f"{', '.join(nham or [f'«{c}»' for c in chu])}; số chỉ gồm chữ số 0–9, dấu chấm "
                "tách hàng nghìn và dấu phẩy thập phân.")
    if re.fullmatch(r"[-−]?\d+\.\d{1,2}", s) or re.fullmatch(r"[-−]?\d+\.\d{4,}", s):
        return (f"«{goc}» không rõ: dấu chấm chỉ dùng để tách hàng nghìn (1.500), "
                "phần thập phân viết sau dấu phẩy (1,5).")
    if "." in s and "," in s and s.rfind(".") > s.rfind(","):
        return (f"«{goc}» viết theo kiểu nước ngoài: hãy dùng dấu chấm tách hàng nghìn "
                "và dấu phẩy cho phần thập phân (1.234,5).")
    if re.search(r"\d\.\d", s):
        return f"«{goc}» tách hàng nghìn sai: mỗi nhóm sau dấu chấm phải đủ 3 chữ số (1.312.259)."
    if s.count(",") > 1:
        return f"«{goc}» có nhiều dấu phẩy; chỉ một dấu phẩy đứng trước phần thập phân."
    return f"«{goc}» không phải là số."


def viet_lai_so(van_ban: str, cho_phep_phan_tram: bool = False) -> str | None:
    """Số người dùng gõ, viết lại như sẽ in: "182450000" → "182.450.000", "1234,50" →
    "1.234,50" (giữ nguyên phần thập phân đã gõ, không làm tròn), "96,1 %" → "96,1%".

    Gõ sai thì trả về None: chữ đã gõ được giữ nguyên để người dùng thấy và sửa."""
    try:
        d = doc_so(van_ban, cho_phep_phan_tram)
    except LoiNhapSo:
        return None
    phan_tram_ = cho_phep_phan_tram and van_ban.strip().endswith("%")
    nguyen, _, le = str(abs(d)).partition(".")
    chu = ("-" if d < 0 else "") + f"{int(nguyen):,}".replace(",", ".") + (f",{le}" if le else "")
    return chu + ("%" if phan_tram_ else "")


def _decimal(gia_tri: Decimal | int | float | str) -> Decimal:
    if isinstance(gia_tri, Decimal):
        d = gia_tri
    elif isinstance(gia_tri, float):
        d = Decimal(repr(gia_tri))  # 0.1 → Decimal("0.1"), không phải 0.1000000000000000055…
    else:
        try:
            d = Decimal(gia_tri)
        except InvalidOperation as loi:
            raise ValueError(f"không phải số: {gia_tri!r}") from loi
    if not d.is_finite():
        raise ValueError(f"không phải số: {gia_tri!r}")
    return d


# ---------------------------------------------------------------- ngày tháng (NĐ 30, PL I, II.4)

def _ngay_chu(ngay: int) -> str:
    return f"{ngay:02d}"


def _thang_chu(thang: int) -> str:
    # Ngày dưới 10 và tháng 1, 2 thêm số 0; tháng 3 → 12 không thêm.
    return f"{thang:02d}" if thang <= 2 else str(thang)


_TRONG = "     "  # chỗ trống để văn thư ghi tay ngày, tháng, số


def ngay_thang_nam(ngay: date | None, nam: int | None = None, thang: int | None = None) -> str:
    """"ngày 05 tháng 02 năm 2024", "ngày 15 tháng 4 năm 2024".

    Bản nháp chưa có ngày: chừa chỗ trống để ghi tay ("ngày     tháng     năm 2024"); biết
    tháng mà chưa biết ngày: "ngày     tháng 7 năm 2024".
    """
    if ngay is None:
        nam_chu = str(nam) if nam else _TRONG
        if thang:
            return f"ngày {_TRONG}tháng {_thang_chu(thang)} năm {nam_chu}"
        return f"ngày{_TRONG}tháng{_TRONG}năm {nam_chu}"
    return f"ngày {_ngay_chu(ngay.day)} tháng {_thang_chu(ngay.month)} năm {ngay.year}"


def dia_danh_ngay(dia_danh: str, ngay: date | None, nam: int | None = None,
                  thang: int | None = None) -> str:
    return f"{dia_danh}, {ngay_thang_nam(ngay, nam, thang)}"


# ---------------------------------------------------------------- số văn bản, số La Mã, chữ cái

def so_van_ban(so_hieu: str | int | None) -> str:
    """Phần số của "Số: 05/BC-UBND": số dưới 10 thêm 0; trống thì chừa chỗ để cấp số sau."""
    if so_hieu is None or str(so_hieu).strip() == "":
        return "     "
    s = str(so_hieu).strip()
    if s.isdigit():
        n = int(s)
        return f"{n:02d}" if n < 10 else str(n)
    return s


def so_ky_hieu(so_hieu: str | int | None, ky_hieu: str) -> str:
    return f"Số: {so_van_ban(so_hieu)}/{ky_hieu.strip()}"


def la_ma(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError("số La Mã chỉ từ 1 đến 3999")
    bang = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    ra = []
    for gia_tri, ky_hieu in bang:
        while n >= gia_tri:
            ra.append(ky_hieu)
            n -= gia_tri
    return "".join(ra)


def chu_cai(thu_tu: int, bang: str = "tieng_viet") -> str:
    """Chữ cái thứ n (tính từ 1) theo thứ tự tiếng Việt: 1 → a, 5 → đ, 6 → e, 7 → g
    (bang="la_tinh": a b c d e f …).

    Quá 23 điểm thì ghép hai chữ (aa, ab…), hiếm gặp nhưng không được làm hỏng văn bản.
    """
    if thu_tu < 1:
        raise ValueError("thứ tự bắt đầu từ 1")
    chu = BANG_CHU_CAI[bang]
    n = len(chu)
    if thu_tu <= n:
        return chu[thu_tu - 1]
    return chu_cai((thu_tu - 1) // n, bang) + chu[(thu_tu - 1) % n]


def thu_tu_chu(n: int) -> str:
    """"THỨ NHẤT", "THỨ HAI"… dùng cho "PHẦN THỨ NHẤT"."""
    if 1 <= n <= len(_THU_TU):
        return "THỨ " + _THU_TU[n - 1]
    return f"THỨ {n}"


def viet_hoa(van_ban: str) -> str:
    """Chữ in hoa giữ dấu tiếng Việt (str.upper đã đúng với chữ dựng sẵn NFC)."""
    return unicodedata.normalize("NFC", van_ban).upper()


def bo_dau(van_ban: str) -> str:
    """"Xuất báo cáo" → "xuat bao cao": để tìm kiếm khi người dùng gõ không dấu."""
    s = unicodedata.normalize("NFD", van_ban.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
