import ShilaoCore

/// ACT afw4f7, WCAG 1.4.3: visible text reaches 4.5:1, large text 3:1; failures note where the
/// MIIT app spec (over 18px counts as large) reads it differently.
struct TextContrastCheck: BuiltInCheck {
    static let id = "text-contrast"

    func run(on page: Page, into results: inout Results) {
        TextContrast(normal: 4.5, large: 3, notesMIIT: true).run(on: page, into: &results)
    }
}

/// ACT 09o5cg, WCAG 1.4.6 (AAA): visible text reaches 7:1, large text 4.5:1.
struct TextContrastEnhanced: BuiltInCheck {
    static let id = "text-contrast-enhanced"

    func run(on page: Page, into results: inout Results) {
        TextContrast(normal: 7, large: 4.5, notesMIIT: false).run(on: page, into: &results)
    }
}
