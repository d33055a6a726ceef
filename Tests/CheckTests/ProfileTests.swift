import CheckPack
import Foundation
import Testing
import ShilaoCore

/// The built-in profiles against the catalogue: only real checks, and points that follow
/// from the checks' impacts (STANDARDS.md Part A, "The miit profile").
@Suite struct ProfileTests {
    static let profiles: Result<[Profile], Error> = Result {
        let catalogue = try Fixture.loaded.get()
        let directory = try #require(CheckPack.profilesDirectory)
        return try Profile.loadAll(directory: directory, catalogue: catalogue)
    }

    @Test func builtInProfilesLoad() throws {
        let ids = try Self.profiles.get().map(\.id)
        #expect(ids == ["all", "gbt37668", "miit", "wcag21aa", "wcag22aa"])
    }

    @Test func miitIsTheTechnicalEvaluationAsStandardsSays() throws {
        let miit = try #require(try Self.profiles.get().first { $0.id == "miit" })
        #expect(miit.vetoChecks == ["elder-ads", "elder-induced-buttons"])
        #expect(miit.passMark == 60)
        #expect(miit.scoring == .byPrinciple)
        #expect(miit.principles == [.perceivable: 30, .operable: 30, .understandable: 20, .compatible: 20])
        #expect(miit.note?.zhCN.contains("40%") == true)
        #expect(!miit.version.isEmpty)
    }

    /// Recomputes every check's points from the catalogue's impacts. When a check is added or
    /// its impact changes, the failure prints the lines to paste into the profile file.
    @Test(arguments: ["gbt37668", "miit", "wcag21aa", "wcag22aa"])
    func pointsFollowFromImpacts(_ id: String) throws {
        let catalogue = try Fixture.loaded.get()
        let profile = try #require(try Self.profiles.get().first { $0.id == id })
        let scored = profile.items.filter { !$0.veto }
        for item in profile.items {
            #expect(catalogue[item.check]?.metadata.impact == item.impact, "\(item.check): the impact in \(profile.file) differs from the catalogue's")
        }
        let expected = Profile.scaledPoints(
            scored.map { ($0.check, $0.principle, catalogue[$0.check]?.metadata.impact ?? $0.impact) },
            scoring: profile.scoring, principles: profile.principles, weights: profile.impactWeights)
        let drifted = scored.filter { expected[$0.check] != $0.points }
        let lines = scored.map { item in
            let impact = catalogue[item.check]?.metadata.impact ?? item.impact
            return "  \(item.check): {principle: \(item.principle.rawValue), impact: \(impact.rawValue), points: \(String(format: "%.2f", expected[item.check] ?? 0))}"
        }
        #expect(drifted.isEmpty, "\(profile.file): points of \(drifted.map(\.check)) do not follow from impacts; the scored lines should read:\n\(lines.joined(separator: "\n"))")
        // Rounding to 2 decimals leaves each group within a cent per check of its points.
        let groups: [(Double, Double)] = profile.scoring == .byPrinciple
            ? Principle.allCases.map { principle in
                (scored.filter { $0.principle == principle }.reduce(0) { $0 + $1.points }, profile.principles[principle] ?? 0)
            }
            : [(scored.reduce(0) { $0 + $1.points }, 100)]
        for (sum, points) in groups {
            #expect(abs(sum - points) <= 0.005 * Double(scored.count), "\(profile.file): a group sums to \(sum), not \(points)")
        }
    }

    @Test func aProfileNamingAnUnknownCheckStopsStartUp() throws {
        let catalogue = try Fixture.loaded.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            id: mine
            version: "1"
            title: {zh-CN: 我的, en: Mine}
            scoring: by-impact
            pass-mark: 60
            impact-weights: {critical: 10, serious: 7, moderate: 3, minor: 1}
            checks:
              img-alt: {principle: perceivable, impact: critical, points: 50}
              no-such-check: {principle: operable, impact: minor, points: 50}
            """.write(to: folder.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: CatalogueError.self) { try Profile.loadAll(directory: folder, catalogue: catalogue) }
        #expect(error.file == "profiles/mine.yml")
        #expect(error.problem.contains("unknown check 'no-such-check'"))
    }
}
