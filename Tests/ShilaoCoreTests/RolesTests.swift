import Testing
import ShilaoDOM
@testable import ShilaoCore

@Suite struct RolesTests {
    @Test(arguments: [
        (#"<a id="t" href="/">x</a>"#, "link"),
        (#"<a id="t">x</a>"#, nil),
        (#"<map name="m"><area id="t" href="/a" alt="A"></map>"#, "link"),
        (#"<article id="t"></article>"#, "article"),
        (#"<aside id="t"></aside>"#, "complementary"),
        (#"<section><aside id="t"></aside></section>"#, nil),
        (#"<section><aside id="t" aria-label="Related"></aside></section>"#, "complementary"),
        (#"<button id="t">x</button>"#, "button"),
        (#"<datalist id="t"><option>a</option></datalist>"#, "listbox"),
        (#"<details id="t"><summary>s</summary></details>"#, "group"),
        (#"<details><summary id="t">s</summary></details>"#, nil),
        (#"<dialog id="t" open>x</dialog>"#, "dialog"),
        (#"<fieldset id="t"></fieldset>"#, "group"),
        (#"<figure id="t"></figure>"#, "figure"),
        (#"<form id="t"></form>"#, nil),
        (#"<form id="t" aria-label="Search"></form>"#, "form"),
        (#"<h4 id="t">x</h4>"#, "heading"),
        (#"<header id="t"></header>"#, "banner"),
        (#"<footer id="t"></footer>"#, "contentinfo"),
        (#"<article><header id="t"></header></article>"#, nil),
        (#"<main><footer id="t"></footer></main>"#, nil),
        (#"<hr id="t">"#, "separator"),
        (#"<img id="t" src="a.png" alt="">"#, "presentation"),
        (#"<img id="t" src="a.png">"#, "img"),
        (#"<img id="t" src="a.png" alt="A">"#, "img"),
        (#"<input id="t" type="button">"#, "button"),
        (#"<input id="t" type="image" alt="Go">"#, "button"),
        (#"<input id="t" type="reset">"#, "button"),
        (#"<input id="t" type="submit">"#, "button"),
        (#"<input id="t" type="checkbox">"#, "checkbox"),
        (#"<input id="t" type="radio">"#, "radio"),
        (#"<input id="t" type="range">"#, "slider"),
        (#"<input id="t" type="number">"#, "spinbutton"),
        (#"<input id="t" type="search">"#, "searchbox"),
        (#"<input id="t" type="email">"#, "textbox"),
        (#"<input id="t" type="tel">"#, "textbox"),
        (#"<input id="t" type="url">"#, "textbox"),
        (#"<input id="t">"#, "textbox"),
        (#"<input id="t" type="bogus">"#, "textbox"),
        (#"<input id="t" type="TEXT" list="l"><datalist id="l"></datalist>"#, "combobox"),
        (#"<input id="t" type="search" list="l">"#, "combobox"),
        (#"<input id="t" type="password">"#, nil),
        (#"<input id="t" type="date">"#, nil),
        (#"<ul><li id="t">x</li></ul>"#, "listitem"),
        (#"<div><li id="t">x</li></div>"#, nil),
        (#"<main id="t"></main>"#, "main"),
        (#"<math id="t"></math>"#, "math"),
        (#"<menu id="t"></menu>"#, "list"),
        (#"<ol id="t"></ol>"#, "list"),
        (#"<ul id="t"></ul>"#, "list"),
        (#"<meter id="t" value="2"></meter>"#, "meter"),
        (#"<nav id="t"></nav>"#, "navigation"),
        (#"<select><option id="t">a</option></select>"#, "option"),
        (#"<output id="t"></output>"#, "status"),
        (#"<p id="t">x</p>"#, "paragraph"),
        (#"<progress id="t"></progress>"#, "progressbar"),
        (#"<section id="t"></section>"#, nil),
        (#"<section id="t" aria-labelledby="h"><h2 id="h">News</h2></section>"#, "region"),
        (#"<section id="t" title="News"></section>"#, "region"),
        (#"<select id="t"><option>a</option></select>"#, "combobox"),
        (#"<select id="t" multiple><option>a</option></select>"#, "listbox"),
        (#"<select id="t" size="4"><option>a</option></select>"#, "listbox"),
        (#"<table id="t"><tr><td>a</td></tr></table>"#, "table"),
        (#"<table><tbody id="t"><tr><td>a</td></tr></tbody></table>"#, "rowgroup"),
        (#"<table><tr id="t"><td>a</td></tr></table>"#, "row"),
        (#"<table><tr><td id="t">a</td></tr></table>"#, "cell"),
        (#"<table role="grid"><tr><td id="t">a</td></tr></table>"#, "gridcell"),
        (#"<table role="presentation"><tr><td id="t">a</td></tr></table>"#, nil),
        (#"<table><thead><tr><th id="t">h</th></tr></thead></table>"#, "columnheader"),
        (#"<table><tr><th id="t">h</th><td>a</td></tr></table>"#, "rowheader"),
        (#"<table><tr><th id="t" scope="col">h</th><td>a</td></tr></table>"#, "columnheader"),
        (#"<table><tr><th id="t" scope="row">h</th></tr></table>"#, "rowheader"),
        (#"<textarea id="t"></textarea>"#, "textbox"),
        (#"<div id="t"></div>"#, nil),
        (#"<span id="t"></span>"#, nil),
        (#"<blockquote id="t"></blockquote>"#, "blockquote"),
        (#"<dl><dt id="t">a</dt><dd>b</dd></dl>"#, "term"),
        (#"<svg id="t"></svg>"#, "graphics-document"),
        (#"<strong id="t">x</strong>"#, "strong"),
    ] as [(String, String?)])
    func implicitRoles(html: String, expected: String?) throws {
        #expect(try computedRole(html) == expected)
    }

    /// The first token naming a concrete role wins; abstract roles and typos fall through
    /// (ACT 674b10's examples among them).
    @Test(arguments: [
        (#"<span id="t" role="doc-biblioref link">ACT rules</span>"#, "doc-biblioref"),
        (#"<span id="t" role="lnik">ACT rules</span>"#, nil),
        (#"<span id="t" role="lnik button">x</span>"#, "button"),
        (#"<div id="t" role="command widget button">x</div>"#, "button"),
        (#"<div id="t" role="BUTTON">x</div>"#, "button"),
        (#"<div id="t" role>x</div>"#, nil),
        (#"<div id="t" role="">x</div>"#, nil),
        (#"<input id="t" type="text" role=" ">"#, "textbox"),
        (#"<input id="t" type="text" role="searchbox">"#, "searchbox"),
        (#"<button id="t" role="link">x</button>"#, "link"),
        (#"<div id="t" role="generic">x</div>"#, nil),
        (#"<svg id="t" role="graphics-object"></svg>"#, "graphics-object"),
    ] as [(String, String?)])
    func explicitRoles(html: String, expected: String?) throws {
        #expect(try computedRole(html) == expected)
    }

    @Test(arguments: [
        (#"<img id="t" src="a.png" alt="" aria-label="Logo">"#, "img", false),
        (#"<img id="t" src="a.png" role="none" tabindex="0">"#, "img", false),
        (#"<img id="t" src="a.png" role="none">"#, "none", true),
        (#"<img id="t" src="a.png" role="presentation">"#, "presentation", true),
        (#"<button id="t" role="none"></button>"#, "button", false),
        (#"<button id="t" role="none" disabled></button>"#, "none", true),
        (#"<fieldset disabled><button id="t" role="none"></button></fieldset>"#, "none", true),
        (#"<a id="t" href="/" role="none"> </a>"#, "link", false),
        (#"<a id="t" role="none">x</a>"#, "none", true),
        (#"<h2 id="t" role="presentation" aria-describedby="d">x</h2><p id="d">d</p>"#, "heading", false),
        (#"<h2 id="t" role="presentation" aria-describedby="">x</h2>"#, "presentation", true),
        (#"<h2 id="t" role="presentation" aria-hidden="false">x</h2>"#, "presentation", true),
        (#"<h2 id="t" role="presentation" aria-level="2">x</h2>"#, "presentation", true),
        (#"<li id="t" role="none" tabindex="-1">x</li>"#, nil, false),
        (#"<section id="t" role="none" aria-label="News"></section>"#, "region", false),
    ] as [(String, String?, Bool)])
    func presentationalConflictResolution(html: String, expected: String?, presentational: Bool) throws {
        try withContext(html) { context, document throws in
            let element = try document.required("t")
            #expect(context.role(of: element) == expected)
            #expect(context.isPresentational(element) == presentational)
        }
    }

    /// Checks read ARIA attributes with `attributes(prefixed: "aria-")`: every one must start so.
    @Test func everyARIAAttributeStartsWithAria() {
        #expect(ARIA.attributes.keys.allSatisfy { $0.hasPrefix("aria-") })
    }

    @Test func childrenOfPresentationalChildrenRolesArePresentational() throws {
        let html = #"<button><img id="t" src="a.png" alt="Save"></button><a href="/"><img id="u" src="a.png" alt="Go"></a>"#
        try withContext(html) { context, document throws in
            #expect(context.isPresentational(try document.required("t")))
            #expect(!context.isPresentational(try document.required("u")))
        }
    }

    /// The explicit role is the first concrete token; the implicit one ignores the attribute.
    @Test func explicitAndImplicitRoles() throws {
        let html = #"<li id="t" role="lnik ListItem"></li><ul><li id="u" role="none">x</li></ul><div id="v" role="doc-biblioref link"></div>"#
        try withContext(html) { context, document throws in
            let t = try document.required("t"), u = try document.required("u"), v = try document.required("v")
            #expect(context.explicitRole(t) == "listitem")
            #expect(context.implicitRole(t) == nil)
            #expect(context.explicitRole(u) == "none")
            #expect(context.implicitRole(u) == "listitem")
            #expect(context.explicitRole(v) == "doc-biblioref")
            #expect(context.implicitRole(v) == nil)
        }
    }

    @Test func headingLevels() throws {
        let html = """
            <h3 id="h3">A</h3><div id="d" role="heading">B</div><div id="d4" role="heading" aria-level="4">C</div>
            <h2 id="h2" aria-level="5">D</h2><h2 id="bad" aria-level="zero">E</h2><p id="p">F</p>
            <div role="heading" aria-level="1" id="outer"><h2 id="inner">Sub</h2></div>
            """
        try withContext(html) { context, document throws in
            #expect(context.headingLevel(of: try document.required("h3")) == 3)
            #expect(context.headingLevel(of: try document.required("d")) == 2)
            #expect(context.headingLevel(of: try document.required("d4")) == 4)
            #expect(context.headingLevel(of: try document.required("h2")) == 5)
            #expect(context.headingLevel(of: try document.required("bad")) == 2)
            #expect(context.headingLevel(of: try document.required("p")) == nil)
            #expect(context.headingLevel(of: try document.required("outer")) == 1)
            #expect(context.headingLevel(of: try document.required("inner")) == 2)
            #expect(context.name(of: try document.required("outer")) == "Sub")
        }
    }

    @Test func hiddenElements() throws {
        let html = """
            <html><head><title id="pageTitle">Page</title></head><body>
            <div hidden><p id="hiddenAttr">a</p></div>
            <div aria-hidden="true"><p id="ariaHidden">b</p></div>
            <div aria-hidden="false"><p id="ariaShown">b</p></div>
            <div style="color: red; DISPLAY: none !important"><p id="displayNone">c</p></div>
            <div style="display: none; display: block"><p id="displayOverridden">c</p></div>
            <p id="visibility" style="visibility:hidden">d</p>
            <template><p id="template">e</p></template>
            <noscript><p id="noscript">f</p></noscript>
            <dialog><p id="closedDialog">g</p></dialog>
            <dialog open><p id="openDialog">g</p></dialog>
            <details><summary id="summary">s</summary><p id="closedDetails">h</p></details>
            <details open><summary>s</summary><p id="openDetails">h</p></details>
            <input id="hiddenInput" type="hidden">
            <p id="shown">i</p>
            """
        try withContext(html) { context, document throws in
            // Template content is an inert fragment: the DOM does not show it at all.
            #expect(document.element(id: "template") == nil)
            for id in ["pageTitle", "hiddenAttr", "ariaHidden", "displayNone", "visibility", "noscript",
                       "closedDialog", "closedDetails", "hiddenInput"] {
                let element = try document.required(id)
                #expect(context.isHidden(element), "\(id)")
            }
            for id in ["ariaShown", "displayOverridden", "openDialog", "summary", "openDetails", "shown"] {
                let element = try document.required(id)
                #expect(!context.isHidden(element), "\(id)")
            }
            let head = try #require(document.head)
            #expect(context.isHidden(head))
        }
    }

    @Test func ariaHiddenContentIsStillRendered() throws {
        let html = #"<div aria-hidden="true"><p id="t">shown</p></div><p hidden id="gone">x</p>"#
        try withContext(html) { context, document throws in
            let shown = try document.required("t")
            #expect(context.isHidden(shown))
            #expect(!context.isNotRendered(shown))
            #expect(context.isNotRendered(try document.required("gone")))
        }
    }

    @Test func styleClosurePlugsIn() throws {
        let html = #"<div class="sr-gone"><button id="t">x</button></div>"#
        try withContext(html, isHiddenByStyle: { $0.attribute("class") == "sr-gone" }) { context, document throws in
            let button = try document.required("t")
            #expect(context.isHidden(button))
            #expect(!context.isFocusable(button))
        }
    }

    @Test func deepAriaHiddenAncestry() throws {
        let html = #"<div aria-hidden="true">"# + nested("div", depth: 10_000, text: "x") + "</div>"
        try withContext(html) { context, document throws in
            let deepest = try document.required("deepest")
            #expect(context.isHidden(deepest))
            #expect(context.role(of: deepest) == nil)
            #expect(!context.isPresentational(deepest))
        }
    }

    @Test func focusability() throws {
        let html = """
            <a id="link" href="/">a</a><a id="anchor">b</a>
            <button id="button">c</button><button id="disabled" disabled>d</button>
            <fieldset disabled><legend><input id="inLegend"></legend><input id="inFieldset"></fieldset>
            <input id="hiddenInput" type="hidden"><select id="select"></select><textarea id="textarea"></textarea>
            <div id="tabindex" tabindex="-1">e</div><div id="badTabindex" tabindex="x">f</div>
            <div id="plusTabindex" tabindex=" +2">f</div>
            <iframe id="iframe" src="a.html"></iframe>
            <details><summary id="summary">s</summary><summary id="second">t</summary></details>
            <div id="editable" contenteditable>g</div><div id="notEditable" contenteditable="false">h</div>
            <video id="video" controls></video><audio id="audio"></audio>
            <div inert><button id="inert">i</button></div>
            <div aria-hidden="true"><button id="ariaHidden">j</button></div>
            <button id="displayNone" style="display:none">k</button>
            <map name="m"><area id="area" href="/x" alt="x"></map>
            """
        try withContext(html) { context, document throws in
            for id in ["link", "button", "inLegend", "select", "textarea", "tabindex", "plusTabindex", "iframe",
                       "summary", "editable", "video", "ariaHidden", "area"] {
                let element = try document.required(id)
                #expect(context.isFocusable(element), "\(id)")
            }
            for id in ["anchor", "disabled", "inFieldset", "hiddenInput", "badTabindex", "second", "notEditable",
                       "audio", "inert", "displayNone"] {
                let element = try document.required(id)
                #expect(!context.isFocusable(element), "\(id)")
            }
        }
    }

    // MARK: ARIA data

    @Test func roleTableShape() {
        #expect(ARIA.concreteRole("button") != nil)
        #expect(ARIA.concreteRole("command") == nil)
        #expect(ARIA.roles["command"]?.isAbstract == true)
        #expect(ARIA.concreteRole("lnik") == nil)
        let concrete = ARIA.roles.values.filter { !$0.isAbstract && !$0.name.contains("-") }
        #expect(concrete.count == 82)
        for role in ARIA.roles.values {
            for attribute in role.requiredStates + role.supportedStates + role.prohibitedStates {
                #expect(ARIA.attributes[attribute] != nil, "\(role.name): \(attribute)")
            }
            for context in role.requiredContextRoles {
                #expect(ARIA.concreteRole(context) != nil, "\(role.name): \(context)")
            }
            for path in role.requiredOwnedElements {
                for owned in path { #expect(ARIA.concreteRole(owned) != nil, "\(role.name): \(owned)") }
            }
        }
    }

    @Test func rolesCarryTheirRules() throws {
        let checkbox = try #require(ARIA.roles["checkbox"])
        #expect(checkbox.requiredStates == ["aria-checked"])
        #expect(checkbox.childrenPresentational && checkbox.isWidget && checkbox.nameFrom == .contents)
        #expect(ARIA.roles["heading"]?.requiredStates == ["aria-level"])
        #expect(ARIA.roles["combobox"]?.requiredStates.sorted() == ["aria-controls", "aria-expanded"])
        #expect(ARIA.roles["scrollbar"]?.requiredStates.sorted() == ["aria-controls", "aria-valuenow"])
        #expect(ARIA.requiredStates(of: "separator", focusable: false).isEmpty)
        #expect(ARIA.requiredStates(of: "separator", focusable: true) == ["aria-valuenow"])
        #expect(ARIA.roles["option"]?.requiredContextRoles.sorted() == ["group", "listbox"])
        #expect(ARIA.roles["list"]?.requiredOwnedElements == [["listitem"]])
        #expect(ARIA.roles["navigation"]?.isLandmark == true)
        #expect(ARIA.roles["region"]?.nameFrom == .author)
        #expect(ARIA.roles["generic"]?.nameFrom == .prohibited)
    }

    /// ACT 5c01ea: which attributes a role allows.
    @Test func attributesAllowedOnRoles() throws {
        let button = try #require(ARIA.roles["button"])
        #expect(button.allows("aria-pressed"))
        #expect(button.allows("aria-busy"))
        #expect(!button.allows("aria-sort"))
        #expect(!button.allows("aria-checked"))
        let generic = try #require(ARIA.roles["generic"])
        #expect(!generic.allows("aria-label"))
        #expect(generic.allows("aria-live"))
        #expect(ARIA.roles["none"]?.allows("aria-labelledby") == false)
        #expect(ARIA.roles["combobox"]?.allows("aria-controls") == true)
        #expect(ARIA.roles["region"]?.allows("aria-orientation") == false)
    }

    @Test func attributeTable() {
        #expect(ARIA.attributes["aria-label"]?.isGlobal == true)
        #expect(ARIA.attributes["aria-checked"]?.valueType == .tristate)
        #expect(ARIA.attributes["aria-checked"]?.isGlobal == false)
        #expect(ARIA.attributes["aria-grabbed"]?.isDeprecated == true)
        #expect(ARIA.attributes["aria-dropeffect"]?.isDeprecated == true)
        #expect(ARIA.attributes["aria-hidden"]?.isDeprecated == false)
        #expect(ARIA.attributes["aria-relevant"]?.valueType == .tokenList(["additions", "all", "removals", "text"]))
    }

    @Test(arguments: [
        ("aria-pressed", "false", true), ("aria-pressed", "mixed", true), ("aria-pressed", "maybe", false),
        ("aria-busy", "TRUE", true), ("aria-busy", "mixed", false), ("aria-expanded", "undefined", true),
        ("aria-level", "3", true), ("aria-level", "3.5", false), ("aria-level", "-2", true),
        ("aria-valuenow", "3.5", true), ("aria-valuenow", "-1e3", true), ("aria-valuenow", "nan", false),
        ("aria-valuenow", "4.", false), ("aria-valuenow", ".5", true),
        ("aria-current", "page", true), ("aria-current", "yes", false),
        ("aria-relevant", "additions text", true), ("aria-relevant", "additions nothing", false),
        ("aria-activedescendant", "opt1", true), ("aria-activedescendant", "a b", false),
        ("aria-controls", "a b", true), ("aria-label", "anything", true), ("aria-sort", "", true),
    ])
    func attributeValues(attribute: String, value: String, valid: Bool) {
        #expect(ARIA.isValid(value, for: attribute) == valid)
    }

    @Test func unknownAttributeHasNoVerdict() {
        #expect(ARIA.isValid("x", for: "aria-bogus") == nil)
    }
}
