"""Sinh trang docs/quy-tac-nd30.md từ danh mục quy tắc (drafter/nd30.py).

    python -m drafter.danh_muc_nd30          # ghi lại docs/quy-tac-nd30.md (make quy-tac)

Trang trong kho phải đúng bằng trang sinh ra (tests/test_nd30.py kiểm): sửa quy tắc thì
sinh lại trang trong cùng lần sửa.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter import nd30

TRANG = Path(__file__).resolve().parent.parent / "docs" / "quy-tac-nd30.md"


def _o(chu: str) -> str:
    """Chữ đặt được trong một ô bảng Markdown."""
    return chu.replace("|", "\\|").replace("\n", " ")


def _gia_tri(qt: nd30.QuyTac, cot: str) -> str:
    if not qt.gia_tri:
        return ""
    if cot == "ghi":
        return "<br>".join(f"{g.ten}: {g.mo_ta_ghi()}" for g in qt.gia_tri)
    return "<br>".join(f"{g.ten}: {g.mo_ta_cho_phep()}" for g in qt.gia_tri)


def thanh_markdown() -> str:
    dong = [
        "# Quy tắc thể thức NĐ 30/2020/NĐ-CP trong drafter",
        "",
        "<!-- Trang sinh từ drafter/nd30.py bằng `python -m drafter.danh_muc_nd30` "
        "(make quy-tac); đừng sửa tay. -->",
        "",
        "Mỗi quy tắc có một chỗ duy nhất trong `drafter/nd30.py`: bộ ghi .docx lấy giá trị "
        "ở cột «Bộ ghi dùng», `drafter check` lấy giới hạn ở cột «Bộ kiểm tra chấp nhận» và in "
        "số, tên quy tắc ở hai cột đầu. Số 0 là kiểm tra ngoài thể thức (số liệu, bảng).",
        "",
        "Nguồn: «Phụ lục I, mục II.5.b» là Phần I của Phụ lục I Nghị định 30/2020/NĐ-CP, mục "
        "II, khoản 5, điểm b; «Phụ lục III» là phụ lục chữ viết tắt và mẫu trình bày. Mức: "
        "*bắt buộc* — lời văn của Nghị định; *theo mẫu* — chỉ thấy ở mẫu trình bày (sai là "
        "Cảnh báo hoặc như ghi chú); *thông lệ* — cách làm phổ biến, Nghị định không nói.",
        "",
        "| Số | Mã | Quy tắc | Yêu cầu | Bộ ghi dùng | Bộ kiểm tra chấp nhận | Mức | Nguồn |",
        "|---:|---|---|---|---|---|---|---|",
    ]
    for qt in nd30.CAC_QUY_TAC:
        yeu_cau = qt.yeu_cau + (f" *{qt.ghi_chu}*" if qt.ghi_chu else "")
        if not qt.kiem:
            yeu_cau += " *(drafter check chưa kiểm riêng.)*"
        dong.append("| " + " | ".join(_o(x) for x in (
            str(qt.so), f"`{qt.ma}`", qt.ten, yeu_cau, _gia_tri(qt, "ghi"),
            _gia_tri(qt, "kiem"), qt.muc_do.nhan, qt.nguon)) + " |")
    dong += [
        "",
        "## Tên loại và chữ viết tắt (Phụ lục III, mục I)",
        "",
        "| Tên loại | Viết tắt |",
        "|---|---|",
        *(f"| {ten} | {ma} |" for ten, ma in nd30.MA_TEN_LOAI.items()),
        "",
        f"Bản sao: {', '.join(nd30.MA_BAN_SAO)}. Tên loại dài («BÁO CÁO TÌNH HÌNH …») dùng "
        "chữ viết tắt của tên loại đứng đầu.",
        "",
    ]
    return "\n".join(dong)


def main() -> int:
    TRANG.parent.mkdir(exist_ok=True)
    TRANG.write_text(thanh_markdown(), encoding="utf-8")
    print(f"đã ghi {TRANG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
