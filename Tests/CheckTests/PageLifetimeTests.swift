import Foundation
import Testing
import ShilaoChecks
import ShilaoCore
import ShilaoDOM

/// What checks remember for a page (its memo, flags, the style engine) must go with the page:
/// a value that held the page would keep every audited document alive, and a run over 100,000
/// pages would grow without bound.
@Suite struct PageLifetimeTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    @Test(arguments: ["index.html", "shebao-guide.html", "elder/index.html", "apply-form.html"])
    func everyCheckLetsThePageGo(_ sample: String) throws {
        weak var document: HTMLDocument?
        try {
            let loaded = try Loader.load(Array(try Data(contentsOf: Self.samples.appendingPathComponent(sample))))
            document = loaded
            let page = Page(document: loaded, url: sample)
            for entry in Fixture.entries {
                var results = Results()
                entry.check.run(on: page, into: &results)
            }
        }()
        #expect(document == nil, "the page's document outlived the audit of \(sample)")
    }
}
