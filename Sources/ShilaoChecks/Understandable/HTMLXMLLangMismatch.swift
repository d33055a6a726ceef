import ShilaoCore
import ShilaoDOM

/// ACT 5b7ae0: when the `html` element has valid `lang` and `xml:lang` values, both name the
/// same primary language.
struct HTMLXMLLangMismatch: BuiltInCheck {
    static let id = "html-xml-lang-mismatch"

    func run(on page: Page, into results: inout Results) {
        guard let root = page.document.root, root.isNamed("html"),
              let lang = root.attribute("lang"), let xmlLang = root.attribute("xml:lang"),
              LanguageTags.isValid(lang), LanguageTags.isValid(xmlLang) else { return }
        if LanguageTags.primarySubtag(lang) == LanguageTags.primarySubtag(xmlLang) {
            results.pass(root)
        } else {
            results.fail(root, "fail", [
                "lang": lang.trimmed(.whitespaces),
                "xmlLang": xmlLang.trimmed(.whitespaces),
            ])
        }
    }
}
