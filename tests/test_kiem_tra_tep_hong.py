"""`drafter check` trước tệp hỏng, tệp lạ và tệp cố ý phá: mã thoát 2 với một câu tiếng Việt,
không traceback, bộ nhớ và thời gian có giới hạn. Mọi tệp được tạo ngay trong kiểm thử."""

from __future__ import annotations

import os
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter import cli
from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra import LoiDocTep, kiem_tra
from drafter.kiem_tra.doc_docx import TOI_DA_DOAN, TOI_DA_MUC_ZIP, TOI_DA_PHAN_MB, TOI_DA_THE, W
from drafter.van_ban import VanBan
from tests.conftest import van_ban_nho

D = "word/document.xml"


@pytest.fixture(scope="module")
def docx(tmp_path_factory) -> Path:
    return ghi_tep(VanBan.model_validate(van_ban_nho()), tmp_path_factory.mktemp("g") / "g.docx")


def _chep(goc: Path, dich: Path, thay: dict[str, bytes] | None = None,
          nen: int = zipfile.ZIP_DEFLATED) -> Path:
    """Chép tệp nén, thay nội dung vài phần."""
    thay = thay or {}
    with zipfile.ZipFile(goc) as z, zipfile.ZipFile(dich, "w", nen) as ra:
        for ten in z.namelist():
            ra.writestr(ten, thay.get(ten, z.read(ten)))
    return dich


def _sua_dau_muc(tep: Path, ten: str, **truong: int) -> Path:
    """Sửa trường của một mục ngay trong byte (cả mục lục lẫn đầu mục cục bộ), thứ zipfile
    không cho ghi: cờ mã hóa, kiểu nén, kích thước giải nén khai báo."""
    du_lieu = bytearray(tep.read_bytes())
    with zipfile.ZipFile(tep) as z:
        info = z.getinfo(ten)
    vi_tri = {"co": (8, 6, "<H"), "kieu_nen": (10, 8, "<H"), "kich_thuoc": (24, 22, "<L")}
    tung = du_lieu.find(b"PK\x01\x02" + b"", 0)
    while tung != -1:
        dai = struct.unpack_from("<H", du_lieu, tung + 28)[0]
        if du_lieu[tung + 46:tung + 46 + dai] == ten.encode():
            break
        tung = du_lieu.find(b"PK\x01\x02", tung + 4)
    for k, gia_tri in truong.items():
        o_muc_luc, o_cuc_bo, kieu = vi_tri[k]
        struct.pack_into(kieu, du_lieu, tung + o_muc_luc, gia_tri)
        struct.pack_into(kieu, du_lieu, info.header_offset + o_cuc_bo, gia_tri)
    tep.write_bytes(bytes(du_lieu))
    return tep


def _van_ban_xml(than: str) -> bytes:
    return f'<w:document xmlns:w="{W}"><w:body>{than}</w:body></w:document>'.encode()


def _bom(docx: Path, dich: Path, mb: int) -> Path:
    """document.xml đệm thêm `mb` MB khoảng trắng: nén còn vài chục KB."""
    with zipfile.ZipFile(docx) as z, zipfile.ZipFile(dich, "w", zipfile.ZIP_DEFLATED) as ra:
        for ten in z.namelist():
            if ten != D:
                ra.writestr(ten, z.read(ten))
                continue
            goc = z.read(ten)
            i = goc.rindex(b"</w:body>")
            with ra.open(ten, "w", force_zip64=True) as f:
                f.write(goc[:i])
                for _ in range(mb):
                    f.write(b" " * ((1 << 20) - 7) + b"<!---->")
                f.write(goc[i:])
    return dich


def _zip_moi(dich: Path, cac_phan: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(dich, "w", zipfile.ZIP_DEFLATED) as z:
        for ten, du_lieu in cac_phan.items():
            z.writestr(ten, du_lieu)
    return dich


def _hong_deflate(docx: Path, dich: Path) -> Path:
    _chep(docx, dich)
    with zipfile.ZipFile(dich) as z:
        info = z.getinfo(D)
    du_lieu = bytearray(dich.read_bytes())
    bat_dau = info.header_offset + 30 + len(D.encode()) + len(info.extra)
    for i in range(bat_dau + 20, bat_dau + info.compress_size - 20, 7):
        du_lieu[i] ^= 0x5A
    dich.write_bytes(bytes(du_lieu))
    return dich


def _nhieu_muc(dich: Path) -> Path:
    with zipfile.ZipFile(dich, "w", zipfile.ZIP_STORED) as z:
        for i in range(TOI_DA_MUC_ZIP + 1):
            z.writestr(f"{i}", b"")
    return dich


def _long_sau(docx: Path, dich: Path) -> Path:
    tang = 300
    than = "<w:sdt><w:sdtContent>" * tang + "<w:p/>" + "</w:sdtContent></w:sdt>" * tang
    return _chep(docx, dich, {D: _van_ban_xml(than)})


Tao = Callable[[Path, Path], Path]
TEP_KHONG_DOC_DUOC: list[tuple[str, Tao, str]] = [
    ("ma_hoa", lambda g, d: _sua_dau_muc(_chep(g, d), D, co=0x1), "được mã hóa"),
    ("kieu_nen_la", lambda g, d: _sua_dau_muc(_chep(g, d), D, kieu_nen=9), "mã nén 9"),
    ("deflate_hong", _hong_deflate, "bị hỏng"),
    ("cat_doi", lambda g, d: (d.write_bytes(g.read_bytes()[:len(g.read_bytes()) // 2]), d)[1],
     "bị hỏng"),
    ("khong_body", lambda g, d: _chep(g, d, {D: f'<w:document xmlns:w="{W}"/>'.encode()}),
     "không có thân văn bản"),
    ("khong_gian_ten_la", lambda g, d: _chep(g, d, {
        D: b'<w:document xmlns:w="urn:la"><w:body><w:p/></w:body></w:document>'}),
     "không gian tên lạ «urn:la»"),
    ("xml_hong", lambda g, d: _chep(g, d, {D: _van_ban_xml("<w:p>")[:-20]}),
     "không phải XML hợp lệ"),
    ("long_sau", _long_sau, "lồng quá sâu"),
    ("bom_zip", lambda g, d: _bom(g, d, TOI_DA_PHAN_MB + 8), "bom zip"),
    ("bom_khai_bao_nho", lambda g, d: _sua_dau_muc(_bom(g, d, TOI_DA_PHAN_MB + 8), D,
                                                   kich_thuoc=5000), "bị hỏng"),
    ("qua_nhieu_the", lambda g, d: _chep(g, d, {D: _van_ban_xml("<w:p/>" * TOI_DA_THE)}),
     "thẻ XML"),
    ("qua_nhieu_doan", lambda g, d: _chep(g, d, {D: _van_ban_xml("<w:p/>" * (TOI_DA_DOAN + 1))}),
     "đoạn"),
    ("qua_nhieu_muc_zip", lambda g, d: _nhieu_muc(d), "phần nén"),
    ("odt", lambda g, d: _zip_moi(d, {"mimetype": b"application/vnd.oasis.opendocument.text",
                                      "content.xml": b"<office:document-content/>"}), ".odt"),
    ("xlsx", lambda g, d: _zip_moi(d, {"xl/workbook.xml": b"<workbook/>"}), "Excel"),
    ("zip_khong_word", lambda g, d: _zip_moi(d, {"a.txt": b"x"}), "thiếu phần word/document.xml"),
    ("doc_cu", lambda g, d: (d.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), d)[1],
     "Word 97–2003 (.doc)"),
    ("pdf", lambda g, d: (d.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), d)[1], "PDF"),
    ("html", lambda g, d: (d.write_bytes(b"<html><body><p>B\xc3\xa1o c\xc3\xa1o</p>"), d)[1],
     "HTML"),
    ("rtf", lambda g, d: (d.write_bytes(b"{\\rtf1\\ansi B\\'e1o c\\'e1o}"), d)[1], "RTF"),
    ("byte_ngau_nhien", lambda g, d: (d.write_bytes(bytes(range(256)) * 4), d)[1],
     "không phải văn bản Word .docx"),
    ("rong", lambda g, d: (d.write_bytes(b""), d)[1], "rỗng (0 byte)"),
    ("thu_muc", lambda g, d: (d.mkdir(), d)[1], "là một thư mục"),
    ("khong_co", lambda g, d: d, "Không tìm thấy tệp"),
]


@pytest.mark.parametrize(("ten", "tao", "cau_bao"), TEP_KHONG_DOC_DUOC,
                         ids=[t[0] for t in TEP_KHONG_DOC_DUOC])
def test_tep_khong_doc_duoc_thoat_2_voi_cau_bao(tmp_path, docx, capsys, ten, tao, cau_bao):
    tep = tao(docx, tmp_path / f"{ten}.docx")
    bat_dau = time.perf_counter()
    assert cli.main(["check", str(tep)]) == 2
    assert time.perf_counter() - bat_dau < 5
    ra = capsys.readouterr()
    assert ra.out == ""
    assert ra.err.startswith("Lỗi: ") and cau_bao in ra.err, ra.err
    assert "Traceback" not in ra.err and len(ra.err.splitlines()) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root đọc được mọi tệp")
def test_khong_co_quyen_doc(tmp_path, docx, capsys):
    tep = _chep(docx, tmp_path / "khoa.docx")
    tep.chmod(0)
    assert cli.main(["check", str(tep)]) == 2
    assert "Không có quyền đọc tệp" in capsys.readouterr().err


def test_loi_doc_tep_khi_goi_tu_thu_vien(tmp_path):
    """kiem_tra() (giao diện và lệnh render cũng gọi) chỉ ném LoiDocTep."""
    tep = tmp_path / "x.docx"
    tep.write_bytes(b"")
    with pytest.raises(LoiDocTep, match="rỗng"):
        kiem_tra(tep)


# ---------------------------------------------------------------- tệp lạ nhưng đọc được

_STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main":
        b"http://purl.oclc.org/ooxml/drawingml/main",
}


def _ket_qua(tep: Path) -> dict[str, tuple[str, str]]:
    return {k.ma: (k.muc.value, k.chi_tiet) for k in kiem_tra(tep).ket_qua}


def test_strict_ooxml_doc_nhu_ban_thuong(tmp_path, docx):
    """Word «Lưu thành… Strict Open XML Document»: không gian tên purl.oclc.org."""
    thay = {}
    with zipfile.ZipFile(docx) as z:
        for ten in z.namelist():
            du_lieu = z.read(ten)
            for cu, moi in _STRICT.items():
                du_lieu = du_lieu.replace(cu, moi)
            thay[ten] = du_lieu
    strict = _chep(docx, tmp_path / "strict.docx", thay)
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read(D)
    assert _ket_qua(strict) == _ket_qua(docx)
