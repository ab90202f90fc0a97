"""Bộ ghi .docx đúng thể thức NĐ 30/2020/NĐ-CP từ một VanBan.

    tai_lieu = tao_tai_lieu(van_ban)       # docx.Document trong bộ nhớ
    ghi_tep(van_ban, Path("BC.docx"))       # ghi trọn vẹn hoặc không ghi gì
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from drafter.ghi_docx.chu_thich import BoChuThich
from drafter.ghi_docx.cuoi import viet_cau_ket, viet_noi_nhan_chu_ky
from drafter.ghi_docx.dau import viet_phan_dau
from drafter.ghi_docx.kieu_chu import thiet_lap_kieu
from drafter.ghi_docx.than import VietThan
from drafter.ghi_docx.trang import thiet_lap_trang
from drafter.ghi_tep import ghi_nguyen_tu
from drafter.van_ban import VanBan

__all__ = ["ghi_tep", "tao_tai_lieu", "thanh_bytes"]


def tao_tai_lieu(van_ban: VanBan) -> Document:
    tai_lieu = docx.Document()
    _bo_phan_thua(tai_lieu)
    _bo_kieu_khong_dung(tai_lieu)
    thiet_lap_kieu(tai_lieu)
    thiet_lap_trang(tai_lieu)
    # Mẫu mặc định có sẵn một đoạn trống ở đầu thân: bỏ để bảng phần đầu đứng đầu trang.
    for p in list(tai_lieu.element.body.iterchildren("{*}p")):
        tai_lieu.element.body.remove(p)

    viet_phan_dau(tai_lieu, van_ban.dau)
    VietThan(tai_lieu, BoChuThich(tai_lieu)).viet(van_ban)
    viet_cau_ket(tai_lieu, van_ban)
    viet_noi_nhan_chu_ky(tai_lieu, van_ban)
    _thuoc_tinh(tai_lieu, van_ban)
    return tai_lieu


def thanh_bytes(van_ban: VanBan) -> bytes:
    buffer = io.BytesIO()
    tao_tai_lieu(van_ban).save(buffer)
    return buffer.getvalue()


def ghi_tep(van_ban: VanBan, duong_dan: Path) -> Path:
    """Dựng xong toàn bộ trong bộ nhớ rồi mới ghi: lỗi giữa chừng không để lại tệp dở."""
    return ghi_nguyen_tu(Path(duong_dan), thanh_bytes(van_ban))


# Kiểu của mẫu python-docx mà văn bản còn dùng: kiểu mặc định (w:default), bảng lưới, đầu /
# chân trang, và các kiểu danh sách numbering.xml của mẫu trỏ tới. Khoảng 160 kiểu còn lại
# (Heading, Title, Quote, các kiểu bảng màu…) không bao giờ dùng: bỏ đi thì styles.xml từ
# 337 KB còn vài KB, mỗi lần ghi, nén, kiểm tra thể thức đều nhanh hơn.
_KIEU_GIU = frozenset({"TableGrid", "Header", "HeaderChar", "Footer", "FooterChar",
                       "ListBullet", "ListBullet2", "ListBullet3", "ListNumber", "ListNumber2",
                       "ListNumber3", "ListParagraph"})


def _bo_kieu_khong_dung(tai_lieu: Document) -> None:
    from docx.oxml.ns import qn

    styles = tai_lieu.styles.element
    theo_ma = {k.get(qn("w:styleId")): k for k in styles.iterchildren(qn("w:style"))}
    giu = {ma for ma, k in theo_ma.items() if k.get(qn("w:default")) in ("1", "true")}
    giu |= _KIEU_GIU & theo_ma.keys()
    cho = list(giu)
    while cho:  # kiểu dựa trên / kiểu kế tiếp / kiểu liên kết của kiểu giữ cũng giữ
        k = theo_ma[cho.pop()]
        for the in ("w:basedOn", "w:next", "w:link"):
            ref = k.find(qn(the))
            ma = ref.get(qn("w:val")) if ref is not None else None
            if ma in theo_ma and ma not in giu:
                giu.add(ma)
                cho.append(ma)
    for ma, k in theo_ma.items():
        if ma not in giu:
            styles.remove(k)


def _bo_phan_thua(tai_lieu: Document) -> None:
    """Bỏ ảnh thu nhỏ và stylesWithEffects của mẫu python-docx (phông theme, ảnh mẫu lạ)."""
    for rid, rel in list(tai_lieu.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            tai_lieu.part.drop_rel(rid)
    goi_rels = tai_lieu.part.package.rels
    for rid, rel in list(goi_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del goi_rels[rid]


def _thuoc_tinh(tai_lieu: Document, van_ban: VanBan) -> None:
    tt = tai_lieu.core_properties
    dau = van_ban.dau
    tt.title = " ".join(x for x in (dau.ten_loai, dau.trich_yeu) if x).replace("\n", " ")[:250]
    tt.author = " ".join(van_ban.dau.co_quan_ban_hanh)
    tt.last_modified_by = tt.author
    tt.language = "vi-VN"
    tt.comments = ""
    tt.keywords = ""
    tt.subject = ""
    tt.category = ""
    tt.revision = 1
    bay_gio = datetime.now().replace(microsecond=0)
    tt.created = bay_gio
    tt.modified = bay_gio
