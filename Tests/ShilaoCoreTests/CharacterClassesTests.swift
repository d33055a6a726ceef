import Foundation
import Testing
import ShilaoCore
import ShilaoDOM

/// The quick character classes must answer exactly as the standard library does.
@Suite struct CharacterClassesTests {
    @Test func everyScalarAnswersAsTheStandardLibrary() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if character.quickIsWhitespace != character.isWhitespace || character.quickIsLetter != character.isLetter
                || scalar.quickIsAlphabetic != scalar.properties.isAlphabetic {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty, "U+\(differences.prefix(10))")
    }

    @Test(arguments: ["\r\n", " \u{301}", "a\u{301}", "一\u{FE00}", "\u{3000}\u{301}", "👍🏽", "🇨🇳", "\u{0D}\u{0A}"])
    func clustersAnswerByTheirFirstScalar(_ text: String) {
        let character = Character(text)
        #expect(character.quickIsWhitespace == character.isWhitespace)
        #expect(character.quickIsLetter == character.isLetter)
    }

    @Test(arguments: ["", " ", "a", " a ", "a b", "\u{3000}村务\u{3000}", "\n\tx\r\n", "x\u{A0}", "\u{A0}x", "~", "~ ", "\u{85}y\u{2028}"])
    func trimmingAnswersAsFoundation(_ text: String) {
        #expect(text.trimmed(.whitespaces) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmed(.whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.dropFirst(0).trimmed(.whitespaces) == text.trimmingCharacters(in: .whitespaces))
    }
}
