import ArgumentParser
import ShilaoCore
import ShilaoReport

struct Checks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the checks in the catalogue.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "List only the checks of this profile (see 'shilao profiles').")
    var profile: String?

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.catalogue()
        let profiles = try catalogueOptions.profiles(catalogue)
        let language = catalogueOptions.language()
        var entries = catalogue.entries
        if let profile {
            guard let chosen = profiles.first(where: { $0.id == profile }) else {
                throw UsageError(message: "unknown profile '\(profile)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
            }
            entries = chosen.entries(in: catalogue)
        }
        switch format {
        case .json:
            let list = JSON.array(entries.map { entry in
                let ids = profiles.filter { !$0.isScored || $0[entry.metadata.id] != nil }.map(\.id)
                return CheckJSON.summary(entry.metadata, language: language, profiles: ids)
            })
            print(list.serialized(indent: 2))
        case .text:
            let width = entries.map(\.metadata.id.count).max() ?? 0
            for entry in entries {
                let metadata = entry.metadata
                let id = metadata.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let impact = metadata.impact.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let act = metadata.act.isEmpty ? "" : "  [ACT \(metadata.act.joined(separator: ", "))]"
                print("\(id)  \(impact)  \(metadata.title[language])\(act)")
            }
        }
    }
}
