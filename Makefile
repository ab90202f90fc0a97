# Hai lệnh cho máy mới: `make run` và `make test`. Mỗi lệnh tự tạo môi trường ảo nếu chưa có.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.cai-dat-xong

.PHONY: run test lint typecheck bench clean quy-tac rang-buoc

# constraints.txt ghim đúng các bản đã kiểm thử: máy mới (và CI) cài y như vậy.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/drafter

test: lint typecheck
	$(BIN)/python -m pytest -q -n auto

lint: $(STAMP)
	$(BIN)/ruff check drafter tests bench

# Kiểm kiểu gói drafter và bench/ (cấu hình [tool.mypy] trong pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

# Sau khi đổi phụ thuộc trong pyproject.toml: ghi lại bản đã cài vào constraints.txt.
rang-buoc: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable > constraints.txt

# Trang danh mục quy tắc NĐ 30 sinh từ drafter/nd30.py (kiểm thử báo khi trang cũ).
quy-tac: $(STAMP)
	$(BIN)/python -m drafter.danh_muc_nd30

bench: $(STAMP)
	$(BIN)/python bench/render.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/check_hostile.py
	$(BIN)/python bench/from_docx.py
	$(BIN)/python bench/history.py
	$(BIN)/python bench/kho_mot_nam.py
	$(BIN)/python bench/tui.py

clean:
	rm -rf $(VENV) build dist ra .pytest_cache .ruff_cache .mypy_cache .hypothesis
