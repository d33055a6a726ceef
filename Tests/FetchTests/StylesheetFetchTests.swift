import Foundation
import Testing
import ShilaoCore
import ShilaoStyle
import TestSupport
@testable import ShilaoFetch

/// Reports each paragraph's computed font size and colour, to see which sheets reached the cascade.
struct ParagraphStyle: Check {
    func run(on page: Page, into results: inout Results) {
        for p in page.document.elements(named: "p") {
            let style = page.style.style(of: p)
            results.fail(p, "fail", ["text": "\(Int(style.fontSize))px \(page.style.isRendered(p) ? "shown" : "hidden")"])
        }
    }
}

@Suite(.serialized) struct StylesheetFetchTests {
    @Test func linkedAndImportedSheetsAreFetchedOncePerRun() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.html", "/b.html":
                return .html("<html><head><link rel=stylesheet href=\"css/site.css\"></head><body><p>x</p><p class=gone>y</p></body></html>")
            case "/css/site.css":
                return .respond(status: 200, headers: [("Content-Type", "text/css")], body: Array("@import url(more.css); p { font-size: 20px }".utf8))
            case "/css/more.css": return .redirect("/css/moved.css")
            case "/css/moved.css":
                return .respond(status: 200, headers: [("Content-Type", "text/css")], body: Array(".gone { display: none }".utf8))
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let entry = CatalogueEntry(metadata: titleEcho.metadata, check: ParagraphStyle())
                let auditor = Auditor(engine: Engine(checks: [entry]), loader: WebStylesheetLoader(fetcher: fetcher))
                var seen: [String] = []
                try await Runner(auditor: auditor, jobs: 2, concurrency: 2, fetcher: fetcher)
                    .run([.web(server.base + "/a.html"), .web(server.base + "/b.html")], ordered: true) { record in
                        seen.append(record.audit.findings.map(\.message.en).joined(separator: ", "))
                    }
                #expect(seen == ["20px shown, 20px hidden", "20px shown, 20px hidden"])
                #expect(server.hits("/css/site.css") == 1)
                #expect(server.hits("/css/moved.css") == 1)
            }
        }
    }
}
