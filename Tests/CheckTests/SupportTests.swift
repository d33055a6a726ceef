import Foundation
import Testing
import ShilaoCore
import ShilaoDOM
@testable import ShilaoChecks

/// The shared helpers the 适老化 checks lean on, where a slip would misjudge many pages at once.
@Suite struct SupportTests {
    @Test func identifierWordsSplitCamelCaseAndSeparators() {
        #expect(NameTokens.words("floatAd ad_top") == ["float", "ad", "ad", "top"])
        #expect(NameTokens.words("/images/ad/x.GIF") == ["images", "ad", "x", "gif"])
        #expect(NameTokens.words("validateCode2") == ["validate", "code2"])
        #expect(NameTokens.words("广告ad-Top　XMLHttp") == ["ad", "top", "xmlhttp"])
    }

    @Test(arguments: ["ad", "ads", "adv", "guanggao", "adbox", "topad", "floatad", "piaochuang", "adsbygoogle"])
    func adWords(_ word: String) {
        #expect(NameTokens.isAdWord(word))
    }

    @Test(arguments: ["address", "advice", "header", "shadow", "load", "download", "head", "add", "advanced", "thread", "gg"])
    func wordsThatOnlyLookLikeAds(_ word: String) {
        #expect(!NameTokens.isAdWord(word))
    }

    @Test func numbersAsMessagesShowThem() {
        #expect(NumberText.format(4.5) == "4.5")
        #expect(NumberText.format(16) == "16")
        #expect(NumberText.format(2.314, digits: 2) == "2.31")
        // printf's rounding of the exact binary value: 0.25 is a tie (to even), 1.15 is below it.
        #expect(NumberText.format(0.25) == "0.2")
        #expect(NumberText.format(1.15) == "1.1")
        #expect(NumberText.format(1e300) == String(format: "%.0f", 1e300))
        #expect(NumberText.format(-0.04) == "-0")
    }

    /// The hand-written rounding against C's formatter, trailing zeros trimmed as messages do:
    /// decimal ties (k/8), values one ulp either side of them, and values whose products round.
    @Test func numbersRoundAsPrintfDoes() {
        var values: [Double] = [0, 0.005, 1.005, 2.675, 1.0005, 4.4999999999999996, 0.125, 1e10 + 0.5]
        for k in 0..<4000 {
            let tie = Double(k) / 8
            values += [tie, tie.nextUp, tie.nextDown, Double(k) / 1000, Double(k) * 0.01 + 0.005, Double(k) / 3, -Double(k) / 7]
        }
        var wrong: [String] = []
        for value in values {
            for digits in 0...3 {
                var expected = String(format: "%.\(digits)f", value)
                while expected.contains("."), expected.hasSuffix("0") { expected.removeLast() }
                if expected.hasSuffix(".") { expected.removeLast() }
                let made = NumberText.format(value, digits: digits)
                if made != expected { wrong.append("\(value) to \(digits) digits: \(made), not \(expected)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    /// service-offline-channel reads only text holding 地 (every place label) or 办 or 上 (every
    /// place word): a word added to the lists must keep that true.
    @Test func placeWordsHoldTheScalarsTheirSearchLooksFor() {
        #expect(ServiceOfflineChannel.placeLabels.allSatisfy { $0.unicodeScalars.contains("地") })
        #expect(ServiceOfflineChannel.placeWords.allSatisfy { $0.unicodeScalars.contains("办") || $0.unicodeScalars.contains("上") })
    }

    /// link-purpose looks letters up in no table: decoration must hold none.
    @Test func linkDecorationHoldsNoLetters() {
        #expect(!LinkPurpose.decoration.contains { $0.quickIsLetter })
        #expect(LinkPurpose.genericKey("【更多】>>") == "更多")
        #expect(LinkPurpose.genericKey("关于做好2026年城乡居民医疗保险参保缴费工作的通知") == nil)
    }

    @Test func ideographicAndNoBreakSpacesAreSpaces() {
        for text in ["\u{3000}", "\u{00A0}", " ", "\t", "\u{3000}\u{301}"] {
            #expect(PageText.isSpace(Character(text)), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(!PageText.isSpace("村"))
        #expect(PageText.compact("姓\u{3000}\u{3000}名 \u{00A0}x") == "姓名x")
    }

    @Test func fontLevelSelectorsLeadWithTheirFirstCompound() {
        let compounds = FontLevels.leadingCompounds("html.elder, body[data-size='large'] p,\t.big > span, div, a:not([x] .y)~b")
        #expect(compounds.map { $0.tag } == ["html", "body", nil, "a"])
        #expect(compounds.map { $0.attributes.map { "\($0.0)=\($0.1)" } } == [["class=elder"], ["data-size=large"], ["class=big"], ["class=y"]])
    }

    @Test func lineBreaksCountAsCharactersDo() {
        let text = "a\nb\r\nc\rd\r\r\n村\u{301}\n"
        #expect(PageText.lineBreaks(in: text[...]) == 6)
        #expect(PageText.lineBreaks(in: text[...]) == text.filter { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count)
    }

    @Test func hostsOfAbsoluteAndSchemeRelativeURLsOnly() {
        #expect(AdHosts.host(of: "https://user@Pos.Baidu.com:443/s?x=1") == "pos.baidu.com")
        #expect(AdHosts.host(of: "//cpro.baidustatic.com/cpro/ui/c.js") == "cpro.baidustatic.com")
        #expect(AdHosts.host(of: "/js/ad.js") == nil)
        #expect(AdHosts.host(of: "javascript:void(0)") == nil)
    }

    @Test func adHostsCoverSubdomainsButNotLookalikes() {
        #expect(AdHosts.adHost(in: "https://p.tanx.com/ex?i=1") == "tanx.com")
        #expect(AdHosts.adHost(in: "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js") == "googlesyndication.com")
        #expect(AdHosts.adHost(in: "https://nottanx.com/x.js") == nil)
        #expect(AdHosts.adHost(in: "https://hm.baidu.com/hm.js?1") == nil)
    }

    @Test func shadowHostsDeclaredOrAttachedByScript() throws {
        let html = """
        <html><body><div id="a"><template shadowrootmode="open"><p>a</p></template><span id="light">x</span></div>
        <p id="b"></p><p id="c"></p><p id="d"></p><img id="e" alt=""><section id="f"><template>plain</template></section>
        <script>
        document.getElementById("b").attachShadow({ mode: 'open' });
        document.querySelector('#c')?.attachShadow({ mode: 'closed' });
        document.getElementById('e').attachShadow({ mode: 'open' });
        const later = document.getElementById('d');
        </script></body></html>
        """
        let document = try Loader.load(Array(html.utf8))
        try withExtendedLifetime(document) {
            let hosts = ShadowHosts(Page(document: document, url: "hosts.html"))
            #expect(hosts.hosts.map { $0.element.attribute("id") } == ["a", "b", "c"])
            #expect(hosts.hosts.map(\.madeBy) == ["<template shadowrootmode>", "attachShadow", "attachShadow"])
            let light = try #require(document.element(id: "light"))
            let notHost = try #require(document.element(id: "d"))
            let plainTemplate = try #require(document.element(id: "f"))
            #expect(hosts.covers(light) && !hosts.covers(notHost) && !hosts.covers(plainTemplate))
        }
    }

    @Test func textRunsKnowTheirLines() throws {
        let document = try Loader.load(Array("<html><body><div>\n甲<br>\n乙<b>x\ny</b>\n丙</div></body></html>".utf8))
        try withExtendedLifetime(document) {
            let div = try #require(document.elements(named: "div").first)
            let runs = PageText.runs(of: div)
            #expect(runs.map(\.line) == [1, 2, 4])
            let lines = runs.map { run in
                PageText.line(of: run.text.firstIndex { !$0.isWhitespace } ?? run.text.startIndex, in: run.text, startingAt: run.line)
            }
            #expect(lines == [2, 3, 5])
        }
    }

    @Test func spacedWordsAreSingleCharactersOnly() {
        func found(_ text: String) -> [String] { FullwidthSpaceLayout.spacedWords(in: text).map { String(text[$0]) } }
        #expect(found("姓　　名：") == ["姓　　名"])
        #expect(found("经 办 人：刘小红　　审 核 人：陈国强") == ["经 办 人", "审 核 人"])
        #expect(found("联\u{00A0}系\u{00A0}人") == ["联\u{00A0}系\u{00A0}人"])
        #expect(found("　　根据有关规定") == [])
        #expect(found("刘小红　　陈国强") == [])
        #expect(found("共 126 条") == [])
        #expect(found("年 月") == ["年 月"])
    }

    @Test func controlTextGathersEveryWord() throws {
        let html = """
            <a id="a" aria-label="放大字号">A+</a><a id="b" title="首页"><img src="x.png" alt="青山县"></a>
            <a id="c" title="长辈版"><img src="x.png"></a><button id="d"><script>var x</script>提交</button>
            """
        let document = try Loader.load(Array(html.utf8))
        let words = withExtendedLifetime(document) {
            ["a", "b", "c", "d"].map { id in document.element(id: id).map(ControlText.allText(of:)) }
        }
        #expect(words == ["放大字号 A+", "青山县 首页", "长辈版", "提交"])
    }
}
