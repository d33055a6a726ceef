import Testing
import ShilaoCore
import ShilaoStyle

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

    static func outcomes(_ id: String, _ html: String, url: String = "example.html", viewport: Viewport = .desktop) throws -> [Outcome] {
        try records(id, html, url: url, viewport: viewport).map(\.outcome)
    }

    static func records(_ id: String, _ html: String, url: String = "example.html", viewport: Viewport = .desktop) throws -> [Record] {
        let entry = try #require(Fixture.entries.first { $0.metadata.id == id })
        return try Fixture.records(entry, html: html, url: url, viewport: viewport)
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

    @Test func fontSizeThresholdFollowsTheViewport() throws {
        let html = Self.page("<style>p { font-size: 16px; }</style><p>城乡居民医保缴费从9月1日开始。</p>")
        #expect(try Self.outcomes("elder-font-size", html) == [.passed])
        #expect(try Self.outcomes("elder-font-size", html, viewport: .mobile) == [.failed])
        #expect(try Self.outcomes("elder-font-size", Self.page(title: "青山县 手机版", "<style>p { font-size: 16px; }</style><p>通知</p>")) == [.failed])
    }

    @Test func smallTextRunsAreOneFindingPerListAndCappedPerPage() throws {
        let items = (1...3).map { "<li><a href=\"/n/\($0).html\">通知\($0)</a><span class=\"d\">2024-05-0\($0)</span></li>" }.joined()
        let list = Self.page("<style>li a { font-size: 11px; } .d { font-size: 16px; }</style><ul>\(items)</ul><p style=\"font-size:11px\">另一段</p>")
        let records = try Self.records("elder-font-size", list)
        #expect(records.map(\.key) == ["fail.desktop-run", "fail.desktop"])
        #expect(records.first?.data["count"] == "3")
        let tables = (1...25).map { "<table><tr><td>第\($0)组</td></tr></table><div><p>间隔</p></div>" }.joined()
        let many = try Self.records("elder-font-size", Self.page("<style>td { font-size: 10px; } p { font-size: 16px; }</style>" + tables))
        #expect(many.count == 21)
        #expect(many.last?.key == "fail.more")
        #expect(many.last?.data["count"] == "5")
    }

    @Test func largestFontLevelComesFromSwitcherClassesOrScriptValues() throws {
        let classes = Self.page("""
            <style>p { font-size: 16px; } html[data-size=xl] p { font-size: 32px; }</style>
            <div>字号：<a href="javascript:;" onclick="document.documentElement.setAttribute('data-size','xl')">特大</a></div>
            <p>城乡居民医保缴费从9月1日开始。</p>
            """)
        #expect(try Self.outcomes("elder-font-size", classes) == [.passed, .passed])
        let levels = Self.page("""
            <button type="button" id="up" aria-label="放大字号">A+</button><p>正文</p>
            <script>var levels = [14, 16, 20]; function f(i) { document.body.style.fontSize = levels[i] + 'px'; }</script>
            """)
        #expect(try Self.records("elder-font-size", levels).map(\.key) == ["pass", "fail.largest"])
        let toolbar = Self.page(#"<p>正文</p><script src="https://api.govwza.cn/cniil/assist.js"></script>"#)
        #expect(try Self.outcomes("elder-font-size", toolbar) == [.passed, .needsReview])
    }

    @Test func popupCloseOnlyFailsBottomCornersAndUnplacedControlsNeedReview() throws {
        let centred = Self.page("""
            <style>.modal { position: fixed; z-index: 999; } .modal .x { position: absolute; bottom: 0; left: 50%; width: 44px; height: 44px; }</style>
            <div class="modal"><p>提示</p><a href="javascript:;" class="x">关闭</a></div>
            """)
        #expect(try Self.outcomes("elder-popup-close", centred) == [.passed])
        let mask = Self.page("""
            <style>.mask { position: fixed; z-index: 500; width: 100%; height: 100%; }</style>
            <div class="mask"><p>公告</p></div><div style="position:absolute; z-index:2000"><p>下拉菜单</p></div>
            """)
        #expect(try Self.outcomes("elder-popup-close", mask) == [.failed])
    }

    @Test func offlineChannelOnlyOnServiceGuidesAndNotFromTheFooter() throws {
        #expect(try Self.outcomes("service-offline-channel", Self.page("<p>通知公告</p>")) == [])
        let byPath = Self.page("<h1>高龄津贴</h1><p>办理地点：柳溪镇便民服务中心</p>")
        #expect(try Self.outcomes("service-offline-channel", byPath, url: "https://www.qingshan.gov.cn/bszn/gljt.html") == [.needsReview])
        let bySections = Self.page("<h1>低保申请</h1><p>申请材料：身份证</p><p>办理流程：村里初审</p><p>咨询：(0578)8211001</p><p>可预约上门服务</p>")
        #expect(try Self.outcomes("service-offline-channel", bySections) == [.passed])
        let footerOnly = Self.page(title: "办事指南", #"<p>在线办理</p><footer><p>地址：府前路1号</p><a href="tel:12345">12345</a></footer>"#)
        #expect(try Self.outcomes("service-offline-channel", footerOnly) == [.failed])
    }

    @Test func largePointerIsForDesktopViewsOnly() throws {
        let plain = Self.page("<p>内容</p>")
        #expect(try Self.outcomes("elder-large-pointer", plain) == [.failed])
        #expect(try Self.outcomes("elder-large-pointer", plain, viewport: .mobile) == [])
        let inline = Self.page(#"<div style="cursor: url(/img/big.cur), auto">内容</div>"#)
        #expect(try Self.outcomes("elder-large-pointer", inline) == [.passed])
    }

    @Test func animationsOnTextNeedADefinedEndlessLoop() throws {
        let undefined = Self.page("<style>.n { animation: nowhere 2s infinite; }</style><p class=\"n\">通知</p>")
        #expect(try Self.outcomes("motion-marquee", undefined) == [.passed])
        let finite = Self.page("<style>@keyframes k { to { opacity: .5; } } .n { animation: k 2s 3; }</style><p class=\"n\">通知</p>")
        #expect(try Self.outcomes("motion-marquee", finite) == [.passed])
        let stopped = Self.page("""
            <style>@keyframes k { to { opacity: .5; } } .n { animation: k 2s infinite; }
            @media (prefers-reduced-motion: reduce) { .n { animation-duration: 0.01ms !important; } }</style><p class="n">通知</p>
            """)
        #expect(try Self.outcomes("motion-marquee", stopped) == [.passed])
    }
}
