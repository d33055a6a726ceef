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

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.catalogue()
        let profiles = try catalogueOptions.profiles(catalogue)
        let language = catalogueOptions.language()
        switch format {
        case .json:
            let list = JSON.array(catalogue.entries.map { entry in
                let ids = profiles.filter { !$0.isScored || $0[entry.metadata.id] != nil }.map(\.id)
                return CheckJSON.summary(entry.metadata, language: language, profiles: ids)
            })
            print(list.serialized(indent: 2))
        case .text:
            let width = catalogue.entries.map(\.metadata.id.count).max() ?? 0
            for entry in catalogue.entries {
                let metadata = entry.metadata
                let id = metadata.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let impact = metadata.impact.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let act = metadata.act.isEmpty ? "" : "  [ACT \(metadata.act.joined(separator: ", "))]"
                print("\(id)  \(impact)  \(metadata.title[language])\(act)")
            }
        }
    }
}
