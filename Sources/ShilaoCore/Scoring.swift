/// A page's score under one scored profile (STANDARDS.md Part A, "The miit profile").
///
/// Per check: passed earns its points, failed earns none, inapplicable and needs-review are
/// left out of both what was earned and what was applicable, so a check nobody could decide
/// costs nothing; it is listed in `review`. The score is earned ÷ applicable × 100: the points
/// of checks that did not apply are shared out over the rest in proportion to their points.
/// A failed veto item fails the page whatever the score.
public struct PageScore: Sendable, Equatable {
    public let profile: String
    /// 0–100, rounded to one decimal; nil when no scored check applied to the page.
    public let score: Double?
    public let earned: Double
    public let applicable: Double
    /// Veto items that failed on the page.
    public let vetoFailed: [String]
    /// Scored checks waiting for a person; they cost nothing until decided.
    public let review: [String]
    public let passed: Bool
}

/// One check's result over a site: its points × the share of applicable pages where it passed.
public struct ItemScore: Sendable, Equatable {
    public let item: Profile.Item
    public let passedPages: Int
    public let failedPages: Int
    public let reviewPages: Int
    public var applicablePages: Int { passedPages + failedPages }
    public var earned: Double { applicablePages == 0 ? 0 : item.points * Double(passedPages) / Double(applicablePages) }
}

/// A site's score under one scored profile: per item, per principle and overall.
public struct SiteScore: Sendable, Equatable {
    public let profile: String
    public let passMark: Double
    /// 0–100, rounded to one decimal; nil when no scored check applied to any page.
    public let score: Double?
    public let items: [ItemScore]
    /// Veto items that failed, with the number of pages they failed on.
    public let vetoFailed: [(check: String, pages: Int)]
    public let passed: Bool

    public static func == (lhs: SiteScore, rhs: SiteScore) -> Bool {
        lhs.profile == rhs.profile && lhs.score == rhs.score && lhs.items == rhs.items && lhs.passed == rhs.passed
            && lhs.vetoFailed.map(\.check) == rhs.vetoFailed.map(\.check) && lhs.vetoFailed.map(\.pages) == rhs.vetoFailed.map(\.pages)
    }

    /// Earned and applicable points per principle, for charts; a principle with nothing applicable is left out.
    public var principles: [(principle: Principle, earned: Double, applicable: Double)] {
        Principle.allCases.compactMap { principle in
            let items = self.items.filter { $0.item.principle == principle && !$0.item.veto && $0.applicablePages > 0 }
            guard !items.isEmpty else { return nil }
            return (principle, items.reduce(0) { $0 + $1.earned }, items.reduce(0) { $0 + $1.item.points })
        }
    }
}

extension Profile {
    /// Rounds a score to the one decimal reports show, before it is compared with the pass mark,
    /// so what a report prints and whether it passed always agree.
    static func rounded(_ score: Double) -> Double { (score * 10).rounded() / 10 }

    /// The page's score from its per-check outcomes; nil for an unscored profile.
    public func score(_ outcomes: [String: Outcome]) -> PageScore? {
        guard isScored else { return nil }
        var earned = 0.0
        var applicable = 0.0
        var vetoFailed: [String] = []
        var review: [String] = []
        for item in items {
            switch outcomes[item.check] {
            case .failed:
                if item.veto { vetoFailed.append(item.check) } else { applicable += item.points }
            case .passed:
                if !item.veto {
                    earned += item.points
                    applicable += item.points
                }
            case .needsReview: review.append(item.check)
            case .inapplicable, nil: break
            }
        }
        let score = applicable > 0 ? Profile.rounded(earned / applicable * 100) : nil
        return PageScore(profile: id, score: score, earned: earned, applicable: applicable, vetoFailed: vetoFailed,
                         review: review, passed: vetoFailed.isEmpty && (score ?? 100) >= passMark)
    }
}

/// Gathers per-check outcomes page by page (memory stays flat) and gives the site score.
public struct SiteTally: Sendable {
    public let profile: Profile
    /// Pages by outcome, at the position of their item in `profile.items`: a run adds every page
    /// to several profiles' tallies, and counting by position hashes only the outcome look-up.
    private var passed: [Int]
    private var failed: [Int]
    private var review: [Int]

    public init(profile: Profile) {
        self.profile = profile
        passed = [Int](repeating: 0, count: profile.items.count)
        failed = passed
        review = passed
    }

    /// Adds an audited page; pages that could not be audited carry no outcomes and add nothing.
    public mutating func add(_ outcomes: [String: Outcome]) {
        for (position, item) in profile.items.enumerated() {
            switch outcomes[item.check] {
            case .passed: passed[position] += 1
            case .failed: failed[position] += 1
            case .needsReview: review[position] += 1
            case .inapplicable, nil: break
            }
        }
    }

    /// Nil for an unscored profile.
    public var score: SiteScore? {
        guard profile.isScored else { return nil }
        let items = profile.items.indices.map {
            ItemScore(item: profile.items[$0], passedPages: passed[$0], failedPages: failed[$0], reviewPages: review[$0])
        }
        let scored = items.filter { !$0.item.veto && $0.applicablePages > 0 }
        let applicable = scored.reduce(0) { $0 + $1.item.points }
        let earned = scored.reduce(0) { $0 + $1.earned }
        let score = applicable > 0 ? Profile.rounded(earned / applicable * 100) : nil
        let vetoFailed = items.filter { $0.item.veto && $0.failedPages > 0 }.map { ($0.item.check, $0.failedPages) }
        return SiteScore(profile: profile.id, passMark: profile.passMark, score: score, items: items, vetoFailed: vetoFailed,
                         passed: vetoFailed.isEmpty && (score ?? 100) >= profile.passMark)
    }
}
