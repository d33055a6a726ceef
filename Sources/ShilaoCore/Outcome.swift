/// What a check concluded about a page or an element (ACT: passed, failed, cantTell, inapplicable).
public enum Outcome: String, Codable, Sendable, CaseIterable {
    case passed, failed, needsReview, inapplicable
}

/// How badly a failure hurts users, as axe-core grades it.
public enum Impact: String, Codable, Sendable, CaseIterable, Comparable {
    case minor, moderate, serious, critical

    private var rank: Int { Impact.allCases.firstIndex(of: self)! }

    public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rank < rhs.rank }

    /// How Lighthouse weighs axe rules of this impact: the remediation order's weight. Scored
    /// profiles write their own weights out in their files.
    public var weight: Double {
        switch self {
        case .critical: return 10
        case .serious: return 7
        case .moderate: return 3
        case .minor: return 1
        }
    }
}

/// Which family of requirements a check belongs to.
public enum Category: String, Codable, Sendable, CaseIterable {
    /// 适老化: the MIIT elderly-friendly requirements.
    case elderly
    /// 无障碍: barrier-free requirements (WCAG, GB/T 37668).
    case accessibility
}
