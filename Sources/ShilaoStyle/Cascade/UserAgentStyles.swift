/// The HTML user-agent defaults that change what the checks read, after Chromium's html.css
/// (the browser most Chinese government sites are tested in). Parsed once per process.
enum UserAgentStyles {
    static let sheet = Stylesheet(parsing: css)

    static let css = """
    html, address, blockquote, body, center, dialog, div, figure, figcaption, footer, form, header, hr,
    legend, listing, main, p, plaintext, pre, search, xmp, article, aside, h1, h2, h3, h4, h5, h6, hgroup,
    nav, section, dl, dt, dd, ol, ul, menu, dir, fieldset, details, summary, optgroup, frameset, frame
      { display: block; }
    head, link, meta, script, style, template, title, base, basefont, datalist, noembed, noframes, param,
    rp, area, noscript, [hidden], input[type=hidden i], dialog:not([open])
      { display: none; }
    li, details > summary:first-of-type { display: list-item; }
    table { display: table; border-spacing: 2px; }
    caption { display: table-caption; }
    colgroup { display: table-column-group; }
    col { display: table-column; }
    thead { display: table-header-group; }
    tbody { display: table-row-group; }
    tfoot { display: table-footer-group; }
    tr { display: table-row; }
    td, th { display: table-cell; padding: 1px; }
    th { font-weight: bold; }
    ruby { display: ruby; }
    rt { display: ruby-text; font-size: 50%; }
    input, select, button, textarea { display: inline-block; }
    html { color: CanvasText; }
    body { margin: 8px; }
    p, blockquote, figure, ul, ol, dl, menu, dir { margin-top: 1em; margin-bottom: 1em; }
    blockquote, figure { margin-left: 40px; margin-right: 40px; }
    dd { margin-left: 40px; }
    ul, ol, menu, dir { padding-left: 40px; }
    ul ul, ol ul, ul ol, ol ol { margin-top: 0; margin-bottom: 0; }
    h1 { font-size: 2em; margin-top: 0.67em; margin-bottom: 0.67em; font-weight: bold; }
    h2 { font-size: 1.5em; margin-top: 0.83em; margin-bottom: 0.83em; font-weight: bold; }
    h3 { font-size: 1.17em; margin-top: 1em; margin-bottom: 1em; font-weight: bold; }
    h4 { margin-top: 1.33em; margin-bottom: 1.33em; font-weight: bold; }
    h5 { font-size: 0.83em; margin-top: 1.67em; margin-bottom: 1.67em; font-weight: bold; }
    h6 { font-size: 0.67em; margin-top: 2.33em; margin-bottom: 2.33em; font-weight: bold; }
    hr { margin: 0.5em auto; border: 1px inset; color: gray; }
    fieldset { margin-left: 2px; margin-right: 2px; padding: 0.35em 0.75em 0.625em; border: 2px groove ThreeDFace; }
    legend { padding-left: 2px; padding-right: 2px; }
    pre, listing, xmp, plaintext { margin-top: 1em; margin-bottom: 1em; }
    b, strong { font-weight: bold; }
    i, cite, em, var, dfn, address { font-style: italic; }
    small, sub, sup { font-size: smaller; }
    big { font-size: larger; }
    u, ins { text-decoration: underline; }
    s, strike, del { text-decoration: line-through; }
    mark { background-color: Mark; color: MarkText; }
    a:any-link { color: LinkText; text-decoration: underline; cursor: pointer; }
    input, textarea, select, button {
      font: 13.333333px sans-serif; letter-spacing: normal; word-spacing: normal; color: FieldText;
    }
    input, textarea { background-color: Field; border: 2px inset ButtonBorder; padding: 1px 2px; }
    input[type=button i], input[type=submit i], input[type=reset i], input[type=file i]::file-selector-button, button {
      background-color: ButtonFace; color: ButtonText; border: 2px outset ButtonText; padding: 1px 6px;
    }
    select { background-color: Field; border: 1px solid ButtonBorder; }
    :focus-visible { outline: auto 1px -webkit-focus-ring-color; }
    """
}

/// The user-agent rules of a rendering mode and their index, built once per process: the
/// sheets hold style rules only (no `@media`, no `@import`; a test checks), so every page in
/// that mode gets the same ones, and indexing them per page was a twentieth of a small page.
struct UserAgentRules: Sendable {
    let rules: [ActiveRule]
    let index: RuleIndex
    /// The rules whose selectors depend on focus, for `StyleEngine.focusedStyle`: indexing them
    /// for every page cost a fiftieth of auditing a small one.
    let focusIndex: RuleIndex

    static let standard = UserAgentRules(sheets: [UserAgentStyles.sheet], quirks: false)
    static let quirks = UserAgentRules(sheets: [UserAgentStyles.sheet, QuirksMode.userAgentSheet], quirks: true)

    private init(sheets: [Stylesheet], quirks: Bool) {
        rules = sheets.flatMap(\.rules).compactMap { rule in
            guard case .style(let style) = rule else { return nil }
            return ActiveRule(rule: style, origin: .userAgent, sheet: "user agent")
        }
        index = RuleIndex(rules: rules, quirks: quirks)
        focusIndex = RuleIndex(rules: rules, quirks: quirks, including: \.involvesFocus)
    }
}
