"""Run the figure extractor on other projects' test suites and report pass rates per suite and category.

usage: python tests/acceptance/peer_figures.py [--fails SUITE] [--json]

Suites (read-only, in shared/peers/):
  rt-currency-{en,zh}, rt-dimension-{en,zh}  recognizers-text NumberWithUnit Currency/DimensionModel.json
  rt-number-{en,zh}                          recognizers-text Number NumberModel.json (tests parse_number)
  rt-percent-{en,zh}                         recognizers-text Number PercentModel.json
  quantulum                                  quantulum3 quantities.json

What "pass" means (decided here, once, for every suite):
  * An expected result is IN SCOPE when its unit maps to one of our unit codes
    (tests/data/figures/peer_units.json); other units are OUT OF SCOPE and are
    listed with the reason (temperature, data sizes, angles, ...). For the
    Number suites, scientific notation, Indian scale words and English
    fractions are out of scope (see ``_number_category``).
  * A case passes when EVERY in-scope expected result is matched by one
    predicted figure with
      - the same unit code (a predicted rate "USD/share" also matches "USD":
        the peers have no rates and stop their span before "a share"),
      - the same value (and low/high end for a quantulum range) to 6
        significant digits, as shared/eval/score.py compares values,
      - a span that overlaps the expected span (where the suite gives one).
    Extra predicted figures do not fail a case: the peers do not annotate every
    figure our guidelines count (counts with nouns, durations).
  * A NumberWithUnit case that expects no result (a negative) passes when we
    predict no figure of that model's kinds (money for Currency, measures for
    Dimension).
  * Number suites: a result passes when parse_number(result text) equals the
    expected value to 6 significant digits.
  * Percent suites: "个百分点" is a percentage point; we code it ``pp`` and the
    peers code it %, so ``pp`` counts as a match there (same value).
  * Out of scope everywhere: compound amounts that add a subunit written after
    the unit ("3 dollars 50 cents", "五元三毛", "5 ft 2 in"): our value is in
    the unit as written; Indian scale words and digit grouping (lakh, crore,
    12,34,567).
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PEERS = SHARED / "peers"
RT = PEERS / "recognizers-text" / "Specs"
UNITS = json.loads((ROOT / "tests" / "data" / "figures" / "peer_units.json").read_text(encoding="utf-8"))

sys.path.insert(0, str(ROOT))

from pipeline.figures import FigureMatch, extract_figures, parse_number  # noqa: E402

MEASURE_KINDS = {"area", "length", "mass", "volume", "energy", "power", "rate"}


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return float(f"{a:.6g}") == float(f"{b:.6g}")


def _unit_ok(pred: str, code: str) -> bool:
    return pred == code or ("/" not in code and pred.split("/")[0] == code) or (code == "%" and pred == "pp")


_UNIT_WORD = (
    r"(?i:dollars?|usd|us\$|\$|€|£|yuan|rmb|kuai|cents?|euros?|pounds?|yen|ft|feet|foot|in\b|inch(?:es)?|"
    r"[元角分毛块]|美元|美分|日元|日本銭)"
)
_NUMBERISH = (
    r"(?:\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred)\b|[一二两三四五六七八九十])"
)


def _out_of_scope_text(written: str) -> str | None:
    """Reason a written expected result is out of scope, judged from its text alone."""
    if re.search(r"(?i)\b(?:half|halves|quarters?|thirds?)\b|[½⅓⅔¼¾]", written):
        return "out: English fraction words (a trillionth, three twenty-firsts, one out of three, ½)"
    if re.search(r"[\u4e00-\u9fff][ \t]+[\u4e00-\u9fff]", written):
        return "out: Chinese characters of one numeral or unit spaced apart (一 百 五 十 个 百 分 点)"
    if re.search(r"(?i)\b(?:lakh|crore)\b|\d{1,2},\d{2},\d{3}", written):
        return "out: Indian scale words and digit grouping (lakh, crore, 12,34,567)"
    if re.search(_NUMBERISH + r"[\s\w.,-]*?" + _UNIT_WORD + r"\s*(?:and\s+|又)?" + _NUMBERISH, written):
        return "out: compound amounts with a subunit after the unit (3 dollars 50 cents, 五元三毛, 5 ft 2 in)"
    return None


def _found(
    figs: list[FigureMatch], code: str, low: float, high: float | None, span: tuple[int, int] | None
) -> bool:
    for f in figs:
        if not _unit_ok(f.unit, code):
            continue
        if not _same(float(f.value), low) and not (high is None and f.value_high is not None):
            continue
        if high is not None and not _same(None if f.value_high is None else float(f.value_high), high):
            continue
        if (
            high is None
            and f.value_high is not None
            and not (_same(float(f.value), low) or _same(float(f.value_high), low))
        ):
            continue
        if span is not None and not (f.start < span[1] and span[0] < f.end):
            continue
        return True
    return False


class Tally:
    """Pass counts per (suite, category) plus failures for inspection."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.out: dict[tuple[str, str], int] = defaultdict(int)
        self.fails: dict[str, list[str]] = defaultdict(list)

    def add(self, suite: str, category: str, ok: bool, detail: str) -> None:
        c = self.counts[(suite, category)]
        c[0] += int(ok)
        c[1] += 1
        if not ok:
            self.fails[suite].append(f"[{category}] {detail}")

    def summary(self) -> dict[str, Any]:
        suites: dict[str, Any] = {}
        for (suite, cat), (ok, n) in sorted(self.counts.items()):
            s = suites.setdefault(suite, {"passed": 0, "cases": 0, "categories": {}, "out_of_scope": {}})
            s["passed"] += ok
            s["cases"] += n
            s["categories"][cat] = {"passed": ok, "cases": n, "rate": round(ok / n, 4)}
        for (suite, reason), n in sorted(self.out.items()):
            suites.setdefault(suite, {"passed": 0, "cases": 0, "categories": {}, "out_of_scope": {}})
            suites[suite]["out_of_scope"][reason] = n
        for s in suites.values():
            s["rate"] = round(s["passed"] / s["cases"], 4) if s["cases"] else None
        return suites


def _rt_cases(path: Path) -> Iterator[dict[str, Any]]:
    yield from json.loads(path.read_text(encoding="utf-8"))


def run_with_unit(t: Tally, suite: str, path: Path, model: str) -> None:
    """recognizers-text NumberWithUnit (Currency/Dimension) suites."""
    for case in _rt_cases(path):
        text, results = case["Input"], case["Results"]
        figs = extract_figures(text)
        if not results:
            kinds = {"money"} if model == "currency" else MEASURE_KINDS
            bad = [f.text for f in figs if f.kind in kinds]
            t.add(suite, "negative", not bad, f"{text!r} -> unexpected {bad}")
            continue
        expected = []
        for r in results:
            name = r["Resolution"].get("unit")
            code = UNITS.get(f"{model}/{name}")
            value = r["Resolution"].get("value")
            reason = _out_of_scope_text(r["Text"])
            if reason:
                t.out[(suite, reason)] += 1
                continue
            if code is None or code.startswith("out:") or value is None:
                reason = (
                    code
                    if code and code.startswith("out:")
                    else f"out: unit without a value or unknown ({name})"
                )
                t.out[(suite, reason)] += 1
                continue
            expected.append((code, float(value), (r["Start"], r["End"] + 1), name))
        if not expected:
            continue
        ok = all(_found(figs, code, v, None, span) for code, v, span, _ in expected)
        got = [(f.text, str(f.value), f.unit) for f in figs]
        t.add(suite, expected[0][0], ok, f"{text!r} expected {[e[:2] for e in expected]} got {got}")


NUMBER_OUT = {
    "power": "out: scientific notation (1e10, 1.1^23, 1.3x10^6)",
    "indian": "out: Indian scale words and digit grouping (lakh, crore, 12,34,567)",
    "en-fraction": "out: English fraction words (a trillionth, three twenty-firsts, one out of three, ½)",
    "dozen": "out: dozen counts (dozen, 打) and 半百",
    "comma": "out: a comma as decimal separator (1,3; 1.111,11)",
}


def _number_category(text: str, lang: str) -> str:
    """Category of a NumberModel result; a key of NUMBER_OUT when it is out of scope."""
    if re.search(r"\d\s*[eE][-+]?\d|\^|[xX]\s*10", text):
        return "power"
    if re.search(r"(?i)crore|lakh", text):
        return "indian"
    if lang == "en" and re.search(
        r"(?i)half|halves|quarter|th\b|ths\b|firsts?\b|seconds?\b|thirds?\b|over\b|out of|"
        r"\d\s+in\s|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]",
        text,
    ):
        return "en-fraction"
    if re.search(r"(?i)doz|打|半百", text):
        return "dozen"
    if re.fullmatch(r"-?\d+,\d{1,2}|\d{1,3}(?:\.\d{3})+,\d+", text.strip()):
        return "comma"
    if "/" in text:
        return "fraction"
    if "分之" in text:
        return "fraction"
    if re.search(r"[负負]|^-|(?i:negative|minus)", text):
        return "negative"
    if re.search(r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]", text):
        return "financial numerals"
    if re.search(r"\d", text) and re.search(r"[A-Za-z\u4e00-\u9fff]", text):
        return "mixed digits and words"
    if re.search(r"\d", text):
        return "digits"
    return "words"


def run_number(t: Tally, suite: str, path: Path, lang: str) -> None:
    for case in _rt_cases(path):
        for r in case["Results"]:
            text, value = r["Text"], r["Resolution"].get("value")
            if value is None:
                t.out[(suite, "out: result without a value")] += 1
                continue
            cat = _number_category(text, lang)
            if cat in NUMBER_OUT:
                t.out[(suite, NUMBER_OUT[cat])] += 1
                continue
            got = parse_number(text)
            ok = got is not None and _same(float(got), float(value))
            t.add(suite, cat, ok, f"{text!r} expected {value} got {got}")


def run_percent(t: Tally, suite: str, path: Path) -> None:
    for case in _rt_cases(path):
        text = case["Input"]
        for r in case["Results"]:
            written = r["Text"]
            reason = _out_of_scope_text(written)
            if reason:
                t.out[(suite, reason)] += 1
                continue
            if "折" in written or "对折" in written:
                t.out[(suite, "out: 折 (a discount, not a percentage of something)")] += 1
                continue
            if re.match(r"(?i)\s*(per\s*cents?|percents?|percentage)\s+of\b", written):
                t.out[(suite, "out: 'percent of N' (percent written before the number)")] += 1
                continue
            raw = (r["Resolution"].get("value") or "null").rstrip("%")
            if raw == "null":
                t.out[(suite, "out: result without a value")] += 1
                continue
            value = float(raw)
            figs = extract_figures(text)
            cat = (
                "成 (tenths)"
                if "成" in written
                else (
                    "百分之"
                    if "百分之" in written
                    else ("words" if re.search(r"[A-Za-z]{3,}", written) else "%")
                )
            )
            ok = _found(figs, "%", value, None, (r["Start"], r["End"] + 1))
            t.add(
                suite,
                cat,
                ok,
                f"{text!r} expected {value}% got {[(f.text, str(f.value), f.unit) for f in figs]}",
            )


def run_quantulum(t: Tally, path: Path) -> None:
    suite = "quantulum"
    for case in json.loads(path.read_text(encoding="utf-8")):
        text = case["req"]
        figs = extract_figures(text)
        expected = []
        for r in case["res"]:
            code = UNITS.get(f"quantulum/{r['unit']}")
            reason = _out_of_scope_text(r["surface"])
            if code is None or code.startswith("out:") or reason:
                t.out[(suite, reason or code or f"out: unknown unit ({r['unit']})")] += 1
                continue
            v, u = float(r["value"]), r.get("uncertainty")
            low, high = (v - u, v + u) if u else (v, None)
            pos = text.find(r["surface"])
            span = (pos, pos + len(r["surface"])) if pos >= 0 else None
            expected.append((code, low, high, span))
        if not expected:
            continue
        ok = all(_found(figs, code, low, high, span) for code, low, high, span in expected)
        got = [(f.text, str(f.value), f.value_high, f.unit) for f in figs]
        t.add(suite, expected[0][0], ok, f"{text!r} expected {[e[:3] for e in expected]} got {got}")


def run_all() -> Tally:
    t = Tally()
    for lang, folder in (("en", "English"), ("zh", "Chinese")):
        run_with_unit(
            t, f"rt-currency-{lang}", RT / "NumberWithUnit" / folder / "CurrencyModel.json", "currency"
        )
        run_with_unit(
            t, f"rt-dimension-{lang}", RT / "NumberWithUnit" / folder / "DimensionModel.json", "dimension"
        )
        run_number(t, f"rt-number-{lang}", RT / "Number" / folder / "NumberModel.json", lang)
        run_percent(t, f"rt-percent-{lang}", RT / "Number" / folder / "PercentModel.json")
    run_quantulum(t, PEERS / "quantulum3" / "quantities.json")
    return t


def main(argv: list[str]) -> int:
    t = run_all()
    summary = t.summary()
    passed = sum(x["passed"] for x in summary.values())
    cases = sum(x["cases"] for x in summary.values())
    if "--json" in argv:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{'ALL':16} in scope {passed:4}/{cases:<4} = {passed / cases:.4f}")
        for suite, s in summary.items():
            print(f"{suite:16} in scope {s['passed']:4}/{s['cases']:<4} = {s['rate']}")
            for cat, c in s["categories"].items():
                print(f"    {cat:26} {c['passed']:4}/{c['cases']:<4} {c['rate']:.3f}")
            for reason, n in s["out_of_scope"].items():
                print(f"    [{n:3} out of scope] {reason[5:]}")
    if "--fails" in argv:
        suite = argv[argv.index("--fails") + 1]
        print("\n".join(t.fails[suite]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
