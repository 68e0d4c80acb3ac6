"""Character features of the Chinese BiLSTM-CRF tagger, shared by its training and its NumPy run time.

Why one module: the model only works when training and inference map text to ids in exactly the same way
(normalised characters, the two bigrams around each character, the dictionary-match code), so both import
these functions; nothing here needs PyTorch.

Features per character ``i`` of a text:
- ``char``: the normalised character (full-width ASCII to ASCII, digits to ``0``, Latin letters lower-cased,
  every blank to one space);
- ``bigram_left`` / ``bigram_right``: the normalised bigrams ``c[i-1]c[i]`` and ``c[i]c[i+1]``, with ``\\x02`` /
  ``\\x03`` standing for the text's start and end;
- ``lexicon``: a 4-bit code of the positions (Begin, Middle, End, Single... of words of 2+ characters: bits
  B=1, M=2, E=4) at which the character stands in any dictionary word found in the text (longest word
  ``max_word`` characters), 0..7.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

UNK = 1  # id of an unknown character / bigram (0 is padding)
BOS, EOS = "\x02", "\x03"
TAGS_PREFIXES = ("B", "I", "E", "S")
LEXICON_CODES = 8


def _normal_char(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        ch = chr(code - 0xFEE0)
    if ch.isspace() or code == 0x3000:
        return " "
    if "0" <= ch <= "9":
        return "0"
    return ch.lower() if ch.isascii() else ch


_CACHE: dict[str, str] = {}


def normalise(text: str) -> str:
    """One normalised character per input character (same length, so offsets carry over)."""
    out = []
    for ch in text:
        n = _CACHE.get(ch)
        if n is None:
            n = _CACHE.setdefault(ch, _normal_char(ch))
        out.append(n)
    return "".join(out)


def char_ids(norm: str, vocab: Mapping[str, int]) -> np.ndarray:
    return np.fromiter((vocab.get(c, UNK) for c in norm), dtype=np.int64, count=len(norm))


def bigram_ids(norm: str, vocab: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the left (``c[i-1]c[i]``) and right (``c[i]c[i+1]``) bigram of each character."""
    padded = BOS + norm + EOS
    pairs = [padded[i:i + 2] for i in range(len(padded) - 1)]
    ids = np.fromiter((vocab.get(p, UNK) for p in pairs), dtype=np.int64, count=len(pairs))
    return ids[:-1], ids[1:]


def lexicon_codes(norm: str, words: frozenset[str] | set[str], prefixes: frozenset[str] | set[str],
                  max_word: int) -> np.ndarray:
    """Per character, the B/M/E bits of every dictionary word (2+ chars) covering it; ``prefixes`` holds every
    proper prefix of a dictionary word so the scan from a start stops as soon as no word can continue."""
    n = len(norm)
    code = np.zeros(n, dtype=np.int64)
    for i in range(n - 1):
        for j in range(i + 2, min(n, i + max_word) + 1):
            piece = norm[i:j]
            if piece in words:
                code[i] |= 1
                code[j - 1] |= 4
                if j - i > 2:
                    code[i + 1:j - 1] |= 2
            if piece not in prefixes:
                break
    return code


def word_prefixes(words: Iterable[str]) -> frozenset[str]:
    """Every proper prefix (2+ chars) of the words, for the early stop in :func:`lexicon_codes`."""
    return frozenset(w[:k] for w in words for k in range(2, len(w)))


def tag_names(labels: Sequence[str]) -> list[str]:
    """The BIOES tag set: ``O`` first, then B/I/E/S of each label."""
    return ["O", *[f"{p}-{lab}" for lab in labels for p in TAGS_PREFIXES]]


def spans_to_tags(n: int, spans: Iterable[tuple[int, int, str]], tags: Mapping[str, int]) -> np.ndarray:
    out = np.zeros(n, dtype=np.int64)
    for s, e, lab in spans:
        if e - s == 1:
            out[s] = tags[f"S-{lab}"]
        else:
            out[s] = tags[f"B-{lab}"]
            out[s + 1:e - 1] = tags[f"I-{lab}"]
            out[e - 1] = tags[f"E-{lab}"]
    return out


def partial_allowed(n: int, spans: Sequence[tuple[int, int, str]], tags: Mapping[str, int],
                    open_label: str = "LOC") -> np.ndarray:
    """Tags allowed at each character of a sentence from a corpus that marks every person and organisation
    but not every place (CLUENER2020 marks addresses; a country or city in running text is often unmarked).
    Inside a person or organisation only its gold tag; elsewhere O or any place tag, so training sums over
    the readings the corpus leaves open instead of teaching that an unmarked place is no place."""
    gold = spans_to_tags(n, spans, tags)
    closed = np.zeros(n, dtype=bool)
    for s, e, label in spans:
        if label != open_label:
            closed[s:e] = True
    allowed = np.zeros((n, len(tags)), dtype=bool)
    allowed[np.flatnonzero(closed), gold[closed]] = True
    open_ids = np.array([i for t, i in tags.items() if t == "O" or t.endswith("-" + open_label)])
    allowed[np.ix_(~closed, open_ids)] = True
    return allowed


def tags_to_spans(seq: Sequence[int], names: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIOES tag ids to (start, end, label); a B/I run without its E is closed where it stops, an I or E
    without a B starts a span (lenient, so a rare invalid path still yields its entity)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate(seq):
        prefix, _, lab = names[t].partition("-")
        if prefix == "O" or (start >= 0 and lab != label) or prefix in ("B", "S"):
            if start >= 0:
                spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "O":
            continue
        if start < 0:
            start, label = i, lab
        if prefix in ("E", "S"):
            spans.append((start, i + 1, label))
            start, label = -1, ""
    if start >= 0:
        spans.append((start, len(seq), label))
    return spans
