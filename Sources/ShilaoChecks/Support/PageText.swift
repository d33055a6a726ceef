import ShilaoDOM

/// Text as people read it, shared by the checks that look at words: whitespace handling, Han
/// characters, and where in the source a piece of text sits.
enum PageText {
    /// Elements whose text is never shown as page text.
    static let hiddenText: Set<String> = ["script", "style", "noscript", "template", "textarea", "title", "head"]

    /// The text a reader sees under `element`, in document order, without script or style text.
    /// `standIn` may give the text an element shows in place of its content (an image's alt).
    static func visible(_ element: Element, standIn: (Element) -> String? = { _ in nil }) -> String {
        var text = ""
        var stack: [ChildNode] = element.childNodes.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let value):
                text += value
            case .element(let child):
                if let replacement = standIn(child) {
                    text += replacement
                } else if !hiddenText.contains(child.name) {
                    stack.append(contentsOf: child.childNodes.reversed())
                }
            }
        }
        return text
    }

    /// Whitespace (including U+3000 and no-break spaces) collapsed to single spaces and trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: isSpace).joined(separator: " ")
    }

    /// Every whitespace character removed: the form used to match Chinese wording, since
    /// "立即 下载" and "立即下载" read the same.
    static func compact(_ text: String) -> String {
        // Text without a whitespace scalar has no space character to take out, and is not
        // broken into characters.
        guard text.unicodeScalars.contains(where: \.quickIsWhitespace) else { return text }
        return text.filter { !isSpace($0) }
    }

    /// HTML whitespace, the ideographic space U+3000 and the no-break space U+00A0: Unicode
    /// whitespace, which holds both (and a test checks it still does).
    static func isSpace(_ character: Character) -> Bool {
        character.quickIsWhitespace
    }

    /// CJK unified ideographs (with extension A and the compatibility block).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && isHan(character.unicodeScalars.first!)
    }

    /// The direct text children of `element`, each with the source line it starts on. libxml2
    /// keeps no line for text, so a run's line is worked out from the nearest element before
    /// it plus the line breaks in between (breaks inside tags are not seen: close enough).
    static func runs(of element: Element) -> [(text: String, line: Int)] {
        var text = TextFacts()
        return runs(of: element, text: &text)
    }

    /// `runs(of:)` for callers that ask about many elements of one page: `text` remembers
    /// each element's line breaks, so a walk over the whole tree stays linear.
    static func runs(of element: Element, text: inout TextFacts) -> [(text: String, line: Int)] {
        var result: [(String, Int)] = []
        var line = element.line
        for node in element.childNodes {
            switch node {
            case .element(let child):
                line = child.line + text.lineBreaks(in: child)
            case .text(let text):
                result.append((text, line))
                line += lineBreaks(in: text[...])
            }
        }
        return result
    }

    /// The line of `index` in a text run that starts on `line`.
    static func line(of index: String.Index, in text: String, startingAt line: Int) -> Int {
        line + lineBreaks(in: text[..<index])
    }

    /// LF, CR LF and lone CR, counted over bytes: a line break never joins a grapheme with
    /// anything but CR LF, so this is the count of such Characters without breaking graphemes.
    static func lineBreaks(in text: Substring) -> Int {
        var total = 0
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A { if !afterCR { total += 1 } } else if byte == 0x0D { total += 1 }
            afterCR = byte == 0x0D
        }
        return total
    }
}
