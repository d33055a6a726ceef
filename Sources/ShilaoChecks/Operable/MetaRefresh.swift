import ShilaoCore
import ShilaoDOM

/// ACT bc659a and bisz58: the page does not refresh or redirect after a delay. Browsers act on the
/// first `<meta http-equiv="refresh">` whose content parses, so only that one is judged.
struct MetaRefresh: BuiltInCheck {
    static let id = "meta-refresh"
    /// WCAG 2.2.1 lets a refresh stand when it comes after more than 20 hours.
    static let twentyHours = 72_000

    func run(on page: Page, into results: inout Results) {
        for meta in page.document.elements where meta.isNamed("meta") {
            guard meta.attribute("http-equiv")?.trimmed(.whitespaces).lowercased() == "refresh",
                  let content = meta.attribute("content"),
                  let refresh = MetaRefresh.parse(content) else { continue }
            let data = ["delay": String(refresh.delay)]
            if refresh.delay == 0 {
                results.pass(meta)
            } else if refresh.delay > MetaRefresh.twentyHours {
                results.review(meta, "review.long", data)
            } else {
                results.fail(meta, refresh.redirects ? "fail.redirect" : "fail.refresh", data)
            }
            return
        }
    }

    struct Refresh: Equatable {
        let delay: Int
        let redirects: Bool
    }

    /// The HTML "shared declarative refresh steps": nil when the content is not a valid refresh.
    static func parse(_ content: String) -> Refresh? {
        let chars = Array(content.unicodeScalars)
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        while i < chars.count, isSpace(chars[i]) { i += 1 }
        var digits = ""
        while i < chars.count, isDigit(chars[i]) { digits.unicodeScalars.append(chars[i]); i += 1 }
        if digits.isEmpty && (i >= chars.count || chars[i] != ".") { return nil }
        while i < chars.count, isDigit(chars[i]) || chars[i] == "." { i += 1 }
        if i < chars.count {
            guard isSpace(chars[i]) || chars[i] == ";" || chars[i] == "," else { return nil }
            while i < chars.count, isSpace(chars[i]) { i += 1 }
            if i < chars.count, chars[i] == ";" || chars[i] == "," { i += 1 }
            while i < chars.count, isSpace(chars[i]) { i += 1 }
        }
        let delay = digits.isEmpty ? 0 : (Int(digits.prefix(12)) ?? Int.max)
        return Refresh(delay: delay, redirects: i < chars.count)
    }
}
