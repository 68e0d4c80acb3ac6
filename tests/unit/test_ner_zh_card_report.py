"""The Chinese NER model card: facts read from a spaCy training log, and what the card must say."""

from __future__ import annotations

from pathlib import Path

from pipeline.tools.training.ner_zh_card import card, training_facts

LOG = """\x1b[38;5;4mi Pipeline: ['tok2vec', 'ner']\x1b[0m
E    #       LOSS TOK2VEC  LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE
---  ------  ------------  --------  ------  ------  ------  ------
  0       0          0.00     25.07    0.00    0.00    0.00    0.00
  0    1000       4071.78   9788.86   21.07   30.47   16.10    0.21
  3   18000      16380.12  22965.00   80.50   82.00   79.00    0.81
  3   18500      16380.12  22965.00   79.50   81.00   78.00    0.80
"""


def test_training_facts_from_log(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    log.write_text(LOG, encoding="utf-8")
    facts = training_facts(log)
    assert facts["steps"] == 18500 and facts["epochs"] == 4
    assert facts["best_dev"]["step"] == 18000
    assert abs(facts["best_dev"]["ents_f"] - 0.805) < 1e-9


def test_missing_log_is_reported_not_invented(tmp_path: Path) -> None:
    assert training_facts(tmp_path / "absent.log") == {"log": None}


def test_card_states_terms_command_and_scores() -> None:
    metrics = {
        "corpora": ["msra", "cluener", "resume"], "size_mb": 9.1,
        "architecture": {"segmenter": "char", "tok2vec": "CNN", "ner": "parser"},
        "training": {"steps": 100, "epochs": 1, "best_dev": {"step": 100, "ents_f": 0.5},
                     "wall_seconds": 600},
        "msra_test": {"sentences": 3, "chars": 30, "overall": {"p": 0.9, "r": 0.8, "f": 0.847},
                      "per_label": {"PERSON": {"p": 0.9, "r": 0.9, "f": 0.9}}},
        "seeds": None,
    }
    text = card(Path("models/ner_zh"), metrics)
    for needle in ("Research / evaluation use only", "MSRA", "CLUENER2020", "Resume NER", "make models",
                   "10 min", "| all | 0.900 | 0.800 | 0.847 |", "| PERSON | 0.900 | 0.900 | 0.900 |",
                   "Not measured"):
        assert needle in text
    assert "People's Daily" not in text  # only the corpora the model was trained on are listed
