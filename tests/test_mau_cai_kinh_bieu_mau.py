"""Báo cáo mẫu Cai Kinh quý I/2024 dưới dạng dữ liệu biểu mẫu (số liệu + lời văn).

Nó phải cho ra đúng văn bản của bản mẫu dựng sẵn (sample_data/van-ban-…json), trừ những chỗ số
liệu do chương trình tính đã sửa lỗi số học của bản gốc — liệt kê ở README.
"""

from __future__ import annotations

import pytest

from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.du_lieu import doc_bao_cao
from drafter.bieu_mau.dung_van_ban import dung
from drafter.bieu_mau.kiem_tra_so_lieu import kiem_tra as kiem_tra_so_lieu
from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra import MucDoDat, kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tai_nguyen import tep_mau

TEP = "bao-cao-cai-kinh-quy-I-2024.json"

# Các câu số liệu phải có trong văn bản (cách viết của báo cáo mẫu, số do chương trình tính).
CAU_MONG_DOI = [
    "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha, đạt 96,1% KH, bằng 110% so với cùng kỳ",
    "Trồng được 93 ha (trong đó: Lúa xuân cấy được 53 ha, đạt 100% KH, bằng 103,9% so với cùng "
    "kỳ; Ngô xuân trồng ước 40 ha)",
    "Lũy kế đàn trâu 318 con, đàn bò 31 con; tổng đàn lợn là 205 con, đàn gia cầm 17.700 con",
    "phun tiêu độc khử trùng được 8/8 thôn, với 36 lít thuốc, phun được 425 hộ, tổng diện tích "
    "phun 6.700 m²",
    "ước trồng rừng được 31 ha, đạt 64,6% KH, bằng 110,7% so với cùng kỳ",
    "khai thác gỗ và lâm sản với tổng diện tích 15 ha, trong đó khối lượng gỗ khai thác rừng trồng "
    "là 900 m³",
    "Trồng mới cây ăn quả được 12 ha, đạt 80% KH",
    "Phát quang dọc hai bên đường 29,2 km đường nông thôn. Tổng số công huy động là 551 công",
    "đã đạt được 06/19 tiêu chí, đạt 31,58%. Còn lại 13/19 Tiêu chí chưa đạt chiếm 68,42%",
    "tổng chiều dài các tuyến đường tại các thôn là 2.673 m",
    "Thu ngân sách được là 100.791.000 đồng, đạt 53,6% dự toán huyện giao, đạt 48,7% dự toán xã "
    "giao. Chi ngân sách được 1.312.259.000 đồng, đạt 24,3% dự toán huyện giao;",
    "Tổng kế hoạch vốn đầu tư là 36 triệu đồng",
    "Dự án tuyến đường giao thông trục xã là 7,4 tỷ đồng (trong đó: Nguồn vốn của tỉnh là 4,9 tỷ "
    "đồng; Nguồn vốn của huyện là 2,5 tỷ đồng);",
    "bị ảnh hưởng bởi dự là 48 hộ trong đó tổ chức kiểm đếm xong đối với 47 hộ; còn vướng 01 hộ",
    "Tiếp nhận là 33 hồ sơ (gồm có Tách thửa 02; Chuyển mục đích 05; đính chính 09; gia hạn 09; "
    "Đăng ký lần đầu 04; Tặng cho 04)",
    "Trường mầm non huy động ra nhà trẻ 56/136= 41,2%; mẫu giáo 232/234= 99,1% huy động trẻ ra "
    "lớp 47/58 = 81%; mẫu giáo 224/228= 98,2%",
    "Kết quả kiểm tra 08/08 cơ sở thức ăn đường phố; 9/11 cửa hàng tạp hóa",
    "Tổng số sinh 15 trẻ (05 trẻ nữ; 10 trẻ nam); Sinh con thứ 3 là 04 trẻ",
    "với tổng số 366 suất quà, trị giá 160.526.000 đồng (trong đó: Huy động tại địa phương được "
    "285 suất; Quà của cấp trên là 81 suất",
    "Đề nghị cấp thẻ BHYT cho hộ nghèo, hộ cận nghèo được 26 thẻ BHYT (cấp mới 11 thẻ; cấp đổi 15 "
    "thẻ). Tỷ lệ người dân tham gia bảo hiểm y tế trên địa bàn xã đạt 93%",
    "Tiếp 03 lượt công dân, giảm 03 lượt so với cùng kỳ",
    "Tổng số đơn quản lý trong kỳ báo cáo 02 đơn, trong đó: Đơn cũ chuyển sang 01 đơn, số đơn thư "
    "mới tiếp nhận 01 đơn",
    "Đăng ký khai sinh được 25 trường hợp (đăng ký lại 13; đăng ký mới 12)",
    "trả kết quả trước và đúng hạn 165/165 hồ sơ (chiếm 100%)",
    "Tổng số TTHC cấp xã là 120 thủ tục, Trong đó thực hiện qua một cửa, một cửa liên thông là "
    "109 TTHC, không qua một cửa là 11 TTHC",
    "với tổng số 06/06 thanh niên nhập ngũ năm 2024, đạt 100% chỉ tiêu huyện giao (trong đó: 05 "
    "đồng chí thực hiện nghĩa vụ quân sự và 01 đồng chí thực hiện nghĩa vụ Công an)",
    "xảy ra 01 vụ làm 01 người chết, 01 phương tiện bị hư hỏng (tăng 01 vụ, tăng 01 người chết so "
    "với cùng kỳ năm 2023)",
]

# Đoạn có số liệu được thay bằng số do chương trình tính (có thể khác bản dựng sẵn ở số và
# cách viết số); mọi đoạn khác phải giống hệt bản dựng sẵn.
CO_SO_LIEU = ("- Trồng trọt:", "- Lâm nghiệp:", "Tổng số tiêu chí", "Triển khai công tác làm đường",
              "Thu ngân sách", "+ Rà soát, điều chỉnh", "Hoạt động tín dụng",
              "Công tác quản lý nhà nước trong lĩnh vực Tài nguyên",
              "Thực hiện tốt công tác chi trả", "Để đảm bảo mọi nhà", "- Bảo hiểm y tế",
              "- Công tác tiếp nhận", "Công tác đảm bảo TTATGT")


@pytest.fixture(scope="module")
def tai_lieu(tmp_path_factory) -> TaiLieuDocx:
    bc = doc_bao_cao(tep_mau(TEP))
    vb = dung(doc_bieu_mau(bc.bieu_mau), bc)
    return TaiLieuDocx(ghi_tep(vb, tmp_path_factory.mktemp("bm") / "bm.docx"))


def _toan_van(tl: TaiLieuDocx) -> str:
    return "\n".join(d.chu for d in tl.cac_doan()) + "\n" + "\n".join(tl.chu_thich().values())


def test_khong_loi_va_dung_cac_canh_bao_cua_ban_goc():
    bc = doc_bao_cao(tep_mau(TEP))
    tb = kiem_tra_so_lieu(doc_bieu_mau(bc.bieu_mau), bc, chinh_thuc=True)
    # Lỗi duy nhất là chỗ bản gốc để trống («Cấp bản sao từ sổ gốc ... trường hợp»): văn bản có
    # lỗ thì chưa sẵn sàng, dù lỗ do người gõ để lại.
    assert [t.thong_diep for t in tb if t.muc_do == "loi"] == [
        "đoạn 1: còn chỗ để trống «Cấp bản sao từ sổ gốc ... trường hợp;»"]
    canh_bao = sorted(t.thong_diep for t in tb if t.muc_do == "canh_bao")
    # Đúng những chỗ bản gốc viết lệch kỳ (seeds-catalog §5): số liệu tính đến 15/4 và "4 tháng"
    # trong báo cáo quý I, "Trong tháng" ở phần thi đua, một chỗ để trống.
    assert canh_bao == sorted([
        "đoạn 1: «4 tháng» — độ dài kỳ không khớp quý I/2024 (3 tháng)",  # tín dụng
        "đoạn 1: «4 tháng» — độ dài kỳ không khớp quý I/2024 (3 tháng)",  # chi trả trợ cấp
        "đoạn 1: «Trong tháng» — báo cáo quý nói về cả quý, không phải một tháng (quý I/2024)",
        "đoạn 1: «15/4/2024» — ngày 15/04/2024 nằm ngoài quý I/2024 (01/01/2024 – 31/03/2024)",
        "đoạn 1: «15/12/2023» — ngày 15/12/2023 nằm ngoài quý I/2024 (01/01/2024 – 31/03/2024)",
        "đoạn 1: «15/4/2024» — ngày 15/04/2024 nằm ngoài quý I/2024 (01/01/2024 – 31/03/2024)",
    ])


@pytest.mark.parametrize("cau", CAU_MONG_DOI)
def test_moi_cau_so_lieu_co_trong_van_ban(tai_lieu, cau):
    assert cau in _toan_van(tai_lieu)


def test_giong_ban_dung_san_tru_cac_doan_so_lieu(tai_lieu, tl_mau):
    moi = [d.chu for d in tai_lieu.cac_doan()]
    cu = [d.chu for d in tl_mau.cac_doan()]
    assert len(moi) == len(cu)
    khac = [(a, b) for a, b in zip(cu, moi, strict=True)
            if a != b and not any(a.startswith(t) for t in CO_SO_LIEU)]
    assert khac == []
    assert len(tai_lieu.chu_thich()) == len(tl_mau.chu_thich()) == 12
    assert tai_lieu.tham_chieu_chu_thich() == tl_mau.tham_chieu_chu_thich()


def test_dat_the_thuc_nd30(tai_lieu):
    bao_cao = kiem_tra(tai_lieu.duong_dan)
    assert bao_cao.dem(MucDoDat.KHONG_DAT) == 0, bao_cao.thanh_chu()
