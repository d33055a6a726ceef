import Foundation
import Testing
@testable import ShilaoCore

@Suite struct ScoringTests {
    /// Operable holds a serious (7) and a moderate (3) check: 30 × 7/10 = 21 and 30 × 3/10 = 9.
    static let yaml = """
        id: demo
        version: "1"
        title: {zh-CN: 演示, en: Demo}
        scoring: by-principle
        pass-mark: 60
        impact-weights: {critical: 10, serious: 7, moderate: 3, minor: 1}
        principles: {perceivable: 30, operable: 30, understandable: 20, compatible: 20}
        checks:
          veto-check: {principle: operable, impact: critical, veto: true}
          a: {principle: perceivable, impact: critical, points: 30}
          b: {principle: operable, impact: serious, points: 21}
          c: {principle: operable, impact: moderate, points: 9}
          d: {principle: understandable, impact: serious, points: 20}
          e: {principle: compatible, impact: critical, points: 20}
        """

    static func load(_ text: String, id: String = "demo") throws -> Profile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("\(id).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try Profile.load(url: url, name: "profiles/\(id).yml")
    }

    @Test func pageScoresByHand() throws {
        let profile = try Self.load(Self.yaml)
        // a failed (0 of 30), b passed (21), c needs review (left out), d passed (20), e inapplicable:
        // 41 of 71 applicable points = 57.746… → 57.7, under the pass mark.
        let first = try #require(profile.score(["a": .failed, "b": .passed, "c": .needsReview, "d": .passed, "e": .inapplicable,
                                                "veto-check": .passed]))
        #expect(first.earned == 41 && first.applicable == 71)
        #expect(first.score == 57.7)
        #expect(first.review == ["c"])
        #expect(!first.passed)
        // Everything but e passes (80 of 100), but the veto item failed: the page fails whatever the score.
        let second = try #require(profile.score(["a": .passed, "b": .passed, "c": .passed, "d": .passed, "e": .failed,
                                                 "veto-check": .failed]))
        #expect(second.score == 80)
        #expect(second.vetoFailed == ["veto-check"])
        #expect(!second.passed)
        // Nothing scored applied: no score, and the page passes unless a veto item failed.
        let empty = try #require(profile.score(["a": .inapplicable, "veto-check": .passed]))
        #expect(empty.score == nil && empty.passed)
    }

    @Test func siteScoresByHand() throws {
        let profile = try Self.load(Self.yaml)
        var tally = SiteTally(profile: profile)
        tally.add(["a": .failed, "b": .passed, "c": .needsReview, "d": .passed, "e": .inapplicable, "veto-check": .passed])
        tally.add(["a": .passed, "b": .passed, "c": .passed, "d": .passed, "e": .failed, "veto-check": .failed])
        let site = try #require(tally.score)
        // | item | points | passed/applicable pages | earned |
        // | a    | 30     | 1/2                     | 15     |
        // | b    | 21     | 2/2                     | 21     |
        // | c    | 9      | 1/1 (review left out)   | 9      |
        // | d    | 20     | 2/2                     | 20     |
        // | e    | 20     | 0/1                     | 0      |
        // 65 of 100 → 65, above 60, but the veto item failed on one page.
        #expect(site.items.map(\.earned) == [0, 15, 21, 9, 20, 0])
        #expect(site.score == 65)
        #expect(site.vetoFailed.map(\.check) == ["veto-check"] && site.vetoFailed.map(\.pages) == [1])
        #expect(!site.passed)
        #expect(site.principles.map(\.principle) == [.perceivable, .operable, .understandable, .compatible])
        #expect(site.principles.map(\.earned) == [15, 30, 20, 0])

        var clean = SiteTally(profile: profile)
        clean.add(["a": .passed, "b": .failed, "veto-check": .passed])
        clean.add(["a": .passed, "b": .passed, "d": .inapplicable])
        // a 30 of 30, b 21 × 1/2 = 10.5: 40.5 of 51 = 79.41… → 79.4; only applicable points count.
        #expect(clean.score?.score == 79.4)
        #expect(clean.score?.passed == true)
    }

    @Test func scalingFollowsImpactInsideEachGroup() {
        let weights: [Impact: Double] = [.critical: 10, .serious: 7, .moderate: 3, .minor: 1]
        let checks: [(check: String, principle: Principle, impact: Impact)] = [
            ("a", .perceivable, .critical), ("b", .operable, .serious), ("c", .operable, .moderate), ("d", .operable, .minor),
        ]
        let byPrinciple = Profile.scaledPoints(checks, scoring: .byPrinciple,
                                               principles: [.perceivable: 30, .operable: 30, .understandable: 20, .compatible: 20],
                                               weights: weights)
        #expect(byPrinciple == ["a": 30, "b": 19.09, "c": 8.18, "d": 2.73])
        let byImpact = Profile.scaledPoints(checks, scoring: .byImpact, principles: [:], weights: weights)
        #expect(byImpact == ["a": 47.62, "b": 33.33, "c": 14.29, "d": 4.76])
    }

    @Test func unscoredProfilesGiveNoScore() throws {
        let profile = try Self.load("id: all\nversion: \"1\"\ntitle: {zh-CN: 全部, en: All}\nscoring: none\n", id: "all")
        #expect(profile.score(["a": .failed]) == nil)
        #expect(SiteTally(profile: profile).score == nil)
    }

    @Test(arguments: [
        ("id: demo\nversion: 1\ntitle: {zh-CN: a, en: b}\nscoring: by-principle\nnope: 1\n", "unknown key 'nope' at line 5"),
        (yaml.replacingOccurrences(of: "points: 30}", with: "points: 30, veto: true}"), "veto items carry no points"),
        (yaml.replacingOccurrences(of: "  a: {principle: perceivable, impact: critical, points: 30}\n", with: "  a: {principle: perceivable, impact: critical}\n"), "'a' (line 10) has no 'points'"),
        (yaml.replacingOccurrences(of: "principle: perceivable", with: "principle: visible"), "checks.a (line 10)"),
        (yaml.replacingOccurrences(of: "id: demo", with: "id: other"), "must match the file name"),
    ])
    func brokenProfilesNameTheFileAndTheProblem(_ text: String, _ problem: String) throws {
        let error = try #require(throws: CatalogueError.self) { try Self.load(text) }
        #expect(error.file == "profiles/demo.yml")
        #expect(error.problem.contains(problem), "\(error.problem)")
    }
}
