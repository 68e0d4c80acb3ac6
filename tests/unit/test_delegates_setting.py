"""The document setting: which bare word (代表 / 委员) names a national body on a page, decided once."""

from __future__ import annotations

import pytest

from pipeline.delegates.lexicon import cue_lexicon
from pipeline.delegates.setting import doc_setting

BOTH, NPC, CPPCC, NONE = {"NPC", "CPPCC"}, {"NPC"}, {"CPPCC"}, set()


@pytest.mark.parametrize(("text", "families"), [
    ("两会特刊·代表风采\n\n正文。", BOTH),
    ("十四届全国人大四次会议新闻中心举行记者会。", BOTH),
    ("全国政协十四届四次会议在京开幕。", BOTH),
    ("代表通道上，三位代表讲述了家乡变化。", BOTH),
    ("湖南代表团审议时，气氛热烈。", BOTH),
    ("代表委员共商国是。", BOTH),
    ("十四届全国人大常委会第二十次会议在京举行。", NONE),  # the standing committee, not the two sessions
    ("某省两会特刊\n\n某省十四届人大三次会议开幕。", NONE),
    ("全国两会召开前，某省十四届人大三次会议、某省政协十三届三次会议相继闭幕。", NONE),
    ("《某某日报》（2026年03月06日第 03 版）\n\n正文。", BOTH),
    ("《某某日报》（2026年01月20日第 03 版）\n\n正文。", NONE),
    ("正文。" * 200 + "2026年03月06日", NONE),  # a date deep in the body is no page date
    ("《某某日报》（2026年03月06日第 03 版）\n\n某县人大代表张某说。", CPPCC),
    ("全国人大代表张某表示，要加快找矿。", NPC),
    ("原全国人大代表张某表示，要加快找矿。", NONE),
    ("公司年会上，几位员工代表发言。", NONE),
])
def test_doc_setting(text: str, families: set[str]) -> None:
    assert set(doc_setting(text, cue_lexicon()).families) == families


def test_national_page_mentioning_local_sessions_in_passing_stays_national() -> None:
    text = "两会特刊\n\n全国两会上，代表们热议。年初召开的地方两会上，各省亮出了目标。全国两会期间，委员们建言。"
    assert set(doc_setting(text, cue_lexicon()).families) == BOTH
