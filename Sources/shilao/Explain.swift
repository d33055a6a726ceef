import ArgumentParser
import ShilaoCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one check: what it requires, why it matters, how to fix it, the clauses, examples.")

    @Argument(help: ArgumentHelp("The check id, as `shilao checks` lists it.", valueName: "ID"))
    var id: String

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.catalogue()
        guard let entry = catalogue[id] else {
            throw UsageError(message: "unknown check id '\(id)' (see 'shilao checks')")
        }
        print(Explanation.text(entry.metadata, language: catalogueOptions.language()))
    }
}

/// The words of `shilao explain`, in the reader's language.
enum Explanation {
    static func text(_ m: CheckMetadata, language: Language) -> String {
        let zh = language == .zhCN
        func heading(_ zhText: String, _ enText: String) -> String { zh ? "【\(zhText)】" : "\(enText):" }
        var lines = ["\(m.id) — \(m.title[language])", ""]
        let category = zh ? (m.category == .elderly ? "适老化" : "无障碍") : m.category.rawValue
        lines.append("\(heading("影响", "Impact")) \(m.impact.rawValue)    \(heading("类别", "Category")) \(category)")
        lines += ["", heading("为什么重要", "Why it matters"), m.rationale[language], ""]
        lines += [heading("怎么改", "How to fix"), m.fix[language], ""]
        lines.append(heading("依据条款", "Clauses"))
        lines += m.standards.map { "  - " + $0.citation[language] }
        if !m.act.isEmpty {
            lines += ["", "\(heading("W3C ACT 规则", "W3C ACT rules")) \(m.act.joined(separator: ", "))"]
        }
        func examples(_ title: String, _ list: [Example]) {
            guard !list.isEmpty else { return }
            lines += ["", title]
            for example in list {
                lines += example.code.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }
                lines.append("")
            }
            lines.removeLast()
        }
        examples(heading("合格示例", "Passing examples"), m.examples.pass)
        examples(heading("不合格示例（↓ 标出问题元素）", "Failing examples (↓ marks each failing element)"), m.examples.fail)
        return lines.joined(separator: "\n")
    }
}
