"""Lưu gọn phiên bản báo cáo: văn bản JSON nén zlib, hoặc chỉ phần khác so với một bản khác.

Báo cáo JSON ~70 KB; giữa hai lần lưu thường chỉ vài đoạn văn đổi. Một phiên bản lưu dạng
khác biệt (delta) là danh sách thao tác dựng lại văn bản từ văn bản gốc: chép một dãy mảnh của
gốc, hoặc chèn mảnh mới. Văn bản được cắt thành mảnh ở mỗi `,"` (ranh giới phần tử JSON: một
đoạn văn, một trường của chỉ tiêu là một mảnh) rồi ghép lại bằng đúng chuỗi đó, nên luôn ra đúng
văn bản ban đầu, kể cả khi `,"` nằm cuối một chuỗi ("…,") chứ không phải ranh giới.

Mỗi bản khác biệt mang CRC-32 của kết quả: dựng sai (dữ liệu hỏng) thì báo lỗi, không âm thầm
trả về nội dung khác.
"""

from __future__ import annotations

import json
import zlib
from difflib import SequenceMatcher

_RANH_GIOI = ',"'  # str.split nhanh hơn cắt bằng biểu thức chính quy ~8 lần
MUC_DO_NEN = 6  # mức 9 chỉ gọn hơn ~1 % mà chậm gấp đôi


class DeltaError(ValueError):
    """Dữ liệu phiên bản không giải được (hỏng, hoặc do bản drafter khác ghi)."""


def compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), MUC_DO_NEN)


def decompress(blob: bytes) -> str:
    try:
        return zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as loi:
        raise DeltaError(f"dữ liệu nén hỏng ({loi})") from loi


def _pieces(text: str) -> list[str]:
    return text.split(_RANH_GIOI)


def make_delta(base: str, target: str) -> bytes:
    """Thao tác dựng các mảnh của `target` từ mảnh của `base`, nén:
    [i, j] = chép mảnh i…j-1 của base; ["chữ", …] = chèn các mảnh này."""
    a, b = _pieces(base), _pieces(target)
    # Cắt phần đầu, phần cuối chung trước: sửa một chỗ thì SequenceMatcher chỉ xét phần giữa.
    dau = 0
    while dau < min(len(a), len(b)) and a[dau] == b[dau]:
        dau += 1
    cuoi = 0
    while cuoi < min(len(a), len(b)) - dau and a[-1 - cuoi] == b[-1 - cuoi]:
        cuoi += 1
    ops: list[list[int] | list[str]] = []
    if dau:
        ops.append([0, dau])
    giua_a, giua_b = a[dau:len(a) - cuoi], b[dau:len(b) - cuoi]
    # autojunk: các mảnh lặp rất nhiều lần ('"ke_hoach":null,') không làm mốc so khớp — nhanh
    # gấp ~7 lần; bản khác biệt có thể dài hơn chút nhưng vẫn dựng đúng.
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, giua_a, giua_b).get_opcodes():
        if tag == "equal":
            ops.append([dau + i1, dau + i2])
        elif j2 > j1:
            ops.append(giua_b[j1:j2])
    if cuoi:
        ops.append([len(a) - cuoi, len(a)])
    thuc_hien = {"crc": zlib.crc32(target.encode("utf-8")), "ops": ops}
    return compress(json.dumps(thuc_hien, ensure_ascii=False, separators=(",", ":")))


def apply_delta(base: str, delta: bytes) -> str:
    try:
        thuc_hien = json.loads(decompress(delta))
        a = _pieces(base)
        manh: list[str] = []
        for op in thuc_hien["ops"]:
            manh += a[op[0]:op[1]] if isinstance(op[0], int) else op
        ra = _RANH_GIOI.join(manh)
        crc = thuc_hien["crc"]
    except (ValueError, KeyError, TypeError, IndexError) as loi:
        raise DeltaError(f"bản khác biệt hỏng ({loi})") from loi
    if zlib.crc32(ra.encode("utf-8")) != crc:
        raise DeltaError("bản khác biệt không khớp với bản gốc (sai CRC)")
    return ra
