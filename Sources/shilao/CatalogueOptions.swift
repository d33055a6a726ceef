import ArgumentParser
import CheckPack
import Foundation
import ShilaoChecks
import ShilaoCore

/// Options shared by the commands that read the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .customLong("checks"), help: ArgumentHelp("A folder of extra YAML checks to load on top of the built-in catalogue.", valueName: "DIR"))
    var extraChecks: [String] = []

    @Option(help: "Language of messages and reports: zh-CN (default) or en.")
    var lang: Language?

    /// The language: the flag, else the configuration's, else zh-CN.
    func language(_ configuration: Configuration? = nil) -> Language {
        lang ?? configuration?.lang ?? .zhCN
    }

    /// The catalogue with the flag's extra folders (else the configuration's), or a usage error
    /// naming the broken file.
    func catalogue(_ configuration: Configuration? = nil) throws -> Catalogue {
        let extra = extraChecks.isEmpty ? configuration?.checks ?? [] : extraChecks
        do {
            return try BuiltIn.catalogue(extra: extra.map { URL(fileURLWithPath: $0) })
        } catch let error as CatalogueError {
            throw UsageError(message: "invalid check catalogue: \(error)")
        }
    }

    /// The built-in profiles, each checked against the catalogue.
    func profiles(_ catalogue: Catalogue) throws -> [Profile] {
        guard let directory = CheckPack.profilesDirectory else {
            throw UsageError(message: "the built-in profiles are missing from the installation")
        }
        do {
            return try Profile.loadAll(directory: directory, catalogue: catalogue)
        } catch let error as CatalogueError {
            throw UsageError(message: "invalid profile: \(error)")
        }
    }
}
