"""Định nghĩa biểu mẫu đọc từ forms/*.toml: các mục (cây đề mục của báo cáo), các chỉ tiêu.

Thêm một chỉ tiêu hay một mục chỉ cần sửa tệp TOML (và mẫu câu trong templates/ nếu muốn
câu riêng), không sửa mã Python. Tệp sai được báo bằng tiếng Việt kèm tên chỉ tiêu.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationError, model_validator

from drafter.ky_bao_cao import LoaiKy
from drafter.loi_tieng_viet import cac_loi
from drafter.muc_tieu import TEN_CO_SO
from drafter.tai_nguyen import thu_muc
from drafter.tep_van_ban import LoiTepVanBan
from drafter.van_ban import DANH_SO_MAC_DINH, CapDanhSo, MoHinhCoDinh

LoaiChiTieu = Literal["dem", "dien_tich", "khoi_luong", "chieu_dai", "the_tich", "tien",
                      "phan_tram", "ti_so", "co_khong", "chu", "so"]
TinhChatKy = Literal["luy_ke", "trong_ky", "thoi_diem"]
SoSanh = Literal["ke_hoach", "cung_ky", "cung_ky_tang_giam", "du_toan", "cuoi_nam_truoc"]
CachHienPhanCon = Literal["chu_thich", "trong_do", "khong"]
CachGop = Literal["cong", "cuoi", "lon_nhat"]

TEN_LOAI = {
    "dem": "số đếm", "dien_tich": "diện tích", "khoi_luong": "khối lượng",
    "chieu_dai": "chiều dài", "the_tich": "thể tích", "tien": "số tiền",
    "phan_tram": "tỷ lệ phần trăm", "ti_so": "tỷ số x/y", "co_khong": "có/không",
    "chu": "chữ ngắn", "so": "số",
}


# Biến {ten} trong chữ của biểu mẫu (không phải jinja): {ky}, {ky_toi}, {nam}, {co_quan}… ở
# trích yếu, câu kết, tiêu đề, lời văn gợi ý (dung_van_ban.bien_cua); {ten}, {gia_tri}, {so},
# {don_vi} ở cách viết mỗi phần chi tiết (PhanCon.mau). Thay một lượt: chữ đã thay vào (tên thôn
# người dùng gõ…) không bao giờ được đọc lại như biến.
_BIEN = re.compile(r"\{(\w+)\}")


def dien_bien(chu: str, bien: dict[str, str]) -> str:
    """Thay các biến {ten} có trong `bien`; biến lạ giữ nguyên chữ."""
    return _BIEN.sub(lambda m: bien.get(m.group(1), m.group()), chu)


# Tên chung của các biến kỳ khi chưa biết kỳ nào (đường dẫn mục trong thông báo lỗi).
_BIEN_CHUA_BIET_KY = {"ky": "kỳ này", "ky_toi": "kỳ tới", "KY": "KỲ NÀY", "KY_TOI": "KỲ TỚI",
                      "nam": "(năm kế hoạch)", "nam_truoc": "(năm trước)"}


class PhanCon(MoHinhCoDinh):
    """Chi tiết một chỉ tiêu theo thôn, loại cây, loài vật…; các phần phải cộng đúng tổng."""

    theo: str  # "thôn", "nhóm cây", "loài"…
    cach_hien: CachHienPhanCon = "chu_thich"
    loi_dan: str = "trong đó"  # "(trong đó: …)", "(gồm có …)"; trống: "(05 trẻ nữ; 10 trẻ nam)"
    phai_du_tong: bool = True
    mau: str = "{ten} {gia_tri}"  # cách viết mỗi phần; {ten}, {gia_tri}, {so}, {don_vi}
    hai_cham: bool = True  # "(trong đó: …)"; False: "(trong đó đỗ tương 7,9 ha; …)"
    phan_cach: str = "; "  # giữa các phần: "; " hay ", " ("312 TTHC (61 toàn trình, 251 …)")


class ChiTieu(MoHinhCoDinh):
    ma: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    muc: str
    ten: str
    cau: str = ""  # lời dẫn trong câu văn; trống thì dùng tên
    don_vi: str = ""
    don_vi_tien: Literal["đồng", "triệu đồng", "tỷ đồng"] = "đồng"
    loai: LoaiChiTieu = "so"
    ky: TinhChatKy = "trong_ky"
    # Tỷ số x/y: tính chất của mẫu số y. Thường là tổng hiện có (8 thôn, 19 tiêu chí): giữ
    # sang kỳ sau, không bao giờ cộng khi gộp quý; "trong_ky" khi y cũng phát sinh trong kỳ
    # (hồ sơ nộp trực tuyến / tổng hồ sơ tiếp nhận trong kỳ).
    ky_mau_so: TinhChatKy = "thoi_diem"
    # Gộp nhiều quý thành 6 tháng, 9 tháng, năm: mặc định theo tính chất kỳ (trong kỳ: cộng;
    # lũy kế, hiện có: lấy số quý cuối). "lon_nhat" cho số đơn vị trong một tổng cố định
    # ("số thôn đã phun tiêu độc": cộng hai quý 8 + 8 thôn là sai).
    gop: CachGop | None = None
    # Số của xã hình thành sau sắp xếp đơn vị hành chính, cho các kỳ trước ngày sắp xếp: mặc
    # định cộng số của các xã cũ (số đếm, diện tích, tiền, cả tử số và mẫu số của tỷ số);
    # "khong" cho số không cộng theo địa bàn được (năng suất, điểm, số tiêu chí trên một bộ tiêu
    # chí chung). Tỷ lệ % không bao giờ cộng hay lấy trung bình.
    gop_xa_cu: Literal["cong", "khong"] = "cong"
    so_sanh: list[SoSanh] = Field(default_factory=list)
    so_le: int = Field(default=2, ge=0, le=4)  # số chữ số thập phân tối đa khi in giá trị
    so_le_ty_le: int = Field(default=1, ge=0, le=3)
    hai_chu_so: bool = False  # số đếm dưới 10 viết 01, 02… ("06/06 thanh niên")
    vuot: bool = False  # cho phép x > y hoặc tỷ lệ > 100% (vượt kế hoạch)
    phan_con: PhanCon | None = None
    nguong_thay_doi: float | None = Field(default=None, gt=0)  # % thay đổi đáng ngờ
    # Tổng của các chỉ tiêu khác (mã): để trống thì tính bằng tổng của chúng, gõ thì kiểm tra
    # ("Tổng diện tích gieo trồng" = lúa + ngô + khoai + … , mỗi phần một chỉ tiêu riêng).
    tong_cua: list[str] = Field(default_factory=list)
    # Tích của hai chỉ tiêu nhân hệ số: sản lượng (tấn) = diện tích (ha) × năng suất (tạ/ha)
    # × 0,1. Để trống thì tính, gõ thì giữ số gõ.
    tich_cua: list[str] = Field(default_factory=list, max_length=2)
    he_so: float = 1
    mau_cau: str = ""  # tên mẫu câu trong templates/cau/ (trống: chọn theo loại)
    tro_giup: str = ""

    @property
    def loi_dan(self) -> str:
        return self.cau or self.ten

    @property
    def la_so(self) -> bool:
        return self.loai not in ("co_khong", "chu")

    @property
    def cach_gop(self) -> CachGop:
        """Cách gộp số liệu x qua nhiều quý; tỷ lệ % không bao giờ cộng hay lấy trung bình."""
        if self.gop is not None:
            return self.gop
        if not self.la_so or self.loai == "phan_tram" or self.ky != "trong_ky":
            return "cuoi"
        return "cong"


DauDongNhiemVu = Literal["so", "sao", "gach"]


class MucBieuMau(MoHinhCoDinh):
    ma: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    tieu_de: str = ""
    # Tên trên dàn ý của màn hình soạn: vừa cửa sổ 80 cột, và là tên duy nhất của mục không có
    # tiêu đề in ra (khoản "3.1." chỉ có số, khoản "a)" mở bằng chữ nghiêng). Trống: tiêu đề.
    ten_ngan: str = ""
    cha: str | None = None
    cap: CapDanhSo | None = None
    # Sơ đồ riêng cho các cấp dưới mục này (phần thứ hai liệt kê thẳng 1., 2.; khoản 5. chia
    # 5.1.–5.4.) và nhãn tác giả ghi ("3.1." dưới mục III.), như đề mục của văn bản.
    danh_so: list[CapDanhSo] | None = None
    nhan: str | None = Field(default=None, min_length=1, max_length=30)
    de_muc: bool = True  # False: chỉ là nhóm trên màn hình, nội dung chảy vào mục cha
    tuy_chon: bool = False  # không có nội dung thì bỏ hẳn khỏi văn bản
    danh_sach_so: bool = False  # nội dung là danh sách nhiệm vụ 1., 2., 3. …
    chep_ky_sau: bool = True  # False: lời văn chỉ dùng cho một kỳ (ra quân đầu xuân ở quý I)
    nhan_nhiem_vu_ky_truoc: bool = False  # kỳ mới: chép các nhiệm vụ kỳ trước đề ra vào đây
    # Nhiệm vụ kỳ trước in thành "1." (so), "*" (sao) hay "-" (gach): bản 6 tháng của HĐND
    # liệt kê "* Nhiệm vụ thứ nhất …" rồi dòng "Kết quả đánh giá: …".
    dau_dong_nhiem_vu: DauDongNhiemVu = "so"
    # Nhiệm vụ được đánh giá theo chỉ tiêu ("Kết quả đánh giá: Đạt và vượt chỉ tiêu.", câu đếm
    # "đạt 02/04 nhiệm vụ") thay vì trạng thái hoàn thành / đang / chưa thực hiện.
    danh_gia_nhiem_vu: bool = False
    # Báo cáo: in câu đếm "đạt và vượt 12/16 chỉ tiêu" và đánh giá từng chỉ tiêu kế hoạch.
    danh_gia_muc_tieu: bool = False
    # Kế hoạch năm: các chỉ tiêu kế hoạch (mã) của mục này; chỉ tiêu đã đặt mà lời văn chưa
    # nhắc được tự thêm thành gạch đầu dòng "- Tên: 1.300 tấn.".
    chi_tieu_ke_hoach: list[str] = Field(default_factory=list)
    # Kế hoạch năm: mục "Tổ chức thực hiện" in các nhiệm vụ giao kèm đơn vị chủ trì, thời hạn.
    nhiem_vu_ke_hoach: bool = False
    van_ban_mau: str = ""  # đoạn văn gợi ý cho báo cáo mới, mỗi đoạn cách một dòng trống
    tro_giup: str = ""

    @property
    def ten(self) -> str:
        return self.tieu_de or self.ten_ngan or self.ma


class CachViet(MoHinhCoDinh):
    ke_hoach: str = "KH"
    cung_ky: str = "so với cùng kỳ"
    # "đạt 53,6% dự toán huyện giao"; trống: theo kỳ báo cáo (huyện giao, từ quý III/2025 khi
    # không còn cấp huyện thì tỉnh giao).
    du_toan_cap_tren: str = ""
    # Tên các cơ sở khác trong câu "đạt 84,0% kế hoạch huyện giao, đạt 76,4% Nghị quyết HĐND
    # xã"; kế hoạch cấp trên để trống cũng theo kỳ (huyện / tỉnh giao).
    cap_tren: str = ""
    nghi_quyet: str = "Nghị quyết HĐND xã"
    dieu_hanh: str = "KH điều hành của xã"
    # "giảm 3 tiêu chí so với năm 2022": trống thì "so với năm <năm trước>".
    cuoi_nam_truoc: str = ""

    def ten_co_so(self, co_so: str) -> str:
        """Tên cơ sở trong câu: cách viết của biểu mẫu, không có thì tên chung (muc_tieu)."""
        rieng = {"ke_hoach": self.ke_hoach, "cap_tren": self.cap_tren,
                 "nghi_quyet": self.nghi_quyet, "dieu_hanh": self.dieu_hanh,
                 "du_toan_cap_tren": self.du_toan_cap_tren}.get(co_so)
        return rieng or TEN_CO_SO.get(co_so, co_so)


class BieuMau(MoHinhCoDinh):
    ma: str
    ten: str
    phien_ban: int = 1
    ky: list[LoaiKy] = Field(default_factory=lambda: list[LoaiKy](["quy"]))
    danh_so: list[CapDanhSo] = Field(default_factory=lambda: list(DANH_SO_MAC_DINH))
    ten_loai: str = "BÁO CÁO"
    ky_hieu: str = "BC-UBND"
    trich_yeu: str
    cau_ket: str
    cach_viet: CachViet = Field(default_factory=CachViet)
    muc: list[MucBieuMau] = Field(min_length=1)
    chi_tieu: list[ChiTieu] = Field(default_factory=list)

    @model_validator(mode="after")
    def _tham_chieu(self) -> BieuMau:
        ma_muc = [m.ma for m in self.muc]
        trung = {m for m in ma_muc if ma_muc.count(m) > 1}
        if trung:
            raise ValueError(f"mã mục bị trùng: {', '.join(sorted(trung))}")
        da_thay: set[str] = set()
        for m in self.muc:
            if m.cha is not None and m.cha not in da_thay:
                raise ValueError(f"mục «{m.ma}» có mục cha «{m.cha}» chưa được khai báo phía trên")
            da_thay.add(m.ma)
        ma_ct = [c.ma for c in self.chi_tieu]
        trung = ({c for c in ma_ct if ma_ct.count(c) > 1}) | (set(ma_ct) & set(ma_muc))
        if trung:
            raise ValueError(f"mã chỉ tiêu bị trùng: {', '.join(sorted(trung))}")
        for m in self.muc:
            la = [ma for ma in m.chi_tieu_ke_hoach if ma not in ma_ct]
            if la:
                raise ValueError(f"mục «{m.ma}»: chỉ tiêu kế hoạch không có trong biểu mẫu: "
                                 f"{', '.join(la)}")
        for c in self.chi_tieu:
            if c.muc not in da_thay:
                raise ValueError(f"chỉ tiêu «{c.ma}» thuộc mục «{c.muc}» không có trong biểu mẫu")
            if "du_toan" in c.so_sanh and c.loai != "tien":
                raise ValueError(f"chỉ tiêu «{c.ma}»: so sánh dự toán chỉ dùng cho số tiền")
            la = [ma for ma in [*c.tong_cua, *c.tich_cua] if ma not in ma_ct or ma == c.ma]
            if la:
                raise ValueError(f"chỉ tiêu «{c.ma}»: tong_cua / tich_cua có mã không hợp lệ: "
                                 f"{', '.join(la)}")
            if c.loai == "ti_so" and "cung_ky_tang_giam" in c.so_sanh:
                raise ValueError(f"chỉ tiêu «{c.ma}»: tỷ số x/y không so tăng/giảm")
        return self

    # ------------------------------------------------------------ tra cứu

    # Biểu mẫu không đổi sau khi nạp (frozen) mà các bảng tra được gọi ở mỗi phím gõ và mỗi lần
    # vẽ dàn ý: dựng một lần. Các bảng trả về dùng chung, không sửa.
    _muc_theo_ma: dict[str, MucBieuMau] = PrivateAttr()
    _ct_theo_ma: dict[str, ChiTieu] = PrivateAttr()
    _con: dict[str | None, list[MucBieuMau]] = PrivateAttr()
    _ct_cua: dict[str, list[ChiTieu]] = PrivateAttr()

    def model_post_init(self, _ngu_canh: object) -> None:
        self._muc_theo_ma = {m.ma: m for m in self.muc}
        self._ct_theo_ma = {c.ma: c for c in self.chi_tieu}
        self._con, self._ct_cua = {}, {}
        for m in self.muc:
            self._con.setdefault(m.cha, []).append(m)
        for c in self.chi_tieu:
            self._ct_cua.setdefault(c.muc, []).append(c)

    def muc_theo_ma(self) -> dict[str, MucBieuMau]:
        return self._muc_theo_ma

    def chi_tieu_theo_ma(self) -> dict[str, ChiTieu]:
        return self._ct_theo_ma

    def con_cua(self, ma: str | None) -> list[MucBieuMau]:
        return self._con.get(ma, [])

    def chi_tieu_cua(self, ma_muc: str) -> list[ChiTieu]:
        return self._ct_cua.get(ma_muc, [])

    def duong_dan(self, ma_muc: str) -> str:
        """"Lĩnh vực kinh tế › Sản xuất nông, lâm nghiệp › Trồng trọt" để báo lỗi."""
        theo_ma = self.muc_theo_ma()
        phan = []
        m = theo_ma.get(ma_muc)
        while m is not None:
            phan.append(dien_bien(m.ten, _BIEN_CHUA_BIET_KY))
            m = theo_ma.get(m.cha) if m.cha else None
        # Ba cấp cuối là đủ để tìm đúng chỗ; đường dẫn dài quá khó đọc dưới ô nhập.
        return " › ".join(reversed(phan[:3]))


class LoiBieuMau(LoiTepVanBan):
    """Tệp biểu mẫu forms/*.toml sai: cùng cách báo lỗi như tệp báo cáo."""


# Các biểu mẫu đang đọc dở (lay_tu lồng nhau): gặp lại là vòng, báo lỗi thay vì đệ quy mãi.
_DANG_DOC: set[str] = set()
# Tính chất của số liệu: chỉ tiêu dùng chung không được đổi (đổi thì gộp kỳ, so cùng kỳ sai).
_TINH_CHAT_CHUNG = ("loai", "ky", "ky_mau_so", "don_vi", "don_vi_tien", "gop", "gop_xa_cu")


def _lay_chi_tieu_chung(du_lieu: dict, duong_dan: Path) -> dict:
    """Chỉ tiêu ghi «lay_tu = "kt-xh-quy-xa"» lấy nguyên định nghĩa (đơn vị, loại, tính chất
    kỳ, cách gộp, so sánh…) của chỉ tiêu cùng mã trong biểu mẫu đó, chỉ đặt lại mục và những
    khóa ghi thêm: hai biểu mẫu dùng chung một chỉ tiêu là một mã, một định nghĩa — gộp kỳ và
    so sánh giữa báo cáo quý và báo cáo 6 tháng khớp nhau."""
    cac = du_lieu.get("chi_tieu")
    if not isinstance(cac, list) or not any(isinstance(c, dict) and "lay_tu" in c for c in cac):
        return du_lieu
    ra = []
    for c in cac:
        if not (isinstance(c, dict) and "lay_tu" in c):
            ra.append(c)
            continue
        nguon_ma = c["lay_tu"]
        if nguon_ma == du_lieu.get("ma") or not isinstance(nguon_ma, str) \
                or nguon_ma in _DANG_DOC:
            raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan}: chỉ tiêu «{c.get('ma')}» lấy từ "
                             f"«{nguon_ma}» không được (biểu mẫu lấy vòng lại chính nó)")
        _DANG_DOC.add(str(du_lieu.get("ma")))
        try:
            goc = doc_bieu_mau(nguon_ma).chi_tieu_theo_ma().get(str(c.get("ma")))
        finally:
            _DANG_DOC.discard(str(du_lieu.get("ma")))
        if goc is None:
            raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan}: biểu mẫu «{nguon_ma}» không có chỉ "
                             f"tiêu «{c.get('ma')}»")
        doi = sorted(k for k in _TINH_CHAT_CHUNG if k in c and c[k] != getattr(goc, k))
        if doi:
            raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan}: chỉ tiêu «{c.get('ma')}» lấy từ "
                             f"«{nguon_ma}» không được đổi {', '.join(doi)} (cùng mã là cùng "
                             "một số liệu)")
        moi = {**goc.model_dump(exclude_defaults=True),
               **{k: v for k, v in c.items() if k != "lay_tu"}}
        if moi.get("phan_con") is False:  # biểu mẫu này không chia chi tiết
            del moi["phan_con"]
        ra.append(moi)
    return {**du_lieu, "chi_tieu": ra}


def doc_bieu_mau_tu_tep(duong_dan: Path) -> BieuMau:
    try:
        du_lieu = tomllib.loads(Path(duong_dan).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as loi:
        raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan} sai cú pháp TOML: {loi}") from loi
    du_lieu = _lay_chi_tieu_chung(du_lieu, duong_dan)
    try:
        return BieuMau.model_validate(du_lieu)
    except ValidationError as loi:
        raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan} không hợp lệ:", cac_loi(loi)) from loi


# Mã biểu mẫu là tên tệp forms/<ma>.toml, không bao giờ là đường dẫn.
MAU_MA_BIEU_MAU = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


@cache
def doc_bieu_mau(ma: str) -> BieuMau:
    """Biểu mẫu có sẵn theo mã. Mã đến từ tệp báo cáo (dữ liệu), nên chỉ được tra trong danh
    sách biểu mẫu cài kèm chương trình, không bao giờ ghép thành đường dẫn."""
    co_san = {p.stem: p for p in thu_muc("forms").glob("*.toml")
              if MAU_MA_BIEU_MAU.fullmatch(p.stem)}
    tep = co_san.get(ma)
    if tep is None:
        ten = ma if len(ma) <= 80 else ma[:80] + "…"
        raise LoiBieuMau(f"Không có biểu mẫu «{ten}». Các biểu mẫu có sẵn: "
                         f"{', '.join(sorted(co_san))}.")
    return doc_bieu_mau_tu_tep(tep)
