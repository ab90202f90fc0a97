"""Mô hình (pydantic) của một văn bản hành chính: phần đầu, thân dạng cây, nơi nhận, chữ ký.

Đây là đầu vào của bộ ghi .docx. Số thứ tự đề mục (I., 1., a)…) không nằm trong dữ liệu:
chúng được sinh từ vị trí trong cây theo sơ đồ đánh số của văn bản (xem danh_so.py); chỉ nhãn
là mã (tiêu chí "3.1." của bộ tiêu chí…) mới do người soạn ghi (Muc.nhan).
Mọi chuỗi đều được chuẩn hóa NFC và kiểm tra không chứa ký tự XML không chứa được.

Phiên bản tệp 2 (hiện tại) so với 1: căn cứ in đúng như gõ (bản 1 tự thêm ";" và "."), có thêm
tên loại dài, ngày biết tháng, nhãn và sơ đồ đánh số riêng của đề mục, dấu "*", chỉ số trên /
dưới, chú thích nhiều đoạn, ô bảng gộp. Tệp bản 1 được chuyển lên bản 2 khi đọc (`_tu_ban_1`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    from drafter.loai_van_ban import LoaiVanBan

PHIEN_BAN_TEP = 2  # phiên bản lược đồ của tệp văn bản JSON; bản 1 vẫn đọc được

# Giới hạn của cây văn bản: xa hơn nhu cầu của mọi báo cáo (NĐ 30 dùng tới 5–6 cấp đề mục),
# đủ gần để tệp độc bị từ chối bằng một câu tiếng Việt thay vì RecursionError hay lỗi tiếng Anh
# của pydantic (dừng ở độ sâu ~255), và để số La Mã (tối đa 3.999) luôn viết được.
DO_SAU_TOI_DA = 20
SO_DE_MUC_CUNG_CAP_TOI_DA = 500
# Word không mở được bảng quá 63 cột; độ rộng cột tính bằng cm, trang A3 ngang chưa tới 40 cm.
SO_COT_TOI_DA = 63
_LA_DONG_LUU = re.compile(r"^\s*[-–]?\s*Lưu\s*:")

# XML 1.0 không chứa được các ký tự điều khiển (trừ tab, xuống dòng) và U+FFFE/U+FFFF.
_XML_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def kiem_phien_ban(v: int, doc_duoc: int, tu: int | None = None) -> int:
    """Từ chối tệp có phiên bản lược đồ lạ (tệp của bản drafter mới hơn), kèm lời khuyên.
    `tu`: phiên bản cũ nhất còn đọc được (đã chuyển lên trước khi kiểm)."""
    if v != doc_duoc:
        doc = f"{tu} đến {doc_duoc}" if tu is not None and tu < doc_duoc else str(doc_duoc)
        raise ValueError(f"tệp dùng phiên bản lược đồ {v}, chương trình này chỉ đọc được "
                         f"phiên bản {doc}; hãy cập nhật drafter")
    return v


def _chuan_hoa(van_ban: str) -> str:
    s = unicodedata.normalize("NFC", van_ban)
    m = _XML_FORBIDDEN_CHARS.search(s)
    if m:
        raise ValueError(
            f"có ký tự điều khiển không in được (mã U+{ord(m.group()):04X}) "
            f"ở vị trí {m.start() + 1}; "
            "hãy xóa ký tự đó (thường do dán từ phần mềm khác)"
        )
    return s


Chu = Annotated[str, AfterValidator(_chuan_hoa)]
"""Chuỗi văn bản người dùng: NFC, không có ký tự cấm. Luôn là dữ liệu, không bao giờ là mẫu."""


class MoHinhCoDinh(BaseModel):
    """Mô hình pydantic không nhận trường lạ, không sửa được sau khi dựng (văn bản, biểu mẫu)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- nội dung trong dòng

class DoanChu(MoHinhCoDinh):
    """Một đoạn chữ cùng kiểu: {"chu": "…", "dam": true, "nghieng": false}.

    to_sang: tô nền vàng (w:highlight) để người duyệt thấy ngay, dùng cho dấu «[chưa có: …]»
    của bản nháp; văn bản phát hành không bao giờ có đoạn tô sáng.
    chi_so: "tren" (m², "36.099.500.000đ" với chữ đ nhỏ phía trên như cán bộ hay gõ) hoặc
    "duoi" (chỉ số dưới)."""

    chu: Chu
    dam: bool = False
    nghieng: bool = False
    to_sang: bool = False
    chi_so: Literal["tren", "duoi"] | None = None


def _dong(gia_tri: object) -> object:
    # Cho phép viết gọn một chuỗi thay cho danh sách một phần tử.
    return [gia_tri] if isinstance(gia_tri, str) else gia_tri


def _loai_phan_tu(v: object) -> str:
    if isinstance(v, str):
        return "chu"
    if isinstance(v, dict):
        return "chu_thich" if "chu_thich" in v else "doan"
    return "chu_thich" if isinstance(v, ChuThich) else "doan"


def _loai_trong_chu_thich(v: object) -> str:
    if isinstance(v, str):
        return "chu"
    if isinstance(v, dict):
        return "doan_van" if "loai" in v or "noi_dung" in v else "doan"
    return "doan_van" if isinstance(v, DoanVan) else "doan"


PhanTuChuThich = Annotated[
    Annotated[Chu, Tag("chu")] | Annotated[DoanChu, Tag("doan")]
    | Annotated["DoanVan", Tag("doan_van")],
    Discriminator(_loai_trong_chu_thich),
]


class ChuThich(MoHinhCoDinh):
    """Chú thích cuối trang thật của Word; dấu chú thích đặt ngay sau đoạn chữ đứng trước.

    Chú thích nhiều đoạn: chữ đứng liền nhau là một đoạn, mỗi {"loai": "doan", …} là một đoạn
    riêng (có thể có "dau_dong"). Mỗi đoạn là một đoạn thật trong chú thích, không bao giờ
    xuống dòng tay trong chữ căn đều (chữ sẽ giãn "nước    là    31.500.000    đồng")."""

    chu_thich: list[PhanTuChuThich] = Field(min_length=1)

    @field_validator("chu_thich", mode="before")
    @classmethod
    def _gon(cls, v: object) -> object:
        return _dong(v)

    @field_validator("chu_thich")
    @classmethod
    def _khong_long_nhau(cls, v: list) -> list:
        for phan in v:
            if isinstance(phan, DoanVan) and any(isinstance(x, ChuThich) for x in phan.noi_dung):
                raise ValueError("chú thích không chứa được chú thích khác")
        return v

    @property
    def cac_doan(self) -> list[DoanVan]:
        """Các đoạn của chú thích, theo thứ tự."""
        ra: list[DoanVan] = []
        dong: list = []
        for phan in self.chu_thich:
            if isinstance(phan, DoanVan):
                if dong:
                    ra.append(DoanVan(noi_dung=dong))
                    dong = []
                ra.append(phan)
            else:
                dong.append(phan)
        if dong:
            ra.append(DoanVan(noi_dung=dong))
        return ra


PhanTuDong = Annotated[
    Annotated[Chu, Tag("chu")] | Annotated[DoanChu, Tag("doan")]
    | Annotated[ChuThich, Tag("chu_thich")],
    Discriminator(_loai_phan_tu),
]
NoiDungDong = list[PhanTuDong]


def chu_tron(noi_dung: NoiDungDong | None) -> str:
    """Chữ của một dòng, bỏ kiểu và chú thích (gọi tên đề mục, đoạn trong thông báo, dàn ý)."""
    return "".join(p if isinstance(p, str) else p.chu for p in noi_dung or ()
                   if not isinstance(p, ChuThich))


# ---------------------------------------------------------------- các nút của thân văn bản

KieuDauDong = Literal["gach", "cong", "sao"]
DAU_DONG: dict[str, str] = {"gach": "- ", "cong": "+ ", "sao": "* "}


class DoanVan(MoHinhCoDinh):
    """Đoạn văn thân bài. dau_dong: "gach" → "- …", "cong" → "+ …", "sao" → "* …"."""

    loai: Literal["doan"] = "doan"
    noi_dung: NoiDungDong
    dau_dong: KieuDauDong | None = None
    can_giua: bool = False

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _noi_dung(cls, v: object) -> object:
        return _dong(v)


CanLe = Literal["trai", "giua", "phai"]


class OBang(MoHinhCoDinh):
    """Một ô bảng: {"noi_dung": …, "gop_cot": 2, "gop_hang": 3, "can": "phai", "dam": true}.

    Ô gộp nhiều hàng (gop_hang) thì ở các hàng dưới bỏ hẳn ô đó đi (như rowspan của HTML).
    Ô chỉ có chữ viết gọn là chuỗi hay danh sách, không cần nhóm { }."""

    noi_dung: NoiDungDong
    gop_cot: int = Field(default=1, ge=1)
    gop_hang: int = Field(default=1, ge=1)
    can: CanLe | None = None
    dam: bool = False

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _noi_dung(cls, v: object) -> object:
        return _dong(v)


def _la_o(o: object) -> bool:
    return isinstance(o, OBang) or (isinstance(o, dict) and "noi_dung" in o)


class Bang(MoHinhCoDinh):
    """Bảng: các hàng đầu là tiêu đề (chữ đậm, căn giữa, lặp lại đầu mỗi trang) nếu co_tieu_de.

    Ô gộp cột/hàng (hàng nhóm "I. Kinh tế" trải hết bề ngang, ô gộp dọc) qua OBang. Cột toàn
    số tự căn phải, cột chữ căn trái (can_cot ghi rõ thì theo đó). Độ rộng cột không ghi thì
    chia theo độ dài chữ; tổng rộng hơn vùng chữ thì thu lại cho vừa."""

    loai: Literal["bang"] = "bang"
    hang: list[list[OBang]] = Field(min_length=1, max_length=32767)
    co_tieu_de: bool = True
    so_hang_tieu_de: int = Field(default=1, ge=1)
    do_rong_cot_cm: list[Annotated[float, Field(ge=0.5, le=40, allow_inf_nan=False)]] | None = None
    can_cot: list[CanLe | None] | None = None

    @field_validator("hang", mode="before")
    @classmethod
    def _o_gon(cls, v: object) -> object:
        if isinstance(v, list):
            return [[o if _la_o(o) else {"noi_dung": o} for o in h] if isinstance(h, list) else h
                    for h in v]
        return v

    @model_validator(mode="after")
    def _luoi(self) -> Bang:
        self.luoi()  # báo lỗi hình dạng ngay khi đọc tệp
        so_cot = self.so_cot
        if so_cot > SO_COT_TOI_DA:
            raise ValueError(f"bảng có quá nhiều cột (Word chỉ mở được tối đa {SO_COT_TOI_DA})")
        for ten, ds in (("độ rộng cột", self.do_rong_cot_cm), ("căn lề cột", self.can_cot)):
            if ds is not None and len(ds) != so_cot:
                raise ValueError(f"{ten}: bảng có {so_cot} cột nhưng ghi {len(ds)} giá trị")
        if self.do_rong_cot_cm and any(r <= 0 for r in self.do_rong_cot_cm):
            raise ValueError("độ rộng cột phải lớn hơn 0")
        return self

    @property
    def so_cot(self) -> int:
        return sum(o.gop_cot for o in self.hang[0])

    def luoi(self) -> list[list[tuple[OBang, int]]]:
        """Mỗi hàng: các ô kèm cột bắt đầu (tính cả chỗ bị ô gộp dọc phía trên chiếm)."""
        so_cot = self.so_cot
        bi_chiem: dict[tuple[int, int], bool] = {}  # (hàng, cột) do ô gộp dọc phía trên giữ
        ra: list[list[tuple[OBang, int]]] = []
        for i, hang in enumerate(self.hang):
            if not hang:
                raise ValueError(f"hàng {i + 1} của bảng không có ô nào")
            cot = 0
            cac_o: list[tuple[OBang, int]] = []
            for o in hang:
                while bi_chiem.get((i, cot)):
                    cot += 1
                if cot + o.gop_cot > so_cot:
                    raise ValueError(f"hàng {i + 1} của bảng rộng hơn hàng đầu ({so_cot} cột)")
                if i + o.gop_hang > len(self.hang):
                    raise ValueError(f"hàng {i + 1}: ô gộp {o.gop_hang} hàng vượt quá cuối bảng")
                for h in range(i, i + o.gop_hang):
                    for c in range(cot, cot + o.gop_cot):
                        if bi_chiem.get((h, c)):
                            raise ValueError(f"hàng {i + 1}: ô gộp chồng lên ô gộp khác")
                        bi_chiem[(h, c)] = True
                cac_o.append((o, cot))
                cot += o.gop_cot
            while bi_chiem.get((i, cot)):
                cot += 1
            if any(not bi_chiem.get((i, c)) for c in range(so_cot)):
                raise ValueError(f"hàng {i + 1} của bảng thiếu ô: phải đủ {so_cot} cột (kể cả ô "
                                 "gộp), ô gộp dọc thì bỏ ở các hàng dưới")
            ra.append(cac_o)
        return ra

    @model_validator(mode="after")
    def _du_do_rong(self) -> Bang:
        if self.do_rong_cot_cm is not None and len(self.do_rong_cot_cm) != len(self.hang[0]):
            raise ValueError(f"độ rộng cột: có {len(self.do_rong_cot_cm)} số nhưng bảng có "
                             f"{len(self.hang[0])} cột; ghi đủ mỗi cột một số, hoặc bỏ trường này")
        return self


CapDanhSo = Literal["phan", "phan_thu", "phan_thu_thuong", "chu_hoa", "la_ma", "so",
                    "so_thap_phan", "chu"]
# Sơ đồ đánh số mặc định: I. → 1. → a).
DANH_SO_MAC_DINH: tuple[CapDanhSo, ...] = ("la_ma", "so", "chu")


class Muc(MoHinhCoDinh):
    """Một đề mục (phần, mục, khoản, điểm) với tiêu đề và các nút con.

    cap: bỏ trống thì lấy theo độ sâu trong cây và sơ đồ đánh số của văn bản; ghi rõ khi một
    nhánh dùng cấp khác (ví dụ phần C. liệt kê thẳng các nhiệm vụ 1., 2. không qua I.).
    danh_so: sơ đồ riêng cho các cấp bên dưới đề mục này (phần thứ hai dùng I. → 1. trong khi
    phần thứ nhất dùng I. → 1. → a)).
    nhan: nhãn là mã do người soạn ghi ("3.1." … "3.9." dưới mục III.), in đúng như ghi, không
    đếm vào số thứ tự của các đề mục cùng cấp.
    in_hoa: tiêu đề in hoa hay giữ như gõ; bỏ trống thì theo kiểu của cấp (phần, mục I., A. in
    hoa; khoản, điểm giữ như gõ). Tên phần luôn in hoa (NĐ 30).
    Đề mục không có tiêu đề (khoản "1. Tiếp tục…") ghép số vào đầu đoạn văn đầu tiên.
    """

    loai: Literal["muc"] = "muc"
    tieu_de: NoiDungDong | None = None
    cap: CapDanhSo | None = None
    nhan: Chu | None = Field(default=None, min_length=1, max_length=30)
    danh_so: list[CapDanhSo] | None = Field(default=None, min_length=1)
    in_hoa: bool | None = None
    noi_dung: list[Nut] = Field(default_factory=list)

    @field_validator("tieu_de", mode="before")
    @classmethod
    def _tieu_de(cls, v: object) -> object:
        return _dong(v)

    @field_validator("nhan")
    @classmethod
    def _nhan(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None


Nut = Annotated[DoanVan | Bang | Muc, Field(discriminator="loai")]
Muc.model_rebuild()
ChuThich.model_rebuild()
DoanVan.model_rebuild()
OBang.model_rebuild()
Bang.model_rebuild()


def kiem_cay_de_muc(noi_dung: object) -> None:
    """Cây đề mục quá sâu hay quá nhiều đề mục cùng cấp → ValueError tiếng Việt.

    Chạy trên dữ liệu thô trước khi pydantic đi đệ quy vào cây (và trên cây đã dựng), bằng
    vòng lặp chứ không đệ quy: tệp độc lồng 100.000 cấp cũng không làm tràn ngăn xếp.
    """
    cho_xet: list[tuple[object, int]] = [(noi_dung, 1)]
    while cho_xet:
        cac_nut, cap = cho_xet.pop()
        if not isinstance(cac_nut, list):
            continue
        cac_muc = [n for n in cac_nut if isinstance(n, Muc)
                   or (isinstance(n, dict) and n.get("loai") == "muc")]
        if not cac_muc:
            continue
        if cap > DO_SAU_TOI_DA:
            raise ValueError(f"đề mục lồng nhau quá sâu (quá {DO_SAU_TOI_DA} cấp)")
        if len(cac_muc) > SO_DE_MUC_CUNG_CAP_TOI_DA:
            raise ValueError(f"một cấp có {len(cac_muc)} đề mục, tối đa "
                             f"{SO_DE_MUC_CUNG_CAP_TOI_DA}; hãy chia bớt vào các đề mục con")
        cho_xet.extend((m.noi_dung if isinstance(m, Muc) else m.get("noi_dung"), cap + 1)
                       for m in cac_muc)


# ---------------------------------------------------------------- phần đầu, cuối văn bản

def truong_chung(nguon: BaseModel, dich: type[BaseModel]) -> dict[str, Any]:
    """Giá trị các trường của `nguon` mà mô hình `dich` cũng có, theo tên (danh sách chép nông).

    Phần đầu và người ký khai một lần ở mỗi mô hình (DauBaoCao, DauTuDo, DauVanBan; ChuKyNhap,
    ChuKy) và được chép giữa chúng theo tên trường: thêm một trường vào các mô hình là nó đi
    theo, không phải sửa từng chỗ chép. Chỗ chép chỉ ghi các trường cần đổi (mặc định theo biểu
    mẫu, chữ giữ chỗ «…»)."""
    ra: dict[str, Any] = {}
    for ten in type(nguon).model_fields:
        if ten in dich.model_fields:
            gia_tri = getattr(nguon, ten)
            ra[ten] = list(gia_tri) if isinstance(gia_tri, list) else gia_tri
    return ra


class DauVanBan(MoHinhCoDinh):
    """Các thành phần thể thức ở phần đầu (ô 1–5a, 9a của Phụ lục I NĐ 30).

    ten_loai: "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO" (loai_van_ban.py), hoặc tên loại dài
    in trên một dòng ("BÁO CÁO TÌNH HÌNH …"), khi đó trích yếu có thể bỏ trống. ky_hieu bỏ
    trống thì là mã của loại + "-UBND" (KH-UBND); ghi rõ thì mã phải khớp tên loại.
    dong_duoi_trich_yeu: dòng nghiêng trong ngoặc dưới trích yếu (hoặc dưới tên loại khi không
    có trích yếu): "(Trình kỳ họp thứ Bảy …)", "(Từ ngày 15/12/2023 đến ngày 14/6/2024)".
    Ngày: `ngay` đầy đủ; hoặc chỉ `nam` (và `thang`) khi bản nháp chưa có ngày ký.
    can_cu: các dòng căn cứ, "Thực hiện …" in nghiêng, đúng như gõ (không tự thêm dấu câu).
    """

    co_quan_chu_quan: list[Chu] = Field(default_factory=list)
    co_quan_ban_hanh: list[Chu] = Field(min_length=1)
    so: Chu | None = None
    ky_hieu: Chu = "BC-UBND"
    dia_danh: Chu
    ngay: date | None = None
    thang: int | None = Field(default=None, ge=1, le=12)
    nam: int | None = Field(default=None, ge=1945, le=2200)
    ten_loai: Chu = "BÁO CÁO"
    trich_yeu: Chu | None = None
    dong_duoi_trich_yeu: Chu | None = None
    can_cu: list[Chu] = Field(default_factory=list)
    kinh_gui: list[Chu] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _ky_hieu_theo_loai(cls, du_lieu: object) -> object:
        # Ký hiệu bỏ trống: mã của loại văn bản + "-UBND" (KẾ HOẠCH → KH-UBND).
        if isinstance(du_lieu, dict) and not du_lieu.get("ky_hieu"):
            from drafter.loai_van_ban import loai_cua

            loai = loai_cua(str(du_lieu.get("ten_loai") or "BÁO CÁO"))
            if loai is not None:
                du_lieu = {**du_lieu, "ky_hieu": f"{loai.ma}-UBND"}
        return du_lieu

    @field_validator("so")
    @classmethod
    def _so(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        if not re.fullmatch(r"\d{1,5}", v.strip()):
            raise ValueError("số văn bản chỉ gồm chữ số (ví dụ 33 hoặc 05)")
        return v.strip()

    @field_validator("ky_hieu")
    @classmethod
    def _ky_hieu(cls, v: str) -> str:
        if not re.fullmatch(r"[A-ZĐ][A-ZĐa-z0-9]*(-[A-ZĐ0-9][A-ZĐa-z0-9]*)+", v.strip()):
            raise ValueError("ký hiệu phải có dạng BC-UBND: chữ in hoa, nối bằng dấu gạch ngang, "
                             "không có khoảng trắng")
        return v.strip()

    @field_validator("ten_loai")
    @classmethod
    def _ten_loai(cls, v: str) -> str:
        from drafter.loai_van_ban import loai_cua, ten_cac_loai

        v = " ".join(v.split())
        if loai_cua(v) is None:
            raise ValueError(f"tên loại «{v}» chưa được hỗ trợ; tên loại phải bắt đầu bằng một "
                             f"trong: {ten_cac_loai()}")
        return v

    @field_validator("trich_yeu")
    @classmethod
    def _trich_yeu(cls, v: str | None) -> str | None:
        return v if v is not None and v.strip() else None

    @model_validator(mode="after")
    def _khop_loai(self) -> DauVanBan:
        loai = self.loai
        ma = self.ky_hieu.split("-")[0]
        if ma != loai.ma:
            raise ValueError(f"ký hiệu «{self.ky_hieu}» không khớp tên loại {loai.ten}: ký hiệu "
                             f"phải bắt đầu bằng «{loai.ma}-» (ví dụ {loai.ma}-UBND)")
        if self.kinh_gui and loai.kinh_gui == "khong":
            raise ValueError(f"{loai.ten.lower()} không có dòng Kính gửi (NĐ 30, Phụ lục III "
                             "Mẫu 1.4); nơi nhận ghi ở phần Nơi nhận")
        if self.trich_yeu is None and loai_ten_ngan(self.ten_loai, loai.ten):
            raise ValueError(f"thiếu trích yếu: dưới «{loai.ten}» phải có trích yếu, hoặc ghi tên "
                             f"loại dài trên một dòng («{loai.ten} TÌNH HÌNH …»)")
        if self.thang is not None and (self.ngay is not None or self.nam is None):
            raise ValueError("«thang» chỉ dùng khi chưa có ngày đầy đủ, và phải ghi kèm «nam»")
        return self

    @property
    def loai(self) -> LoaiVanBan:
        from drafter.loai_van_ban import loai_cua

        loai = loai_cua(self.ten_loai)
        assert loai is not None  # _ten_loai đã kiểm
        return loai


def loai_ten_ngan(ten_loai: str, ten: str) -> bool:
    """Tên loại chỉ gồm tên của loại ("BÁO CÁO"), không phải tên loại dài."""
    return " ".join(ten_loai.upper().split()) == ten


def cham_cau_can_cu_ban_1(can_cu: list[str]) -> list[str]:
    """Cách phiên bản tệp 1 (và biểu mẫu) in căn cứ: mỗi dòng kết thúc ";", dòng cuối "."."""
    return [dong.rstrip(" ;.") + ("." if i == len(can_cu) - 1 else ";")
            for i, dong in enumerate(can_cu)]


QuyenHan = Literal["", "TM.", "KT.", "Q.", "TL.", "TUQ."]


class ChuKy(MoHinhCoDinh):
    """Khối chữ ký (ô 7a–7c): "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / họ tên."""

    quyen_han: QuyenHan = "TM."
    co_quan_hoac_chuc_vu: Chu
    chuc_vu: list[Chu] = Field(default_factory=list)
    ho_ten: Chu = ""

    @field_validator("ho_ten")
    @classmethod
    def _khong_hoc_vi(cls, v: str) -> str:
        if re.match(r"^\s*(TS|ThS|PGS|GS|KS|BS|CN)\.", v):
            raise ValueError("không ghi học hàm, học vị trước họ tên người ký (NĐ 30, II.7)")
        return v.strip()


class VanBan(MoHinhCoDinh):
    """Một văn bản hoàn chỉnh, đúng thứ tự trình bày.

    bang_chu_cai: thứ tự chữ của điểm a), b)…: "tieng_viet" (a b c d đ e g …, NĐ 30) hoặc
    "la_tinh" (a b c d e f …) cho văn bản đã dùng "e)" ngay sau "d)".
    dau_het: câu kết tự kết thúc bằng "./."; false khi người soạn viết cách kết khác (in đúng
    như gõ, và có cảnh báo)."""

    phien_ban: int = PHIEN_BAN_TEP
    dau: DauVanBan
    danh_so: list[CapDanhSo] = Field(default_factory=lambda: list(DANH_SO_MAC_DINH), min_length=1)
    bang_chu_cai: Literal["tieng_viet", "la_tinh"] = "tieng_viet"
    noi_dung: list[Nut] = Field(default_factory=list)
    cau_ket: Chu = ""
    dau_het: bool = True
    noi_nhan: list[Chu] = Field(default_factory=list)
    luu: Chu = "VT"
    chu_ky: ChuKy

    @model_validator(mode="before")
    @classmethod
    def _tu_ban_1(cls, du_lieu: object) -> object:
        """Chuyển tệp phiên bản 1 lên 2: bản 1 tự chấm câu căn cứ, bản 2 in đúng như gõ."""
        if not isinstance(du_lieu, dict) or du_lieu.get("phien_ban") != 1:
            return du_lieu
        du_lieu = {**du_lieu, "phien_ban": 2}
        dau = du_lieu.get("dau")
        if isinstance(dau, dict) and isinstance(dau.get("can_cu"), list) and all(
                isinstance(d, str) for d in dau["can_cu"]):
            du_lieu["dau"] = {**dau, "can_cu": cham_cau_can_cu_ban_1(dau["can_cu"])}
        return du_lieu

    @field_validator("phien_ban")
    @classmethod
    def _phien_ban(cls, v: int) -> int:
        return kiem_phien_ban(v, PHIEN_BAN_TEP, tu=1)

    @model_validator(mode="after")
    def _danh_so_duoc(self) -> VanBan:
        # Hình dạng cây không đánh số được (1.1.1.1.1., "a)" dưới "a)"…) bị từ chối ngay khi
        # đọc, kèm đường dẫn tới đề mục, thay vì in ra số sai.
        from drafter.danh_so import kiem_tra_danh_so

        kiem_tra_danh_so(self)
        return self

    def canh_bao(self) -> list[str]:
        """Những điều hợp lệ nhưng người soạn nên biết (in ra khi dựng văn bản)."""
        ra: list[str] = []
        loai = self.dau.loai
        if not self.dau_het and self.cau_ket.strip():
            ra.append("văn bản kết thúc không có dấu «./.» (dau_het = false): câu kết in đúng như "
                      f"gõ «…{self.cau_ket.strip()[-40:]}»")
        if loai.kinh_gui == "can" and not self.dau.kinh_gui:
            ra.append(f"{loai.ten.lower()} thường có dòng Kính gửi (cơ quan nhận tờ trình)")
        for dong in self.dau.can_cu:
            if dong.lstrip().startswith("Căn cứ") and not dong.rstrip().endswith((";", ".")):
                ra.append(f"căn cứ «{dong.strip()[:50]}» không kết thúc bằng «;» hay «.» "
                          "(NĐ 30: mỗi căn cứ một dòng, kết thúc «;», căn cứ cuối «.»)")
        return ra

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _cay_vua_phai(cls, v: object) -> object:
        kiem_cay_de_muc(v)
        return v

    @model_validator(mode="before")
    @classmethod
    def _tach_dong_luu(cls, du_lieu: object) -> object:
        # Người nhập hay gõ "- Lưu: VT, VP." ngay trong danh sách nơi nhận: chuyển sang ô Lưu.
        if isinstance(du_lieu, dict) and isinstance(du_lieu.get("noi_nhan"), list):
            luu = [m for m in du_lieu["noi_nhan"] if isinstance(m, str) and _LA_DONG_LUU.match(m)]
            if luu:
                du_lieu = dict(du_lieu)
                du_lieu["noi_nhan"] = [m for m in du_lieu["noi_nhan"] if m not in luu]
                du_lieu.setdefault("luu", luu[-1])
        return du_lieu

    @field_validator("noi_nhan")
    @classmethod
    def _noi_nhan(cls, v: list[str]) -> list[str]:
        # Dấu "- " đầu dòng và ";" cuối dòng do bộ ghi thêm; người nhập có gõ thì bỏ đi.
        ra = [re.sub(r"^\s*[-–]\s*", "", m).rstrip(" ;.") for m in v]
        return [m for m in ra if m]

    @field_validator("luu")
    @classmethod
    def _luu(cls, v: str) -> str:
        s = re.sub(r"^\s*[-–]?\s*Lưu\s*:\s*", "", v).rstrip(" .;")
        return s or "VT"
