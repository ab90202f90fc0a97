from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter import ghi_docx
from drafter.ghi_docx import ghi_tep
from drafter.ghi_docx.luoc_do import LoiLuocDo, loi_thu_tu
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tai_nguyen import tep_mau
from drafter.tep_van_ban import doc_van_ban
from drafter.van_ban import VanBan
from tests import openxml_audit_on_dinh  # noqa: F401  (khóa nhớ đúng của openxml-audit)

TEP_MAU = "van-ban-cai-kinh-quy-I-2024.json"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Kiểm thử giao diện mang dấu `tui`; các hành trình dài (`slow`) chạy trước: khi chạy song
    song (make test dùng pytest-xdist), chúng bắt đầu ngay trên một lõi trong lúc các lõi khác
    làm phần còn lại, thay vì kéo dài đuôi của lần chạy."""
    for item in items:
        if item.path.name.startswith("test_tui"):
            item.add_marker(pytest.mark.tui)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)

# ------------------------------------------------ mọi tệp .docx kiểm thử ghi ra đúng lược đồ

@pytest.fixture(scope="session", autouse=True)
def loi_luoc_do() -> Iterator[list[LoiLuocDo]]:
    """Mọi đường ghi .docx (ghi_tep, dòng lệnh, giao diện) đi qua ghi_docx.thanh_bytes: bọc nó
    để kiểm thứ tự lược đồ từng tệp làm ra; lỗi gom vào danh sách này.

    Phạm vi phiên và tự dùng: có trước mọi fixture phiên khác ghi tệp (docx_mau…)."""
    loi: list[LoiLuocDo] = []
    bo_nho: dict = {}  # styles.xml giống nhau ở mọi tệp: chỉ kiểm một lần
    goc = ghi_docx.thanh_bytes

    def thanh_bytes_co_kiem(van_ban: VanBan) -> bytes:
        du_lieu = goc(van_ban)
        loi.extend(loi_thu_tu(du_lieu, bo_nho))
        return du_lieu

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ghi_docx, "thanh_bytes", thanh_bytes_co_kiem)
        yield loi


@pytest.fixture(autouse=True)
def _moi_tep_ghi_ra_dung_luoc_do(loi_luoc_do: list[LoiLuocDo]) -> Iterator[None]:
    """Kiểm thử nào làm ra tệp sai thứ tự lược đồ thì báo lỗi lúc dọn dẹp."""
    yield
    loi = [str(x) for x in loi_luoc_do]
    loi_luoc_do.clear()
    assert not loi, "tệp .docx ghi ra sai thứ tự lược đồ OOXML:\n" + "\n".join(loi[:20])


@pytest.fixture(scope="session")
def van_ban_mau() -> VanBan:
    return doc_van_ban(tep_mau(TEP_MAU))


@pytest.fixture(scope="session")
def du_lieu_mau() -> dict:
    return json.loads(tep_mau(TEP_MAU).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def docx_mau(tmp_path_factory: pytest.TempPathFactory, van_ban_mau: VanBan) -> Path:
    return ghi_tep(van_ban_mau, tmp_path_factory.mktemp("mau") / "mau.docx")


@pytest.fixture(scope="session")
def tl_mau(docx_mau: Path) -> TaiLieuDocx:
    return TaiLieuDocx(docx_mau)
