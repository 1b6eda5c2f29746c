# Two commands: `make run` reruns every analysis, `make test` runs every test.
# Both set up first: with no virtual or conda environment active they create .venv.
ifeq ($(VIRTUAL_ENV)$(CONDA_PREFIX),)
ENV := .venv
PY := $(ENV)/bin/python
else
ENV := $(or $(VIRTUAL_ENV),$(CONDA_PREFIX))
PY := python
endif
STAMP := $(ENV)/.agreements-installed

.PHONY: setup run test validate codebook bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(ENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: setup
	$(PY) -m analysis run

test: setup
	$(PY) -m pytest

validate: setup
	$(PY) -m analysis validate

codebook: setup
	$(PY) -m analysis codebook --write

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf reports .pytest_cache .hypothesis
