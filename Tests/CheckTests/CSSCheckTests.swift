import Testing
import ShilaoCore
import ShilaoDOM
import ShilaoStyle
@testable import ShilaoChecks

/// The CSS checks where the viewport, a missing sheet or grouping changes the outcome.
@Suite struct CSSCheckTests {
    static func records(_ id: String, _ html: String, viewport: Viewport = .desktop) throws -> [Record] {
        let entry = try #require(Fixture.entries.first { $0.metadata.id == id })
        let document = try Loader.load(Array(Example(code: html).html.utf8))
        return withExtendedLifetime(document) {
            var results = Results()
            entry.check.run(on: Page(document: document, url: "example.html", viewport: viewport), into: &results)
            return results.records
        }
    }

    @Test func aMissingSheetTurnsAContrastFailureIntoAReview() throws {
        let html = #"<link rel="stylesheet" href="css/missing.css"><p style="color:#aaa">村务公开</p>"#
        let records = try Self.records("text-contrast", html)
        #expect(records.map(\.outcome) == [.needsReview])
        #expect(records.first?.key == "review.sheet")
        #expect(records.first?.data["sheets"]?.contains("missing.css") == true)
    }

    @Test func theMIITReadingIsNotedOnlyWhereItDiffers() throws {
        let differs = try Self.records("text-contrast", #"<p style="font-size:20px; color:#8a8a8a">长辈版</p>"#)
        #expect(differs.map(\.key) == ["fail.miit"])
        let agrees = try Self.records("text-contrast", #"<p style="font-size:20px; color:#bbb">长辈版</p>"#)
        #expect(agrees.map(\.key) == ["fail"])
        #expect(agrees.first?.data["ratio"] == "1.92")
    }

    @Test func unknownBackgroundsAreReportedOncePerCause() throws {
        let html = #"<div style="background:url(bg.jpg)"><a href="a.html">通知</a><a href="b.html">公告</a><a href="c.html">村务</a></div>"#
        let records = try Self.records("text-contrast", html)
        #expect(records.count == 1)
        #expect(records.first?.data["count"] == "3")
    }

    @Test func oneRuleRemovingTheOutlineIsOneFindingWithItsCount() throws {
        let html = """
        <style>a:focus { outline: none; }</style>
        <a href="1.html">一</a><a href="2.html">二</a><a href="3.html">三</a><button type="button">查询</button>
        """
        let failures = try Self.records("focus-visible", html).filter { $0.outcome == .failed }
        #expect(failures.count == 1)
        #expect(failures.first?.data["count"] == "3")
        #expect(failures.first?.data["selector"] == "a:focus")
    }

    @Test func targetSizeFollowsTheViewportAndElderPages() throws {
        let html = #"<style>.btn { display: inline-block; height: 36px; min-width: 80px; }</style><a class="btn" href="x.html">在线办理</a>"#
        #expect(try Self.records("target-size", html).map(\.outcome) == [.passed])
        let mobile = try Self.records("target-size", html, viewport: .mobile)
        #expect(mobile.map(\.key) == ["fail.mobile"])
        #expect(mobile.first?.data["required"] == "44")
        // Where CSS leaves the size open, only mobile views and elder pages ask for a review.
        let open = #"<nav><a href="a.html">医保</a> <a href="b.html">社保</a></nav>"#
        #expect(try Self.records("target-size", open).isEmpty)
        let grouped = try Self.records("target-size", open, viewport: .mobile)
        #expect(grouped.map(\.key) == ["review.mobile"])
        #expect(grouped.first?.data["count"] == "2")
    }

    @Test func orientationLockIsJudgedInTheMobileViewToo() throws {
        let html = #"<style>@media (orientation: landscape) { .page { transform: rotate(90deg); } }</style><div class="page">便民服务</div>"#
        #expect(try Self.records("orientation-lock", html, viewport: .mobile).map(\.outcome) == [.failed])
        #expect(try Self.records("orientation-lock", "<div>便民服务</div>", viewport: .mobile).isEmpty)
    }
}
