import Testing
@testable import ShilaoStyle

@Suite struct ParserTests {
    func selectors(_ css: String) -> [String] {
        Stylesheet(parsing: css).rules.compactMap { rule in
            if case .style(let style) = rule { return style.selectorText }
            return nil
        }
    }

    func declarations(_ css: String) -> [String] {
        Parser.parseDeclarations(css).map { $0.name + ":" + $0.value.cssText + ($0.important ? "!" : "") }
    }

    @Test func declarationsWithImportance() {
        #expect(declarations("color: red ; margin:0!important; --x: { a } ; font-size: 12px ! IMPORTANT")
                == ["color:red", "margin:0!", "--x:{ a }", "font-size:12px!"])
    }

    @Test func badDeclarationsAreSkipped() {
        #expect(declarations("color red; width: 10px; ;; : x; height: 5px") == ["width:10px", "height:5px"])
        #expect(declarations("&:hover { color: blue } color: red") == ["color:red"])
        #expect(declarations("@media print { a: b } color: red") == ["color:red"])
    }

    @Test func invalidDeclarationsDoNotOverrideValidOnes() {
        let sheet = Stylesheet(parsing: "p { color: red; color: nonsense; width: -5px; width: 5px; width: 7 }")
        guard case .style(let rule) = sheet.rules[0] else {
            Issue.record("no style rule")
            return
        }
        // `width: 7` is kept only for quirks mode, where unitless lengths are px.
        #expect(rule.declarations.map(\.name) == ["color", "width", "width"])
        let quirksOnly = rule.declarations.map { declaration -> Bool in
            if case .quirks = declaration.payload { return true }
            return false
        }
        #expect(quirksOnly == [false, false, true])
    }

    @Test func unclosedBlockIsClosedAtEnd() {
        #expect(selectors("a { color: red } b { color: blue") == ["a", "b"])
        #expect(selectors("a { color: red } @media screen { b { color: blue }") == ["a"])
        #expect(Stylesheet(parsing: "a { color: red } @media screen { b { color: blue }").styleRuleCount == 2)
    }

    @Test func strayClosingBraceCostsOnlyTheNextRule() {
        #expect(selectors("a { x: y } } b { x: y } c { x: y }") == ["a", "c"])
    }

    @Test func invalidSelectorDropsOnlyItsRule() {
        #expect(selectors("a:unknown { x: y } p, q::before { x: y } .ok { x: y } a:hover, b { x: y }")
                == ["p, q::before", ".ok", "a:hover, b"])
    }

    @Test func unterminatedPreludeIsDropped() {
        #expect(selectors("a { x: y } b") == ["a"])
        #expect(selectors("<!-- a { x: y } -->") == ["a"])
    }

    @Test func byteOrderMarkIsIgnored() {
        #expect(selectors("\u{FEFF}body { x: y }") == ["body"])
    }

    @Test func keyframesAreRecordedAndImportsOnlyAtTheTop() {
        let sheet = Stylesheet(parsing: "@charset 'utf-8'; @import 'a.css'; a {} @import 'b.css'; @keyframes spin { from {} }")
        #expect(sheet.keyframes == ["spin"])
        let imports = sheet.rules.compactMap { rule -> String? in
            if case .importRule(let i) = rule { return i.url }
            return nil
        }
        #expect(imports == ["a.css"])
    }

    @Test func deeplyNestedParenthesesDoNotOverflow() {
        let css = "a { width: " + String(repeating: "(", count: 100_000) + " }"
        #expect(Stylesheet(parsing: css).styleRuleCount == 1)
    }
}
