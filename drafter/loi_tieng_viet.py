"""Dịch lỗi kiểm tra dữ liệu của pydantic sang câu tiếng Việt, chỉ rõ trường bị lỗi."""

from __future__ import annotations

import errno
import re
from typing import TYPE_CHECKING

from pydantic import ValidationError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# Tên hiển thị của các trường trong tệp báo cáo.
TEN_TRUONG = {
    "dau": "phần đầu", "co_quan_chu_quan": "cơ quan chủ quản",
    "co_quan_ban_hanh": "cơ quan ban hành", "so": "số văn bản", "ky_hieu": "ký hiệu",
    "dia_danh": "địa danh", "ngay": "ngày ban hành", "nam": "năm", "ten_loai": "tên loại",
    "trich_yeu": "trích yếu", "dong_duoi_trich_yeu": "dòng dưới trích yếu", "can_cu": "căn cứ",
    "kinh_gui": "kính gửi", "danh_so": "sơ đồ đánh số", "noi_dung": "nội dung",
    "tieu_de": "tiêu đề", "cap": "cấp đề mục", "hang": "hàng", "chu": "chữ",
    "chu_thich": "chú thích", "dau_dong": "dấu đầu dòng", "cau_ket": "câu kết",
    "noi_nhan": "nơi nhận", "luu": "dòng Lưu", "chu_ky": "chữ ký", "quyen_han": "quyền hạn ký",
    "co_quan_hoac_chuc_vu": "cơ quan hoặc chức vụ ký", "chuc_vu": "chức vụ",
    "ho_ten": "họ tên người ký", "phien_ban": "phiên bản tệp", "loai": "loại",
    "dam": "chữ đậm", "nghieng": "chữ nghiêng", "do_rong_cot_cm": "độ rộng cột",
    "co_tieu_de": "hàng tiêu đề", "can_giua": "căn giữa",
    "bieu_mau": "biểu mẫu", "ky": "kỳ báo cáo", "xa": "tên xã", "so_lieu": "số liệu",
    "van_ban": "đoạn văn", "gia_tri": "số liệu", "mau_so": "mẫu số", "ke_hoach": "kế hoạch",
    "cung_ky": "cùng kỳ", "ky_truoc": "kỳ trước", "du_toan_huyen": "dự toán huyện giao",
    "du_toan_xa": "dự toán xã giao", "phan_con": "chi tiết", "ten": "tên",
    "tieu_de_muc": "tiêu đề mục", "cach_viet": "cách viết",
    "doan_chep": "đoạn chép từ kỳ trước", "so_lieu_chep": "số giữ từ kỳ trước",
    "nhiem_vu_ky_truoc": "nhiệm vụ kỳ trước", "trang_thai": "trạng thái", "ket_qua": "kết quả",
    "to_sang": "tô sáng",
}
_BO_QUA = {"muc", "doan", "bang", "chu", "chu_thich", "function-after[_chuan_hoa(), str]"}


# Nhãn nội bộ pydantic gắn vào vị trí lỗi khi một trường nhận nhiều kiểu (str | int | float…).
_NHAN_KIEU = {"str", "int", "float", "bool", "none", "date", "list", "dict", "decimal"}
_NHAN_HAM = re.compile(r"^[a-z-]+\[.*\]$")  # "function-after[_chuan_hoa(), str]", "list[…]"


def _la_nhan_noi_bo(loc: tuple[str | int, ...], i: int) -> bool:
    k = loc[i]
    if i == 0 or not isinstance(k, str):
        return False
    if k in _NHAN_KIEU or _NHAN_HAM.match(k):
        return True
    # Nhãn của union có phân biệt ("muc", "doan", "chu"…) đứng ngay sau số thứ tự phần tử.
    return k in _BO_QUA and isinstance(loc[i - 1], int)


def vi_tri(loc: tuple[str | int, ...]) -> str:
    """("noi_dung", 1, "muc", "tieu_de") → "nội dung › mục thứ 2 › tiêu đề"."""
    phan: list[str] = []
    for i, k in enumerate(loc):
        if isinstance(k, int):
            phan.append(f"mục thứ {k + 1}")
        elif _la_nhan_noi_bo(loc, i):
            continue  # nhãn nội bộ của union, không có nghĩa với người dùng
        else:
            phan.append(TEN_TRUONG.get(k, k))
    return " › ".join(phan) or "tệp"


_TEN_KIEU = {
    "string_type": "chữ (trong ngoặc kép)", "int_type": "số nguyên", "float_type": "số",
    "bool_type": "true/false", "list_type": "danh sách [ … ]", "dict_type": "nhóm { … }",
    "model_type": "nhóm { … }", "model_attributes_type": "nhóm { … }", "none_required": "null",
    "date_type": "ngày", "decimal_type": "số",
}


def mo_ta(loi: ErrorDetails) -> str:
    """Câu tiếng Việt cho một lỗi pydantic, chọn theo mã lỗi (không bao giờ là câu tiếng Anh)."""
    kieu = loi["type"]
    ctx = loi.get("ctx") or {}
    match kieu:
        case "missing":
            return "còn thiếu, bắt buộc phải có"
        case "string_type":
            return "phải là chữ (đặt trong dấu ngoặc kép)"
        case "string_unicode":
            return "có byte không phải chữ Unicode hợp lệ"
        case "string_too_short":
            return "không được để trống"
        case "string_too_long":
            return f"quá dài (tối đa {ctx.get('max_length', '')} ký tự)"
        case "string_pattern_mismatch":
            return "viết không đúng dạng"
        case "extra_forbidden":
            return "không phải là trường chương trình biết (gõ nhầm tên trường?)"
        case "literal_error" | "enum":
            return f"phải là một trong các giá trị: {_cac_gia_tri(ctx.get('expected', ''))}"
        case "list_type" | "tuple_type" | "set_type" | "iterable_type":
            return "phải là một danh sách [ … ]"
        case "dict_type" | "model_type" | "model_attributes_type" | "mapping_type":
            return "phải là một nhóm { … }"
        case "invalid_key":
            return "tên trường phải là chữ"
        case "int_type" | "int_parsing" | "int_from_float":
            return "phải là số nguyên"
        case "int_parsing_size":
            return "là số quá nhiều chữ số"
        case "float_type" | "float_parsing" | "decimal_type" | "decimal_parsing":
            return "phải là số"
        case "finite_number":
            return "phải là số thật (NaN, Infinity không phải là số)"
        case "bool_type" | "bool_parsing":
            return "phải là true hoặc false"
        case "none_required":
            return "phải để trống (null)"
        case ("date_type" | "date_parsing" | "date_from_datetime_parsing"
              | "date_from_datetime_inexact" | "datetime_type" | "datetime_parsing"):
            return "phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2024-04-15"
        case "too_short":
            return "không được để trống"
        case "too_long":
            return f"quá dài (tối đa {ctx.get('max_length', '')} phần tử)"
        case "greater_than":
            return f"phải lớn hơn {_so(ctx.get('gt'))}"
        case "greater_than_equal":
            return f"phải lớn hơn hoặc bằng {_so(ctx.get('ge'))}"
        case "less_than":
            return f"phải nhỏ hơn {_so(ctx.get('lt'))}"
        case "less_than_equal":
            return f"phải nhỏ hơn hoặc bằng {_so(ctx.get('le'))}"
        case "multiple_of":
            return f"phải là bội số của {_so(ctx.get('multiple_of'))}"
        case "union_tag_invalid" | "union_tag_not_found":
            return "loại phải là \"muc\", \"doan\" hoặc \"bang\""
        case "recursion_loop" | "recursion_depth_exceeded":
            return "lồng nhau quá sâu"
        case "json_invalid" | "json_type":
            return "không phải JSON hợp lệ"
        case "value_error" | "assertion_error":
            # Câu của các hàm kiểm tra trong drafter, vốn đã là tiếng Việt.
            thong_diep = str(ctx.get("error", ""))
            return thong_diep.removeprefix("Value error, ") or "giá trị không hợp lệ"
    return "giá trị không hợp lệ"


def _so(x: object) -> str:
    # Giới hạn trong lược đồ (0.5, 40.0) viết kiểu Việt: 0,5; 40.
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).replace(".", ",")


def _cac_gia_tri(expected: str) -> str:
    # "'a', 'b' or 'c'" (câu của pydantic) → "'a', 'b', 'c'".
    return str(expected).replace("' or '", "', '")


def cac_loi(loi: ValidationError) -> list[str]:
    """Mỗi lỗi một dòng: "<vị trí>: <vấn đề>".

    Một trường nhận nhiều kiểu (số liệu: chữ, số hoặc true/false) sai thì pydantic báo một lỗi
    cho mỗi kiểu; gộp lại thành một câu "phải là chữ, số hoặc true/false".
    """
    nhom: dict[str, list[ErrorDetails]] = {}
    for e in loi.errors(include_url=False):
        nhom.setdefault(vi_tri(e["loc"]), []).append(e)
    ra: list[str] = []
    for noi, cac in nhom.items():
        kieu = [_TEN_KIEU[e["type"]] for e in cac if e["type"] in _TEN_KIEU]
        if len(cac) > 1 and len(kieu) == len(cac):
            ten = list(dict.fromkeys(kieu))
            if "số" in ten and "số nguyên" in ten:
                ten.remove("số nguyên")  # "chữ, số nguyên hoặc số" → "chữ hoặc số"
            ra.append(f"{noi}: phải là {', '.join(ten[:-1])} hoặc {ten[-1]}" if len(ten) > 1
                      else f"{noi}: phải là {ten[0]}")
            continue
        ra.extend(dict.fromkeys(f"{noi}: {mo_ta(e)}" for e in cac))
    return ra


# ---------------------------------------------------------------- lỗi hệ điều hành

# Mã lỗi Windows (winerror) không có errno tương ứng rõ ràng.
_DANG_MO = "tệp đang mở trong Word hoặc chương trình khác: hãy đóng rồi xuất lại"
_WINERROR = {
    # Word giữ tệp đang mở: ghi đè bị từ chối với mã 32 (chia sẻ), 33 (khóa) hoặc 5.
    5: _DANG_MO + " (hoặc thư mục không cho ghi: chọn thư mục khác)",
    32: _DANG_MO,
    33: _DANG_MO,
    19: "ổ đĩa đang chống ghi: hãy chọn ổ hoặc thư mục khác",
    21: "ổ đĩa chưa sẵn sàng (USB đã rút?): cắm lại hoặc chọn thư mục khác",
    53: "không tới được máy chủ của thư mục mạng: kiểm tra mạng hoặc chọn thư mục trên máy",
    67: "không tới được thư mục mạng: kiểm tra mạng hoặc chọn thư mục trên máy",
    123: "tên tệp hoặc thư mục có ký tự Windows không cho phép (: * ? \" < > |)",
    206: "đường dẫn quá dài: hãy chọn thư mục ngắn hơn hoặc tên tệp ngắn hơn",
    225: "phần mềm diệt virus đã chặn tệp này",
    226: "phần mềm diệt virus đã chặn tệp này",
    1224: _DANG_MO,
}
_ERRNO = {
    errno.EACCES: "không có quyền (tệp chỉ đọc, đang mở ở chương trình khác, hoặc thư mục "
                  "không cho ghi): hãy đóng tệp hoặc chọn thư mục khác",
    errno.EPERM: "hệ điều hành không cho phép thao tác này: hãy chọn thư mục khác",
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EEXIST: "tệp đã có",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOSPC: "ổ đĩa đã đầy: hãy xóa bớt tệp hoặc chọn ổ khác",
    errno.EROFS: "ổ đĩa chỉ cho đọc (đĩa CD, USB khóa ghi…): hãy chọn thư mục khác",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài: hãy chọn tên hoặc thư mục ngắn hơn",
    errno.EINVAL: "tên tệp hoặc đường dẫn không hợp lệ",
    errno.EBUSY: "tệp đang được chương trình khác dùng: hãy đóng rồi thử lại",
    errno.EIO: "lỗi đọc/ghi ổ đĩa: thử lại, hoặc chép sang ổ khác",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc: hãy đóng bớt chương trình rồi thử lại",
    errno.ELOOP: "đường dẫn có liên kết vòng",
    errno.EXDEV: "không chuyển được tệp giữa hai ổ đĩa",
    errno.EFBIG: "tệp quá lớn",
}
for _ten, _cau in (("EDQUOT", "đã hết dung lượng được cấp trên ổ đĩa: hãy xóa bớt tệp"),
                   ("ETXTBSY", "tệp đang được chương trình khác dùng: hãy đóng rồi thử lại"),
                   ("ENOTEMPTY", "thư mục không trống")):
    if hasattr(errno, _ten):
        _ERRNO[getattr(errno, _ten)] = _cau


def ly_do_loi_os(loi: OSError) -> str:
    """Lý do của một OSError bằng tiếng Việt, theo mã lỗi (winerror trước, rồi errno) chứ không
    theo câu chữ của hệ điều hành ("Permission denied" không bao giờ đến tay người dùng)."""
    win = getattr(loi, "winerror", None)
    if win in _WINERROR:
        return _WINERROR[win]
    if loi.errno in _ERRNO:
        return _ERRNO[loi.errno]
    if isinstance(loi, PermissionError):
        return _ERRNO[errno.EACCES]
    ma = win or loi.errno
    return f"lỗi hệ điều hành (mã {ma})" if ma else "lỗi hệ điều hành"


def cau_loi_os(loi: OSError, viec: str, tep: object | None = None) -> str:
    """"Không ghi được BC.docx: ổ đĩa đã đầy: hãy xóa bớt tệp hoặc chọn ổ khác."

    `viec` là việc đang làm ("Không ghi được", "Không đọc được"); `tep` mặc định là tệp mà
    hệ điều hành nêu trong lỗi.
    """
    ten = tep if tep is not None else loi.filename
    return f"{viec} {ten}: {ly_do_loi_os(loi)}." if ten else f"{viec}: {ly_do_loi_os(loi)}."
