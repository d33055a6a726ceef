import ShilaoCore
import ShilaoDOM

/// 政府网站发展指引, 网页设计规范: government pages carry the site meta tags (SiteName, SiteDomain,
/// SiteIDCode, ColumnName), and article pages ArticleTitle and PubDate, so that the national
/// site census and search can identify them. Reported once per page, on `head`.
struct GovMetaTags: BuiltInCheck {
    static let id = "gov-meta-tags"
    static let siteTags = ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName"]
    static let articleTags = ["ArticleTitle", "PubDate"]

    func run(on page: Page, into results: inout Results) {
        guard let root = page.document.root else { return }
        var present: Set<String> = []
        for meta in page.document.elements(named: "meta") {
            guard let name = meta.attribute("name")?.trimmed(.whitespaces).lowercased(),
                  let content = meta.attribute("content"), !content.allSatisfy(\.quickIsWhitespace) else { continue }
            present.insert(name)
        }
        let article = PageKind.isArticlePage(page)
        let required = GovMetaTags.siteTags + (article ? GovMetaTags.articleTags : [])
        let missing = required.filter { !present.contains($0.lowercased()) }
        let place = page.document.head ?? root
        if missing.isEmpty {
            results.pass(place)
        } else {
            results.fail(place, article ? "fail.article" : "fail", ["missing": missing.joined(separator: ", ")])
        }
    }
}
