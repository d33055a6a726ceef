import Foundation
import ArgumentParser
import ShilaoCore
import ShilaoReport

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the profiles, or show one profile's points table.")

    @Argument(help: ArgumentHelp("A profile id, as the list shows it.", valueName: "ID"))
    var id: String?

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.catalogue()
        let profiles = try catalogueOptions.profiles(catalogue)
        let language = catalogueOptions.language()
        guard let id else {
            for profile in profiles { print(ProfileTable.heading(profile, language: language)) }
            return
        }
        guard let profile = profiles.first(where: { $0.id == id }) else {
            throw UsageError(message: "unknown profile '\(id)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
        }
        print(ProfileTable.text(profile, catalogue: catalogue, language: language))
    }
}

/// The words of `shilao profiles`.
enum ProfileTable {
    static func heading(_ profile: Profile, language: Language) -> String {
        let zh = language == .zhCN
        guard profile.isScored else {
            return "\(profile.id)  \(profile.title[language])  " + (zh ? "（版本 \(profile.version)，全部检查项，不计分）" : "(version \(profile.version), every check, unscored)")
        }
        let veto = profile.vetoChecks.count
        return "\(profile.id)  \(profile.title[language])  "
            + (zh ? "（版本 \(profile.version)，\(profile.items.count - veto) 项计分，\(veto) 项一票否决，及格线 \(ScoreText.format(profile.passMark))）"
                  : "(version \(profile.version), \(profile.items.count - veto) scored checks, \(veto) veto, pass mark \(ScoreText.format(profile.passMark)))")
    }

    static func text(_ profile: Profile, catalogue: Catalogue, language: Language) -> String {
        let zh = language == .zhCN
        var lines = [heading(profile, language: language)]
        guard profile.isScored else {
            return (lines + catalogue.entries.map { "  " + $0.metadata.id }).joined(separator: "\n")
        }
        if let note = profile.note { lines.append(note[language]) }
        let width = max(profile.items.map(\.check.count).max() ?? 0, 5)
        func pad(_ text: String, _ count: Int) -> String { text.padding(toLength: count, withPad: " ", startingAt: 0) }
        let vetoes = profile.items.filter(\.veto)
        if !vetoes.isEmpty {
            lines += ["", zh ? "一票否决（先判，不计分；不通过则页面和网站都不通过）：" : "Veto (judged first, no points; a failure fails the page and the site):"]
            lines += vetoes.map { "  \(pad($0.check, width))  \($0.impact.rawValue)" }
        }
        for principle in Principle.allCases {
            let items = profile.items.filter { $0.principle == principle && !$0.veto }
            guard !items.isEmpty else { continue }
            let total = items.reduce(0) { $0 + $1.points }
            let planned = profile.scoring == .byPrinciple ? profile.principles[principle].map { "/\(ScoreText.format($0))" } ?? "" : ""
            lines += ["", "\(principle.title[language])  \(String(format: "%.2f", total))\(planned)"]
            lines += items.map { "  \(pad($0.check, width))  \(pad($0.impact.rawValue, 8))  \(String(format: "%6.2f", $0.points))" }
        }
        let sum = profile.items.reduce(0) { $0 + $1.points }
        lines += ["", (zh ? "合计 " : "Total ") + String(format: "%.2f", sum)]
        return lines.joined(separator: "\n")
    }
}
