import Testing
@testable import ShilaoStyle

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [Token] { Tokenizer.tokenize(text) }

    @Test func basicTokens() {
        #expect(tokens("a{color:red}") == [
            .ident("a"), .openBrace, .ident("color"), .colon, .ident("red"), .closeBrace,
        ])
        #expect(tokens("@media") == [.atKeyword("media")])
        #expect(tokens("#main #1a") == [.hash("main", isID: true), .whitespace, .hash("1a", isID: false)])
        #expect(tokens("rgb(") == [.function("rgb")])
        #expect(tokens("<!-- -->") == [.cdo, .whitespace, .cdc])
    }

    @Test func numbersKeepSignsAndUnits() {
        #expect(tokens("12px") == [.dimension(12, unit: "px", repr: "12")])
        #expect(tokens("-1.5em") == [.dimension(-1.5, unit: "em", repr: "-1.5")])
        #expect(tokens("50%") == [.percentage(50)])
        #expect(tokens("+3") == [.number(3, isInteger: true, repr: "+3")])
        #expect(tokens(".5") == [.number(0.5, isInteger: false, repr: ".5")])
        #expect(tokens("1e3") == [.number(1000, isInteger: false, repr: "1e3")])
        #expect(tokens("2n+1") == [.dimension(2, unit: "n", repr: "2"), .number(1, isInteger: true, repr: "+1")])
    }

    @Test func commentsAreSkipped() {
        #expect(tokens("a/* x { } */b") == [.ident("a"), .ident("b")])
        #expect(tokens("a /* unterminated") == [.ident("a"), .whitespace])
    }

    @Test func escapes() {
        #expect(tokens(#"\31 0"#) == [.ident("10")])
        #expect(tokens(#".a\:hover"#) == [.delim("."), .ident("a:hover")])
        #expect(tokens(#""\4E2D\6587""#) == [.string("中文")])
        #expect(tokens(#"\0"#) == [.ident("\u{FFFD}")])
        #expect(tokens("中文") == [.ident("中文")])
    }

    @Test func stringsAndURLs() {
        #expect(tokens(#"'it\'s'"#) == [.string("it's")])
        #expect(tokens("\"line\nx") == [.badString, .whitespace, .ident("x")])
        #expect(tokens("\"a\\\nb\"") == [.string("ab")])
        #expect(tokens("url( a.png )") == [.url("a.png")])
        #expect(tokens("url(\"a.png\")") == [.function("url"), .string("a.png"), .closeParen])
        #expect(tokens("url(a b) c") == [.badURL, .whitespace, .ident("c")])
    }
}
