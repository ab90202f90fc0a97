"""Dữ liệu của một báo cáo theo biểu mẫu: tệp JSON có phiên bản lược đồ.

Số liệu giữ nguyên như người dùng gõ ("1.312.259.000", "96,1"): bản nháp dở dang hay có số gõ
sai vẫn lưu được trọn vẹn, không mất chữ nào; việc đọc số và kiểm tra nằm ở kiem_tra_so_lieu.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from drafter.bieu_mau.dinh_nghia import MAU_MA_BIEU_MAU, CachViet
from drafter.ghi_tep import ghi_chu
from drafter.ky_bao_cao import Ky, LoiKy
from drafter.muc_tieu import MucTieu
from drafter.tep_van_ban import doc_json, kiem_mo_hinh
from drafter.van_ban import SO_DE_MUC_CUNG_CAP_TOI_DA, Chu, QuyenHan, kiem_phien_ban

if TYPE_CHECKING:
    from drafter.van_ban_tu_do import VanBanTuDo

PHIEN_BAN_DU_LIEU = 4
# Phiên bản 1 → 2: "can_xem_lai" (cả mục) thay bằng "doan_chep" (từng đoạn chép từ kỳ trước chưa
# xem lại); thêm "so_lieu_chep" và "nhiem_vu_ky_truoc". Phiên bản 2 → 3: thêm "cung_ky_xa_cu"
# (số cùng kỳ là tổng của các xã trước sắp xếp) và "cung_ky_mau_so" của tỷ số. Phiên bản 3 → 4:
# mục tiêu có kiểu và cơ sở ("muc_tieu", "cuoi_nam_truoc" của số liệu), nhiệm vụ có đơn vị chủ
# trì, thời hạn, đánh giá; kế hoạch năm có "chi_tieu_ke_hoach" và "nhiem_vu_ke_hoach". Tệp phiên
# bản 1–3 vẫn đọc được; bản drafter cũ gặp tệp phiên bản mới hơn thì báo cần cập nhật.

SoNhap = str | int | float | None
"""Một ô số như người dùng gõ; chuỗi theo kiểu Việt ("1.312.259.000") hoặc số JSON."""


def _ma_ky(v: str) -> str:
    try:
        return Ky.doc(v).ma
    except LoiKy as loi:
        raise ValueError(str(loi)) from loi


# Mã kỳ của tệp báo cáo, văn bản tự do: đọc mọi cách viết kỳ, lưu dạng chuẩn (2024-Q2).
MaKy = Annotated[str, AfterValidator(_ma_ky)]


class MoHinhNhap(BaseModel):
    """Gốc của mọi mô hình dữ liệu người dùng nhập (báo cáo theo biểu mẫu, văn bản tự do):
    trường lạ bị từ chối, gán lại trường cũng được kiểm tra."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class PhanConNhap(MoHinhNhap):
    ten: Chu
    gia_tri: SoNhap = None


class SoLieuNhap(MoHinhNhap):
    gia_tri: SoNhap | bool = None
    mau_so: SoNhap = None  # y của tỷ số x/y
    ke_hoach: SoNhap = None  # chỉ tiêu kế hoạch năm
    cung_ky: SoNhap = None  # cùng kỳ năm trước
    cung_ky_mau_so: SoNhap = None  # y của tỷ số cùng kỳ (để tính lại % khi cộng các xã cũ)
    ky_truoc: SoNhap = None  # kỳ báo cáo liền trước
    du_toan_huyen: SoNhap = None
    du_toan_xa: SoNhap = None
    phan_con: list[PhanConNhap] = Field(default_factory=list)
    # Số cuối năm trước (đầu năm nay): "giảm 3 tiêu chí so với năm 2022", mục tiêu "giảm".
    cuoi_nam_truoc: SoNhap = None
    # Mục tiêu có kiểu / cơ sở khác "tối thiểu theo KH, dự toán" (ke_hoach, du_toan_* ở trên là
    # cách viết gọn của ba mục tiêu tối thiểu đó); cùng cơ sở thì mục ở đây thắng.
    muc_tieu: list[MucTieu] = Field(default_factory=list)

    def trong(self) -> bool:
        return self.gia_tri in (None, "") and not self.phan_con


TrangThaiNhiemVu = Literal["hoan_thanh", "dang_thuc_hien", "chua_thuc_hien"]
TEN_TRANG_THAI_NHIEM_VU: dict[str, str] = {
    "hoan_thanh": "Hoàn thành", "dang_thuc_hien": "Đang thực hiện",
    "chua_thuc_hien": "Chưa thực hiện"}
# Đánh giá một nhiệm vụ của kế hoạch / nghị quyết trong báo cáo 6 tháng, năm. Câu in ra nằm ở
# templates/cau/danh_gia_nhiem_vu.j2; "vuot", "dat", "dung_tien_do" được đếm là đạt.
DanhGiaNhiemVu = Literal["vuot", "dat", "dung_tien_do", "dang_dung_tien_do", "cham_tien_do",
                         "khong_dat"]
TEN_DANH_GIA_NHIEM_VU: dict[str, str] = {
    "vuot": "Đạt và vượt chỉ tiêu", "dat": "Đạt chỉ tiêu",
    "dung_tien_do": "Nhiệm vụ hoàn thành theo tiến độ",
    "dang_dung_tien_do": "Nhiệm vụ đang hoàn thành theo tiến độ",
    "cham_tien_do": "Nhiệm vụ chậm tiến độ", "khong_dat": "Không đạt chỉ tiêu"}


class NhiemVuKyTruoc(MoHinhNhap):
    """Một nhiệm vụ trọng tâm báo cáo kỳ trước đề ra; báo cáo kỳ này ghi kết quả của nó.

    noi_dung: các đoạn của nhiệm vụ như kỳ trước viết (sửa gọn được); trang_thai trống là chưa
    đánh giá (bản chính thức không xuất được); ket_qua: câu kết quả in sau trạng thái."""

    noi_dung: list[Chu] = Field(min_length=1)
    trang_thai: TrangThaiNhiemVu | None = None
    ket_qua: Chu = ""
    ten: Chu = ""  # nhãn in đậm trước nội dung: "Nhiệm vụ thứ nhất"
    don_vi: Chu = ""  # đơn vị chủ trì (từ kế hoạch năm)
    thoi_han: Chu = ""  # "Quý II/2025", "31/12/2025"
    danh_gia: DanhGiaNhiemVu | None = None


class NhiemVuKeHoach(MoHinhNhap):
    """Một nhiệm vụ kế hoạch năm giao: nội dung, đơn vị chủ trì, thời hạn. Báo cáo 6 tháng và
    năm của năm đó nhận các nhiệm vụ này để đánh giá."""

    noi_dung: list[Chu] = Field(min_length=1)
    ten: Chu = ""
    don_vi: Chu = ""
    thoi_han: Chu = ""


class DauBaoCao(MoHinhNhap):
    co_quan_chu_quan: list[Chu] = Field(default_factory=list)
    co_quan_ban_hanh: list[Chu] = Field(default_factory=list)
    so: Chu | None = None
    ky_hieu: Chu | None = None  # trống: lấy theo biểu mẫu (BC-UBND)
    dia_danh: Chu = ""
    ngay: date | None = None
    trich_yeu: Chu | None = None  # trống: sinh từ mẫu của biểu mẫu theo kỳ báo cáo
    dong_duoi_trich_yeu: Chu | None = None
    can_cu: list[Chu] = Field(default_factory=list)
    kinh_gui: list[Chu] = Field(default_factory=list)


class ChuKyNhap(MoHinhNhap):
    quyen_han: QuyenHan = "TM."
    co_quan_hoac_chuc_vu: Chu = ""
    chuc_vu: list[Chu] = Field(default_factory=list)
    ho_ten: Chu = ""


class CungKyXaCu(MoHinhNhap):
    """Số cùng kỳ của báo cáo (kỳ trước ngày sắp xếp đơn vị hành chính) là tổng số liệu các xã
    cũ hợp thành xã này. Đủ để dựng chú thích và nói lý do số thiếu mà không cần kho."""

    cac_xa: list[Chu] = Field(min_length=1)  # tên các xã cũ, theo thứ tự của nghị quyết
    ngay_sap_nhap: date
    nghi_quyet: Chu = ""
    # In chú thích "Số liệu cùng kỳ là tổng số liệu của các xã … trước khi sắp xếp" ở chỗ đầu
    # tiên văn bản so với cùng kỳ; người làm báo cáo tắt được.
    chu_thich: bool = True
    thieu: dict[str, Chu] = Field(default_factory=dict)  # mã chỉ tiêu → vì sao chưa có số


class BaoCaoDuLieu(MoHinhNhap):
    phien_ban: int = PHIEN_BAN_DU_LIEU
    bieu_mau: str
    ky: MaKy
    xa: Chu = ""  # tên xã, dùng trong câu kết ("của UBND xã Cai Kinh")
    dau: DauBaoCao = Field(default_factory=DauBaoCao)
    so_lieu: dict[str, SoLieuNhap] = Field(default_factory=dict)
    van_ban: dict[str, list[Chu]] = Field(default_factory=dict)
    tieu_de_muc: dict[str, Chu] = Field(default_factory=dict)
    cau_ket: Chu | None = None
    noi_nhan: list[Chu] = Field(default_factory=list)
    luu: Chu = "VT"
    chu_ky: ChuKyNhap = Field(default_factory=ChuKyNhap)
    cach_viet: CachViet | None = None
    # Đoạn văn chép từ kỳ trước mà người làm báo cáo chưa xem lại, theo mục. Một đoạn của
    # van_ban còn nguyên chữ như lúc chép thì chưa được xem; sửa chữ, giữ hay bỏ đều là đã xem.
    doan_chep: dict[str, list[Chu]] = Field(default_factory=dict)
    # Mã các chỉ tiêu giữ số của kỳ trước làm số khởi đầu (hiện có, lũy kế) chưa được xác nhận.
    so_lieu_chep: list[str] = Field(default_factory=list)
    nhiem_vu_ky_truoc: list[NhiemVuKyTruoc] = Field(default_factory=list)
    cung_ky_xa_cu: CungKyXaCu | None = None
    # Chỉ kế hoạch năm: các chỉ tiêu kế hoạch đặt cho năm (mã chỉ tiêu → các mục tiêu theo cơ
    # sở) và các nhiệm vụ giao. Lưu kế hoạch là đặt chúng thành chỉ tiêu của năm trong kho.
    chi_tieu_ke_hoach: dict[str, list[MucTieu]] = Field(default_factory=dict)
    nhiem_vu_ke_hoach: list[NhiemVuKeHoach] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _nang_phien_ban(cls, du_lieu: object) -> object:
        """Tệp phiên bản 1: mục "cần xem lại" thành từng đoạn chép chưa xem lại. Phiên bản 2, 3
        chỉ thiếu các trường mới (mặc định trống)."""
        if isinstance(du_lieu, dict) and du_lieu.get("phien_ban") in (2, 3):
            return {**du_lieu, "phien_ban": PHIEN_BAN_DU_LIEU}
        if not isinstance(du_lieu, dict) or du_lieu.get("phien_ban") != 1:
            return du_lieu
        du_lieu = dict(du_lieu)
        van_ban = du_lieu.get("van_ban")
        if not isinstance(van_ban, dict):
            van_ban = {}
        cac_muc = du_lieu.pop("can_xem_lai", [])
        if isinstance(cac_muc, list):
            du_lieu["doan_chep"] = {m: list(van_ban[m]) for m in cac_muc
                                    if isinstance(m, str) and isinstance(van_ban.get(m), list)}
        du_lieu["phien_ban"] = PHIEN_BAN_DU_LIEU
        return du_lieu

    @field_validator("phien_ban")
    @classmethod
    def _phien_ban(cls, v: int) -> int:
        return kiem_phien_ban(v, PHIEN_BAN_DU_LIEU)

    @field_validator("bieu_mau")
    @classmethod
    def _bieu_mau(cls, v: str) -> str:
        # Tên, không phải đường dẫn: "/abs/x" hay "../x" từng nạp được bất kỳ tệp .toml nào
        # (trên Windows, "\\may\chia-se" còn làm máy kết nối tới máy chủ ghi trong tệp).
        if not MAU_MA_BIEU_MAU.fullmatch(v):
            raise ValueError("phải là tên một biểu mẫu có sẵn (chữ thường không dấu, số và «-», "
                             "ví dụ kt-xh-quy-xa), không phải đường dẫn tệp")
        return v

    @field_validator("van_ban")
    @classmethod
    def _so_doan(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        # Mỗi đoạn "#. " thành một đề mục: giữ trong giới hạn số đề mục một cấp của văn bản.
        for ma, cac_doan in v.items():
            if len(cac_doan) > SO_DE_MUC_CUNG_CAP_TOI_DA:
                raise ValueError(f"mục «{ma}» có {len(cac_doan)} đoạn, tối đa "
                                 f"{SO_DE_MUC_CUNG_CAP_TOI_DA}")
        return v

    @property
    def ky_bao_cao(self) -> Ky:
        return Ky.doc(self.ky)

    def doan_chua_xem(self, ma_muc: str) -> list[str]:
        """Các đoạn của mục còn nguyên như lúc chép từ kỳ trước (chưa xem lại), theo thứ tự."""
        chep = self.doan_chep.get(ma_muc)
        if not chep:
            return []
        con = set(chep)
        return [d for d in self.van_ban.get(ma_muc, []) if d in con]

    def thanh_json(self) -> str:
        return self.model_dump_json(indent=1, exclude_defaults=False)


def la_du_lieu_bieu_mau(du_lieu: Any) -> bool:
    return isinstance(du_lieu, dict) and "bieu_mau" in du_lieu


def tu_du_lieu(du_lieu: Any, nguon: str = "Tệp") -> BaoCaoDuLieu:
    return kiem_mo_hinh(BaoCaoDuLieu, du_lieu, nguon)


def doc_bao_cao(duong_dan: Path) -> BaoCaoDuLieu:
    return tu_du_lieu(doc_json(duong_dan), f"Tệp {duong_dan}")


def ghi_bao_cao(bao_cao: BaoCaoDuLieu | VanBanTuDo, duong_dan: Path) -> Path:
    return ghi_chu(Path(duong_dan), bao_cao.thanh_json() + "\n")
