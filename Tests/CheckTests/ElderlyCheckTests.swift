import Testing
import ShilaoCore

/// Scope and page-kind decisions of the 适老化 checks that the YAML examples only touch once.
@Suite struct ElderlyCheckTests {
    static func page(title: String = "青山县人民政府", bodyClass: String = "", _ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(title)</title></head>
        <body class="\(bodyClass)">
        \(body)
        </body></html>
        """
    }

    static func outcomes(_ id: String, _ html: String, url: String = "example.html") throws -> [Outcome] {
        let entry = try #require(Fixture.entries.first { $0.metadata.id == id })
        return try Fixture.records(entry, html: html, url: url).map(\.outcome)
    }

    @Test func adsFailWhereTheSiteHasNoSeparateElderVersion() throws {
        let ad = #"<script src="https://cpro.baidustatic.com/cpro/ui/c.js"></script>"#
        #expect(try Self.outcomes("elder-ads", Self.page(ad)) == [.failed])
        let withEntry = #"<a href="elder/index.html">长辈版</a>"# + ad
        #expect(try Self.outcomes("elder-ads", Self.page(withEntry)) == [.needsReview])
        // A toggle on the page itself is no separate version: this page is the elder service.
        let toggle = #"<a href="javascript:;" onclick="care()">关怀模式</a>"# + ad
        #expect(try Self.outcomes("elder-ads", Self.page(toggle)) == [.failed])
        #expect(try Self.outcomes("elder-ads", Self.page(bodyClass: "elder", withEntry)) == [.failed])
    }

    @Test func theScriptMovingAFoundAdLayerIsNotASecondFind() throws {
        let html = Self.page("""
            <div id="floatAd" style="position:absolute"><img src="/ad/a.gif" alt="推广"></div>
            <script>var f = document.getElementById("floatAd"); function AdMove() {}</script>
            <script>function floatAdInit() { document.write('<div></div>'); }</script>
            """)
        #expect(try Self.outcomes("elder-ads", html) == [.failed, .failed])
    }

    @Test func inducedWordsOnANestedControlAreJudgedOnce() throws {
        let html = Self.page(#"<a href="/app.apk"><button type="button">下载APP</button></a>"#)
        #expect(try Self.outcomes("elder-induced-buttons", html) == [.failed])
        #expect(try Self.outcomes("elder-induced-buttons", Self.page(#"<a href="/x">社保卡领取进度查询</a>"#)) == [.passed])
    }

    @Test func entryCountsInTheHeaderEvenLateInTheSource() throws {
        let filler = String(repeating: "<p>内容</p>", count: 40)
        let late = Self.page(filler + #"<div><a href="/lbb/">长辈版</a></div>"#)
        #expect(try Self.outcomes("elder-mode-entry", late) == [.needsReview])
        let header = Self.page(filler + #"<header><a href="/lbb/">长辈版</a></header>"#)
        #expect(try Self.outcomes("elder-mode-entry", header) == [.passed])
        let headline = Self.page(#"<a href="/n/1.html">我县召开政府网站无障碍改造工作推进会</a>"#)
        #expect(try Self.outcomes("elder-mode-entry", headline) == [.failed])
    }

    @Test func elderPagesAreKnownByTitleOrClassButNotByNewsAboutTheRetrofit() throws {
        let empty = "<p>内容</p>"
        #expect(try Self.outcomes("elder-mode-entry", Self.page(title: "首页（关怀版）", empty)) == [])
        #expect(try Self.outcomes("elder-mode-entry", Self.page(bodyClass: "page care-mode", empty)) == [])
        #expect(try Self.outcomes("elder-mode-entry", Self.page(title: "关于开展政府网站适老化改造的通知", empty)) == [.failed])
    }

    @Test func enlargeServiceSkipsMobileVersionsByTitleOrHost() throws {
        let plain = Self.page("<p>内容</p>")
        #expect(try Self.outcomes("elder-enlarge-service", plain) == [.failed])
        #expect(try Self.outcomes("elder-enlarge-service", plain, url: "https://m.qingshan.gov.cn/") == [])
        #expect(try Self.outcomes("elder-enlarge-service", Self.page(title: "青山县 手机版", "<p>内容</p>")) == [])
        let levels = Self.page(##"<span>文字</span><a href="#" onclick="setSize(1)">大</a>"##)
        #expect(try Self.outcomes("elder-enlarge-service", levels) == [.passed])
    }

    @Test func voiceReadingIsOnlyRequiredOnArticlePages() throws {
        #expect(try Self.outcomes("elder-voice-reading", Self.page("<p>列表页</p>")) == [])
        #expect(try Self.outcomes("elder-voice-reading", Self.page(#"<div class="TRS_Editor"><p>正文</p></div>"#)) == [.failed])
        #expect(try Self.outcomes("elder-voice-reading", Self.page(##"<p>正文</p><a href="#">阅读全文</a>"##)) == [])
    }

    @Test func captchaAlternativeIsLookedForInTheSameForm() throws {
        let html = Self.page("""
            <form><img src="/yzm.jpg" alt="验证码"></form>
            <form><button type="button">收听语音验证码</button></form>
            """)
        #expect(try Self.outcomes("elder-captcha-alternative", html) == [.failed])
    }

    @Test func govMetaTagsAskArticlesForTitleAndDate() throws {
        let site = ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName"]
            .map { #"<meta name="\#($0)" content="x">"# }.joined()
        let article = "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>t</title>\(site)</head><body><article><p>正文</p></article></body></html>"
        let entry = try #require(Fixture.entries.first { $0.metadata.id == "gov-meta-tags" })
        let records = try Fixture.records(entry, html: article)
        #expect(records.map(\.key) == ["fail.article"])
        #expect(records.first?.data["missing"] == "ArticleTitle, PubDate")
    }
}
