import ShilaoDOM

/// Quirks mode (HTML §13.2.6.4.1 and the Quirks Mode standard). Many county and township
/// sites still ship old doctypes or none, and browsers then match class and id selectors
/// case-insensitively, accept unitless lengths such as `font-size: 12`, and stop tables from
/// inheriting font sizes.
enum QuirksMode {
    static func applies(to doctype: Doctype?) -> Bool {
        guard let doctype else { return true }
        if doctype.name.asciiLowercased != "html" { return true }
        let publicID = doctype.publicID?.asciiLowercased ?? ""
        let systemID = doctype.systemID?.asciiLowercased
        if ["-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"].contains(publicID) { return true }
        if systemID == "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd" { return true }
        if quirkyPrefixes.contains(where: publicID.hasPrefix) { return true }
        if systemID == nil, publicID.hasPrefix("-//w3c//dtd html 4.01 frameset//") || publicID.hasPrefix("-//w3c//dtd html 4.01 transitional//") {
            return true
        }
        return false
    }

    /// Public identifier prefixes that select quirks mode (grouped where the standard lists
    /// every version of one vendor's DTDs).
    private static let quirkyPrefixes = [
        "+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//",
        "-//advasoft ltd//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html", "-//metrius//dtd metrius presentational//",
        "-//microsoft//dtd internet explorer", "-//netscape comm. corp.//dtd", "-//o'reilly and associates//dtd html",
        "-//softquad software//dtd hotmetal pro", "-//softquad//dtd hotmetal pro", "-//spyglass//dtd html 2.0 extended//",
        "-//sq//dtd html 2.0 hotmetal + extensions//", "-//sun microsystems corp.//dtd hotjava", "-//w3c//dtd html 3",
        "-//w3c//dtd html 4.0 frameset//", "-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd html experimental",
        "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html 3.0//", "-//webtechs//dtd mozilla html",
    ]

    /// Properties whose lengths may be written without a unit in quirks mode.
    static let unitlessLengthProperties: Set<String> = [
        "border-spacing", "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
        "border-width", "bottom", "font-size", "height", "left", "letter-spacing", "margin", "margin-top", "margin-right",
        "margin-bottom", "margin-left", "max-height", "max-width", "min-height", "min-width", "padding", "padding-top",
        "padding-right", "padding-bottom", "padding-left", "right", "text-indent", "top", "width", "word-spacing",
    ]

    /// The value with bare numbers read as px, when the quirk applies to the property.
    static func unitlessLengths(_ name: String, _ value: [ComponentValue]) -> [ComponentValue]? {
        guard unitlessLengthProperties.contains(name) else { return nil }
        var changed = false
        let converted = value.map { item -> ComponentValue in
            guard case .token(.number(let v, _, let repr)) = item, v != 0 else { return item }
            changed = true
            return .token(.dimension(v, unit: "px", repr: repr))
        }
        return changed ? converted : nil
    }

    /// Chromium's quirks-mode additions to the user-agent sheet.
    static let userAgentSheet = Stylesheet(parsing: """
        table { font-size: medium; font-weight: normal; font-style: normal; line-height: normal; }
        form { margin-bottom: 1em; }
        """)
}

/// ASCII case-insensitive equality without allocating.
func asciiCaseInsensitiveEquals(_ a: String, _ b: String) -> Bool {
    let x = a.utf8, y = b.utf8
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) where p != q {
        let lp = p >= 0x41 && p <= 0x5A ? p + 0x20 : p
        let lq = q >= 0x41 && q <= 0x5A ? q + 0x20 : q
        if lp != lq { return false }
    }
    return true
}
