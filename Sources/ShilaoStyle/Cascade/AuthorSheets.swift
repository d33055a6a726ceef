import Foundation
import ShilaoDOM

/// A page's author sheets as one viewport reads them: its `<style>` and `<link rel=stylesheet>`
/// sheets in document order, with their `@import`s, through a loader. The style engine keeps the
/// rules; a loader that fetches over the network walks the same way first to learn which sheets
/// a page will ask for (`StyleEngine.readSheets`).
struct AuthorSheets {
    /// The rules that apply in the viewport, in cascade order.
    private(set) var rules: [ActiveRule] = []
    private(set) var keyframes: Set<String> = []
    /// Sheets that could not be loaded, with the line of the `<link>` or `<style>` that led to
    /// them and the reason: `line 13, stylesheet https://…/site.css: HTTP 404`. At most
    /// `maximumProblems`, then a count of the rest: a page linking 20,000 missing sheets made
    /// every contrast finding name them all (583 MB of report for a 740 KB page).
    private(set) var problems: [String] = []
    private var problemsLeftOut = 0
    static let maximumProblems = 20
    /// Some sheet or rule is conditional on the `orientation` media feature.
    private(set) var usesOrientationQueries = false
    /// Some sheet is read only under a media query (`<link media>`, `<style media>`,
    /// `@import … media`): another screen may read other sheets.
    private(set) var readsUnderMedia = false

    private let screen: MediaScreen
    private let loader: StylesheetLoader
    /// The page came from `http(s)`: like a browser, it may not read local files, which a
    /// report could otherwise quote from (a `file:` link on a fetched or archived page).
    private let pageOnTheWeb: Bool
    /// The line of the `<link>` or `<style>` being read.
    private var line = 0

    /// `@import` chains deeper than this are cut (and reported).
    static let maximumImportDepth = 8

    init(document: HTMLDocument, pageURL: String, screen: MediaScreen, loader: StylesheetLoader) {
        self.screen = screen
        self.loader = loader
        let start = pageURL.prefix(8).lowercased()
        pageOnTheWeb = start.hasPrefix("http://") || start.hasPrefix("https://")
        // Made only for a link or an import: most pages have neither, and a file URL costs a
        // look-up of the working folder.
        lazy var base: URL? = {
            let page = URLResolver.baseURL(for: pageURL)
            guard let href = document.elements(named: "base").first(where: { $0.attribute("href") != nil })?.attribute("href")
            else { return page }
            return URLResolver.resolve(href, against: page) ?? page
        }()
        for element in document.elements {
            if element.isNamed("style") {
                guard isCSS(element.attribute("type")), mediaMatches(element.attribute("media")) else { continue }
                line = element.line
                collect(loader.stylesheet(inline: element.textContent), sheet: "<style>", base: base, chain: [])
            } else if element.isNamed("link") {
                let rel = splitOnWhitespace(element.attribute("rel")?.asciiLowercased ?? "")
                guard rel.contains("stylesheet"), !rel.contains("alternate"), isCSS(element.attribute("type")),
                      mediaMatches(element.attribute("media")), let href = element.attribute("href") else { continue }
                line = element.line
                guard let url = URLResolver.resolve(href, against: base) else {
                    problem(href, "not a usable URL")
                    continue
                }
                load(url, chain: [])
            }
        }
        if problemsLeftOut > 0 { problems.append("and \(problemsLeftOut) more stylesheet problems") }
    }

    private mutating func problem(_ sheet: String, _ reason: String) {
        guard problems.count < Self.maximumProblems else {
            problemsLeftOut += 1
            return
        }
        problems.append("line \(line), stylesheet \(sheet): \(reason)")
    }

    private func isCSS(_ type: String?) -> Bool {
        guard let type = type?.trimmed(.whitespaces).asciiLowercased, !type.isEmpty else { return true }
        return type == "text/css"
    }

    private mutating func mediaMatches(_ media: String?) -> Bool {
        guard let media else { return true }
        let list = MediaQueryList(text: media)
        if !list.isEmpty { readsUnderMedia = true }
        return matches(list)
    }

    private mutating func matches(_ media: MediaQueryList) -> Bool {
        if media.testsOrientation { usesOrientationQueries = true }
        return media.matches(screen)
    }

    private mutating func load(_ url: URL, chain: [String]) {
        let key = url.absoluteString
        guard !chain.contains(key) else {
            problem(key, "@import loop")
            return
        }
        guard chain.count < Self.maximumImportDepth else {
            problem(key, "@import nested deeper than \(Self.maximumImportDepth)")
            return
        }
        guard !(pageOnTheWeb && url.isFileURL) else {
            problem(key, "a page on the web cannot use a local file")
            return
        }
        switch loader.stylesheet(at: url) {
        case .success(let sheet):
            collect(sheet, sheet: key, base: url, chain: chain + [key])
        case .failure(let error):
            problem(key, error.reason)
        }
    }

    /// Appends the sheet's rules that apply in this viewport, following `@import`.
    private mutating func collect(_ sheet: Stylesheet, sheet name: String, base: @autoclosure () -> URL?, chain: [String]) {
        keyframes.formUnion(sheet.keyframes)
        var pending: [ArraySlice<SheetRule>] = [sheet.rules[...]]
        while var current = pending.popLast() {
            while let rule = current.first {
                current = current.dropFirst()
                switch rule {
                case .style(let style):
                    rules.append(ActiveRule(rule: style, origin: .author, sheet: name))
                case .media(let media, let inner):
                    guard matches(media) else { continue }
                    pending.append(current)
                    current = inner[...]
                case .importRule(let importRule):
                    if !importRule.media.isEmpty { readsUnderMedia = true }
                    guard matches(importRule.media) else { continue }
                    guard let url = URLResolver.resolve(importRule.url, against: base()) else {
                        problem(importRule.url, "not a usable URL")
                        continue
                    }
                    load(url, chain: chain)
                }
            }
        }
    }
}
