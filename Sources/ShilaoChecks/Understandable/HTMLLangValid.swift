import ShilaoCore
import ShilaoDOM

/// ACT bf051a: the `lang` of the `html` element starts with a known primary language subtag.
struct HTMLLangValid: BuiltInCheck {
    static let id = "html-lang-valid"

    func run(on page: Page, into results: inout Results) {
        guard let root = page.document.root, root.isNamed("html"),
              let lang = root.attribute("lang"), !lang.allSatisfy(\.quickIsWhitespace) else { return }
        if LanguageTags.isValid(lang) {
            results.pass(root)
        } else {
            results.fail(root, "fail", ["lang": lang.trimmed(.whitespaces)])
        }
    }
}
