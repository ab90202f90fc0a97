"""Mô hình (pydantic) của một văn bản hành chính: phần đầu, thân dạng cây, nơi nhận, chữ ký.

Đây là đầu vào của bộ ghi .docx. Số thứ tự đề mục (I., 1., a)…) không nằm trong dữ liệu:
chúng được sinh từ vị trí trong cây theo sơ đồ đánh số của văn bản (xem danh_so.py).
Mọi chuỗi đều được chuẩn hóa NFC và kiểm tra không chứa ký tự XML không chứa được.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Literal

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

PHIEN_BAN_TEP = 1  # phiên bản lược đồ của tệp văn bản JSON

# Giới hạn của cây văn bản: xa hơn nhu cầu của mọi báo cáo (NĐ 30 dùng tới 5–6 cấp đề mục),
# đủ gần để tệp độc bị từ chối bằng một câu tiếng Việt thay vì RecursionError hay lỗi tiếng Anh
# của pydantic (dừng ở độ sâu ~255), và để số La Mã (tối đa 3.999) luôn viết được.
DO_SAU_TOI_DA = 20
SO_DE_MUC_CUNG_CAP_TOI_DA = 500
# Word không mở được bảng quá 63 cột; độ rộng cột tính bằng cm, trang A3 ngang chưa tới 40 cm.
SO_COT_TOI_DA = 63
_LA_DONG_LUU = re.compile(r"^\s*[-–]?\s*Lưu\s*:")

# XML 1.0 không chứa được các ký tự điều khiển (trừ tab, xuống dòng) và U+FFFE/U+FFFF.
_KY_TU_CAM = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def kiem_phien_ban(v: int, doc_duoc: int) -> int:
    """Từ chối tệp có phiên bản lược đồ lạ (tệp của bản drafter mới hơn), kèm lời khuyên."""
    if v != doc_duoc:
        raise ValueError(f"tệp dùng phiên bản lược đồ {v}, chương trình này chỉ đọc được "
                         f"phiên bản {doc_duoc}; hãy cập nhật drafter")
    return v


def _chuan_hoa(van_ban: str) -> str:
    s = unicodedata.normalize("NFC", van_ban)
    m = _KY_TU_CAM.search(s)
    if m:
        raise ValueError(
            f"có ký tự điều khiển không in được (mã U+{ord(m.group()):04X}) "
            f"ở vị trí {m.start() + 1}; "
            "hãy xóa ký tự đó (thường do dán từ phần mềm khác)"
        )
    return s


Chu = Annotated[str, AfterValidator(_chuan_hoa)]
"""Chuỗi văn bản người dùng: NFC, không có ký tự cấm. Luôn là dữ liệu, không bao giờ là mẫu."""


class _Mau(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- nội dung trong dòng

class Doan(_Mau):
    """Một đoạn chữ cùng kiểu: {"chu": "…", "dam": true, "nghieng": false}.

    to_sang: tô nền vàng (w:highlight) để người duyệt thấy ngay, dùng cho dấu «[chưa có: …]»
    của bản nháp; văn bản phát hành không bao giờ có đoạn tô sáng."""

    chu: Chu
    dam: bool = False
    nghieng: bool = False
    to_sang: bool = False


def _dong(gia_tri: object) -> object:
    # Cho phép viết gọn một chuỗi thay cho danh sách một phần tử.
    return [gia_tri] if isinstance(gia_tri, str) else gia_tri


def _loai_phan_tu(v: object) -> str:
    if isinstance(v, str):
        return "chu"
    if isinstance(v, dict):
        return "chu_thich" if "chu_thich" in v else "doan"
    return "chu_thich" if isinstance(v, ChuThich) else "doan"


ChuHoacDoan = Annotated[
    Annotated[Chu, Tag("chu")] | Annotated[Doan, Tag("doan")],
    Discriminator(lambda v: "chu" if isinstance(v, str) else "doan"),
]


class ChuThich(_Mau):
    """Chú thích cuối trang thật của Word; dấu chú thích đặt ngay sau đoạn chữ đứng trước."""

    chu_thich: list[ChuHoacDoan] = Field(min_length=1)

    @field_validator("chu_thich", mode="before")
    @classmethod
    def _gon(cls, v: object) -> object:
        return _dong(v)


PhanTu = Annotated[
    Annotated[Chu, Tag("chu")] | Annotated[Doan, Tag("doan")]
    | Annotated[ChuThich, Tag("chu_thich")],
    Discriminator(_loai_phan_tu),
]
NoiDungDong = list[PhanTu]


# ---------------------------------------------------------------- các nút của thân văn bản

KieuDau = Literal["gach", "cong"]


class DoanVan(_Mau):
    """Đoạn văn thân bài. dau_dong: "gach" → "- …", "cong" → "+ …"."""

    loai: Literal["doan"] = "doan"
    noi_dung: NoiDungDong
    dau_dong: KieuDau | None = None
    can_giua: bool = False

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _noi_dung(cls, v: object) -> object:
        return _dong(v)


class Bang(_Mau):
    """Bảng đơn giản: hàng đầu là tiêu đề (chữ đậm) nếu co_tieu_de."""

    loai: Literal["bang"] = "bang"
    hang: list[list[NoiDungDong]] = Field(min_length=1, max_length=32767)
    co_tieu_de: bool = True
    do_rong_cot_cm: list[Annotated[float, Field(ge=0.5, le=40, allow_inf_nan=False)]] | None = None

    @field_validator("hang", mode="before")
    @classmethod
    def _o_gon(cls, v: object) -> object:
        if isinstance(v, list):
            return [[_dong(o) for o in h] if isinstance(h, list) else h for h in v]
        return v

    @field_validator("hang")
    @classmethod
    def _deu_cot(cls, v: list[list[NoiDungDong]]) -> list[list[NoiDungDong]]:
        so_cot = {len(h) for h in v}
        if len(so_cot) != 1 or 0 in so_cot:
            raise ValueError("các hàng của bảng phải có cùng số ô (ít nhất một ô)")
        if so_cot.pop() > SO_COT_TOI_DA:
            raise ValueError(f"bảng có quá nhiều cột (Word chỉ mở được tối đa {SO_COT_TOI_DA})")
        return v

    @model_validator(mode="after")
    def _du_do_rong(self) -> Bang:
        if self.do_rong_cot_cm is not None and len(self.do_rong_cot_cm) != len(self.hang[0]):
            raise ValueError(f"độ rộng cột: có {len(self.do_rong_cot_cm)} số nhưng bảng có "
                             f"{len(self.hang[0])} cột; ghi đủ mỗi cột một số, hoặc bỏ trường này")
        return self


CapDanhSo = Literal["phan", "phan_thu", "chu_hoa", "la_ma", "so", "so_thap_phan", "chu"]


class Muc(_Mau):
    """Một đề mục (phần, mục, khoản, điểm) với tiêu đề và các nút con.

    cap: bỏ trống thì lấy theo độ sâu trong cây và sơ đồ đánh số của văn bản; ghi rõ khi một
    nhánh dùng cấp khác (ví dụ phần C. liệt kê thẳng các nhiệm vụ 1., 2. không qua I.).
    Đề mục không có tiêu đề (khoản "1. Tiếp tục…") ghép số vào đầu đoạn văn đầu tiên.
    """

    loai: Literal["muc"] = "muc"
    tieu_de: NoiDungDong | None = None
    cap: CapDanhSo | None = None
    noi_dung: list[Nut] = Field(default_factory=list)

    @field_validator("tieu_de", mode="before")
    @classmethod
    def _tieu_de(cls, v: object) -> object:
        return _dong(v)


Nut = Annotated[DoanVan | Bang | Muc, Field(discriminator="loai")]
Muc.model_rebuild()


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

class DauVanBan(_Mau):
    """Các thành phần thể thức ở phần đầu (ô 1–5a, 9a của Phụ lục I NĐ 30)."""

    co_quan_chu_quan: list[Chu] = Field(default_factory=list)
    co_quan_ban_hanh: list[Chu] = Field(min_length=1)
    so: Chu | None = None
    ky_hieu: Chu = "BC-UBND"
    dia_danh: Chu
    ngay: date | None = None
    nam: int | None = Field(default=None, ge=1945, le=2200)
    ten_loai: Chu = "BÁO CÁO"
    trich_yeu: Chu
    dong_duoi_trich_yeu: Chu | None = None
    can_cu: list[Chu] = Field(default_factory=list)
    kinh_gui: list[Chu] = Field(default_factory=list)

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

    @property
    def nam_van_ban(self) -> int | None:
        return self.ngay.year if self.ngay else self.nam


QuyenHan = Literal["", "TM.", "KT.", "Q.", "TL.", "TUQ."]


class ChuKy(_Mau):
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


class VanBan(_Mau):
    """Một văn bản hoàn chỉnh, đúng thứ tự trình bày."""

    phien_ban: int = PHIEN_BAN_TEP
    dau: DauVanBan
    danh_so: list[CapDanhSo] = Field(default_factory=lambda: ["la_ma", "so", "chu"], min_length=1)
    noi_dung: list[Nut] = Field(default_factory=list)
    cau_ket: Chu = ""
    noi_nhan: list[Chu] = Field(default_factory=list)
    luu: Chu = "VT"
    chu_ky: ChuKy

    @field_validator("phien_ban")
    @classmethod
    def _phien_ban(cls, v: int) -> int:
        return kiem_phien_ban(v, PHIEN_BAN_TEP)

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
