"""Chinese company short names read from their context (``pipeline.ner.companies_zh``). Sentences and
company names are made up for the tests."""

from __future__ import annotations

import pytest

from pipeline.ner import companies_zh


def _lex() -> companies_zh._Lex:
    return companies_zh._lex()


@pytest.mark.parametrize(("text", "names"), [
    ("环保督察发现，民营炼化企业岚江炼化存在超产问题。", ["岚江炼化"]),  # after a describing noun
    ("西南磷化工龙头溪岭股份发布公告。", ["溪岭股份"]),
    ("这家企业发展很快，股份制改革已完成。", []),  # no brand before the industry word
    ("建议支持企业利用期货市场保障供给。", []),  # a plain 企业 alone: the object of a verb
    ("紫云投资（某矿业全资子公司发起的私募基金）出资一亿元。", ["紫云投资"]),  # a gloss: a weak word will do
    ("岚峰期货控股股东原为岚峰证券。", ["岚峰期货", "岚峰证券"]),  # 控股 opens 控股股东: it ends no name
    ("加大投资（含财政资金）力度。", []),  # a gloss that names no company
])
def test_a_brand_after_a_noun_that_describes_it(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("在湖北省宜昌市鑫川总部，工人正在装车。", ["鑫川"]),  # a brand right after a listed place in full
    ("记者来到鑫川总部，看到工人正在装车。", ["鑫川"]),
])
def test_the_owner_of_a_headquarters(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG"]
    assert found == names


def test_brands_of_company_names() -> None:
    assert companies_zh.brands({"溪岭股份", "溪岭煤电集团", "溪岭普定", "安顺市人民政府"}) == {"溪岭"}


def _subsidiaries(text: str, brand: str) -> list[str]:
    at = text.index(brand)
    return [text[s:e] for s, e in companies_zh.subsidiary_names(text, 0, len(text), [(at, at + len(brand))])]


@pytest.mark.parametrize(("text", "brand", "names"), [
    ("鞍钢澜昊生产的耐磨钢板已出口多国。", "鞍钢", ["鞍钢澜昊"]),  # a maker's verb after the name
    ("中铝岚嵘表示，新产线将于年底投产。", "中铝", ["中铝岚嵘"]),  # market news
    ("鞍钢澜昊董事长在会上发言。", "鞍钢", ["鞍钢澜昊"]),  # a title only a company has
    ("鞍钢工人生产的钢板质量很好。", "鞍钢", []),  # an ordinary word after the brand
    ("鞍钢今年生产的钢板增加。", "鞍钢", []),
    ("鞍钢集团生产的钢板增加。", "鞍钢", []),  # a full name: the suffix grammar's
    ("鞍钢澜昊还要求各厂加快进度。", "鞍钢", []),  # no maker, news or title cue after it
])
def test_a_subsidiary_named_after_its_group(text: str, brand: str, names: list[str]) -> None:
    assert _subsidiaries(text, brand) == names


def test_a_subsidiary_replaces_its_group_brand_in_the_mentions() -> None:
    from pipeline import extract

    text = "鞍钢澜昊生产的耐磨钢板已出口多国。鞍钢今年生产的钢板增加。"
    mentions = extract([text])["mentions"]
    assert sorted(mentions[mentions.label == "ORG"].text) == ["鞍钢", "鞍钢澜昊"]


@pytest.mark.parametrize(("text", "names"), [
    ("除澜丰银行之外，其他银行净利润下降。", ["澜丰银行"]),  # a coined brand after a stop word
    ("。岚峰钼业上半年净利润增长。", ["岚峰钼业"]),
    ("从环比来看，商业银行净利润下降。", []),  # an ordinary word before the bank word: a class
    ("传统矿业和钼业企业都在转型。", []),
    ("这些银行净利润下降。", []),
    ("他每月初把钱送到银行。", []),  # no brand opens the phrase
    ("院所高科技企业发展很快。", []),  # the word goes on (科技)
    ("澜丰入局期货业引发关注。", []),  # 期货业: the industry, not a company
])
def test_a_coined_brand_before_a_company_word(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.coined_brands(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("该公司的客户包括岚峰汽车和北岭动力，订单饱满。", ["岚峰汽车", "北岭动力"]),  # after a business party
    # closed by 等 + a class of companies
    ("目前，包括岚峰锂业、北岭新材、澜江钴业等企业均已扩产。", ["岚峰锂业", "北岭新材", "澜江钴业"]),
    ("锂盐厂商如岚峰锂业、北岭锂业等龙头企业纷纷扩产。", ["岚峰锂业", "北岭锂业"]),
    ("包括国有企业、民营企业等企业都参与了竞标。", []),  # classes of companies, no names
    ("包括北京、上海等城市都出台了政策。", []),  # places, and no class of companies after 等
    ("客户包括车企和储能企业。", []),
    ("球队力争战胜对手为小组出线打基础。", []),
])
def test_companies_named_in_a_list(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.listed_companies(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("XK能源与澳洲锂矿商签下大单。", ["XK能源"]),  # a Latin brand + an industry word, at a word's end
    ("QZ控股称，将继续增持。", ["QZ控股"]),
    ("本届ECL电子竞技联赛开幕。", []),  # the word goes on (电子竞技)
    ("GDP能源消耗下降。", []),  # a term, not a brand
])
def test_a_latin_brand_before_an_industry_word(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.latin_brands(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚江矿业旗下卡鲁拉-马贝铜矿扩建完成。", ["岚江矿业"]),  # a dash joins the owned name to more: no end known
    ("岚江矿业旗下溪岭股份发布公告。", ["岚江矿业", "溪岭股份"]),
    ("岚江矿业旗下溪岭股份-B股上涨。", ["岚江矿业", "溪岭股份"]),  # a share class after the dash, not a name
])
def test_an_owned_name_joined_on_by_a_dash_is_not_cut_at_the_dash(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG"]
    assert found == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚江矿业正在考虑出售旗下部分煤矿资产。", []),  # verbs of intent and transfer are no owner's name
    ("溪岭股份准备转让旗下两家公司。", []),
    ("溪岭股份旗下两家公司上市。", ["溪岭股份"]),
])
def test_verbs_before_an_ownership_cue_are_no_owner(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG" and text[e:e + 2] == "旗下"]
    assert found == names


@pytest.mark.parametrize(("text", "names"), [
    # a registered name in full after an ownership cue, however long
    ("岚江集团旗下定川溪岭新材料资源有限公司获得采矿证。", ["岚江集团", "定川溪岭新材料资源有限公司"]),
    # a determiner opens a reference, not a name
    ("该集团旗下两家公司上市。", []),
    # a count opens a kind counted, not a name (no owned name: 一座锂矿 is one of its mines)
    ("溪岭矿业旗下三座铜矿。", ["溪岭矿业"]),
])
def test_owned_registered_names_and_references(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG"]
    assert found == names


@pytest.mark.parametrize(("text", "names"), [
    ("*ST岚峰收到交易所问询函。", ["*ST岚峰"]),  # no cue after it: the usual two characters
    ("公告显示，ST溪岭股价大涨。", ["ST溪岭"]),  # a cue word ends it
    ("S*ST华岚复牌。", ["S*ST华岚"]),  # the longest prefix, once
    ("ST岚江股份公告称拟回购。", ["ST岚江股份"]),  # an industry word ends a longer name
    ("BEST公司发布新品。", []),  # ST inside a Latin word
])
def test_a_risk_warning_prefix_marks_a_company(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.risk_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "anchor", "names"), [
    ("岚山矿业、北辰锂业和东岳钴业股价上涨。", "东岳钴业", ["北辰锂业", "岚山矿业"]),  # a chain of short names
    ("华岭新材与西岭黄金已签署协议。", "华岭新材", ["西岭黄金"]),
    ("华岭新材与西岭黄金签署协议。", "华岭新材", ["西岭黄金"]),  # a verb of agreement ends a name
    ("中粮控股的中粮期货、江铜控股的金瑞期货。", "中粮期货", []),  # 控股的: a verb, no name
    ("公司披露了定向发行股份及岚峰矿业的公告。", "岚峰矿业", []),  # too long for a short name
    ("岚山矿业和当地政府签约。", "岚山矿业", []),  # not of a company's shape
])
def test_short_names_joined_to_a_company_are_companies(text: str, anchor: str, names: list[str]) -> None:
    start = text.index(anchor)
    found = companies_zh.coordinated(text, 0, len(text), [(start, start + len(anchor))])
    assert [text[s:e] for s, e in found] == names


def test_a_metal_trade_word_for_every_unambiguous_metal() -> None:
    words = companies_zh.mineral_trade_words()
    assert {"钨业", "锑业", "镍业", "锌业", "钒业"} <= set(words)
    assert not {"铁业", "金业", "锡业", "铜业"} & set(words)  # 钢铁业 is a trade; 金, 锡 stand in names and places


@pytest.mark.parametrize(("text", "names"), [
    ("岚川钨业今年产量增长两成。", ["岚川钨业"]),  # a metal trade word opens a sentence as 锂业 does
    ("溪岭锑业发布公告称拟扩产。", ["溪岭锑业"]),
    ("除溪禾镍业之外，其他企业均已停产。", []),  # no cue: coined_brands reads this one
    ("我国钨业发展迅速。", []),  # one character before it: no brand
])
def test_a_metal_company_named_by_its_trade(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("除溪禾镍业之外，其他企业均已停产。", ["溪禾镍业"]),
    ("推进传统钨业转型升级。", []),  # an ordinary word before the trade word names a class
])
def test_a_coined_brand_before_a_metal_trade_word(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.coined_brands(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("溪禾能源发布公告称，公司拟投资建设光伏项目。", ["溪禾能源"]),  # a coined brand + 能源 files a notice
    ("今年以来，鹏岳资源股价上涨三成。", ["鹏岳资源"]),  # and has a share price
    ("溪禾能源表示将扩大产能。", []),  # 表示: a bureau or a person speaks too, the weak word needs a filing cue
    ("清洁能源发布公告称将招标。", []),  # an ordinary word before the weak word names a class
    ("矿产资源公告称已完成登记。", []),
    ("江西能源股价上涨。", ["江西能源"]),  # a place is a brand too: only a company has a share price
    ("冀中能源发布公告称拟扩产。", ["冀中能源"]),  # a region named by a province's form (and an ordinary word)
])
def test_a_weak_industry_word_after_a_coined_brand_that_files(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("璞川来公告称，公司拟回购股份。", ["璞川来"]),  # no industry word: the filing cue alone
    ("今年以来，岚钼科创新股价大涨。", []),  # five characters: too long for a short name
    ("今年以来，岚钼新科股价上涨。", ["岚钼新科"]),
    ("受此影响，行业龙头股价下跌。", []),  # a class of companies, no name
    ("马鞍山股价指数收涨。", []),  # a place
    ("张伟明公告称辞去董事职务。", []),  # a surname + given name
    ("格林泰股价上涨。", ["格林泰"]),  # three characters: no two-word reading
    ("资格预审公告称报名截止。", []),  # a notice's kind, two ordinary words
    ("今年以来，锂电板块股价上涨。", []),  # a sector
    ("新能源发布公告称将招标。", []),  # an industry word after less than a brand
    ("矿产资源发布公告称已登记。", []),  # an industry word after an ordinary word
    ("岚钼新科营收创历史新高。", ["岚钼新科"]),  # a company's results
    ("璞川来前三季度净利润同比增长。", ["璞川来"]),  # the results' period between name and cue
    ("璞川来2024年上半年净利润下降。", ["璞川来"]),
    ("格林泰总市值突破千亿元。", ["格林泰"]),
    ("前三季度净利润同比增长。", []),  # a time, not a company
    ("去年同期营收有所下降。", []),
    ("约占招行净利润的一成。", []),  # the list knows the company: 约占 opens the clause
    # a share price's moves, with 等 or a time of the session between
    ("盘中，璞川来一度涨超5%。", ["璞川来"]),
    ("岚钼新科、格林泰等涨幅居前。", ["格林泰", "岚钼新科"]),  # the item next to the cue and the list's others
    ("午后，创业板指涨超2%。", []),  # an index
    ("碳酸锂期货跌停。", []),  # a commodity's contract
    ("氧化镨钕涨超3%。", []),  # a commodity
    ("受此影响，岚江煤价大跌。", []),  # a price
    # a listed place + an industry word is a company named after its home, though both are ordinary words
    ("湖南矿业股价上涨。", ["湖南矿业"]),
    ("淮北能源公告称，公司拟回购股份。", ["淮北能源"]),
    ("煤炭开采涨超2%。", []),  # a sector named by its trade
    # a rise or fall by a percentage is a move
    ("截至收盘，岚峰科创涨5.2%，岚钼新科跌3%。", ["岚峰科创", "岚钼新科"]),
    ("恒生指数跌2%。", []),  # an index (two ordinary words)
    ("截至收盘，格林美大涨5%。", ["格林美"]),  # 大涨 is a move cue of its own: three characters will do
    ("岚峰科创等涨5%。", ["岚峰科创"]),  # the gap before a rise by a percentage
    ("岚钼新科、岚峰科创等涨5%。", ["岚峰科创", "岚钼新科"]),
    ("碳酸锂涨5%。", []),  # a commodity
    ("出口额涨5%。", []),  # a rise by a percentage: four characters, a share's short name, not a quantity
    # the items of a list before 等 and a move are shares, whatever each looks like
    ("板块走强，岚力永磁、中岚三环、格林泰等涨幅居前。", ["格林泰", "中岚三环", "岚力永磁"]),
    ("北京、岚峰科创等涨幅居前。", ["岚峰科创"]),  # an ordinary word in the list: only the item next to the cue
    ("锂矿、钴矿、格林泰等涨幅居前。", ["格林泰"]),  # commodities are no shares: the rest of the list is not read
    # a broker's outlook: what is expected to benefit is a share, not a sector or a class of companies
    ("分析人士认为，岚峰锂业有望受益于锂价上涨。", ["岚峰锂业"]),
    ("分析人士认为，锂电板块有望受益于政策利好。", []),
    ("钴矿巨头有望受益于价格上涨。", []),  # a describing noun names a class
    ("分析人士认为，锂矿股有望受益。", []),  # a sector's shares; a share's short name has four characters
    ("分析人士认为，储能电池有望受益。", []),  # a product
    ("分析人士认为，卡梅科有望受益于铀价上涨。", ["卡梅科"]),  # three transliteration characters: a foreign name
    ("岚峰电池涨停。", ["岚峰电池"]),  # before a move a name may end in a product word
    ("锂电池涨停。", []),  # but not a product a mineral, an ordinary word or a sector names
    ("出口链涨停。", []),
    ("新能源车跌停。", []),
    ("岚峰控股涨停。", ["岚峰控股"]),  # 股 ends the company word 控股, not a sector's shares (锂矿股)
])
def test_a_short_name_that_files_a_notice_or_has_a_share_price(text: str, names: list[str]) -> None:
    found = companies_zh.filers(text, 0, len(text), _lex(), lambda s, e: text[s:e] == "张伟明")
    assert [text[s:e] for s, e in found] == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚峰科技董事长表示将扩产。", ["岚峰科技"]),
    ("锂电板块董事长表示将扩产。", []),  # a sector has no chairman
    ("新能源董事长表示将扩产。", []),
])
def test_a_short_name_before_a_title_only_a_company_has(text: str, names: list[str]) -> None:
    found = companies_zh.before_company_titles(text, 0, len(text), _lex(), lambda s, e: False)
    assert [text[s:e] for s, e in found] == names


@pytest.mark.parametrize(("text", "names"), [
    ("卡诺维斯首席执行官莫兰·迪亚兹表示，镍价仍将承压。", ["卡诺维斯"]),  # the holder follows the title
    ("卡诺维斯首席执行官表示，镍价仍将承压。", ["卡诺维斯"]),  # transliteration characters only: a foreign
    ("埃尔文首席财务官称，公司将削减开支。", ["埃尔文"]),  # person's title stands before the name, not after
    ("高德康董事长表示将扩产。", []),  # transliteration characters, but a Han surname + given name
    ("马丽娜总经理表示将扩产。", []),
    ("王建明董事长周一表示将扩产。", []),  # a Han name after the title is not read (周一 is a day)
    ("王建明董事长表示将扩产。", []),  # a Han name holds its own title
    ("刘晓东总经理表示将扩产。", []),
])
def test_a_name_the_model_read_as_a_person_before_a_title_and_its_holder(text: str, names: list[str]) -> None:
    persons = {"卡诺维斯", "埃尔文", "王建明", "刘晓东", "高德康", "马丽娜"}  # what the model read as persons
    found = companies_zh.before_company_titles(text, 0, len(text), _lex(), lambda s, e: text[s:e] in persons)
    assert [text[s:e] for s, e in found] == names


@pytest.mark.parametrize(("text", "names"), [
    ("澳大利亚稀土生产商卡诺维斯表示，将扩大产能。", ["卡诺维斯"]),  # a noun of the trade describes it
    ("加拿大铀矿商莫兰迪亚周二表示，将削减产量。", ["莫兰迪亚"]),  # 周 is a transliteration character too
    ("法国矿企塔里克斯计划出售一座镍矿。", ["塔里克斯"]),
    ("美国锂生产商贝洛尼首席执行官表示。", ["贝洛尼"]),  # a company title ends it
    ("印度矿业集团维拉多宣布减产。", ["维拉多"]),  # a plain describing noun after an industry word
    ("媒体巨头索尔特出席了晚宴。", []),  # 巨头 describes tycoons as often as companies
    ("期货公司第一大股东易主。", []),  # a rank, not a name
    ("这家矿企巴西分公司表示。", []),  # a listed place
    ("他的银行卡上还有余额。", []),  # two characters: 卡上 is no name
    ("经销商阿尔巴诺公司表示。", []),  # the suffix grammar's name (阿尔巴诺公司)
    ("供应商罗伯特·史密斯表示。", []),  # a person's first name before a name dot
])
def test_a_transliterated_name_after_a_describing_noun_is_the_company(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e in companies_zh.described_transliterations(text, 0, len(text), _lex())]
    assert found == names


@pytest.mark.parametrize(("text", "names"), [
    ("全球第三大铜生产商泰拉莫锂业表示，将推迟扩建。", ["泰拉莫锂业"]),  # a trade noun is a name's left edge
    ("锂矿巨头奥斯卡塔锂业宣布扩产。", ["奥斯卡塔锂业"]),
    ("民营炼化企业溪津炼化存在超产问题。", ["溪津炼化"]),  # a brand that is no ordinary word
    ("豁免出口业厂商进口新机械设备的关税。", []),  # 进口 opens a clause and 机械 goes on into 机械设备
    ("让银行控股公司经营保险业务。", []),  # 经营 opens the clause after 控股公司
    ("汽车企业开发环保技术的步伐加快。", []),
])
def test_a_brand_and_industry_word_after_a_describing_noun(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


def test_a_day_of_the_week_ends_a_short_name() -> None:
    text = "卡诺维斯锂业周二表示，将削减产量。"
    assert ("卡诺维斯锂业", "ORG") in {(text[s:e], label) for s, e, label in
                                 companies_zh.candidates(text, 0, len(text), lambda s, e: False)}


@pytest.mark.parametrize(("text", "names"), [
    ("岚江资源（LJR）旗下的溪岭股份发布公告。", ["岚江资源", "溪岭股份"]),  # a Latin gloss between name and cue
    ("岚江资源(LJR)旗下的溪岭股份发布公告。", ["岚江资源", "溪岭股份"]),
    ("岚江资源旗下的铜矿停产。", ["岚江资源"]),  # a mineral's mine after the cue: a kind of mine, no company
    ("岚江资源旗下铜矿业公司亏损。", ["岚江资源"]),  # a mineral's trade: no company's name
    ("岚江集团收购了锂矿项目。", []),
])
def test_an_owner_glossed_in_latin_and_an_owned_mine(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG"]
    assert found == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚江矿业公告称，公司拟回购股份。", []),  # a verb on shares, no coined brand
    ("公司拟质押股份融资。", []),
    ("，岚峰钼业发布公告。", ["岚峰钼业"]),
])
def test_a_verb_on_shares_is_no_brand(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.coined_brands(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("span", "start"), [
    ("澳大利亚矿商IGO", 6),  # the country and the trade describe the company, then its name
    ("美国电池制造商ABC", 7),
    ("造车企业联盟", 0),  # 车企 inside 企业: an ordinary word goes on
    ("美国巨头公司", 0),  # no name after the noun
    ("中国汽车制造商协会", 0),  # an institution's suffix ends it: one body
    ("山东国企改革研究院", 0),
    ("澳大利亚矿商岚江有限公司", 6),  # a company's name may end in 公司
    ("岚江矿业", 0),
    ("铜生产商岚江矿业公司", 4),
    ("多家券商系期货公司", 0),  # a class of companies: one character before the industry word
    ("多家券商背景期货公司", 0),  # a class marker after the noun
    ("南非矿商和谐黄金公司", 4),  # an ordinary word may be a company's core
    ("多家矿企旗下岚江公司", 0),
    ("多家矿商大型矿业公司", 0),  # a size or rank word makes a class
    ("国内券商头部期货公司", 0),
])
def test_the_name_in_a_span_that_describes_it_first(span: str, start: int) -> None:
    assert companies_zh.described_name_start(span) == start


@pytest.mark.parametrize(("text", "s", "start"), [
    ("铀矿商卡洛维克公司", 2, 3),  # the segmenter glued the noun's 商 to the name
    ("加拿大矿商卡洛维克公司", 0, 5),  # the noun inside the span
    ("国企改革小组", 0, 0),  # a noun that opens the name is its own word
    ("在国企改革小组", 1, 1),
])
def test_a_describing_noun_may_reach_into_the_span(text: str, s: int, start: int) -> None:
    assert companies_zh.described_start(text, 0, s, len(text)) == start


@pytest.mark.parametrize(("text", "org", "place"), [
    ("加拿大铀矿商卡洛维克公司周二表示，将削减产量。", "卡洛维克公司", "加拿大"),
    ("全球第二大的钴生产商岚江资源公司表示。", "岚江资源公司", None),
])
def test_a_company_named_after_a_noun_describing_its_trade(text: str, org: str, place: str | None) -> None:
    from pipeline import extract

    mentions = extract([text])["mentions"]
    assert list(mentions[mentions.label == "ORG"].text) == [org]
    assert list(mentions[mentions.label == "LOC"].text) == ([place] if place else [])


@pytest.mark.parametrize(("text", "names"), [
    ("深南溪A发布公告称将回购。", ["深南溪A"]),  # the share-class letter is the name's (conventions 13)
    ("，岚江B股价上涨。", ["岚江B"]),
    ("ST华辰、深南溪A、岚江B涨停。", ["岚江B"]),  # before a move; before 、 the letter proves nothing
    ("，维生素A、维生素D含量较高。", []),
    ("方案A公告称。", []),  # an ordinary word and a letter
    ("公司发行A股。", []),  # the A-share market
])
def test_a_short_name_with_its_share_class(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.classed_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("ST岚华A股价上涨。", ["ST岚华A"]),  # a risk prefix, the name and its share class
    ("ST岚峰B发布公告。", ["ST岚峰B"]),
    ("ST岚华发行A股。", ["ST岚华"]),
])
def test_a_risk_name_keeps_its_share_class(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.risk_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚山钴业旗下岚越镍钴在印尼的项目运行稳定。", ["岚越镍钴"]),  # where it works follows the owned name
    ("公司控股子公司塔里森在西澳建厂。", ["塔里森"]),  # a transliteration the model reads as a person
    ("公司旗下产品在市场上很受欢迎。", []),  # two characters after the cue are a noun
    ("集团旗下史密斯·巴恩公司表示。", []),  # a person's first name before a name dot: the name goes on
    ("公司控股子公司王建明在此任职。", []),  # a Han name the model reads as a person stays one
    ("公司控股子公司高德康在此任职。", []),  # one of transliteration characters too
    ("岚山钴业旗下岚越镍钴", ["岚越镍钴"]),  # the end of the text ends the name
    ("行业龙头有望受益于钴价上涨。", []),  # 于 closes a verb (受益于), not a name
    ("岚山时代旗下电池产品在欧洲热销。", []),  # an ordinary word before 在: a product, not a company
    ("岚山锂业旗下锂盐产能在扩张。", []),
    ("分析人士认为，行业龙头有望受益。", []),  # two ordinary words before the sentence's end
    ("钴业龙头天津中期。", ["天津中期"]),  # a listed place first: a name (天津 | 中期)
    ("钴业龙头光明电源，今年业绩增长。", ["光明电源"]),  # two ordinary words, but no verb phrase: a name
    ("锂电龙头优势明显。", []),  # a predicate
    ("行业龙头持续受益。", []),
])
def test_an_owned_name_ends_where_it_works_and_may_be_transliterated(text: str, names: list[str]) -> None:
    persons = {"塔里森", "王建明", "高德康"}  # what the model read as persons
    cue = next(text.index(w) + len(w) for w in ("旗下", "子公司", "龙头") if w in text)
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(),
                                                                 lambda s, e: text[s:e] in persons)
             if label == "ORG" and s >= cue]
    assert found == names


@pytest.mark.parametrize(("span", "cls"), [
    ("美国矿企相关公司", True),  # a class word after the describing noun
    ("国内券商头部期货公司", True),
    ("澳大利亚矿商岚江有限公司", False),
    ("国企改革小组", False),  # the noun opens the span
    ("美国矿企相关公司岚江矿业公司", False),  # a name follows the class
    ("加拿大矿商能源公司", True),  # nothing but an industry word and a company noun after the describing noun
    ("美国锂矿商投资公司", True),
    ("南非矿商岚和黄金公司", False),  # a name before the industry word
    ("美国铀矿商能源燃料公司", False),  # 燃料 is no industry word: 能源燃料 is the name
])
def test_a_describing_noun_before_a_class_word_names_a_class(span: str, cls: bool) -> None:
    assert companies_zh.describes_a_class(span) is cls


def test_a_class_of_companies_after_a_describing_noun_is_no_institution() -> None:
    from pipeline import extract

    mentions = extract(["美国矿企相关公司股价下跌。"])["mentions"]
    assert list(mentions[mentions.label == "ORG"].text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("溪岭黄金周二表示，将下调全年产量指引。", ["溪岭黄金"]),  # the weekday of the news before the speech verb
    ("岚川锂业日前宣布暂停旗下锂矿开采。", ["岚川锂业"]),
    ("北岭铜业当地时间周四称，罢工已经结束。", ["北岭铜业"]),  # 当地时间 opens the day
    ("溪岭黄金星期五减持一座金矿的股份。", ["溪岭黄金"]),  # a deal verb
    ("现货黄金本周预计将维持震荡。", []),  # a price expects too: after a day only what a company says
    ("溪岭黄金周二股价下跌。", []),  # 股价 reads a name right before it only
    ("溪岭黄金周二产量下降。", []),  # no cue after the day
    ("我国黄金周二表示的内容有误。", []),  # no brand: 我国 opens no name, 国 alone is one character
    ("溪岭黄金本周二表示，将出售一座金矿。", ["溪岭黄金"]),  # the week word takes its weekday
    ("岚川锂业上周五宣布暂停开采。", ["岚川锂业"]),
    ("北岭铜业当地时间18日宣布，罢工已经结束。", ["北岭铜业"]),  # a date stands for the day
    ("北岭铜业11月18日表示，罢工已经结束。", ["北岭铜业"]),
    ("溪岭黄金周四晚间发布公告称，产量下降。", ["溪岭黄金"]),  # a part of the day; a filing's verb
    ("溪岭黄金周二在声明中表示，将扩产。", ["溪岭黄金"]),
    ("现货黄金周三确认突破2000美元关口。", []),  # chart commentary confirms a price's break
    ("国际黄金下午宣布走强。", []),  # a scope word: the market
    ("欧洲矿业20日表示，产量下降。", []),  # a world region: its industry
    ("现货黄金18日跌破关键支撑。", []),  # no speech verb after the date
])
def test_a_brand_before_the_day_of_the_news_and_its_speech_verb(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


def test_the_day_of_the_news_ends_after_its_words() -> None:
    text = "溪岭黄金当地时间周二表示"
    assert companies_zh.after_news_day(text, 4, len(text), _lex()) == text.index("表示")
    assert companies_zh.after_news_day(text, 2, len(text), _lex()) == 2  # no day at 黄金
    for day in ("本周二", "上星期五", "当地时间18日", "11月18日", "十八日", "周四晚间", "当地时间周二上午"):
        text = f"溪岭黄金{day}表示"
        assert companies_zh.after_news_day(text, 4, len(text), _lex()) == text.index("表示"), day
    text = "溪岭黄金18号表示"  # 号 numbers things as often as days
    assert companies_zh.after_news_day(text, 4, len(text), _lex()) == 4


@pytest.mark.parametrize(("text", "names"), [
    ("文光股份前三季度净利润同比增长20%。", ["文光股份"]),  # 文光: a word of the lists news hardly writes
    ("红都铝业发布公告称，拟投资建设新产线。", ["红都铝业"]),
    ("截至收盘，正美控股涨5.2%。", ["正美控股"]),
    ("国有股份净利润同比增长20%。", []),  # 国有: an ordinary word news writes all the time
    ("文光材料前三季度净利润同比增长20%。", []),  # 材料 names products and sectors too, not a company only
])
def test_a_brand_the_word_lists_hold_but_news_hardly_writes(text: str, names: list[str]) -> None:
    found = companies_zh.filers(text, 0, len(text), _lex(), lambda s, e: False)
    assert [text[s:e] for s, e in found] == names


@pytest.mark.parametrize(("text", "names"), [
    ("岚和资源周二表示，将扩大稀土产能。", ["岚和资源"]),  # a weak industry word: the day and verb read it
    ("溪光锌锗当地时间18日宣布，新矿投产。", ["溪光锌锗"]),  # no industry word at all
    ("截至发稿，岚川动力本周二发布公告称，拟收购一座锂矿。", ["岚川动力"]),
    ("业内人士周二表示，锂价仍将承压。", []),  # an ordinary phrase
    ("一位官员周二表示，将加强监管。", []),  # a count of persons
    ("澳大利亚周二表示，将限制出口。", []),  # a listed place
    ("俄罗斯总参谋长尼古拉·马卡罗夫当天表示，演习结束。", []),  # the last part of a person's name
    ("岚和资源周二股价下跌。", []),  # no news verb after the day (股价 is the filers' cue)
    ("岚和资源表示将扩产。", []),  # no day: any subject says
    ("欧洲矿业20日表示，产量下降。", []),  # a region's industry
    ("中国稀土周四宣布，拟收购两家分离企业。", ["中国稀土"]),  # a country opens company names
    ("普京总统周三表示，将加强合作。", []),  # a person with a title
    ("交易员们周二表示，金价承压。", []),  # a group of persons
    ("美日两国周二宣布，将签署协议。", []),  # two states
    ("植田和男周二表示，将维持宽松。", []),  # the model reads a person in it (植田): left to the model
    ("伊梅里斯周二表示，将扩产。", []),  # a foreign name: the model's, or a cue's (矿商|伊梅里斯)
])
def test_a_short_name_of_four_characters_before_the_day_and_its_verb(text: str, names: list[str]) -> None:
    model_persons = [(0, 2)] if text.startswith("植田") else []  # what the model read as a person
    found = companies_zh.speakers_on_the_day(text, 0, len(text), _lex(), model_persons)
    assert [text[s:e] for s, e in found] == names
