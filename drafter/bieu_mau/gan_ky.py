"""Từ ngữ gắn với một thời điểm trong năm ("Tết Nguyên đán Giáp Thìn", "vụ Đông Xuân", "học kỳ
I năm học 2023 - 2024", "4 tháng đầu năm", "15/12/2023"): soát một đoạn văn theo kỳ báo cáo.

Danh sách từ ngữ là dữ liệu (forms/tu-dien/tu-gan-ky.toml); ở đây chỉ có cách hiểu từng kiểu
so sánh với kỳ.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drafter.ky_bao_cao import Ky, LoaiKy
from drafter.loi_tieng_viet import cac_loi
from drafter.tai_nguyen import thu_muc
from drafter.tep_van_ban import LoiTepVanBan

KieuSo = Literal["thang", "can_chi", "nam_hoc", "so_thang", "sai_o", "ngay", "thang_nam", "chep"]
TEP_TU_DIEN = "tu-gan-ky.toml"

_CAN = ["Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"]  # năm % 10
_CHI = ["Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi"]
_CHI_KHAC = {"Mẹo": "Mão", "Tị": "Tỵ"}


class TuGanKy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: str
    mau: re.Pattern[str]
    ly_do: str
    kieu: KieuSo = "thang"
    thang: list[int] = Field(default_factory=list)
    dung: dict[LoaiKy, list[int]] = Field(default_factory=dict)
    loai_ky: list[LoaiKy] = Field(default_factory=list)
    bo_qua_neu_truoc: re.Pattern[str] | None = None
    bo_qua_neu_sau: re.Pattern[str] | None = None

    @field_validator("thang")
    @classmethod
    def _thang(cls, v: list[int]) -> list[int]:
        if any(not 1 <= t <= 12 for t in v):
            raise ValueError("tháng phải từ 1 đến 12")
        return v


class _TuDien(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tu: list[TuGanKy]


@cache
def tu_dien() -> tuple[TuGanKy, ...]:
    tep = thu_muc("forms") / "tu-dien" / TEP_TU_DIEN
    try:
        du_lieu = tomllib.loads(tep.read_text(encoding="utf-8"))
        return tuple(_TuDien.model_validate(du_lieu).tu)
    except tomllib.TOMLDecodeError as loi:
        raise LoiTepVanBan(f"Tệp {tep} sai cú pháp TOML: {loi}") from loi
    except ValidationError as loi:
        raise LoiTepVanBan(f"Tệp {tep} không hợp lệ:", cac_loi(loi)) from loi


@dataclass(frozen=True)
class ChoGanKy:
    """Một chỗ trong đoạn văn gắn với kỳ khác: chữ tìm thấy và lý do."""

    chu: str
    ly_do: str
    dau: int
    cuoi: int


def nam_can_chi(can: str, chi: str, gan: int) -> int | None:
    """Năm dương lịch có Tết của năm can chi này, gần năm `gan` nhất (chu kỳ 60 năm)."""
    chi = _CHI_KHAC.get(chi, chi)
    for nam in range(gan - 30, gan + 31):
        if _CAN[nam % 10] == can and _CHI[nam % 12] == chi:
            return nam
    return None


def _trong_ky(ky: Ky, ngay: date) -> bool:
    return ky.ngay_dau <= ngay <= ky.ngay_cuoi


@lru_cache(maxsize=8192)
def soat(chu: str, ky: Ky, da_chep: bool = False) -> tuple[ChoGanKy, ...]:
    """Mọi chỗ của đoạn văn `chu` gắn với thời điểm không thuộc kỳ `ky`.

    da_chep: đoạn chép từ kỳ trước chưa xem lại (soát thêm các từ ngữ kiểu "chep"). Kết quả
    nhớ theo đoạn: kiểm tra cả báo cáo sau mỗi lần lưu chỉ soát lại đoạn vừa sửa."""
    if ky.la_ke_hoach:
        # Kế hoạch năm nói về hai năm (đánh giá năm trước, đặt chỉ tiêu năm sau) và mọi mùa vụ
        # của năm kế hoạch: không có "kỳ" nào để so từ ngữ.
        return ()
    ra: list[ChoGanKy] = []
    thang_ky = set(ky.cac_thang())
    for tu in tu_dien():
        for m in tu.mau.finditer(chu):
            if tu.bo_qua_neu_truoc and tu.bo_qua_neu_truoc.search(chu[max(0, m.start() - 60):
                                                                     m.start()]):
                continue
            if tu.bo_qua_neu_sau and tu.bo_qua_neu_sau.match(chu[m.end():m.end() + 40]):
                continue
            ly_do = _ly_do(tu, m, ky, thang_ky, da_chep)
            if ly_do:
                ra.append(ChoGanKy(m.group(), ly_do, m.start(), m.end()))
    # Hai từ ngữ trùng chỗ ("Tết Nguyên đán" và "Tết Nguyên đán Giáp Thìn"): giữ chỗ dài hơn.
    ra.sort(key=lambda c: (c.dau, -(c.cuoi - c.dau)))
    gon: list[ChoGanKy] = []
    for c in ra:
        if gon and c.dau < gon[-1].cuoi:
            continue
        gon.append(c)
    return tuple(gon)


def _ly_do(tu: TuGanKy, m: re.Match[str], ky: Ky, thang_ky: set[int], da_chep: bool
           ) -> str | None:
    """Lý do đoạn khớp `m` không hợp với kỳ `ky`; None khi hợp."""
    nhom = m.groupdict()
    if tu.kieu == "thang":
        return None if thang_ky & set(tu.thang) else f"{tu.ly_do}, ngoài {ky.ten_gon}"
    if tu.kieu == "can_chi":
        nam = nam_can_chi(nhom["can"], nhom["chi"], ky.nam)
        if nam is None:
            return None
        if nam != ky.nam:
            return f"năm {nhom['can']} {nhom['chi']} là năm {nam}, báo cáo là {ky.ten_gon}"
        if tu.thang and not thang_ky & set(tu.thang):
            return f"{tu.ly_do}, ngoài {ky.ten_gon}"
        return None
    if tu.kieu == "nam_hoc":
        dau, cuoi = int(nhom["nh1"]), int(nhom["nh2"])
        bat_dau, ket_thuc = date(dau, 9, 1), date(cuoi, 5, 31)
        if ket_thuc < ky.ngay_dau or bat_dau > ky.ngay_cuoi:
            return f"{tu.ly_do}; năm học {dau} - {cuoi} không giao {ky.ten_gon}"
        return None
    if tu.kieu == "so_thang":
        dung = tu.dung.get(ky.loai)
        so = int(nhom["so"])
        if dung is None or so in dung:
            return None
        return f"độ dài kỳ không khớp {ky.ten_gon} ({ky.so_thang} tháng)"
    if tu.kieu == "sai_o":
        return f"{tu.ly_do} ({ky.ten_gon})" if ky.loai in tu.loai_ky else None
    if tu.kieu == "ngay":
        d, th, y = (nhom.get("d") or nhom.get("d2"), nhom.get("m") or nhom.get("m2"),
                    nhom.get("y") or nhom.get("y2"))
        if d is None or th is None or y is None:
            return None
        try:
            ngay = date(int(y), int(th), int(d))
        except ValueError:
            return None  # "31/02/2024" không phải ngày: việc của người đọc, không phải kỳ
        if _trong_ky(ky, ngay) or ngay.year < ky.nam - 1:
            return None  # ngày trong kỳ, hoặc ngày lịch sử ("03/02/1930") nhắc lại khi kỷ niệm
        return (f"ngày {ngay:%d/%m/%Y} nằm ngoài {ky.ten_gon} "
                f"({ky.ngay_dau:%d/%m/%Y} – {ky.ngay_cuoi:%d/%m/%Y})")
    if tu.kieu == "thang_nam":
        th = int(nhom["m"])
        nam_chu = nhom.get("y") or nhom.get("y2")
        if nam_chu is None:
            return None if th in thang_ky else f"tháng {th} nằm ngoài {ky.ten_gon}"
        nam = int(nam_chu)
        if nam == ky.nam and th in thang_ky:
            return None
        return f"tháng {th}/{nam} nằm ngoài {ky.ten_gon}"
    if tu.kieu == "chep":
        return tu.ly_do if da_chep else None
    return None
