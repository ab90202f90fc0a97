"""Kho chịu được bị giết giữa chừng (SIGKILL) và hai tiến trình cùng ghi."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from drafter.kho import Kho

GHI_LIEN_TUC = """
import sys
from drafter.kho import Kho
k = Kho.mo(sys.argv[1], sao_luu=False)
xa = k.xa_mac_dinh()
bc = k.doc(xa.id, "2024-Q1")
ten, so_lan = sys.argv[2], int(sys.argv[3])
print("san sang", flush=True)
i = 0
while so_lan == 0 or i < so_lan:
    i += 1
    k.luu(xa.id, bc.model_copy(update={"cau_ket": f"{ten} {i}"}), f"{ten} {i}")
print("xong", flush=True)
"""


def _chay(thu_muc, ten: str, so_lan: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", GHI_LIEN_TUC, str(thu_muc), ten, str(so_lan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="Windows không có SIGKILL")
def test_bi_giet_giua_luc_ghi_kho_van_nguyen(tmp_path):
    Kho.mo(tmp_path).dong()
    for lan, cho in enumerate((0.3, 0.55, 0.8)):
        p = _chay(tmp_path, f"lần{lan}", 0)
        assert p.stdout.readline().strip() == "san sang"
        time.sleep(cho)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
    with Kho.mo(tmp_path) as kho:  # mở lại: kiểm tra toàn vẹn (quick_check) đã chạy
        assert kho.cn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        xa = kho.xa_mac_dinh()
        phien_ban = kho.cac_phien_ban(xa.id, "2024-Q1")
        so = [p.so for p in phien_ban]
        assert so == list(range(1, len(so) + 1)) and len(so) > 10
        moi_nhat = kho.doc(xa.id, "2024-Q1")
        assert moi_nhat.cau_ket == phien_ban[-1].ghi_chu  # phiên bản cuối đã ghi trọn vẹn
        json.loads(moi_nhat.model_dump_json())


def test_hai_tien_trinh_cung_ghi_khong_mat_lan_nao(tmp_path):
    Kho.mo(tmp_path).dong()
    a, b = _chay(tmp_path, "A", 60), _chay(tmp_path, "B", 60)
    for p in (a, b):
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.split() == ["san", "sang", "xong"]
    with Kho.mo(tmp_path) as kho:
        xa = kho.xa_mac_dinh()
        ghi_chu = [p.ghi_chu for p in kho.cac_phien_ban(xa.id, "2024-Q1")]
        assert len(ghi_chu) == 1 + 120
        assert {g for g in ghi_chu if g.startswith("A ")} == {f"A {i}" for i in range(1, 61)}
        assert {g for g in ghi_chu if g.startswith("B ")} == {f"B {i}" for i in range(1, 61)}
        assert [p.so for p in kho.cac_phien_ban(xa.id, "2024-Q1")] == list(range(1, 122))
