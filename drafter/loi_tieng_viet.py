"""Dịch lỗi kiểm tra dữ liệu của pydantic sang câu tiếng Việt, chỉ rõ trường bị lỗi."""

from __future__ import annotations

import errno

from pydantic import ValidationError

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
    "tieu_de_muc": "tiêu đề mục", "cach_viet": "cách viết", "can_xem_lai": "cần xem lại",
}
_BO_QUA = {"muc", "doan", "bang", "chu", "chu_thich", "function-after[_chuan_hoa(), str]"}


def vi_tri(loc: tuple[str | int, ...]) -> str:
    """("noi_dung", 1, "muc", "tieu_de") → "nội dung › mục thứ 2 › tiêu đề"."""
    phan: list[str] = []
    for i, k in enumerate(loc):
        if isinstance(k, int):
            phan.append(f"mục thứ {k + 1}")
        elif k in _BO_QUA and i > 0:
            continue  # nhãn nội bộ của union, không có nghĩa với người dùng
        else:
            phan.append(TEN_TRUONG.get(k, k))
    return " › ".join(phan) or "tệp"


def mo_ta(loi: dict) -> str:
    kieu = loi["type"]
    ctx = loi.get("ctx") or {}
    match kieu:
        case "missing":
            return "còn thiếu, bắt buộc phải có"
        case "string_type":
            return "phải là chữ (đặt trong dấu ngoặc kép)"
        case "extra_forbidden":
            return "không phải là trường chương trình biết (gõ nhầm tên trường?)"
        case "literal_error":
            return f"phải là một trong các giá trị: {ctx.get('expected', '')}"
        case "list_type":
            return "phải là một danh sách [ … ]"
        case "dict_type" | "model_type" | "model_attributes_type":
            return "phải là một nhóm { … }"
        case "int_type" | "int_parsing" | "int_from_float":
            return "phải là số nguyên"
        case "bool_type" | "bool_parsing":
            return "phải là true hoặc false"
        case ("date_type" | "date_parsing" | "date_from_datetime_parsing"
              | "date_from_datetime_inexact"):
            return "phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2024-04-15"
        case "too_short":
            return "không được để trống"
        case "too_long":
            return f"quá dài (tối đa {ctx.get('max_length', '')} phần tử)"
        case "greater_than_equal":
            return f"phải lớn hơn hoặc bằng {ctx.get('ge')}"
        case "less_than_equal":
            return f"phải nhỏ hơn hoặc bằng {ctx.get('le')}"
        case "union_tag_invalid" | "union_tag_not_found":
            return "loại phải là \"muc\", \"doan\" hoặc \"bang\""
        case "value_error" | "assertion_error":
            thong_diep = str(ctx.get("error", loi.get("msg", "")))
            return thong_diep.removeprefix("Value error, ")
    return loi.get("msg", kieu)


def cac_loi(loi: ValidationError) -> list[str]:
    """Mỗi lỗi một dòng: "<vị trí>: <vấn đề>"."""
    return [f"{vi_tri(e['loc'])}: {mo_ta(e)}" for e in loi.errors(include_url=False)]


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
