"""Đọc một tệp .docx bất kỳ và tính định dạng thực tế của từng đoạn, từng đoạn chữ như Word.

Thứ tự áp dụng (ECMA-376 §17.7.2): docDefaults → kiểu đoạn (theo chuỗi basedOn) → kiểu ký
tự (theo chuỗi basedOn) → định dạng trực tiếp. Phông theo theme (minorHAnsi…) được tra trong
theme1.xml. Module này chỉ đọc, không phụ thuộc bộ ghi của drafter: nó dùng được cho văn bản
làm tay trong Word hay LibreOffice.
"""

from __future__ import annotations

import errno
import hashlib
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import overload

from lxml import etree

from drafter.nd30 import TWIP_MOI_CM

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "r": R, "a": A}
# Không bật huge_tree: libxml2 giữ giới hạn độ sâu 256 tầng và 10 MB cho một nút chữ.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

# Giới hạn đọc. Báo cáo cấp xã dài vài chục trang; các giới hạn rộng gấp nhiều lần (20.000
# đoạn vẫn đọc được) mà vẫn giữ bộ nhớ dưới 300 MB với mọi tệp, kể cả tệp cố ý phá (bom zip).
TOI_DA_MUC_ZIP = 10_000  # số mục trong tệp nén (.docx thường có vài chục)
TOI_DA_PHAN_MB = 32  # một phần XML sau khi giải nén
TOI_DA_TONG_MB = 64  # mọi phần XML được đọc cộng lại
# Bộ nhớ cây lxml (libxml2) ước trước khi dựng: ~120 byte mỗi thẻ «<», ~240 byte mỗi thuộc
# tính «=» (nút thuộc tính cộng nút giá trị), cộng chính số byte. Đoạn Word có ba đoạn chữ,
# đủ rsid, tốn ~12 KB; đoạn do drafter ghi ~1,7 KB.
TOI_DA_CAY_MB = 128
TOI_DA_DOAN = 50_000
TOI_DA_RUN = 200_000
TOI_DA_CHAR = 5_000_000  # chữ của thân văn bản: mỗi ký tự còn có bản sao str trong Python

# Word "Strict Open XML" dùng không gian tên khác, cùng ý nghĩa với bản thường (transitional).
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", A.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
)
_LUU_LAI = "hãy mở bằng Word hoặc LibreOffice rồi Lưu thành… kiểu «Word Document (.docx)»"


class LoiDocTep(Exception):
    """Tệp không đọc được như một văn bản Word .docx; câu báo nói vì sao và cách làm."""


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _R, _T, _PPR, _TXBX = w("p"), w("r"), w("t"), w("pPr"), w("txbxContent")


# Số đo OOXML: số nguyên, số thập phân ("28.5") hoặc ST_UniversalMeasure ("3cm", "28.5pt",
# "1in", "-2mm"). Giới hạn số chữ số để không ra vô cực.
_SO_DO = re.compile(r"\s*([-+]?(?:\d{1,15}(?:\.\d{0,15})?|\.\d{1,15}))\s*(mm|cm|in|pt|pc|pi)?\s*")
_PT_MOI = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
TWIP, NUA_DIEM, EMU = 20, 2, 12700  # số đơn vị gốc trong 1 pt của các loại số đo


def so_do(gia_tri: str | None, don_vi: float = TWIP) -> float | None:
    """Số đo theo đơn vị gốc của thuộc tính (twip, nửa điểm cho cỡ chữ, EMU cho hình vẽ);
    None khi không có hoặc không đọc được."""
    m = _SO_DO.fullmatch(gia_tri) if gia_tri is not None else None
    if m is None:
        return None
    so = float(m[1])
    return so if m[2] is None else so * _PT_MOI[m[2]] * don_vi


@overload
def do(el: etree._Element | None, thuoc_tinh: str, don_vi: float = ..., *,
       mac_dinh: float) -> float: ...
@overload
def do(el: etree._Element | None, thuoc_tinh: str, don_vi: float = ...,
       mac_dinh: None = None) -> float | None: ...
def do(el: etree._Element | None, thuoc_tinh: str, don_vi: float = TWIP,
       mac_dinh: float | None = None) -> float | None:
    """Số đo ở thuộc tính w:<thuoc_tinh> của el; mac_dinh khi không có hoặc không đọc được."""
    gia_tri = None if el is None else so_do(el.get(w(thuoc_tinh)), don_vi)
    return mac_dinh if gia_tri is None else gia_tri


def _gia_tri(el: etree._Element | None, thuoc_tinh: str = "val") -> str | None:
    return None if el is None else el.get(w(thuoc_tinh))


def _bat(el: etree._Element | None) -> bool | None:
    """Thuộc tính bật/tắt (w:b, w:i…): có mặt mà không có val = bật."""
    if el is None:
        return None
    v = el.get(w("val"))
    return v is None or v.lower() not in ("0", "false", "off", "none")


# Định dạng đã tính được dùng chung giữa các đoạn, đoạn chữ giống nhau (bộ nhớ và thời gian
# tuyến tính): coi ThuocTinhChu, ThuocTinhDoan nhận được là chỉ đọc.
@dataclass(slots=True)
class ThuocTinhChu:
    co_pt: float | None = None
    dam: bool = False
    nghieng: bool = False
    gach_chan: bool = False
    in_hoa: bool = False
    phong: dict[str, str | None] = field(default_factory=dict)  # ascii, hAnsi, eastAsia, cs
    mau_sac: str | None = None
    chi_so_tren: bool = False
    chi_so_duoi: bool = False


@dataclass(slots=True)
class ThuocTinhDoan:
    can_le: str = "left"  # left, center, right, both
    thut_dong_dau_cm: float = 0.0
    thut_trai_cm: float = 0.0
    thut_phai_cm: float = 0.0
    truoc_pt: float = 0.0
    sau_pt: float = 0.0
    gian_dong: float | None = None  # bội số dòng khi lineRule=auto
    kieu_gian_dong: str = "auto"  # auto, exact, atLeast
    gian_dong_pt: float | None = None
    gop_khoang_cach: bool = False  # contextualSpacing
    vien_tren: bool = False
    vien_duoi: bool = False


@dataclass(eq=False, slots=True)  # mỗi đoạn là một, dù chữ và định dạng giống đoạn khác
class Doan:
    """Một đoạn văn đã tính định dạng, kèm vị trí (thân, ô bảng, đầu trang, chú thích)."""

    so_thu_tu: int
    el: etree._Element
    chu: str
    kieu_id: str | None
    dinh_dang: ThuocTinhDoan
    cac_run: list[tuple[str, ThuocTinhChu]]
    bang: int | None = None  # thứ tự bảng cấp cao nhất chứa đoạn (0 = bảng đầu tiên)
    hang: int | None = None
    cot: int | None = None

    @property
    def chu_gon(self) -> str:
        return " ".join(self.chu.split())

    def dau_doan(self, so_char: int = 40) -> str:
        s = self.chu_gon
        return s if len(s) <= so_char else s[:so_char] + "…"

    def run_co_chu(self) -> list[ThuocTinhChu]:
        return [tt for chu, tt in self.cac_run if chu.strip()]


def _dau_van_tay(el: etree._Element) -> bytes:
    """Dấu vân 16 byte của nội dung el, làm khóa cho định dạng đã tính: bản XML đầy đủ kèm mọi
    khai báo không gian tên (~1 KB) mà giữ cho mỗi đoạn chữ khác nhau thì tốn bộ nhớ."""
    return hashlib.blake2b(etree.tostring(el, with_tail=False), digest_size=16).digest()


def run_cua_doan(p: etree._Element) -> Iterator[etree._Element]:
    """Các run của đoạn p theo thứ tự, cả run trong liên kết, trường, sdt…, nhưng không đi vào
    bên trong run: run nằm trong run là chữ của khung chữ (text box), một đoạn riêng. Mỗi phần
    tử được xem một lần, nên khung chữ lồng nhau không làm thời gian tăng bình phương."""
    con_lai = list(reversed(p))
    while con_lai:
        el = con_lai.pop()
        if el.tag == _R:
            yield el
        elif el.tag != _PPR:
            con_lai.extend(reversed(el))


def _loi_he_thong(ten: str, loi: OSError) -> LoiDocTep:
    """Lỗi hệ điều hành nói bằng tiếng Việt (chữ của hệ điều hành là tiếng Anh)."""
    if loi.errno == errno.ENOENT:
        return LoiDocTep(f"Không tìm thấy tệp {ten}.")
    if loi.errno == errno.EISDIR:
        return LoiDocTep(f"{ten} là một thư mục, không phải tệp .docx.")
    if loi.errno in (errno.EACCES, errno.EPERM):
        return LoiDocTep(f"Không có quyền đọc tệp {ten} (tệp bị khóa hoặc đang mở ở chương "
                         "trình khác).")
    return LoiDocTep(f"Không đọc được tệp {ten} (lỗi hệ thống số {loi.errno}).")


def _so(n: int) -> str:
    """12.345: dấu chấm tách hàng nghìn như chữ Việt."""
    return f"{n:,}".replace(",", ".")


def _hong(ten: str, vi_sao: str) -> LoiDocTep:
    return LoiDocTep(f"Tệp {ten} bị hỏng ({vi_sao}): có thể tệp chép hoặc tải về chưa xong; "
                     "hãy lấy lại bản gốc.")


def _nhan_dien(duong_dan: Path, ten: str) -> None:
    """Từ chối sớm, mỗi loại một câu báo riêng, những tệp hay bị nhầm là .docx; với tệp nén,
    xem mục lục cuối tệp trước khi zipfile đọc nó (mục lục khổng lồ đủ làm cạn bộ nhớ)."""
    if duong_dan.is_dir():
        raise LoiDocTep(f"{ten} là một thư mục, không phải tệp .docx.")
    with open(duong_dan, "rb") as f:
        dau = f.read(1024)
        if not dau:
            raise LoiDocTep(f"Tệp {ten} rỗng (0 byte): có thể tệp chép hoặc tải về chưa xong.")
        if dau.startswith(b"PK"):
            # Mục lục (central directory) khai báo ở cuối tệp; zipfile giữ mỗi mục ~500 byte.
            # Hàm và hằng riêng của zipfile (có từ Python 2.6, zipfile cũng dùng): typeshed
            # không khai báo tên bắt đầu bằng «_».
            cuoi = zipfile._EndRecData(f)  # type: ignore[attr-defined]
            if cuoi is not None and (
                    cuoi[zipfile._ECD_ENTRIES_TOTAL] > TOI_DA_MUC_ZIP  # type: ignore[attr-defined]
                    or cuoi[zipfile._ECD_SIZE] > 4 << 20):  # type: ignore[attr-defined]
                raise LoiDocTep(f"Tệp {ten} có hơn {_so(TOI_DA_MUC_ZIP)} phần nén bên trong: "
                                "không phải văn bản Word thông thường (có thể là tệp cố ý phá).")
            return
    thuong = dau.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if dau.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        ly_do = ("là tệp Word 97–2003 (.doc) hoặc tệp .docx đặt mật khẩu; "
                 "hãy mở bằng Word, bỏ mật khẩu nếu có, rồi Lưu thành… kiểu «Word Document "
                 "(.docx)»")
    elif dau.startswith(b"%PDF"):
        ly_do = "là tệp PDF; kiểm tra thể thức cần tệp .docx gốc mà PDF được xuất ra"
    elif thuong.startswith(b"{\\rtf"):
        ly_do = f"là tệp RTF; {_LUU_LAI}"
    elif thuong.startswith((b"<!doctype html", b"<html")) or b"<html" in thuong:
        ly_do = f"là trang web (HTML) đặt tên đuôi Word; {_LUU_LAI}"
    elif thuong.startswith(b"<") or thuong.startswith(b"\xff\xfe<") or b"<?xml" in thuong:
        ly_do = f"là tệp XML chưa đóng gói (như «Word XML Document»); {_LUU_LAI}"
    else:
        ly_do = "không phải văn bản Word .docx (tệp .docx là một tệp nén bắt đầu bằng «PK»)"
    raise LoiDocTep(f"Tệp {ten} {ly_do}.")


class _GoiDocx:
    """Đọc các phần của tệp nén trong giới hạn: kích thước khai báo, kích thước thật khi giải
    nén (khai báo có thể nói dối), tổng số byte và bộ nhớ ước của cây XML mọi phần đã đọc."""

    def __init__(self, z: zipfile.ZipFile, ten_tep: str) -> None:
        self.z = z
        self.ten_tep = ten_tep
        self.con_byte = TOI_DA_TONG_MB << 20
        self.con_cay = TOI_DA_CAY_MB << 20

    def _qua_lon(self, ten: str) -> LoiDocTep:
        return LoiDocTep(
            f"Tệp {self.ten_tep} quá lớn để kiểm tra: phần {ten} giải nén ra hơn "
            f"{min(TOI_DA_PHAN_MB, self.con_byte >> 20)} MB (giới hạn {TOI_DA_PHAN_MB} MB mỗi "
            f"phần, {TOI_DA_TONG_MB} MB cả tệp); có thể là tệp cố ý phá (bom zip).")

    def doc(self, ten: str) -> bytes | None:
        try:
            info = self.z.getinfo(ten)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise LoiDocTep(f"Tệp {self.ten_tep} có phần {ten} được mã hóa (đặt mật khẩu): hãy "
                            "mở bằng Word, bỏ mật khẩu rồi lưu lại.")
        toi_da = min(TOI_DA_PHAN_MB << 20, self.con_byte)
        if info.file_size > toi_da:
            raise self._qua_lon(ten)
        try:
            with self.z.open(info) as f:
                du_lieu = f.read(toi_da + 1)
        except NotImplementedError as loi:
            raise LoiDocTep(f"Tệp {self.ten_tep} có phần {ten} nén theo kiểu chương trình không "
                            f"đọc được (mã nén {info.compress_type}; Word chỉ dùng mã 0 và 8): "
                            f"{_LUU_LAI}.") from loi
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OverflowError,
                struct.error) as loi:
            raise _hong(self.ten_tep, f"phần {ten} giải nén lỗi") from loi
        if len(du_lieu) > toi_da:
            raise self._qua_lon(ten)
        self.con_byte -= len(du_lieu)
        return du_lieu

    def xml(self, ten: str) -> etree._Element | None:
        du_lieu = self.doc(ten)
        if du_lieu is None:
            return None
        # Ước bộ nhớ cây trước khi dựng (xem TOI_DA_CAY_MB): «<» và «=» là cận trên số thẻ và
        # số thuộc tính.
        cay = du_lieu.count(b"<") * 120 + du_lieu.count(b"=") * 240 + len(du_lieu)
        if cay > self.con_cay:
            raise LoiDocTep(f"Tệp {self.ten_tep} quá lớn để kiểm tra: cây XML cần hơn "
                            f"{(TOI_DA_CAY_MB << 20) - self.con_cay + cay >> 20} MB bộ nhớ (giới "
                            f"hạn {TOI_DA_CAY_MB} MB, khoảng 10.000 đoạn văn bản Word).")
        self.con_cay -= cay
        if b"purl.oclc.org/ooxml/" in du_lieu:
            for cu, moi in _STRICT:
                du_lieu = du_lieu.replace(cu, moi)
        try:
            return etree.fromstring(du_lieu, _PARSER)
        except etree.XMLSyntaxError as loi:
            if "depth" in str(loi):
                raise LoiDocTep(f"Tệp {self.ten_tep} có phần {ten} lồng quá sâu (hơn 256 tầng): "
                                "không phải văn bản Word thông thường.") from loi
            if "XML_PARSE_HUGE" in str(loi):
                raise LoiDocTep(f"Tệp {self.ten_tep} có một đoạn chữ liền dài hơn 10 MB ở phần "
                                f"{ten}: không phải văn bản Word thông thường.") from loi
            raise _hong(self.ten_tep, f"phần {ten} không phải XML hợp lệ, dòng {loi.lineno}") \
                from loi

    def quan_he(self, nguon: str) -> list[tuple[str, str, str]]:
        """(Id, loại, tên phần đích) của các quan hệ nội bộ của phần `nguon` ("" = gói)."""
        thu_muc, ten = posixpath.split(nguon)
        rels = self.xml(posixpath.join(thu_muc, "_rels", ten + ".rels"))
        ra = []
        for rel in rels if rels is not None else ():
            dich = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not dich:
                continue
            duong = dich.lstrip("/") if dich.startswith("/") else posixpath.join(thu_muc, dich)
            ra.append((rel.get("Id", ""), rel.get("Type", ""), posixpath.normpath(duong)))
        return ra

    def loai_khac(self) -> str:
        """Tệp nén không chứa văn bản Word: nó là gì (OpenDocument, Excel, PowerPoint…)."""
        ten = self.z.namelist()
        kieu = (self.doc("mimetype") or b"")[:100] if "mimetype" in ten else b""
        if kieu.startswith(b"application/vnd.oasis.opendocument.text"):
            return ("là văn bản OpenDocument (.odt) của LibreOffice/WPS: hãy mở bằng LibreOffice "
                    "Writer, chọn Tệp › Lưu thành… kiểu «Word 2007–365 (.docx)» rồi kiểm tra tệp "
                    ".docx đó")
        if kieu.startswith(b"application/vnd.oasis.opendocument"):
            return "là tệp OpenDocument (bảng tính hoặc trình chiếu), không phải văn bản Word"
        if any(n.startswith("xl/") for n in ten):
            return "là bảng tính Excel, không phải văn bản Word"
        if any(n.startswith("ppt/") for n in ten):
            return "là tệp trình chiếu PowerPoint, không phải văn bản Word"
        return "là tệp nén nhưng không chứa văn bản Word (thiếu phần word/document.xml)"


class TaiLieuDocx:
    """Một tệp .docx đã đọc. Mọi tệp không đọc được (không phải .docx, hỏng, đặt mật khẩu,
    quá giới hạn ở đầu module) ném LoiDocTep với câu báo tiếng Việt."""

    def __init__(self, duong_dan: Path | str) -> None:
        self.duong_dan = Path(duong_dan)
        ten = str(duong_dan)
        try:
            _nhan_dien(self.duong_dan, ten)
            with zipfile.ZipFile(self.duong_dan) as z:
                self._doc_cac_phan(_GoiDocx(z, ten))
        except OSError as loi:
            raise _loi_he_thong(ten, loi) from loi
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OverflowError,
                struct.error) as loi:
            raise _hong(ten, "mục lục tệp nén sai") from loi
        body = self.document.find(w("body"))
        if body is None:
            ns = etree.QName(self.document).namespace
            raise LoiDocTep(f"Tệp {ten} không có thân văn bản (w:body)"
                            + ("" if ns == W else f"; phần văn bản dùng không gian tên lạ «{ns}»")
                            + ": không phải văn bản Word đọc được.")
        self.body: etree._Element = body
        so_doan = sum(1 for _ in self.body.iter(_P))
        so_run = sum(1 for _ in self.body.iter(_R))
        so_char = sum(len(t.text or "") for t in self.body.iter(_T))
        if so_doan > TOI_DA_DOAN or so_run > TOI_DA_RUN or so_char > TOI_DA_CHAR:
            raise LoiDocTep(
                f"Tệp {ten} quá lớn để kiểm tra: {_so(so_doan)} đoạn, {_so(so_run)} đoạn chữ, "
                f"{_so(so_char)} ký tự (giới hạn {_so(TOI_DA_DOAN)} đoạn, {_so(TOI_DA_RUN)} "
                f"đoạn chữ, {_so(TOI_DA_CHAR)} ký tự).")
        self._kieu: dict[str, etree._Element] = {}
        self._kieu_doan_mac_dinh: str | None = None
        if self.styles is not None:
            for s in self.styles.iterfind("w:style", NS):
                sid = s.get(w("styleId"))
                if sid is not None:  # kiểu không có mã: không đoạn, kiểu nào trỏ tới được
                    self._kieu[sid] = s
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on"):
                    self._kieu_doan_mac_dinh = sid
        self._phong_theme = self._doc_phong_theme()
        self._da_tim_mac_dinh: dict[str, etree._Element | None] = {}
        self._da_tinh_kieu: dict[str | None, tuple[ThuocTinhDoan, ThuocTinhChu]] = {}
        self._da_tinh_doan: dict[tuple[str | None, bytes], ThuocTinhDoan] = {}  # (kiểu, dấu vân)
        self._da_tinh_run: dict[tuple[str | None, bytes], ThuocTinhChu] = {}

    def _doc_cac_phan(self, goi: _GoiDocx) -> None:
        chinh = next((dich for _, loai, dich in goi.quan_he("")
                      if loai.endswith("/officeDocument")), "word/document.xml")
        document = goi.xml(chinh)
        if document is None and chinh != "word/document.xml":  # quan hệ trỏ sai chỗ
            chinh = "word/document.xml"
            document = goi.xml(chinh)
        if document is None:
            raise LoiDocTep(f"Tệp {goi.ten_tep} {goi.loai_khac()}.")
        self.document: etree._Element = document
        quan_he = goi.quan_he(chinh)
        self.rels: dict[str, tuple[str, str]] = {rid: (loai, dich) for rid, loai, dich in quan_he}

        def phan(loai: str, mac_dinh: str) -> etree._Element | None:
            dich = next((d for _, k, d in quan_he if k.endswith("/" + loai)), mac_dinh)
            return goi.xml(dich)

        self.styles = phan("styles", "word/styles.xml")
        self.settings = phan("settings", "word/settings.xml")
        self.footnotes = phan("footnotes", "word/footnotes.xml")
        self.numbering = phan("numbering", "word/numbering.xml")  # số tự động (from-docx)
        self.theme = phan("theme", "word/theme/theme1.xml")
        self.headers: dict[str, etree._Element] = {}
        for rid, loai, dich in quan_he:
            if loai.endswith("/header"):
                el = goi.xml(dich)
                if el is not None:
                    self.headers[rid] = el

    # ------------------------------------------------------------ kiểu và theme

    def _doc_phong_theme(self) -> dict[str, str]:
        ra: dict[str, str] = {}
        if self.theme is None:
            return ra
        for loai in ("major", "minor"):
            latin = self.theme.find(f".//a:{loai}Font/a:latin", NS)
            if latin is not None:
                ra[loai] = latin.get("typeface", "")
        return ra

    def ten_kieu(self, sid: str | None) -> str:
        """Tên kiểu (w:name, "Heading 1", "List Paragraph"); rỗng khi không có kiểu đó."""
        el = self._kieu.get(sid or "")
        ten = el.find(w("name")) if el is not None else None
        return (ten.get(w("val"), "") if ten is not None else "") or ""

    def chuoi_kieu(self, sid: str | None) -> list[etree._Element]:
        """Kiểu và các kiểu cha, từ gốc đến ngọn."""
        chuoi: list[etree._Element] = []
        da_qua: set[str] = set()
        # Word không lồng kiểu sâu quá vài tầng; giới hạn 32 để tệp cố ý phá (chuỗi 50.000 kiểu)
        # không làm thời gian bình phương.
        while sid and sid in self._kieu and sid not in da_qua and len(chuoi) < 32:
            da_qua.add(sid)
            s = self._kieu[sid]
            chuoi.append(s)
            sid = _gia_tri(s.find(w("basedOn")))
        return list(reversed(chuoi))

    def _mac_dinh(self, loai: str) -> etree._Element | None:
        """docDefaults của đoạn ("pPr") hay của chữ ("rPr"): tìm một lần (styles.xml có thể
        có hàng chục nghìn kiểu đứng trước)."""
        if loai not in self._da_tim_mac_dinh:
            self._da_tim_mac_dinh[loai] = None if self.styles is None else self.styles.find(
                f"w:docDefaults/w:{loai}Default/w:{loai}", NS)
        return self._da_tim_mac_dinh[loai]

    # ------------------------------------------------------------ tính định dạng

    def _ap_rpr(self, tt: ThuocTinhChu, rpr: etree._Element | None) -> None:
        if rpr is None:
            return
        co = do(rpr.find(w("sz")), "val", NUA_DIEM)
        if co is not None and co > 0:  # cỡ chữ âm hay bằng 0 không hợp lệ: bỏ qua như Word
            tt.co_pt = co / 2
        for tag, ten in (("b", "dam"), ("i", "nghieng"), ("caps", "in_hoa")):
            v = _bat(rpr.find(w(tag)))
            if v is not None:
                setattr(tt, ten, v)
        u = rpr.find(w("u"))
        if u is not None:
            tt.gach_chan = _gia_tri(u) not in (None, "none")
        mau_sac = rpr.find(w("color"))
        if mau_sac is not None:
            tt.mau_sac = _gia_tri(mau_sac)
        va = rpr.find(w("vertAlign"))
        if va is not None:
            tt.chi_so_tren = _gia_tri(va) == "superscript"
            tt.chi_so_duoi = _gia_tri(va) == "subscript"
        rf = rpr.find(w("rFonts"))
        if rf is not None:
            for o in ("ascii", "hAnsi", "eastAsia", "cs"):
                theme = rf.get(w(f"{o}Theme") if o != "cs" else w("cstheme"))
                if theme:
                    loai = "major" if theme.startswith("major") else "minor"
                    tt.phong[o] = self._phong_theme.get(loai, theme)
                elif rf.get(w(o)):
                    tt.phong[o] = rf.get(w(o))

    def _ap_ppr(self, tt: ThuocTinhDoan, ppr: etree._Element | None) -> None:
        if ppr is None:
            return
        jc = ppr.find(w("jc"))
        if jc is not None:
            tt.can_le = {"start": "left", "end": "right", "justify": "both"}.get(
                _gia_tri(jc) or "left", _gia_tri(jc) or "left")
        ind = ppr.find(w("ind"))
        if ind is not None:
            trai = do(ind, "left")
            trai = do(ind, "start") if trai is None else trai
            phai = do(ind, "right")
            phai = do(ind, "end") if phai is None else phai
            if trai is not None:
                tt.thut_trai_cm = trai / TWIP_MOI_CM
            if phai is not None:
                tt.thut_phai_cm = phai / TWIP_MOI_CM
            if (dau := do(ind, "firstLine")) is not None:
                tt.thut_dong_dau_cm = dau / TWIP_MOI_CM
            if (treo := do(ind, "hanging")) is not None:
                tt.thut_dong_dau_cm = -treo / TWIP_MOI_CM
        sp = ppr.find(w("spacing"))
        if sp is not None:
            if (truoc := do(sp, "before")) is not None:
                tt.truoc_pt = truoc / 20
            if (sau := do(sp, "after")) is not None:
                tt.sau_pt = sau / 20
            if (gia_tri := do(sp, "line")) is not None:
                quy_tac = sp.get(w("lineRule"), "auto")
                tt.kieu_gian_dong = quy_tac
                if quy_tac == "auto":
                    tt.gian_dong, tt.gian_dong_pt = gia_tri / 240, None
                else:
                    tt.gian_dong, tt.gian_dong_pt = None, gia_tri / 20
        cs = _bat(ppr.find(w("contextualSpacing")))
        if cs is not None:
            tt.gop_khoang_cach = cs
        vien = ppr.find(w("pBdr"))
        if vien is not None:
            for canh, ten in (("top", "vien_tren"), ("bottom", "vien_duoi")):
                b = vien.find(w(canh))
                if b is not None:
                    setattr(tt, ten, _gia_tri(b) not in ("nil", "none"))

    def _theo_kieu(self, sid: str | None) -> tuple[ThuocTinhDoan, ThuocTinhChu]:
        """Định dạng docDefaults và chuỗi kiểu đoạn sid đem lại. Mỗi kiểu tính một lần, trên
        kết quả của kiểu cha (basedOn), nên chuỗi kiểu dài không làm thời gian bình phương."""
        da_tinh = self._da_tinh_kieu
        if sid in da_tinh:
            return da_tinh[sid]
        if None not in da_tinh:
            tt, chu = ThuocTinhDoan(), ThuocTinhChu()
            self._ap_ppr(tt, self._mac_dinh("pPr"))
            self._ap_rpr(chu, self._mac_dinh("rPr"))
            da_tinh[None] = (tt, chu)
        chuoi: list[str] = []  # từ sid ngược lên đến kiểu đã tính, kiểu gốc, hay vòng lặp
        da_qua: set[str] = set()
        k = sid
        while k and k in self._kieu and k not in da_tinh and k not in da_qua:
            chuoi.append(k)
            da_qua.add(k)
            k = _gia_tri(self._kieu[k].find(w("basedOn")))
        tt, chu = da_tinh[k] if k in da_tinh and k not in da_qua else da_tinh[None]
        for k in reversed(chuoi):
            tt, chu = replace(tt), replace(chu, phong=dict(chu.phong))
            kieu = self._kieu[k]
            self._ap_ppr(tt, kieu.find(w("pPr")))
            self._ap_rpr(chu, kieu.find(w("rPr")))
            da_tinh.setdefault(k, (tt, chu))
        return da_tinh.setdefault(sid, (tt, chu))

    def dinh_dang_doan(self, p: etree._Element) -> tuple[str | None, ThuocTinhDoan, ThuocTinhChu]:
        ppr = p.find(w("pPr"))
        sid = _gia_tri(ppr.find(w("pStyle"))) if ppr is not None else None
        sid = sid or self._kieu_doan_mac_dinh
        tt_kieu, chu = self._theo_kieu(sid)
        if ppr is None:
            return sid, tt_kieu, chu
        khoa = (sid, _dau_van_tay(ppr))
        tt = self._da_tinh_doan.get(khoa)
        if tt is None:
            tt = self._da_tinh_doan[khoa] = replace(tt_kieu)
            self._ap_ppr(tt, ppr)
        return sid, tt, chu

    def dinh_dang_run(self, r: etree._Element, chu_doan: ThuocTinhChu) -> ThuocTinhChu:
        tt = replace(chu_doan, phong=dict(chu_doan.phong))
        rpr = r.find(w("rPr"))
        if rpr is not None:
            rs = _gia_tri(rpr.find(w("rStyle")))
            for s in self.chuoi_kieu(rs):
                self._ap_rpr(tt, s.find(w("rPr")))
        self._ap_rpr(tt, rpr)
        return tt

    def doan(self, p: etree._Element, so_thu_tu: int = 0, **vi_tri: int | None) -> Doan:
        sid, tt, chu_doan = self.dinh_dang_doan(p)
        cac_run: list[tuple[str, ThuocTinhChu]] = []
        for r in run_cua_doan(p):
            chu = "".join(
                t.text or "" if t.tag == w("t") else ("\t" if t.tag == w("tab") else "\n")
                for t in r if t.tag in (w("t"), w("tab"), w("br"))
            )
            if r.find(w("footnoteReference")) is not None:
                chu = chu or "\u2060"  # dấu chú thích: có mặt nhưng không có chữ
            rpr = r.find(w("rPr"))
            if rpr is None:
                tt_run = chu_doan
            else:
                khoa = (sid, _dau_van_tay(rpr))
                da_tinh = self._da_tinh_run.get(khoa)
                if da_tinh is None:
                    da_tinh = self._da_tinh_run[khoa] = self.dinh_dang_run(r, chu_doan)
                tt_run = da_tinh
            cac_run.append((chu, tt_run))
        chu_doan_van = "".join(c for c, _ in cac_run if c != "\u2060")
        return Doan(so_thu_tu, p, chu_doan_van, sid, tt, cac_run, **vi_tri)

    # ------------------------------------------------------------ duyệt văn bản

    def cac_doan(self) -> Iterator[Doan]:
        """Mọi đoạn của thân văn bản theo thứ tự đọc, kể cả đoạn trong bảng và khung chữ."""
        dem = 0
        so_bang = -1
        for con in self.body:
            if con.tag == w("p"):
                dem += 1
                yield self.doan(con, dem)
                for hop in con.iter(_TXBX):  # khung chữ (text box) trong đoạn
                    if next(hop.iterancestors(_TXBX), None) is not None:
                        continue  # khung lồng trong khung: đoạn của nó đã có trong khung ngoài
                    for p2 in hop.iter(w("p")):
                        dem += 1
                        yield self.doan(p2, dem)
            elif con.tag == w("tbl"):
                so_bang += 1
                for i, tr in enumerate(con.iterfind("w:tr", NS)):
                    for j, tc in enumerate(tr.iterfind("w:tc", NS)):
                        for p in tc.iter(w("p")):
                            dem += 1
                            yield self.doan(p, dem, bang=so_bang, hang=i, cot=j)
            elif con.tag == w("sdt"):
                for p in con.iter(w("p")):
                    dem += 1
                    yield self.doan(p, dem)

    def cac_bang(self) -> list[etree._Element]:
        return list(self.body.iterfind("w:tbl", NS))

    def sect_pr(self) -> etree._Element | None:
        return self.body.find(w("sectPr"))

    def chu_thich(self) -> dict[str | None, str]:
        """Nội dung các chú thích thật (bỏ hai chú thích ngăn cách), theo mã (None: tệp thiếu
        w:id)."""
        ra: dict[str | None, str] = {}
        if self.footnotes is None:
            return ra
        for fn in self.footnotes.iterfind("w:footnote", NS):
            if fn.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            ra[fn.get(w("id"))] = "".join(t.text or "" for t in fn.iter(w("t"))).strip()
        return ra

    def tham_chieu_chu_thich(self) -> list[str | None]:
        """Mã các dấu chú thích trong thân văn bản, theo thứ tự xuất hiện (None: thiếu w:id)."""
        return [el.get(w("id")) for el in self.body.iter(w("footnoteReference"))]

    def phan_dau_trang(self, loai: str) -> etree._Element | None:
        """Phần đầu trang "default" hoặc "first" của mục cuối."""
        sect = self.sect_pr()
        if sect is None:
            return None
        for ref in sect.iterfind("w:headerReference", NS):
            if ref.get(w("type"), "default") == loai:
                rid = ref.get(f"{{{R}}}id")
                return None if rid is None else self.headers.get(rid)
        return None
