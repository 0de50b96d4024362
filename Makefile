# The study's two commands: `make study` reruns every notebook and exports every figure,
# `make test` runs the tests and checks the committed notebooks' outputs with nbval.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: study test install clean

$(STAMP): pyproject.toml constraints.txt
	python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	# constraints.txt pins every package to the versions the study's outputs were made with.
	$(PYTHON) -m pip install --quiet --constraint constraints.txt -e .
	# An editable install compiles no bytecode, and where PYTHONDONTWRITEBYTECODE is set no run
	# writes any: every command would compile the package from source again (0.1-0.2 s).
	$(PYTHON) -m compileall -q analysis
	touch $(STAMP)

install: $(STAMP)

study: $(STAMP)
	$(PYTHON) -m analysis run

test: $(STAMP)
	$(PYTHON) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg

clean:
	rm -rf $(VENV)
