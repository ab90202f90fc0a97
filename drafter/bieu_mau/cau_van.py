"""Câu văn từ số liệu: mẫu jinja2 trong templates/cau/ với các bộ lọc định dạng số tiếng Việt.

Mọi giá trị đưa vào mẫu (tên chỉ tiêu, tên thôn, chữ người dùng…) đều được thoát khỏi cú pháp
đánh dấu trước khi in (finalize), nên chỉ chữ viết sẵn trong tệp mẫu mới là đánh dấu; chữ của
người dùng không bao giờ được chạy như mẫu. Kết quả mẫu được phân tích bằng danh_dau.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from drafter import vn
from drafter.bieu_mau.danh_dau import GiuCho, PhanTuDaThay, phan_tich, thay_so_lieu, thoat
from drafter.bieu_mau.dinh_nghia import CachViet, ChiTieu, dien_bien
from drafter.bieu_mau.tinh_toan import TEN_TRUONG, SoLieuDaTinh
from drafter.muc_tieu import MucTieuDaTinh, chu_muc_tieu, so_muc_tieu
from drafter.tai_nguyen import thu_muc
from drafter.van_ban import ChuThich, DoanChu


class DaThoat(str):
    """Chuỗi đánh dấu đã dựng từ mẫu, không thoát lại lần nữa."""


def _finalize(gia_tri: object) -> str:
    if gia_tri is None:
        return ""
    if isinstance(gia_tri, DaThoat):
        return gia_tri
    return thoat(str(gia_tri))


def so_luong(gia_tri: Decimal, ct: ChiTieu) -> str:
    """Số kèm đơn vị theo loại chỉ tiêu: "03 lượt", "148 ha", "1.312.259.000 đồng"."""
    if ct.loai == "tien":
        return vn.tien(gia_tri, ct.don_vi_tien, ct.so_le)
    if ct.loai == "phan_tram":
        return vn.phan_tram(gia_tri, ct.so_le)
    if ct.loai == "dem":
        chu = vn.dem(int(gia_tri)) if ct.hai_chu_so and gia_tri >= 0 else vn.so(gia_tri, 0)
    else:
        chu = vn.so(gia_tri, ct.so_le)
    return f"{chu} {ct.don_vi}" if ct.don_vi else chu


def tang_giam(chenh_lech: Decimal, ct: ChiTieu, so_voi: str = "", bang: str = "") -> str:
    """Cụm tăng/giảm, định nghĩa một chỗ cho mẫu câu (bộ lọc tang_giam của cau/so_sanh.j2) và
    các chỗ giữ [[ma.chenh_lech]], [[ma.chenh_lech_cuoi_nam]]: "tăng 03 vụ so với cùng kỳ",
    "giảm 3 tiêu chí so với năm 2022". so_voi trống: không kèm cơ sở (người viết tự viết chữ
    sau chỗ giữ). Không đổi: "bằng <bang>"; bang trống thì là so_voi bỏ chữ "so với " đứng đầu
    ("bằng năm 2022")."""
    if chenh_lech == 0:
        return f"bằng {bang or so_voi.removeprefix('so với ')}"
    chu = f"{'tăng' if chenh_lech > 0 else 'giảm'} {so_luong(abs(chenh_lech), ct)}"
    return f"{chu} {so_voi}" if so_voi else chu


def _so_tran(gia_tri: Decimal, ct: ChiTieu) -> str:
    if ct.loai == "dem" or ct.loai == "ti_so":
        if ct.hai_chu_so and gia_tri >= 0 and gia_tri == gia_tri.to_integral_value():
            return vn.dem(int(gia_tri))
        return vn.so(gia_tri, ct.so_le)
    if ct.loai == "tien":
        he_so = {"đồng": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9}[ct.don_vi_tien]
        return vn.so(gia_tri / he_so, 0 if ct.don_vi_tien == "đồng" else ct.so_le)
    return vn.so(gia_tri, ct.so_le)


@cache
def moi_truong() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(thu_muc("templates"))),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["phan_tram"] = lambda x, n=1: vn.phan_tram(x, n)
    env.filters["so"] = lambda x, n=2: vn.so(x, n)
    env.filters["dem"] = lambda x: vn.dem(int(x))
    env.filters["tien"] = lambda x, dv="đồng": vn.tien(x, dv)
    env.filters["so_luong"] = so_luong
    env.filters["tang_giam"] = tang_giam
    return env


def _ve(ten: str, **ngu_canh: object) -> str:
    return moi_truong().get_template(ten).render(**ngu_canh).strip()


class CauVan:
    """Dựng chữ cho một chỉ tiêu đã tính: câu đầy đủ, cụm so sánh, phần chi tiết, chú thích."""

    def __init__(self, s: SoLieuDaTinh, cach_viet: CachViet) -> None:
        self.s = s
        self.ct = s.ct
        self.viet = cach_viet

    # ------------------------------------------------------------ các mảnh

    def gia_tri(self) -> str:
        s, ct = self.s, self.ct
        if ct.loai == "co_khong":
            return "" if s.gia_tri is None else ("có" if s.gia_tri else "không")
        if ct.loai == "chu":
            return s.gia_tri if isinstance(s.gia_tri, str) else ""
        so = s.gia_tri_so
        if so is None:
            return ""
        if ct.loai == "ti_so":
            if s.mau_so is None:
                return so_luong(so, ct)
            x_y = f"{_so_tran(so, ct)}/{_so_tran(s.mau_so, ct)}"
            return f"{x_y} {ct.don_vi}" if ct.don_vi else x_y
        return so_luong(so, ct)

    def cac_phan(self) -> list[str]:
        """Mỗi phần chi tiết viết theo mẫu của biểu mẫu: "Na 6 ha", "Ba Nàng 2 ha"."""
        if not self.ct.phan_con:
            return []
        ra = []
        for ten, so in self.s.phan_con:
            if so is None:
                continue
            gia_tri = so_luong(so, self.ct)
            ra.append(dien_bien(self.ct.phan_con.mau, {
                "ten": ten, "gia_tri": gia_tri, "so": _so_tran(so, self.ct),
                "don_vi": self.ct.don_vi}))
        return ra

    def so_sanh(self) -> str:
        return _ve("cau/so_sanh.j2", s=self.s, ct=self.ct, viet=self.viet,
                   so_voi_cuoi_nam=self._so_voi_cuoi_nam())

    def trong_do(self) -> str:
        """"(trong đó: …)" trong câu, khi biểu mẫu chọn cách hiện này cho chi tiết."""
        if not self.ct.phan_con or self.ct.phan_con.cach_hien != "trong_do":
            return ""
        return self._ve_trong_do()

    def _ve_trong_do(self) -> str:
        phan = self.cac_phan()  # có phần thì chắc chắn ct.phan_con có
        pc = self.ct.phan_con
        if not phan or pc is None:
            return ""
        return _ve("cau/trong_do.j2", cac_phan=phan, loi_dan=pc.loi_dan, hai_cham=pc.hai_cham,
                   phan_cach=pc.phan_cach)

    def cau(self) -> str:
        """Câu đầy đủ (đánh dấu, đã thoát); trống nếu chưa có số liệu — không để chữ thừa."""
        if not self.gia_tri():
            return ""
        mau_cau = self.ct.mau_cau or {"ti_so": "ti_so", "co_khong": "co_khong",
                                      "chu": "chu"}.get(self.ct.loai, "mac_dinh")
        return _ve(f"cau/{mau_cau}.j2", s=self.s, ct=self.ct, viet=self.viet,
                   v=self.gia_tri(), so_sanh=DaThoat(self.so_sanh()),
                   trong_do=DaThoat(self.trong_do()))

    def chu_thich(self) -> list[PhanTuDaThay]:
        phan = self.cac_phan()
        if not phan:
            return []
        noi_dung = phan_tich(_ve("cau/chu_thich.j2", cac_phan=phan), cho_phep_chu_thich=False)
        return [ChuThich(chu_thich=thay_so_lieu(noi_dung, lambda g: []))]

    # ------------------------------------------------------------ chỗ giữ [[ma.truong]]

    def theo_truong(self, truong: str) -> list[PhanTuDaThay]:
        s, ct = self.s, self.ct
        pt = ct.so_le_ty_le
        gia_tri = s.gia_tri_so

        def chu(x: str) -> list[PhanTuDaThay]:
            return [x] if x else []

        def ty_le(x: Decimal | None) -> list[PhanTuDaThay]:
            return chu(vn.phan_tram(x, pt) if x is not None else "")

        match truong:
            case "":
                return chu(self.gia_tri())
            case "so" | "x":
                return chu(_so_tran(gia_tri, ct) if gia_tri is not None else "")
            case "cau":
                return _danh_dau(self.cau())
            case "so_sanh":
                return _danh_dau(self.so_sanh())
            case "kh" | "cung_ky" | "du_toan_huyen" | "du_toan_xa":
                # Người viết gọi thẳng tỷ lệ này: tính dù biểu mẫu không liệt kê phép so sánh.
                co_so = s.ke_hoach if truong == "kh" else getattr(s, truong)
                return ty_le(vn.ty_le(gia_tri, co_so) if gia_tri is not None and co_so else None)
            case "ty_le" | "ty_le_con_lai":
                return ty_le(getattr(s, truong))
            case "y":
                return chu(_so_tran(s.mau_so, ct) if s.mau_so is not None else "")
            case "x_y":
                return chu(f"{_so_tran(gia_tri, ct)}/{_so_tran(s.mau_so, ct)}"
                           if gia_tri is not None and s.mau_so is not None else "")
            case "con_lai":
                return chu(_so_tran(s.con_lai, ct) if s.con_lai is not None else "")
            case "ke_hoach":
                return chu(so_luong(s.ke_hoach, ct) if s.ke_hoach is not None else "")
            case "phan_con":
                return chu("; ".join(self.cac_phan()))
            case "trong_do":
                return _danh_dau(self._ve_trong_do())
            case "chu_thich":
                return self.chu_thich()
            case "chenh_lech":
                return chu(self._chenh_lech())
            case "chenh_lech_cuoi_nam":
                return chu(self._chenh_lech_cuoi_nam())
            case "x_kh":
                m = s.muc_tieu_chinh
                # muc_tieu_chinh là mục tiêu có số: isinstance chỉ để kiểu rõ.
                if gia_tri is None or m is None or not isinstance(m.gia_tri, Decimal):
                    return []
                if ct.loai == "tien":
                    return chu(f"{so_luong(gia_tri, ct)}/{so_luong(m.gia_tri, ct)}")
                x_y = f"{_so_tran(gia_tri, ct)}/{_so_tran(m.gia_tri, ct)}"
                return chu(f"{x_y} {ct.don_vi}" if ct.don_vi else x_y)
            case "cap_tren" | "nghi_quyet" | "dieu_hanh":
                m = s.muc_tieu(truong)
                return ty_le(m.ty_le if m is not None else None)
            case "chi_tieu" | "so_chi_tieu":
                if not s.chi_tieu_dat:
                    return []
                ham = chu_muc_tieu if truong == "chi_tieu" else so_muc_tieu
                return chu(ham(s.chi_tieu_dat[0], self.viet_so_muc_tieu(s.chi_tieu_dat[0])))
        khop = re.fullmatch(r"(phan|dong|so_phan|ty_le_phan)_(\d+)", truong)
        if khop:
            i = int(khop.group(2)) - 1
            so = s.phan_con[i][1] if i < len(s.phan_con) else None
            if khop.group(1) == "so_phan":  # số trần của phần: "(Nam 08; Nữ: 15)"
                return chu(_so_tran(so, ct) if so is not None else "")
            if khop.group(1) == "ty_le_phan":  # phần so với tổng: "ngựa bạch chiếm 61,3%"
                return ty_le(vn.ty_le(so, gia_tri) if so is not None and gia_tri else None)
            if khop.group(1) == "dong":
                phan = self.cac_phan()
                return chu(phan[i] if i < len(phan) else "")
            so = s.phan_con[i][1] if i < len(s.phan_con) else None
            return chu(so_luong(so, ct) if so is not None else "")
        raise KeyError(truong)

    # ------------------------------------------------------------ số còn thiếu

    def can_co(self, truong: str) -> list[str]:
        """Các ô số mà chỗ giữ [[ma.truong]] cần để in được (rỗng: cụm tùy chọn, thiếu thì bỏ)."""
        if truong in TRUONG_TUY_CHON:
            return []
        can = _CAN_CO.get(truong)
        if can is None:
            m = re.fullmatch(r"(?:phan|dong|so_phan|ty_le_phan)_(\d+)", truong)
            can = ["phan_con"] if m else ["gia_tri"]
            if re.fullmatch(r"ty_le_phan_\d+", truong):
                can = ["gia_tri", "phan_con"]
        if truong in ("chi_tieu", "so_chi_tieu"):
            return ["chi_tieu"]
        if self.ct.loai in ("co_khong", "chu"):
            return ["gia_tri"]
        return can

    def thieu(self, truong: str) -> list[str]:
        """Các ô còn thiếu (chưa nhập hoặc gõ sai) để in chỗ giữ [[ma.truong]]; rỗng: in được."""
        s = self.s
        ra = []
        for o in self.can_co(truong):
            if o == "gia_tri":
                co = s.gia_tri is not None and s.gia_tri != ""
            elif o == "phan_con":
                m = re.fullmatch(r"(?:phan|dong|so_phan|ty_le_phan)_(\d+)", truong)
                if m:
                    i = int(m.group(1)) - 1
                    co = i < len(s.phan_con) and s.phan_con[i][1] is not None
                else:
                    co = any(v is not None for _, v in s.phan_con)
            elif o == "chi_tieu":
                co = bool(s.chi_tieu_dat)
            elif o == "muc_tieu":
                co = s.muc_tieu_chinh is not None
            else:
                co = getattr(s, o) is not None
            if not co:
                ra.append(o)
        return ra

    def giu_cho_chua_co(self, thieu: list[str], truong: str = "") -> DoanChu:
        """Dấu «[chưa có: …]» tô vàng thay chỗ số còn thiếu trong bản nháp."""
        chu = mo_ta_thieu(self.ct, thieu, truong)
        if self.viet.du_toan_cap_tren:
            chu = chu.replace(TEN_TRUONG["du_toan_huyen"], self.viet.du_toan_cap_tren)
        return DoanChu(chu=f"[chưa có: {chu}]", to_sang=True)

    def viet_so_muc_tieu(self, m: MucTieuDaTinh) -> Callable[[Decimal], str]:
        """Cách viết số của một mục tiêu: đơn vị riêng của mục tiêu ("%", "triệu đồng") hay
        đơn vị của chỉ tiêu."""
        ct = self.ct
        if m.don_vi and ct.loai == "tien" and m.don_vi in ("đồng", "triệu đồng", "tỷ đồng"):
            return lambda x: vn.tien(x, m.don_vi, ct.so_le)
        if m.don_vi:
            return lambda x: f"{vn.so(x, ct.so_le)}{m.don_vi}" if m.don_vi == "%" \
                else f"{vn.so(x, ct.so_le)} {m.don_vi}"
        return lambda x: so_luong(x, ct)

    def _so_voi_cuoi_nam(self) -> str:
        return self.viet.cuoi_nam_truoc or "so với cuối năm trước"

    def _chenh_lech_cuoi_nam(self) -> str:
        """"giảm 3 tiêu chí so với năm 2022", "tăng 02 học sinh so với năm 2023"."""
        d = self.s.chenh_lech_cuoi_nam
        return "" if d is None else tang_giam(d, self.ct, self._so_voi_cuoi_nam())

    def _chenh_lech(self) -> str:
        """"tăng 01 vụ", "giảm 03 lượt", "bằng cùng kỳ" (không kèm "so với cùng kỳ")."""
        s = self.s
        so = s.gia_tri_so
        if so is None or s.cung_ky is None:
            return ""
        return tang_giam(so - s.cung_ky, self.ct, bang="cùng kỳ")


# Cụm tự đủ nghĩa: không có cơ sở (thiếu kế hoạch, cùng kỳ, chi tiết) thì bỏ hẳn, câu vẫn trọn.
TRUONG_TUY_CHON = frozenset({"so_sanh", "trong_do", "chu_thich"})
# Chỗ giữ in một con số: người viết đã đặt chữ quanh nó, nên thiếu số là thiếu thật.
_CAN_CO: dict[str, list[str]] = {
    "": ["gia_tri"], "so": ["gia_tri"], "x": ["gia_tri"], "cau": ["gia_tri"],
    "kh": ["gia_tri", "ke_hoach"], "cung_ky": ["gia_tri", "cung_ky"],
    "du_toan_huyen": ["gia_tri", "du_toan_huyen"], "du_toan_xa": ["gia_tri", "du_toan_xa"],
    "ty_le": ["gia_tri", "mau_so"], "ty_le_con_lai": ["gia_tri", "mau_so"],
    "y": ["mau_so"], "x_y": ["gia_tri", "mau_so"], "con_lai": ["gia_tri", "mau_so"],
    "ke_hoach": ["ke_hoach"], "chenh_lech": ["gia_tri", "cung_ky"], "phan_con": ["phan_con"],
    "chenh_lech_cuoi_nam": ["gia_tri", "cuoi_nam_truoc"], "x_kh": ["gia_tri", "muc_tieu"],
    "cap_tren": ["gia_tri", "muc_tieu"], "nghi_quyet": ["gia_tri", "muc_tieu"],
    "dieu_hanh": ["gia_tri", "muc_tieu"],
}


def ten_thuong(ct: ChiTieu) -> str:
    """Tên chỉ tiêu viết thường chữ đầu để đặt giữa câu ("Số vụ…" → "số vụ…"); giữ chữ viết
    tắt ("BHYT…")."""
    ten = ct.ten
    if len(ten) > 1 and ten[0].isupper() and not ten[1].isupper():
        return ten[0].lower() + ten[1:]
    return ten


def mo_ta_thieu(ct: ChiTieu, thieu: list[str], truong: str = "") -> str:
    """"số quyết định đã ban hành", "số hồ sơ đất đai (kế hoạch năm)", "diện tích gieo trồng
    (phần 2 chi tiết theo nhóm cây)"."""
    phu = []
    for o in thieu:
        if o == "phan_con":
            theo = f"chi tiết theo {ct.phan_con.theo}" if ct.phan_con else "chi tiết"
            m = re.fullmatch(r"(?:phan|dong|so_phan|ty_le_phan)_(\d+)", truong)
            phu.append(f"phần {m.group(1)} {theo}" if m else theo)
        elif o == "mau_so":
            phu.append("mẫu số")
        elif o != "gia_tri":
            phu.append(TEN_TRUONG[o])
    return ten_thuong(ct) + (f" ({', '.join(phu)})" if phu else "")


TRUONG_GIU_CHO = ("", "so", "cau", "so_sanh", "kh", "cung_ky", "du_toan_huyen", "du_toan_xa",
                  "ty_le", "ty_le_con_lai", "x", "y", "x_y", "con_lai", "ke_hoach", "phan_con",
                  "trong_do", "chu_thich", "chenh_lech", "chenh_lech_cuoi_nam", "x_kh",
                  "cap_tren", "nghi_quyet", "dieu_hanh", "chi_tieu", "so_chi_tieu")


def la_truong_hop_le(truong: str) -> bool:
    """Phần sau dấu chấm của chỗ giữ: một trong TRUONG_GIU_CHO, hoặc phan_N / dong_N."""
    return truong in TRUONG_GIU_CHO or re.fullmatch(r"(phan|dong|so_phan|ty_le_phan)_[1-9]\d*",
                                                    truong) is not None


def _danh_dau(chu: str) -> list[PhanTuDaThay]:
    if not chu:
        return []
    return thay_so_lieu(phan_tich(chu), lambda g: [GiuCho(g.ma, g.truong).chu])
