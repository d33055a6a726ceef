import Foundation
import Yams

/// The four principles GB/T 37668 and WCAG group requirements by; 兼容性 is WCAG's "robust".
public enum Principle: String, Codable, Sendable, CaseIterable {
    case perceivable, operable, understandable, compatible

    public var title: Localized {
        switch self {
        case .perceivable: return Localized(zhCN: "可感知性", en: "Perceivable")
        case .operable: return Localized(zhCN: "可操作性", en: "Operable")
        case .understandable: return Localized(zhCN: "可理解性", en: "Understandable")
        case .compatible: return Localized(zhCN: "兼容性", en: "Compatible")
        }
    }
}

/// A set of checks with points and a pass mark, read from `checks/profiles/<id>.yml`. The
/// points are written out in the file, so a score can be recomputed from a report alone.
public struct Profile: Sendable {
    /// How the file's points were derived (and how ProfileTests recomputes them).
    public enum Scoring: String, Codable, Sendable {
        /// Each principle's points shared among its checks by impact weight.
        case byPrinciple = "by-principle"
        /// 100 points shared among all checks by impact weight, as Lighthouse does.
        case byImpact = "by-impact"
        /// No score: every check in the catalogue, findings only.
        case none
    }

    public struct Item: Sendable, Equatable {
        public let check: String
        public let principle: Principle
        /// The check's impact when the points were computed; ProfileTests compares it with the catalogue.
        public let impact: Impact
        /// Zero for veto items, which are judged apart.
        public let points: Double
        public let veto: Bool
    }

    public let id: String
    public let version: String
    public let title: Localized
    /// What the score leaves out, said in every report of the profile.
    public let note: Localized?
    public let scoring: Scoring
    public let passMark: Double
    public let impactWeights: [Impact: Double]
    public let principles: [Principle: Double]
    /// In the order the file lists them.
    public let items: [Item]
    /// The file it came from, for error messages.
    public let file: String

    public var isScored: Bool { scoring != .none }
    public var vetoChecks: [String] { items.filter(\.veto).map(\.check) }

    public subscript(check: String) -> Item? { items.first { $0.check == check } }

    /// The checks the profile runs: its items, or the whole catalogue for an unscored profile.
    public func entries(in catalogue: Catalogue) -> [CatalogueEntry] {
        guard isScored else { return catalogue.entries }
        let ids = Set(items.map(\.check))
        return catalogue.entries.filter { ids.contains($0.metadata.id) }
    }

    /// The points each scored (non-veto) check should carry, from impacts alone: its group's
    /// points × its impact weight ÷ the group's summed weights, rounded to 2 decimals. The
    /// group is the check's principle (`by-principle`) or every check (`by-impact`, 100 points).
    public static func scaledPoints(_ checks: [(check: String, principle: Principle, impact: Impact)], scoring: Scoring,
                                    principles: [Principle: Double], weights: [Impact: Double]) -> [String: Double] {
        func group(_ principle: Principle) -> Principle? { scoring == .byPrinciple ? principle : nil }
        var sums: [Principle?: Double] = [:]
        for item in checks { sums[group(item.principle), default: 0] += weights[item.impact] ?? 0 }
        var points: [String: Double] = [:]
        for item in checks {
            let total = scoring == .byPrinciple ? principles[item.principle] ?? 0 : 100
            let sum = sums[group(item.principle)] ?? 0
            let share = sum > 0 ? total * (weights[item.impact] ?? 0) / sum : 0
            points[item.check] = (share * 100).rounded() / 100
        }
        return points
    }

    // MARK: Loading

    static let allowedKeys: Set<String> = ["id", "version", "title", "note", "scoring", "pass-mark", "impact-weights", "principles", "checks"]
    static let allowedItemKeys: Set<String> = ["principle", "impact", "points", "veto"]

    struct RawItem: Decodable {
        let principle: Principle
        let impact: Impact
        let points: Double?
        let veto: Bool?
    }

    struct Raw: Decodable {
        let id: String
        let version: String
        let title: Localized
        let note: Localized?
        let scoring: Scoring
        let passMark: Double?
        let impactWeights: [String: Double]?
        let principles: [String: Double]?

        enum CodingKeys: String, CodingKey {
            case id, version, title, note, scoring
            case passMark = "pass-mark"
            case impactWeights = "impact-weights"
            case principles
        }
    }

    /// Every `*.yml` in `directory`, each checked against `catalogue`: a profile naming a check
    /// the catalogue does not have is a start-up error naming the file.
    public static func loadAll(directory: URL, catalogue: Catalogue) throws -> [Profile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let files = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
        guard !files.isEmpty else { throw CatalogueError(file: directory.path, problem: "no profiles in this folder") }
        return try files.map { name in
            let profile = try load(url: directory.appendingPathComponent(name), name: "profiles/" + name)
            for item in profile.items where catalogue[item.check] == nil {
                throw CatalogueError(file: profile.file, problem: "unknown check '\(item.check)' (see 'shilao checks')")
            }
            return profile
        }
    }

    /// Reads one profile file. Errors name the file and, where YAML tells, the line.
    public static func load(url: URL, name: String) throws -> Profile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CatalogueError(file: name, problem: "cannot read the file as UTF-8")
        }
        let node: Node
        do {
            guard let composed = try YAMLReading.compose(text) else { throw CatalogueError(file: name, problem: "the file is empty") }
            node = composed
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw CatalogueError(file: name, problem: "invalid YAML: \(error)")
        }
        guard let mapping = node.mapping else { throw CatalogueError(file: name, problem: "a profile must be a mapping of keys (id, version, …)") }
        try rejectUnknownKeys(mapping, allowedKeys, file: name)
        let raw: Raw
        do {
            raw = try YAMLReading.decode(Raw.self, from: node)
        } catch {
            throw CatalogueError(file: name, problem: MetadataReader.explain(error))
        }
        let expectedName = url.deletingPathExtension().lastPathComponent
        guard raw.id == expectedName else {
            throw CatalogueError(file: name, problem: "the id '\(raw.id)' must match the file name '\(expectedName)'")
        }
        let weights = try keyed(raw.impactWeights ?? [:], Impact.self, file: name, what: "impact-weights")
        let principles = try keyed(raw.principles ?? [:], Principle.self, file: name, what: "principles")
        let items = try readItems(mapping["checks"], scoring: raw.scoring, file: name)
        if raw.scoring != .none {
            guard raw.passMark != nil, !items.isEmpty, Set(weights.keys) == Set(Impact.allCases) else {
                throw CatalogueError(file: name, problem: "a scored profile needs 'pass-mark', 'impact-weights' for every impact and 'checks'")
            }
            if raw.scoring == .byPrinciple, Set(principles.keys) != Set(Principle.allCases) {
                throw CatalogueError(file: name, problem: "'by-principle' scoring needs points for every principle")
            }
        } else if !items.isEmpty {
            throw CatalogueError(file: name, problem: "an unscored profile runs every check and lists none under 'checks'")
        }
        return Profile(id: raw.id, version: raw.version, title: raw.title, note: raw.note, scoring: raw.scoring, passMark: raw.passMark ?? 0,
                       impactWeights: weights, principles: principles, items: items, file: name)
    }

    private static func readItems(_ node: Node?, scoring: Scoring, file: String) throws -> [Item] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            throw CatalogueError(file: file, problem: "'checks' must map check ids to {principle, impact, points} (line \(line(node)))")
        }
        var items: [Item] = []
        for (key, value) in mapping {
            let check = key.string ?? "\(key)"
            guard let itemMapping = value.mapping else {
                throw CatalogueError(file: file, problem: "'\(check)' at line \(line(key)) must be {principle, impact, points} or {…, veto: true}")
            }
            try rejectUnknownKeys(itemMapping, allowedItemKeys, file: file)
            let raw: RawItem
            do {
                raw = try YAMLReading.decode(RawItem.self, from: value)
            } catch {
                throw CatalogueError(file: file, problem: "checks.\(check) (line \(line(key))): \(MetadataReader.explain(error))")
            }
            let veto = raw.veto ?? false
            if items.contains(where: { $0.check == check }) {
                throw CatalogueError(file: file, problem: "'\(check)' is listed twice (line \(line(key)))")
            }
            switch (veto, raw.points) {
            case (true, _?):
                throw CatalogueError(file: file, problem: "'\(check)' (line \(line(key))) is a veto item: veto items carry no points")
            case (false, nil):
                throw CatalogueError(file: file, problem: "'\(check)' (line \(line(key))) has no 'points'")
            case (false, let points?) where points < 0:
                throw CatalogueError(file: file, problem: "'\(check)' (line \(line(key))) has negative points")
            default:
                items.append(Item(check: check, principle: raw.principle, impact: raw.impact, points: raw.points ?? 0, veto: veto))
            }
        }
        return items
    }

    private static func keyed<K: RawRepresentable & Hashable>(_ values: [String: Double], _ type: K.Type, file: String,
                                                               what: String) throws -> [K: Double] where K.RawValue == String {
        var result: [K: Double] = [:]
        for (name, value) in values {
            guard let key = K(rawValue: name) else { throw CatalogueError(file: file, problem: "\(what): unknown key '\(name)'") }
            result[key] = value
        }
        return result
    }

    private static func rejectUnknownKeys(_ mapping: Node.Mapping, _ allowed: Set<String>, file: String) throws {
        for key in mapping.keys {
            let name = key.string ?? "\(key)"
            if !allowed.contains(name) {
                throw CatalogueError(file: file, problem: "unknown key '\(name)' at line \(line(key))")
            }
        }
    }

    private static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }
}
