"""Chú thích cuối trang thật của Word (phần footnotes.xml), không phải chữ số nhỏ giả.

python-docx chưa có API chú thích: ta tự tạo phần footnotes với hai chú thích ngăn cách
(separator, continuationSeparator) rồi thêm từng chú thích theo thứ tự xuất hiện. Word tự
đánh số hiển thị theo thứ tự đó, nên chú thích trong bảng hay trong thân đều liền mạch.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from drafter.ghi_docx import kieu_chu
from drafter.ghi_docx.luoc_do import con

_KHUNG = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class BoChuThich:
    """Giữ phần footnotes.xml của một tài liệu và cấp số chú thích tiếp theo."""

    def __init__(self, tai_lieu: Document) -> None:
        self._phan = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                             parse_xml(_KHUNG), tai_lieu.part.package)
        tai_lieu.part.relate_to(self._phan, RT.FOOTNOTES)
        self._so = 0

    def them(self, doan_van: Paragraph, so_doan: int = 1) -> list[Paragraph]:
        """Đặt dấu chú thích vào cuối `doan_van`; trả về `so_doan` đoạn (kiểu FootnoteText) của
        chú thích để ghi nội dung, đoạn đầu đã bắt đầu bằng số chú thích tự động."""
        self._so += 1
        ma = str(self._so)

        # Dấu chú thích trong thân văn bản.
        r = doan_van._p.add_r()
        con(r.get_or_add_rPr(), "w:rStyle", val=kieu_chu.THAM_CHIEU_CHU_THICH)
        SubElement(r, qn("w:footnoteReference")).set(qn("w:id"), ma)

        # Mỗi đoạn của chú thích là một w:p thật (không xuống dòng tay trong chữ căn đều).
        fn = OxmlElement("w:footnote")
        fn.set(qn("w:id"), ma)
        ra: list[Paragraph] = []
        for i in range(max(so_doan, 1)):
            p = cast(CT_P, OxmlElement("w:p"))  # python-docx dựng w:p bằng lớp CT_P
            con(p.get_or_add_pPr(), "w:pStyle", val=kieu_chu.CHU_THICH)
            if i == 0:
                r_so = p.add_r()
                con(r_so.get_or_add_rPr(), "w:rStyle", val=kieu_chu.THAM_CHIEU_CHU_THICH)
                SubElement(r_so, qn("w:footnoteRef"))
                p.add_r().text = " "
            fn.append(p)
            ra.append(Paragraph(p, doan_van._parent))
        self._phan.element.append(fn)
        return ra
