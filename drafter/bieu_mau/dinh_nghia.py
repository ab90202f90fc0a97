"""Định nghĩa biểu mẫu đọc từ forms/*.toml: các mục (cây đề mục của báo cáo), các chỉ tiêu.

Thêm một chỉ tiêu hay một mục chỉ cần sửa tệp TOML (và mẫu câu trong templates/ nếu muốn
câu riêng), không sửa mã Python. Tệp sai được báo bằng tiếng Việt kèm tên chỉ tiêu.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from drafter.loi_tieng_viet import cac_loi
from drafter.tai_nguyen import thu_muc
from drafter.tep_van_ban import LoiTepVanBan
from drafter.van_ban import CapDanhSo

LoaiChiTieu = Literal["dem", "dien_tich", "khoi_luong", "chieu_dai", "the_tich", "tien",
                      "phan_tram", "ti_so", "co_khong", "chu", "so"]
TinhChatKy = Literal["luy_ke", "trong_ky", "thoi_diem"]
SoSanh = Literal["ke_hoach", "cung_ky", "cung_ky_tang_giam", "du_toan"]
CachHienPhanCon = Literal["chu_thich", "trong_do", "khong"]
CachGop = Literal["cong", "cuoi", "lon_nhat"]

TEN_LOAI = {
    "dem": "số đếm", "dien_tich": "diện tích", "khoi_luong": "khối lượng",
    "chieu_dai": "chiều dài", "the_tich": "thể tích", "tien": "số tiền",
    "phan_tram": "tỷ lệ phần trăm", "ti_so": "tỷ số x/y", "co_khong": "có/không",
    "chu": "chữ ngắn", "so": "số",
}
TEN_TINH_CHAT = {"luy_ke": "lũy kế từ đầu năm", "trong_ky": "phát sinh trong kỳ",
                 "thoi_diem": "hiện có tại thời điểm báo cáo"}


class _Mau(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhanCon(_Mau):
    """Chi tiết một chỉ tiêu theo thôn, loại cây, loài vật…; các phần phải cộng đúng tổng."""

    theo: str  # "thôn", "nhóm cây", "loài"…
    cach_hien: CachHienPhanCon = "chu_thich"
    loi_dan: str = "trong đó"  # "(trong đó: …)", "(gồm có …)"; trống: "(05 trẻ nữ; 10 trẻ nam)"
    phai_du_tong: bool = True
    mau: str = "{ten} {gia_tri}"  # cách viết mỗi phần; {ten}, {gia_tri}, {so}, {don_vi}


class ChiTieu(_Mau):
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
    so_sanh: list[SoSanh] = Field(default_factory=list)
    so_le: int = Field(default=2, ge=0, le=4)  # số chữ số thập phân tối đa khi in giá trị
    so_le_ty_le: int = Field(default=1, ge=0, le=3)
    hai_chu_so: bool = False  # số đếm dưới 10 viết 01, 02… ("06/06 thanh niên")
    vuot: bool = False  # cho phép x > y hoặc tỷ lệ > 100% (vượt kế hoạch)
    phan_con: PhanCon | None = None
    nguong_thay_doi: float | None = Field(default=None, gt=0)  # % thay đổi đáng ngờ
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


class MucBieuMau(_Mau):
    ma: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    tieu_de: str = ""
    ten_ngan: str = ""  # tên trên dàn ý của màn hình soạn (vừa cửa sổ 80 cột); trống: tiêu đề
    cha: str | None = None
    cap: CapDanhSo | None = None
    de_muc: bool = True  # False: chỉ là nhóm trên màn hình, nội dung chảy vào mục cha
    tuy_chon: bool = False  # không có nội dung thì bỏ hẳn khỏi văn bản
    danh_sach_so: bool = False  # nội dung là danh sách nhiệm vụ 1., 2., 3. …
    chep_ky_sau: bool = True  # False: lời văn chỉ dùng cho một kỳ (ra quân đầu xuân ở quý I)
    nhan_nhiem_vu_ky_truoc: bool = False  # kỳ mới: chép các nhiệm vụ kỳ trước đề ra vào đây
    van_ban_mau: str = ""  # đoạn văn gợi ý cho báo cáo mới, mỗi đoạn cách một dòng trống
    tro_giup: str = ""

    @property
    def ten(self) -> str:
        return self.tieu_de or self.ma


class CachViet(_Mau):
    ke_hoach: str = "KH"
    cung_ky: str = "so với cùng kỳ"


class BieuMau(_Mau):
    ma: str
    ten: str
    phien_ban: int = 1
    ky: list[Literal["quy", "6thang", "9thang", "nam"]] = Field(default_factory=lambda: ["quy"])
    danh_so: list[CapDanhSo] = Field(default_factory=lambda: ["la_ma", "so", "chu"])
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
        for c in self.chi_tieu:
            if c.muc not in da_thay:
                raise ValueError(f"chỉ tiêu «{c.ma}» thuộc mục «{c.muc}» không có trong biểu mẫu")
            if "du_toan" in c.so_sanh and c.loai != "tien":
                raise ValueError(f"chỉ tiêu «{c.ma}»: so sánh dự toán chỉ dùng cho số tiền")
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
            phan.append(m.ten.replace("{ky}", "kỳ này").replace("{ky_toi}", "kỳ tới"))
            m = theo_ma.get(m.cha) if m.cha else None
        # Ba cấp cuối là đủ để tìm đúng chỗ; đường dẫn dài quá khó đọc dưới ô nhập.
        return " › ".join(reversed(phan[:3]))


class LoiBieuMau(LoiTepVanBan):
    """Tệp biểu mẫu forms/*.toml sai: cùng cách báo lỗi như tệp báo cáo."""


def doc_bieu_mau_tu_tep(duong_dan: Path) -> BieuMau:
    try:
        du_lieu = tomllib.loads(Path(duong_dan).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as loi:
        raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan} sai cú pháp TOML: {loi}") from loi
    try:
        return BieuMau.model_validate(du_lieu)
    except ValidationError as loi:
        raise LoiBieuMau(f"Tệp biểu mẫu {duong_dan} không hợp lệ:", cac_loi(loi)) from loi


@cache
def doc_bieu_mau(ma: str) -> BieuMau:
    """Biểu mẫu có sẵn theo mã (tên tệp forms/<ma>.toml)."""
    tep = thu_muc("forms") / f"{ma}.toml"
    if not tep.is_file():
        co_san = ", ".join(sorted(p.stem for p in thu_muc("forms").glob("*.toml")))
        raise LoiBieuMau(f"Không có biểu mẫu «{ma}». Các biểu mẫu có sẵn: {co_san}.")
    return doc_bieu_mau_tu_tep(tep)
