import ArgumentParser
import Foundation
import ShilaoChecks
import ShilaoCore

/// Options shared by the commands that read the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .customLong("checks"), help: ArgumentHelp("A folder of extra YAML checks to load on top of the built-in catalogue.", valueName: "DIR"))
    var extraChecks: [String] = []

    @Option(help: "Language of messages and reports: zh-CN or en.")
    var lang: Language = .zhCN

    /// The catalogue, or a usage error naming the broken file.
    func catalogue() throws -> Catalogue {
        do {
            return try BuiltIn.catalogue(extra: extraChecks.map { URL(fileURLWithPath: $0) })
        } catch let error as CatalogueError {
            throw UsageError(message: "invalid check catalogue: \(error)")
        }
    }

    /// Checks of a profile. Only `all` exists until the scored profiles do.
    func checks(profile: String, in catalogue: Catalogue) throws -> [CatalogueEntry] {
        guard profile == "all" else {
            throw UsageError(message: "unknown profile '\(profile)' (known: all)")
        }
        return catalogue.entries
    }
}
