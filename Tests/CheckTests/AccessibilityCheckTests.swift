import Testing
import ShilaoCore
@testable import ShilaoChecks

/// Edge cases of the generic accessibility checks added with the 适老化 family.
@Suite struct AccessibilityCheckTests {
    static func records(_ id: String, _ html: String) throws -> [Record] {
        let entry = try #require(Fixture.entries.first { $0.metadata.id == id })
        return try Fixture.records(entry, html: html)
    }

    @Test func genericLinksToTheSamePlaceNeedOnlyAReview() throws {
        let html = #"<a href="/tzgg/#top">更多</a><a href="/tzgg/">更多>></a><a href="javascript:more()">更多</a>"#
        #expect(try Self.records("link-purpose", html).map(\.outcome) == [.needsReview, .needsReview, .needsReview])
    }

    /// The check's `aria-hidden` roots are the content the accessibility tree hides, by the same
    /// reading of the value: whitespace (an ideographic space too) and case around `true` do not
    /// matter, and any other value hides nothing, which leaves the check nothing to judge.
    @Test func ariaHiddenRootsAreWhatTheTreeHides() throws {
        let link = #"<a href="/bszn/">办事指南</a>"#
        #expect(try Self.records("aria-hidden-focus", "<div aria-hidden=\" TRUE\t\">" + link + "</div>").map(\.outcome) == [.failed])
        #expect(try Self.records("aria-hidden-focus", #"<div aria-hidden=" true "><span>图</span></div>"#).map(\.outcome) == [.passed])
        #expect(try Self.records("aria-hidden-focus", "<div aria-hidden=\"\u{3000}true\">" + link + "</div>").map(\.outcome) == [.failed])
        #expect(try Self.records("aria-hidden-focus", #"<div aria-hidden="true false">"# + link + "</div>").isEmpty)
    }

    @Test func genericKeysIgnoreDecorationAndCase() {
        #expect(LinkPurpose.genericKey("【详情】") == "详情")
        #expect(LinkPurpose.genericKey("More »") == "more")
        #expect(LinkPurpose.genericKey(">>") == ">")
        #expect(LinkPurpose.genericKey("更多通知公告") == nil)
        #expect(LinkPurpose.genericKey("") == nil)
    }

    @Test func mediaFragmentsOfThreeSecondsOrLessPlayBriefly() {
        #expect(MediaAutoplay.playsBriefly("a.mp4#t=8,10"))
        #expect(!MediaAutoplay.playsBriefly("a.mp4#t=8,12"))
        #expect(!MediaAutoplay.playsBriefly("a.mp4#t=8"))
        #expect(!MediaAutoplay.playsBriefly("a.mp4"))
    }

    @Test func movingScriptIsReportedAtItsTimer() throws {
        let html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><title>t</title></head><body>
            <script>
            function AdMove() { box.style.top = y + "px"; }
            setTimeout(hide, 100);
            var t = setInterval("AdMove()", 20);
            </script></body></html>
            """
        let records = try Self.records("motion-marquee", html)
        #expect(records.map(\.outcome) == [.needsReview])
        #expect(records.first?.location?.line == 6)
        #expect(records.first?.location?.path == "/html/body/script")
    }

    @Test func japanesePagesAreNotTakenForChinese() throws {
        let html = """
            <!DOCTYPE html>
            <html lang="ja"><head><title>t</title></head>
            <body><p>青山県の観光案内です。山と川の美しい町へようこそ。温泉もあります。</p></body></html>
            """
        #expect(try Self.records("lang-mismatch", html).map(\.outcome) == [.passed])
    }

    @Test func languageShareIgnoresScriptsAndForeignParts() throws {
        let html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><title>t</title></head>
            <body><p>青山县人民政府门户网站欢迎您，这里发布政务信息、提供便民服务。</p><p lang="en">\(String(repeating: "Welcome to Qingshan. ", count: 20))</p>
            <script>var message = "\(String(repeating: "english words in code ", count: 20))";</script></body></html>
            """
        #expect(try Self.records("lang-mismatch", html).map(\.outcome) == [.passed])
    }
}
