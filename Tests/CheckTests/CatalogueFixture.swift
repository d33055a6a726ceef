import ShilaoChecks
import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// The built-in catalogue, loaded once for every test in this target. A load failure is kept,
/// so `CatalogueTests.builtInCatalogueLoads` reports it instead of the run crashing.
enum Fixture {
    static let loaded: Result<Catalogue, Error> = Result { try BuiltIn.catalogue() }
    static var entries: [CatalogueEntry] { (try? loaded.get())?.entries ?? [] }

    /// Runs one check on a page and returns its records.
    static func records(_ entry: CatalogueEntry, html: String, url: String = "example.html",
                        viewport: Viewport = .desktop) throws -> [Record] {
        let document = try Loader.load(Array(html.utf8))
        return withExtendedLifetime(document) {
            var results = Results()
            entry.check.run(on: Page(document: document, url: url, viewport: viewport), into: &results)
            return results.records
        }
    }
}
