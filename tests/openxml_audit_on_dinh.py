"""openxml-audit 0.8.0 nhớ giá trị tham chiếu giữa các phần (mã chú thích trong footnotes.xml…)
theo id() của gói đang kiểm. Gói kiểm xong bị thu hồi thì gói kiểm sau có thể nhận lại đúng id
đó và dùng giá trị của tệp trước: «footnoteReference id 4 không có trong FootnotesPart» khi tệp
trước chỉ có ba chú thích. Lỗi giả này lúc có lúc không, tùy bộ nhớ. Ở đây khóa nhớ được đổi sang
một số thứ tự riêng của mỗi gói; conftest.py nhập module này cho mọi kiểm thử dùng
openxml_validator."""

from __future__ import annotations

import itertools

from openxml_audit.semantic.constraints import cross_part

_SO = itertools.count(1)
_KHOA_GOC = cross_part._cache_key


def _khoa(context, part_path: str, part_uris: list[str]) -> tuple[int, str]:
    goi = context.package
    so = getattr(goi, "_so_kiem_thu", None)
    if so is None:
        so = next(_SO)
        goi._so_kiem_thu = so
    return (so, _KHOA_GOC(context, part_path, part_uris)[1])


cross_part._cache_key = _khoa
