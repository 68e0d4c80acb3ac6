"""Versions of the package, its libraries and the models a config uses (for the run fingerprint)."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from pipeline.run.config import Config, project_path


def _dist(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _model_dir(path: Path) -> str:
    """A short digest of a model folder's meta files (what identifies a trained model)."""
    metas = sorted(p for p in Path(path).glob("**/*") if p.name in ("meta.json", "metrics.json", "features.pkl"))
    digest = hashlib.sha256()
    for p in metas:
        digest.update(p.read_bytes())
    return digest.hexdigest()[:12] if metas else "absent"


def versions(config: Config) -> dict[str, str]:
    info = {
        "pipeline": _dist("mining-ner"),
        "spacy": _dist("spacy"),
        "spacy-pkuseg": _dist("spacy-pkuseg"),
        "pkuseg_model": _model_dir(project_path(config.segment.pkuseg_model)),
    }
    if "ner" in config.stages:
        info["en_model"] = _dist(config.ner.en_model.replace("_", "-"))
        zh = config.ner.zh_lstm_model if config.ner.zh_backend == "lstm" else config.ner.zh_model
        info["zh_model"] = _model_dir(project_path(zh))
    return info


def versions_json(config: Config) -> str:
    return json.dumps(versions(config), sort_keys=True)
