"""Dịch lỗi kiểm tra dữ liệu của pydantic sang câu tiếng Việt, chỉ rõ trường bị lỗi."""

from __future__ import annotations

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
    "tieu_de_muc": "tiêu đề mục", "cach_viet": "cách viết",
    "doan_chep": "đoạn chép từ kỳ trước", "so_lieu_chep": "số giữ từ kỳ trước",
    "nhiem_vu_ky_truoc": "nhiệm vụ kỳ trước", "trang_thai": "trạng thái", "ket_qua": "kết quả",
    "to_sang": "tô sáng",
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
