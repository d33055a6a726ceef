import ArgumentParser
import Foundation
import ShilaoCore
import ShilaoReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge saved JSON Lines results (shards of one run, say) and render them in any format, site scores included.")

    @Argument(help: ArgumentHelp("JSON Lines files written by 'shilao audit --format jsonl'.", valueName: "FILE.jsonl"))
    var files: [String]

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let configuration = try reportOptions.configuration()
        let catalogue = try catalogueOptions.catalogue(configuration)
        let plan = try reportOptions.plan(configuration, profiles: try catalogueOptions.profiles(catalogue))
        var records: [PageRecord] = []
        for file in files {
            do {
                records += try RecordReader.records(file) { catalogue[$0]?.metadata.category ?? .accessibility }
            } catch {
                throw UsageError(message: "\(error)")
            }
        }
        // The checks every audited page has an outcome of: a profile needing any other check
        // would count it as not applying, so it cannot be scored from these records.
        let audited = records.filter { $0.status == .ok }
        var common: Set<String>?
        for record in audited {
            let checks = Set(record.audit.outcomes.keys)
            common = common.map { $0.intersection(checks) } ?? checks
        }
        let ran = common ?? []
        if plan.profile.isScored, !audited.isEmpty, let missing = plan.profile.items.map(\.check).first(where: { !ran.contains($0) }) {
            throw UsageError(message: "the records hold no outcome of '\(missing)' on every page, so profile '\(plan.profile.id)' "
                             + "cannot be scored (audited with another profile? pass --profile)")
        }
        let session = try plan.session(
            settings: RunSettings(profile: plan.profile.id, language: catalogueOptions.language(configuration), jobs: 1, inputs: files),
            catalogue: catalogue, ran: ran)
        for record in records { try session.add(record) }
        try ExitStatus.after(try plan.finish(session)).raise()
    }
}
