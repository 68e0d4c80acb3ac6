"""Chinese media named by the frames that cite them (``pipeline.ner.media_zh``). Sentences and outlet names
are made up for the tests."""

from __future__ import annotations

import pytest

from pipeline.ner import media_zh


def _media(text: str) -> list[str]:
    return sorted(text[s:e] for s, e in media_zh.candidates(text, 0, len(text)))


@pytest.mark.parametrize(("text", "media"), [
    ("一位分析师接受岚山财经记者采访时表示，锂价仍将波动。", ["岚山财经"]),  # a reporter of the medium
    ("。岚山财经记者获悉，该矿已复产。", ["岚山财经"]),
    ("据澜江日报报道，铜矿扩建已获批。", ["澜江日报"]),  # a report of the medium
    ("据澜江通讯社援引知情人士报道，交易即将完成。", ["澜江通讯社"]),  # a quoting verb ends it
    ("据澜江通讯社此前报道，交易即将完成。", ["澜江通讯社"]),  # a time word ends it
    ("据澜江通讯社21日报道，交易即将完成。", ["澜江通讯社"]),  # a date ends it
    ("更多行情，尽在岚山财经APP", ["岚山财经"]),  # the medium's app
    ("请下载岚山财经客户端查看。", ["岚山财经"]),
])
def test_a_medium_in_a_citing_frame(text: str, media: list[str]) -> None:
    assert _media(text) == media


@pytest.mark.parametrize("text", [
    "据外媒报道，该公司计划扩产。",  # a class of sources
    "据当地媒体报道，矿山发生事故。",
    "据知情人士消息，交易即将完成。",
    "现场记者注意到，工人正在装车。",  # an ordinary word
    "下载手机APP即可查询。",
    "本报记者从自治区自然资源厅获悉，勘查工作进展顺利。",
    "根据我们得到的消息，项目已停工。",  # a clause, not a name
    "当天接受记者采访的几位专家表示。",
    "据阿根廷一家电视台报道，矿工已获救。",  # a count makes it a class
    "据俄报报道，谈判仍在继续。",  # a country's press
    "据北京消息，会议已闭幕。",  # a listed place
])
def test_no_medium_in_a_frame_filled_by_a_class_word_or_clause(text: str) -> None:
    assert _media(text) == []


def test_a_medium_is_an_org_of_the_whole_pipeline() -> None:
    from pipeline import extract

    text = "一位分析师接受岚山财经记者采访时表示，锂价仍将波动。"
    mentions = extract([text])["mentions"]
    assert ("岚山财经", "ORG") in set(zip(mentions.text, mentions.label, strict=True))



@pytest.mark.parametrize(("text", "media"), [
    ("他在《岚江晨报》发表评论。", ["岚江晨报"]),  # a newspaper in book-title marks, without the marks
    ("文章刊于《溪岭》杂志。", []),  # the press word must be inside the marks
    ("他在《星报》上撰文。", ["星报"]),  # two characters: the marks make it a title
    ("《溪岭财经周刊》报道了此事。", ["溪岭财经周刊"]),
    ("国家统计局发布《2023年统计公报》。", []),  # a report, not a newspaper
    ("论文发表在《岚江大学学报》上。", []),
    ("《政府工作报告》提出加强勘查。", []),
])
def test_a_newspaper_or_magazine_in_book_title_marks(text: str, media: list[str]) -> None:
    assert sorted(text[s:e] for s, e in media_zh.titled_media(text, 0, len(text))) == media


@pytest.mark.parametrize(("text", "sources"), [
    ("据岚溪资讯统计，今年精炼铜产量增长。", ["岚溪资讯"]),  # a data source cited for figures
    ("据Mysteel调研，本周铁矿石库存下降。", ["Mysteel"]),
    ("据岚溪市统计局消息，产量增长。", ["岚溪市统计局"]),  # 统计 inside a name: the data word closes nothing
    ("据岚溪统计局统计数据显示，产量增长。", ["岚溪统计局"]),
    ("据岚溪资讯调研发现，库存下降。", ["岚溪资讯"]),  # a verb after the data word
    ("今年产量增长，据岚溪资讯统计", ["岚溪资讯"]),  # the end of the text after it
    ("据本协会统计，产量增长。", []),  # the writer's own body
    ("据Fastmarkets报道，锂价下跌。", ["Fastmarkets"]),  # a Latin name is longer than ten characters
    ("SMM数据显示，碳酸锂均价下跌。", ["SMM"]),  # in Latin letters, opening a clause before its data
    ("据不完全统计，全国有百家企业。", []),  # how the count was made, no source
    ("据岚溪财富不完全统计，发行量下降。", ["岚溪财富"]),  # it ends the source's name
    ("据该委员会统计，产量增长。", []),  # a body named before
    ("据科学家测算，成本下降。", []),  # a class of persons
    ("GDP数据显示，经济增长。", []),  # a term
    ("今年一季度数据显示，产量增长。", []),  # Han text opening a clause before data: no frame
])
def test_a_data_source_is_named_by_how_figures_cite_it(text: str, sources: list[str]) -> None:
    assert [text[s:e] for s, e in media_zh.candidates(text, 0, len(text))] == sources


def test_a_reporter_of_the_medium_ends_its_name() -> None:
    text = "据澜江日报记者王明报道，铜价上涨。"  # the reporter is the medium's person, not part of its name
    assert [text[s:e] for s, e in media_zh.candidates(text, 0, len(text))] == ["澜江日报"]
