import Foundation
import ShilaoCore

/// What fails a CI run besides a veto item, which always does.
public struct GateRules: Sendable, Equatable {
    /// Fail when the profile's site score is below this.
    public var failUnder: Double?
    /// Fail on a failed finding of this impact or worse (only new ones when a baseline is used).
    public var failOn: Impact?

    public init(failUnder: Double? = nil, failOn: Impact? = nil) {
        self.failUnder = failUnder
        self.failOn = failOn
    }
}

/// Whether the run passes the gate, and every reason it does not.
public struct GateDecision: Sendable, Equatable {
    public let reasons: [Localized]
    public var passed: Bool { reasons.isEmpty }

    /// `newFailedImpacts`: the impact of each failed finding the baseline does not hold (all of
    /// them without a baseline).
    public static func decide(_ rules: GateRules, site: SiteScore?, newFailedImpacts: [Impact]) -> GateDecision {
        var reasons: [Localized] = []
        for veto in site?.vetoFailed ?? [] {
            reasons.append(Localized(zhCN: "一票否决项 \(veto.check) 在 \(veto.pages) 个页面不通过",
                                     en: "veto item \(veto.check) failed on \(veto.pages) pages"))
        }
        if let failUnder = rules.failUnder, let score = site?.score, score < failUnder {
            let shown = ScoreText.format(score)
            reasons.append(Localized(zhCN: "网站得分 \(shown) 低于 --fail-under \(ScoreText.format(failUnder))",
                                     en: "site score \(shown) is below --fail-under \(ScoreText.format(failUnder))"))
        }
        if let failOn = rules.failOn {
            let count = newFailedImpacts.filter { $0 >= failOn }.count
            if count > 0 {
                reasons.append(Localized(zhCN: "\(count) 处 \(failOn.rawValue) 或更严重的问题不通过（--fail-on \(failOn.rawValue)）",
                                         en: "\(count) failed findings of impact \(failOn.rawValue) or worse (--fail-on \(failOn.rawValue))"))
            }
        }
        return GateDecision(reasons: reasons)
    }
}

/// Scores as reports print them: one decimal, none when whole.
public enum ScoreText {
    public static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
