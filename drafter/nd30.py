"""Danh mục quy tắc thể thức NĐ 30/2020/NĐ-CP mà drafter ghi theo và `drafter check` kiểm.

Mỗi quy tắc có đúng một chỗ ở đây: số, mã, tên, điều Nghị định yêu cầu, giá trị bộ ghi dùng,
khoảng bộ kiểm tra chấp nhận, nguồn trong Nghị định. Bộ ghi (ghi_docx) lấy giá trị từ các
hằng GiaTri, bộ kiểm tra (kiem_tra) lấy giới hạn từ chính các hằng đó và lấy số, tên quy tắc
theo mã (QUY_TAC["co_chu_than"]); kiểm thử lấy trường hợp từ đây; trang docs/quy-tac-nd30.md
sinh từ đây (`python -m drafter.danh_muc_nd30`).

Nguồn viết tắt: "Phụ lục I, mục II.5.b" là Phần I của Phụ lục I, mục II, khoản 5, điểm b;
"Phụ lục III" là phụ lục chữ viết tắt và mẫu văn bản. Mức: bắt buộc (lời văn của Nghị định),
theo mẫu (chỉ thấy ở mẫu trình bày, mục V và Phụ lục III), thông lệ (không có trong Nghị định).

Tầng thấp nhất, như vn.py: không nhập module nào khác của drafter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

# Twip (1/20 pt, 1/1440 inch): đơn vị số đo trang, lề, thụt của WordprocessingML.
TWIP_MOI_MM = 1440 / 25.4
TWIP_MOI_CM = 1440 / 2.54


def _so(x: float) -> str:
    """Số viết kiểu Việt, bỏ số 0 thừa: 1.27 → "1,27", 13.0 → "13"."""
    return f"{round(x, 3):g}".replace(".", ",")


@dataclass(frozen=True)
class Khoang:
    """Khoảng chấp nhận [thap, cao], kể cả hai đầu.

    sai_so: sai số đo tuyệt đối cộng thêm hai phía (cùng đơn vị); sai_so_ty_le: sai số tương
    đối (0,1 = ±10%), cho những độ dài chỉ ước được (đường kẻ đo theo thụt lề, phông thay thế).
    mo_ta: cách đọc khoảng khi số không nói hết ("1/3–1/2 dòng chữ")."""

    thap: float
    cao: float
    don_vi: str = ""
    sai_so: float = 0.0
    sai_so_ty_le: float = 0.0
    mo_ta: str = ""

    def chua(self, x: float | None) -> bool:
        if x is None:
            return False
        return (self.thap * (1 - self.sai_so_ty_le) - self.sai_so <= x
                <= self.cao * (1 + self.sai_so_ty_le) + self.sai_so)

    def so(self) -> str:
        """"12–13", "13", "≥ 6": phần số, để ghép vào câu báo ("yêu cầu cỡ 12–13")."""
        if math.isinf(self.cao):
            return f"≥ {_so(self.thap)}"
        if self.thap == self.cao:
            return _so(self.thap)
        return f"{_so(self.thap)}–{_so(self.cao)}"

    def __str__(self) -> str:
        if self.mo_ta:
            return self.mo_ta
        chu = f"{self.so()} {self.don_vi}".strip()
        if self.sai_so:
            chu += f" (±{_so(round(self.sai_so, 2))} {self.don_vi})".replace(" )", ")")
        if self.sai_so_ty_le:
            chu += f" (±{_so(self.sai_so_ty_le * 100)}%)"
        return chu


# Kiểu của giá trị ghi: số đo (GiaTri[float]) hoặc chữ (GiaTri[str], như tên phông).
_Ghi = TypeVar("_Ghi", float, str)


@dataclass(frozen=True)
class GiaTri(Generic[_Ghi]):
    """Một đại lượng của quy tắc: giá trị bộ ghi dùng và các khoảng bộ kiểm tra chấp nhận.

    cho_phep rỗng: phải đúng bằng `ghi` (chữ như Quốc hiệu, tên phông)."""

    ten: str
    ghi: _Ghi
    cho_phep: tuple[Khoang, ...] = ()
    dieu_kien: str = ""  # điều kiện so với đại lượng khác, bộ kiểm tra tự tính ("< lề trên")

    @property
    def khoang(self) -> Khoang:
        """Khoảng chấp nhận (đại lượng có một khoảng)."""
        return self.cho_phep[0]

    def chua(self, x: float | None) -> bool:
        return any(k.chua(x) for k in self.cho_phep)

    def mo_ta_ghi(self) -> str:
        if isinstance(self.ghi, str):
            return f"«{self.ghi}»"
        don_vi = self.cho_phep[0].don_vi if self.cho_phep else ""
        return f"{_so(self.ghi)} {don_vi}".strip()

    def ngan(self) -> str:
        """Các khoảng không kèm sai số: "1 cm hoặc 1,27 cm", để ghép vào tên quy tắc."""
        return " hoặc ".join(f"{k.so()} {k.don_vi}".strip() for k in self.cho_phep)

    def mo_ta_cho_phep(self) -> str:
        if self.dieu_kien:
            return self.dieu_kien
        if not self.cho_phep:
            return f"đúng {self.mo_ta_ghi()}"
        return " hoặc ".join(str(k) for k in self.cho_phep)


class MucDoBatBuoc(StrEnum):
    BAT_BUOC = "bat_buoc"  # lời văn của Nghị định hoặc Phụ lục I
    THEO_MAU = "theo_mau"  # chỉ thấy ở mẫu (Phụ lục I mục V, Phụ lục III)
    THONG_LE = "thong_le"  # cách làm phổ biến, không có trong Nghị định
    NGOAI_ND30 = "ngoai_nd30"  # kiểm tra thêm của drafter (số liệu, bảng), không phải thể thức

    @property
    def nhan(self) -> str:
        return {"bat_buoc": "bắt buộc", "theo_mau": "theo mẫu", "thong_le": "thông lệ",
                "ngoai_nd30": "ngoài NĐ 30"}[self.value]


@dataclass(frozen=True)
class QuyTac:
    """so: số thứ tự in trong kết quả `drafter check` (0 = kiểm tra ngoài thể thức).
    kiem: drafter check có kiểm quy tắc này thành một dòng riêng không; ghi_chu nói phần nào
    được kiểm ở quy tắc khác, và khi nào là Cảnh báo thay vì Không đạt."""

    so: int
    ma: str
    ten: str
    yeu_cau: str
    nguon: str
    muc_do: MucDoBatBuoc
    gia_tri: tuple[GiaTri[float] | GiaTri[str], ...] = ()
    kiem: bool = True
    ghi_chu: str = ""


# ---------------------------------------------------------------- các đại lượng

# Trang (Phụ lục I, mục I).
_TWIP_MM = 1 / TWIP_MOI_MM  # 1 twip tính bằng mm: sai số làm tròn khi Word lưu số đo
RONG_GIAY = GiaTri("chiều rộng khổ giấy", 210, (Khoang(210, 210, "mm", sai_so=20 * _TWIP_MM),))
CAO_GIAY = GiaTri("chiều cao khổ giấy", 297, (Khoang(297, 297, "mm", sai_so=20 * _TWIP_MM),))
LE_TREN = GiaTri("lề trên", 20, (Khoang(20, 25, "mm", sai_so=10 * _TWIP_MM),))
LE_DUOI = GiaTri("lề dưới", 20, (Khoang(20, 25, "mm", sai_so=10 * _TWIP_MM),))
LE_TRAI = GiaTri("lề trái", 30, (Khoang(30, 35, "mm", sai_so=10 * _TWIP_MM),))
LE_PHAI = GiaTri("lề phải", 15, (Khoang(15, 20, "mm", sai_so=10 * _TWIP_MM),))
PHONG = GiaTri("phông chữ", "Times New Roman")
MAU_SAC_CHU = GiaTri("màu chữ", "000000", dieu_kien="đen: «000000», «auto» hoặc không khai báo")
CO_SO_TRANG = GiaTri("cỡ chữ số trang", 14, (Khoang(13, 14, "pt"),))
CACH_PHAN_DAU_TRANG = GiaTri("đầu trang cách mép trên", 10, (Khoang(10, 10, "mm"),),
                             dieu_kien="nhỏ hơn lề trên")

# Phần đầu (Phụ lục I, mục II.1–II.5).
CHU_QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
CHU_TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
CO_QUOC_HIEU = GiaTri("cỡ chữ Quốc hiệu", 13, (Khoang(12, 13, "pt"),))
# Cỡ Tiêu ngữ = Quốc hiệu + 1, cỡ ngày = cỡ Tiêu ngữ (quy tắc 7).
CO_TIEU_NGU = GiaTri("cỡ chữ Tiêu ngữ", CO_QUOC_HIEU.ghi + 1, (Khoang(13, 14, "pt"),))
DAI_KE_TIEU_NGU = GiaTri("đường kẻ so với dòng Tiêu ngữ", 1.0,
                         (Khoang(1, 1, "× dòng chữ", sai_so_ty_le=0.1,
                                 mo_ta="dài bằng dòng chữ (±10%)"),))
CO_CO_QUAN = GiaTri("cỡ chữ tên cơ quan", 13, (Khoang(12, 13, "pt"),))
# Đường kẻ dưới tên cơ quan và dưới trích yếu: 1/3–1/2 dòng chữ phía trên; sai số 15% cho
# cách đo khác nhau (thụt lề, hình vẽ, phông thay thế).
DAI_KE_NGAN = GiaTri("đường kẻ so với dòng chữ phía trên", 0.4,
                     (Khoang(1 / 3, 1 / 2, "× dòng chữ", sai_so_ty_le=0.15,
                             mo_ta="1/3–1/2 dòng chữ (±15%)"),))
CO_SO_KY_HIEU = GiaTri("cỡ chữ dòng Số", 13, (Khoang(13, 13, "pt"),))
CO_NGAY = GiaTri("cỡ chữ địa danh, ngày", CO_TIEU_NGU.ghi, (Khoang(13, 14, "pt"),))
CO_TEN_LOAI = GiaTri("cỡ chữ tên loại", 14, (Khoang(13, 14, "pt"),))
CO_TRICH_YEU = GiaTri("cỡ chữ trích yếu", 14, (Khoang(13, 14, "pt"),))

# Thân văn bản (Phụ lục I, mục II.6.e).
CO_CHU_THAN = GiaTri("cỡ chữ thân văn bản", 14, (Khoang(13, 14, "pt"),))
THUT_DAU_DONG = GiaTri("thụt đầu dòng", 1.27, (Khoang(1.0, 1.0, "cm", sai_so=0.03),
                                              Khoang(1.27, 1.27, "cm", sai_so=0.03)))
CACH_DOAN = GiaTri("khoảng cách giữa hai đoạn", 6, (Khoang(6, math.inf, "pt", sai_so=0.01),))
GIAN_DONG = GiaTri("giãn dòng", 1.15, (Khoang(1.0, 1.5, "dòng", sai_so=0.01),))
DAU_HET = "./."

# Phần cuối (Phụ lục I, mục II.7, II.9).
CO_CHU_KY = GiaTri("cỡ chữ thẩm quyền, chức vụ, họ tên", 14, (Khoang(13, 14, "pt"),))
DONG_TRONG_DE_KY = GiaTri("dòng trống để ký", 4, (Khoang(3, math.inf, "dòng"),))
CO_NHAN_NOI_NHAN = GiaTri("cỡ chữ «Nơi nhận:»", 12, (Khoang(12, 12, "pt"),))
CO_MUC_NOI_NHAN = GiaTri("cỡ chữ các nơi nhận", 11, (Khoang(11, 11, "pt"),))
COT_TRAI_DAU = GiaTri("cột trái bảng phần đầu", 6.0, (Khoang(6, 7, "cm"),))
COT_PHAI_DAU = GiaTri("cột phải bảng phần đầu", 10.5, (Khoang(9.5, 10.5, "cm"),))
COT_NOI_NHAN = GiaTri("cột Nơi nhận", 6.5, (Khoang(5, 7, "cm"),))
COT_CHU_KY = GiaTri("cột chữ ký", 10.0, (Khoang(9.5, 11, "cm"),))

# Tên loại văn bản và chữ viết tắt trong ký hiệu (Phụ lục III, mục I).
MA_TEN_LOAI: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr", "HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT", "GIẤY ỦY QUYỀN": "GUQ", "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP", "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}
MA_BAN_SAO = ("SY", "TrS", "SL")  # bản sao y, trích sao, sao lục
CAC_MA_LOAI = frozenset(MA_TEN_LOAI.values()) | frozenset(MA_BAN_SAO)
TIEN_TO_QUYEN_HAN = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


def ten_loai_cua(dong: str) -> str | None:
    """Tên loại mà một dòng in hoa bắt đầu bằng: "BÁO CÁO" cho cả "BÁO CÁO" lẫn tên loại dài
    "BÁO CÁO TÌNH HÌNH …" (tên dài nhất khớp, để "BẢN GHI NHỚ" không bị đọc thành tên khác)."""
    chu = " ".join(dong.upper().split())
    khop = [t for t in MA_TEN_LOAI if chu == t or chu.startswith(t + " ")]
    return max(khop, key=len) if khop else None


# ---------------------------------------------------------------- các quy tắc

_B, _M, _T, _N = (MucDoBatBuoc.BAT_BUOC, MucDoBatBuoc.THEO_MAU, MucDoBatBuoc.THONG_LE,
                  MucDoBatBuoc.NGOAI_ND30)

CAC_QUY_TAC: tuple[QuyTac, ...] = (
    # Trang
    QuyTac(1, "kho_giay", "Khổ giấy A4", "Khổ A4 (210 × 297 mm).", "Phụ lục I, mục I.1", _B,
           (RONG_GIAY, CAO_GIAY)),
    QuyTac(2, "huong_giay", "Hướng giấy dọc",
           "Trình bày theo chiều dài trang giấy; trang nằm ngang chỉ khi thân có bảng, biểu rộng "
           "không tách ra phụ lục.", "Phụ lục I, mục I.2", _B,
           ghi_chu="Trang ngang có bảng trong thân: Cảnh báo; không có bảng: Không đạt."),
    QuyTac(3, "le_trang", "Lề trang",
           "Lề trên, dưới, trái, phải trong khoảng quy định.", "Phụ lục I, mục I.3", _B,
           (LE_TREN, LE_DUOI, LE_TRAI, LE_PHAI)),
    QuyTac(4, "phong_chu", "Phông chữ Times New Roman",
           "Phông Times New Roman, bộ mã Unicode TCVN 6909:2001.", "Phụ lục I, mục I.4", _B,
           (PHONG,), ghi_chu="Chữ Đông Á / phức hợp (eastAsia, cs) chưa khai Times New Roman: "
           "Cảnh báo."),
    QuyTac(5, "mau_chu", "Chữ màu đen", "Chữ màu đen.", "Phụ lục I, mục I.4", _B, (MAU_SAC_CHU,)),
    QuyTac(6, "ma_unicode", "Mã Unicode TCVN 6909:2001",
           "Chữ Unicode dựng sẵn (NFC), không còn dấu vết bảng mã TCVN3, VNI.",
           "Phụ lục I, mục I.4 (cách hiểu của drafter)", _T,
           ghi_chu="Chữ tổ hợp (NFD): Cảnh báo; dấu vết TCVN3/VNI: Không đạt."),
    QuyTac(7, "co_chu_thong_nhat", "Cỡ chữ Quốc hiệu – Tiêu ngữ – ngày thống nhất",
           "Cỡ chữ tăng, giảm thống nhất: Tiêu ngữ lớn hơn Quốc hiệu 1 pt, địa danh và ngày "
           "bằng cỡ Tiêu ngữ (13 → 14 → 14 hoặc 12 → 13 → 13).",
           "Phụ lục I, mục V (chú thích cột Cỡ chữ)", _B),
    # Phần đầu
    QuyTac(8, "quoc_hieu", "Quốc hiệu",
           f"«{CHU_QUOC_HIEU}» in hoa, đứng, đậm, căn giữa ô bên phải, trên một dòng.",
           "Phụ lục I, mục II.1.a", _B, (CO_QUOC_HIEU,)),
    QuyTac(9, "tieu_ngu", "Tiêu ngữ",
           f"«{CHU_TIEU_NGU}» (gạch nối có cách hai bên), đứng, đậm, căn giữa ngay dưới Quốc "
           "hiệu.", "Phụ lục I, mục II.1.b", _B, (CO_TIEU_NGU,)),
    QuyTac(10, "ke_tieu_ngu", "Đường kẻ dưới Tiêu ngữ",
           "Đường kẻ ngang nét liền dài bằng dòng Tiêu ngữ.", "Phụ lục I, mục II.1.b", _B,
           (DAI_KE_TIEU_NGU,)),
    QuyTac(11, "co_quan_chu_quan", "Tên cơ quan chủ quản",
           "Nếu có: in hoa, đứng, không đậm, phía trên tên cơ quan ban hành.",
           "Phụ lục I, mục II.2.b", _B, (CO_CO_QUAN,)),
    QuyTac(12, "co_quan_ban_hanh", "Tên cơ quan ban hành",
           "In hoa, đứng, đậm, căn giữa.", "Phụ lục I, mục II.2.b", _B, (CO_CO_QUAN,)),
    QuyTac(13, "ke_co_quan", "Đường kẻ dưới tên cơ quan",
           "Đường kẻ nét liền dài 1/3–1/2 dòng chữ, căn giữa.", "Phụ lục I, mục II.2.b", _B,
           (DAI_KE_NGAN,)),
    QuyTac(14, "so_ky_hieu", "Số, ký hiệu",
           "«Số: 05/BC-UBND»: không có khoảng trắng quanh «/» và «-», đứng, không đậm.",
           "Phụ lục I, mục II.3.c; Điều 15", _B, (CO_SO_KY_HIEU,),
           ghi_chu="Bản nháp chưa có số (văn thư cấp sau khi ký, Điều 15): Cảnh báo; "
           "với --chinh-thuc: Không đạt."),
    QuyTac(15, "so_0_dau", "Số nhỏ hơn 10 có số 0 phía trước",
           "Số văn bản nhỏ hơn 10 viết thêm số 0 phía trước (05).", "Phụ lục I, mục II.3.c", _B),
    QuyTac(16, "ma_loai", "Mã tên loại văn bản",
           "Chữ viết tắt tên loại trong ký hiệu theo danh mục Phụ lục III và khớp dòng tên loại "
           "(BÁO CÁO → BC, KẾ HOẠCH → KH, TỜ TRÌNH → TTr, THÔNG BÁO → TB…).",
           "Phụ lục III, mục I", _B),
    QuyTac(17, "ngay_thang", "Địa danh, ngày tháng",
           "«Hà Nội, ngày 05 tháng 01 năm 2020»: nghiêng, cùng hàng với dòng Số.",
           "Phụ lục I, mục II.4; Điều 15", _B, (CO_NGAY,),
           ghi_chu="Bản nháp chưa có ngày hoặc mới biết tháng («ngày      tháng 7 năm 2024»): "
           "Cảnh báo; với --chinh-thuc: Không đạt."),
    QuyTac(18, "ngay_so_0", "Quy tắc số 0 của ngày, tháng",
           "Ngày dưới 10 và tháng 1, 2 viết thêm số 0; tháng 3 đến 12 không thêm.",
           "Phụ lục I, mục II.4.b", _B,
           ghi_chu="Ngày biết một phần: kiểm phần đã ghi (tháng)."),
    QuyTac(19, "ten_loai", "Tên loại văn bản",
           "Tên loại in hoa, đứng, đậm, căn giữa, một đoạn riêng; có thể là tên loại dài trên "
           "một dòng («BÁO CÁO TÌNH HÌNH …»).", "Phụ lục I, mục II.5.b", _B, (CO_TEN_LOAI,)),
    QuyTac(20, "trich_yeu", "Trích yếu",
           "Ngay dưới tên loại: đứng, đậm, căn giữa, chữ cái đầu viết hoa. Tên loại dài đã nói "
           "nội dung thì không cần trích yếu.", "Phụ lục I, mục II.5.b", _B, (CO_TRICH_YEU,),
           ghi_chu="Dòng trong ngoặc «(Từ ngày … đến ngày …)», «(Trình kỳ họp …)» dưới tên "
           "loại hay trích yếu không phải trích yếu, cũng không phải thân văn bản."),
    QuyTac(21, "ke_trich_yeu", "Đường kẻ dưới trích yếu",
           "Đường kẻ nét liền dài 1/3–1/2 dòng chữ, căn giữa, dưới trích yếu (hoặc dưới tên "
           "loại dài, dòng trong ngoặc).", "Phụ lục I, mục II.5.b", _B, (DAI_KE_NGAN,)),
    QuyTac(22, "khong_vv", "Không dùng «V/v» của công văn",
           "Văn bản có tên loại không viết trích yếu kiểu «V/v …» của công văn.",
           "Phụ lục I, mục II.5.b", _B),
    QuyTac(23, "kinh_gui", "Kính gửi",
           "Nếu có: đứng, không đậm; nhiều nơi thì mỗi nơi một dòng «- …;», dòng cuối «.»; "
           "Nơi nhận bắt đầu bằng «- Như trên;».", "Phụ lục I, mục II.9.b, II.9.d", _B),
    # Thân văn bản
    QuyTac(24, "co_chu_than", f"Cỡ chữ thân văn bản {CO_CHU_THAN.khoang.so()}, thống nhất",
           "Chữ thân văn bản đứng, cùng một cỡ trong khoảng quy định.", "Phụ lục I, mục II.6.e", _B,
           (CO_CHU_THAN,), ghi_chu="Đúng khoảng nhưng dùng lẫn nhiều cỡ: Cảnh báo."),
    QuyTac(25, "can_deu", "Căn đều hai lề",
           "Đoạn văn căn đều hai lề (trừ dòng gạch đầu dòng).", "Phụ lục I, mục II.6.e", _B),
    QuyTac(26, "thut_dau_dong", f"Thụt đầu dòng {THUT_DAU_DONG.ngan()}",
           "Dòng đầu của đoạn văn lùi vào một trong hai khoảng quy định.",
           "Phụ lục I, mục II.6.e", _B, (THUT_DAU_DONG,)),
    QuyTac(27, "cach_doan", f"Khoảng cách giữa các đoạn tối thiểu {CACH_DOAN.mo_ta_ghi()}",
           "Khoảng cách giữa hai đoạn văn (sau đoạn trên cộng trước đoạn dưới) tối thiểu như "
           "quy định.",
           "Phụ lục I, mục II.6.e", _B, (CACH_DOAN,)),
    QuyTac(28, "gian_dong", f"Giãn dòng từ {_so(GIAN_DONG.khoang.thap)} đến "
           f"{_so(GIAN_DONG.khoang.cao)} dòng",
           "Khoảng cách giữa các dòng từ dòng đơn đến 1,5 dòng.", "Phụ lục I, mục II.6.e", _B,
           (GIAN_DONG,), ghi_chu="Giãn dòng tính bằng điểm (chính xác, tối thiểu): Cảnh báo để "
           "xem lại."),
    QuyTac(29, "can_cu", "Căn cứ ban hành",
           "Nếu có: in nghiêng, mỗi căn cứ một dòng, kết thúc «;», căn cứ cuối «.». Dòng «Thực "
           "hiện …» in nghiêng ở cùng chỗ cũng được nhận là căn cứ.", "Phụ lục I, mục II.6.a",
           _B, ghi_chu="Không nghiêng: Không đạt. Dấu câu khác cách trên (căn cứ in đúng như "
           "người soạn gõ; căn cứ trước dòng «Thực hiện …» kết thúc «;» hay «.» đều được): "
           "Cảnh báo."),
    QuyTac(30, "de_muc_phan", "Đề mục «Phần»",
           "«Phần I», «Phần thứ nhất» đậm, căn giữa; tên phần in hoa, đậm, căn giữa.",
           "Phụ lục I, mục II.6.đ và mục V", _B, kiem=False,
           ghi_chu="Kiểm cùng quy tắc 31 (chữ «Phần» đậm)."),
    QuyTac(31, "dinh_dang_de_muc", "Định dạng đề mục (I. in hoa đậm; a) không đậm)",
           "Mục «I.» đậm; tiêu đề in hoa như mẫu; điểm «a)» không đậm.",
           "Phụ lục I, mục V (ô 6.b)", _M,
           ghi_chu="Mục «I.» không đậm, điểm «a)» đậm: Không đạt. Tiêu đề mục «I.» chữ thường: "
           "Cảnh báo (lời văn Nghị định không bắt buộc in hoa, chỉ mẫu mục V in hoa)."),
    QuyTac(32, "de_muc_khoan", "Khoản «1.»",
           "Khoản đánh số Ả Rập; khoản có tiêu đề: chữ thường, đậm, một dòng riêng.",
           "Phụ lục I, mục II.6.đ", _B, kiem=False,
           ghi_chu="Thứ tự kiểm ở quy tắc 35; định dạng chưa kiểm."),
    QuyTac(33, "de_muc_diem", "Điểm «a)»",
           "Điểm đánh bằng chữ cái tiếng Việt theo thứ tự, có dấu «)», không đậm.",
           "Phụ lục I, mục II.6.đ", _B, kiem=False,
           ghi_chu="Thứ tự và dấu «)» kiểm ở quy tắc 35, không đậm ở quy tắc 31."),
    QuyTac(34, "cap_duoi_diem", "Cấp dưới điểm", "Dưới điểm dùng «-» rồi «+».", "—", _T,
           kiem=False),
    QuyTac(35, "thu_tu_de_muc", "Số thứ tự đề mục",
           "I, II, III…; 1, 2, 3… bắt đầu lại dưới mỗi đề mục cha; a, b, c… theo bảng chữ cái "
           "tiếng Việt (a b c d đ e g h i k…); «1.2.» có dấu chấm cuối.", "Phụ lục I, mục II.6.đ",
           _B, ghi_chu="Đoạn chỉ có một chữ cái và dấu chấm («x.») không phải điểm."),
    QuyTac(36, "dau_het", "Dấu hết «./.» cuối thân văn bản",
           f"Đoạn cuối thân văn bản kết thúc bằng «{DAU_HET}».", "Phụ lục III, Mẫu 1.4", _M,
           ghi_chu="Thiếu: Cảnh báo (lời văn Phụ lục I không quy định; người soạn có thể kết "
           "cách khác, «dau_het»: false)."),
    # Phần cuối
    QuyTac(37, "tham_quyen_ky", "Thẩm quyền ký và chức vụ",
           "Quyền hạn (TM., KT., Q., TL., TUQ.) và chức vụ in hoa, đứng, đậm, căn giữa; ký thay "
           "(KT.) có dòng chức vụ người ký bên dưới.", "Phụ lục I, mục II.7.b, II.7.c, II.7.đ",
           _B, (CO_CHU_KY,)),
    QuyTac(38, "chuc_vu_ky", "Chức vụ người ký", "Chức vụ in hoa, đứng, đậm.",
           "Phụ lục I, mục II.7.c", _B, kiem=False, ghi_chu="Kiểm cùng quy tắc 37."),
    QuyTac(39, "ho_ten_ky", "Họ tên người ký",
           "Chữ thường, đứng, đậm, căn giữa; không ghi học hàm, học vị trước họ tên.",
           "Phụ lục I, mục II.7.c, II.7.đ", _B, (CO_CHU_KY,),
           ghi_chu="Chưa có họ tên (bản nháp): Cảnh báo; với --chinh-thuc: Không đạt."),
    QuyTac(40, "cho_ky", f"Chỗ ký ({DONG_TRONG_DE_KY.khoang.so()} dòng trống)",
           "Đủ chỗ ký và đóng dấu giữa chức vụ và họ tên.", "—", _T, (DONG_TRONG_DE_KY,),
           ghi_chu="Ít hơn: Cảnh báo."),
    QuyTac(41, "noi_nhan", "Nhãn «Nơi nhận:»",
           "«Nơi nhận:» đậm, nghiêng, sát lề trái, ngang hàng dòng thẩm quyền ký.",
           "Phụ lục I, mục II.9.d", _B, (CO_NHAN_NOI_NHAN,)),
    QuyTac(42, "muc_noi_nhan", "Các nơi nhận",
           "Mỗi nơi một dòng «- …;», đứng, không đậm.", "Phụ lục I, mục II.9.d", _B,
           (CO_MUC_NOI_NHAN,)),
    QuyTac(43, "dong_luu", "Dòng «- Lưu: VT, …»",
           "Dòng cuối «- Lưu: VT, <đơn vị soạn thảo>[ (số bản)].»", "Phụ lục I, mục II.9.d", _B),
    QuyTac(44, "bang_chu_ky", "Bảng Nơi nhận – chữ ký",
           "Bảng hai cột không viền sau thân văn bản.", "Phụ lục III (mẫu)", _M,
           (COT_NOI_NHAN, COT_CHU_KY), kiem=False),
    QuyTac(45, "bang_phan_dau", "Bảng phần đầu",
           "Bảng hai cột không viền; cột phải đủ rộng cho Quốc hiệu trên một dòng.",
           "Phụ lục III (mẫu)", _M, (COT_TRAI_DAU, COT_PHAI_DAU), kiem=False,
           ghi_chu="Quốc hiệu trên một dòng kiểm ở quy tắc 8."),
    QuyTac(46, "so_trang", "Số trang ở giữa lề trên",
           "Số trang bằng chữ số Ả Rập, đứng, căn giữa trong lề trên (trường PAGE của đầu "
           "trang).", "Phụ lục I, mục I.7", _B, (CO_SO_TRANG,)),
    QuyTac(47, "khong_so_trang_1", "Không hiện số trang ở trang 1",
           "Trang đầu không hiện số trang.", "Phụ lục I, mục I.7", _B),
    QuyTac(48, "dau_trang_trong_le", "Số trang nằm trong lề trên",
           "Đầu trang cách mép trên ít hơn lề trên.", "Phụ lục I, mục I.7 (suy ra)", _B,
           (CACH_PHAN_DAU_TRANG,)),
    QuyTac(49, "phu_luc", "Phụ lục", "«Phụ lục I» đậm, căn giữa; tên phụ lục in hoa, đậm; dòng "
           "«(Kèm theo …)» nghiêng.", "Phụ lục I, mục III.1.b, III.1.c", _B, kiem=False),
    QuyTac(50, "so_phu_luc", "Số phụ lục",
           "Hai phụ lục trở lên đánh số La Mã; số trang mỗi phụ lục đánh riêng.",
           "Phụ lục I, mục III.1.a, III.1.đ", _B, kiem=False),
    QuyTac(51, "ky_hieu_nguoi_soan", "Ký hiệu người soạn thảo, số bản",
           "Nếu có: chữ in hoa và số bản, cỡ 11, đứng («PL.(300)»).", "Phụ lục I, mục III.3", _B,
           kiem=False),
    QuyTac(52, "giu_cho", "Không còn chữ giữ chỗ («…», «(Chữ ký…)»)",
           "Không còn «…», dòng chấm chấm, «(Chữ ký…)», «Họ và tên» của mẫu.",
           "Phụ lục III (chữ hướng dẫn của mẫu)", _T, ghi_chu="Còn: Cảnh báo."),
    # Ngoài thể thức
    QuyTac(0, "so_lieu_ty_le", "Số liệu: tỷ lệ x/y = p%",
           "Tỷ lệ viết «x/y … p%» (kể cả «x đơn vị/y đơn vị») đúng bằng x/y làm tròn nửa lên "
           "(so tới hai chữ số thập phân), dấu phẩy thập phân.", "—", _N,
           ghi_chu="Sai: Cảnh báo. Không tính: ngày/tháng, tháng/năm («hết tháng 11/2024 … đạt "
           "90%»), hai vế khác đơn vị, phần trăm của tiền («33,3% vốn giao») sau x/y đếm hộ, "
           "người."),
    QuyTac(0, "so_lieu_tong", "Số liệu: tổng và các phần «trong đó»",
           "«N …, trong đó: a …; b …» thì a + b + … = N (N trong cùng câu; các phần là từng "
           "loại thì N là số đếm đứng trước: «4478 văn bản các loại (trong đó có: 139 báo cáo, "
           "…)»); ngoặc con sau một phần cộng lại bằng phần đó; từ chữ «tổng» trở đi là câu "
           "khác.", "—", _N, ghi_chu="Sai: Cảnh báo."),
    QuyTac(0, "do_rong_bang", "Bề rộng bảng, cột, ô hợp lệ",
           "Bề rộng cột, ô, bảng đọc được và không âm (Word báo tệp hỏng).", "—", _N),
)

QUY_TAC: dict[str, QuyTac] = {qt.ma: qt for qt in CAC_QUY_TAC}
