"""Convert the public Chinese NER corpora into spaCy DocBin files.

Why here: the project trains its own Chinese NER model offline (`make models`);
this module is the only place that knows the corpus formats and the label map.
Tokens are single characters, matching spaCy's ``char`` segmenter for Chinese,
so no entity boundary can ever fall inside a token.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

BIO_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "NAME": "PERSON"}
CLUENER_LABELS = {
    "name": "PERSON",
    "organization": "ORG",
    "government": "ORG",
    "company": "ORG",
    "address": "LOC",
}
# CLUENER "address" also covers street addresses; keep only place names.
_PLACE_END = re.compile(r"[省市县区州盟旗镇乡村国洲岛山河湖海江]$")
_NOT_PLACE = re.compile(r"[0-9０-９路街道号楼室巷弄栋层]")

Sample = tuple[str, list[tuple[int, int, str]]]


def read_char_tagged(path: Path, sep: str | None) -> Iterator[Sample]:
    """Read one-char-per-line BIO/BMES files (MSRA, People's Daily, Resume)."""
    chars: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), _spans_from_tags(tags)
                chars, tags = [], []
                continue
            parts = line.split(sep) if sep else line.split()
            if len(parts) < 2:
                continue
            chars.append(parts[0][:1] or " ")
            tags.append(parts[-1])
    if chars:
        yield "".join(chars), _spans_from_tags(tags)


def _spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO or BMES tags to (start, end, label) spans with the project's labels."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        mapped = BIO_LABELS.get(kind, "")
        continues = prefix in ("I", "M", "E") and mapped == label and start >= 0
        if not continues and start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "S") and mapped:
            start, label = i, mapped
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, i + 1, label))
            start, label = -1, ""
    return spans


def read_cluener(path: Path) -> Iterator[Sample]:
    """Read CLUENER2020 JSON lines, keeping the labels mapped to ours."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["text"]
            spans = []
            for kind, surfaces in record.get("label", {}).items():
                label = CLUENER_LABELS.get(kind)
                if label is None:
                    continue
                for surface, positions in surfaces.items():
                    if label == "LOC" and (_NOT_PLACE.search(surface) or not _PLACE_END.search(surface)):
                        label_here = None
                    else:
                        label_here = label
                    for start, end_incl in positions:
                        if label_here:
                            spans.append((start, end_incl + 1, label_here))
            yield text, _drop_overlaps(spans)


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def to_docbin(samples: list[Sample], out: Path) -> int:
    """Write samples as a DocBin of character-token docs; returns the count."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("zh").vocab
    db = DocBin(store_user_data=False)
    for text, spans in samples:
        words = list(text)
        doc = Doc(vocab, words=words, spaces=[False] * len(words))
        doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in spans]  # type: ignore[misc]
        db.add(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(samples)


CORPORA = ("msra", "peoples-daily", "cluener", "resume")


def build(data: Path, out_dir: Path, seed: int = 13, dev_size: int = 2000,
          corpora: tuple[str, ...] = CORPORA) -> dict[str, int]:
    """Build train/dev/test DocBins from ../shared/data/ner-zh (the chosen corpora only)."""
    zh = data / "ner-zh"
    readers = {
        "msra": lambda: read_char_tagged(zh / "msra" / "msra_train_bio", "\t"),
        "peoples-daily": lambda: read_char_tagged(zh / "peoples-daily-1998" / "example.dev", None),
        "cluener": lambda: read_cluener(zh / "cluener2020" / "train.json"),
        "resume": lambda: read_char_tagged(zh / "resume" / "train.char.bmes", None),
    }
    train: list[Sample] = []
    for name in corpora:
        train += list(readers[name]())
    random.Random(seed).shuffle(train)
    dev, train = train[:dev_size], train[dev_size:]
    test = list(read_char_tagged(zh / "msra" / "msra_test_bio", "\t"))
    counts = {
        "train": to_docbin(train, out_dir / "train.spacy"),
        "dev": to_docbin(dev, out_dir / "dev.spacy"),
        "msra_test": to_docbin(test, out_dir / "msra_test.spacy"),
    }
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("build/ner_zh"))
    parser.add_argument("--corpora", default=",".join(CORPORA), help=f"comma-separated subset of {CORPORA}")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.data, args.out, corpora=tuple(args.corpora.split(",")))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
