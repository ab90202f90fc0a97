"""GLOSSARY.md còn đúng: mọi tệp và mọi tên `mô_đun.Tên[.trường]` nó trỏ tới đều còn; không hai
lớp trong drafter/ trùng tên; các tên đã kéo dài vì đọc được hai cách không quay lại."""

from __future__ import annotations

import dataclasses
import importlib
import re
from pathlib import Path

import pytest

GOC = Path(__file__).resolve().parent.parent
BANG_TU = GOC / "GLOSSARY.md"
_TRONG_NGOAC = re.compile(r"`([^`\s]+)`")
_TEN_CHAM = re.compile(r"^[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")


def _cac_tham_chieu() -> tuple[list[str], list[str]]:
    tep, ten = [], []
    for x in dict.fromkeys(_TRONG_NGOAC.findall(BANG_TU.read_text(encoding="utf-8"))):
        if "/" in x and x.endswith((".py", ".toml", ".md", "/")):
            tep.append(x)
        elif _TEN_CHAM.match(x):
            dau = x.split(".")[0]
            if (GOC / "drafter" / f"{dau}.py").is_file() or (GOC / "drafter" / dau).is_dir():
                ten.append(x)
    return tep, ten


CAC_TEP, CAC_TEN = _cac_tham_chieu()


def test_bang_tu_co_tham_chieu():
    assert len(CAC_TEP) > 20 and len(CAC_TEN) > 80


@pytest.mark.parametrize("tep", CAC_TEP)
def test_tep_con(tep):
    assert (GOC / tep).exists(), tep


def _co_truong(doi_tuong: object, ten: str) -> bool:
    if hasattr(doi_tuong, ten):
        return True
    if ten in getattr(doi_tuong, "model_fields", {}):
        return True
    if dataclasses.is_dataclass(doi_tuong) and ten in {f.name for f in
                                                       dataclasses.fields(doi_tuong)}:
        return True
    return ten in getattr(doi_tuong, "__annotations__", {})


@pytest.mark.parametrize("ten", CAC_TEN)
def test_ten_con(ten):
    phan = ten.split(".")
    for i in range(len(phan), 0, -1):  # mô-đun dài nhất còn nhập được
        try:
            doi_tuong: object = importlib.import_module("drafter." + ".".join(phan[:i]))
        except ModuleNotFoundError:
            continue
        mo_dun = doi_tuong
        for j, p in enumerate(phan[i:], i):
            assert _co_truong(doi_tuong, p), f"{ten}: không có {'.'.join(phan[:j + 1])}"
            doi_tuong = getattr(doi_tuong, p, None)
            noi = getattr(doi_tuong, "__module__", None) if j == i else None
            if isinstance(noi, str) and noi.startswith("drafter"):
                # Hàm, lớp của drafter phải được định nghĩa ở mô-đun trang này chỉ, không chỉ
                # nhập vào đó (bí danh kiểu như Literal, str không có mô-đun drafter: bỏ qua).
                assert noi == getattr(mo_dun, "__name__", None), f"{ten}: định nghĩa ở {noi}"
            if doi_tuong is None:
                assert j == len(phan) - 1, ten  # trường không có giá trị mặc định: phải ở cuối
                break
        return
    pytest.fail(f"{ten}: không nhập được mô-đun nào")


def test_khong_hai_lop_trung_ten():
    cac: dict[str, list[str]] = {}
    for tep in sorted((GOC / "drafter").rglob("*.py")):
        for m in re.finditer(r"^class (\w+)", tep.read_text(encoding="utf-8"), re.M):
            cac.setdefault(m[1], []).append(str(tep.relative_to(GOC)))
    assert {k: v for k, v in cac.items() if len(v) > 1} == {}


# Tên cũ đọc được hai cách (issue 16); GLOSSARY.md ghi tên thay thế.
_TEN_CU = ["DAU_TRANG_THAI", "dau_chu_thich", "_KY_TU_CAM", "doi_chu_ky", "phong_mau_ma",
           "MAU_CHU", "dau_chua_co", "bo_dau_trang", "dau_sao_dam", "DONG_TRONG_KY",
           "bo_phan_dau"]


def test_ten_cu_khong_quay_lai():
    """Mã và tài liệu (trừ GLOSSARY.md, nơi ghi tên cũ → tên mới) không còn tên cũ."""
    khuon = re.compile(r"\b(" + "|".join(map(re.escape, _TEN_CU)) + r")\b")
    cac_tep = [*sorted((GOC / "drafter").rglob("*.py")), *sorted(GOC.glob("*.md")),
               *sorted((GOC / "forms").rglob("*.md"))]
    gap = [f"{tep.relative_to(GOC)}: {m[0]}" for tep in cac_tep if tep.name != "GLOSSARY.md"
           for m in khuon.finditer(tep.read_text(encoding="utf-8"))]
    assert gap == []
