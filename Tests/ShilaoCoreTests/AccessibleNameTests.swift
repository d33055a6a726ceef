import Testing
import ShilaoDOM
@testable import ShilaoCore

@Suite struct AccessibleNameTests {
    /// Names the ACT rules' examples expect (button 97a4e1, link c487ae, form field e086e5,
    /// image 23a2a8, iframe cae760).
    @Test(arguments: [
        (#"<button id="t"></button>"#, ""),
        (#"<button id="t" type="button" value="read more"></button>"#, ""),
        (#"<span id="t" role="button"></span>"#, ""),
        (#"<button id="t" aria-label="My button"></button>"#, "My button"),
        (#"<button id="t" disabled>Delete</button>"#, "Delete"),
        (#"<input id="t" type="reset" />"#, "Reset"),
        (#"<input id="t" type="submit" />"#, "Submit"),
        (#"<input id="t" type="submit" value="Send" />"#, "Send"),
        (#"<input id="t" type="button" />"#, ""),
        (#"<input id="t" type="image" value="download" alt="Download" />"#, "Download"),
        (#"<input id="t" type="image" src="go.png" />"#, "Submit Query"),
        (#"<button id="t" role="link">take me somewhere</button>"#, "take me somewhere"),
        (#"<a id="t" href="https://www.w3.org/WAI"> Web Accessibility Initiative (WAI) </a>"#,
         "Web Accessibility Initiative (WAI)"),
        (#"<a id="t" href="/"><img src="logo.png" alt=""/></a>"#, ""),
        (#"<a id="t" href="/"><img src="logo.png" title=""/></a>"#, ""),
        (#"<a id="t" href="/"><img src="logo.png" aria-labelledby="id1"/></a><div id="id1"></div>"#, ""),
        (#"<a id="t" href="/"><img src="logo.png" aria-label="Web Accessibility Initiative"/></a>"#,
         "Web Accessibility Initiative"),
        (#"<a id="t" href="/" title="Web Accessibility Initiative"><img src="logo.png" alt=""/></a>"#,
         "Web Accessibility Initiative"),
        (#"<a id="t" href="/"><img src="logo.png" alt="" />Web Accessibility Initiative (WAI)</a>"#,
         "Web Accessibility Initiative (WAI)"),
        (#"<a id="t" href="/"><img src="logo.png" aria-labelledby="id1"/></a><div id="id1">WAI</div>"#, "WAI"),
        (#"<div id="t" role="link" tabindex="0"> Web Accessibility Initiative (WAI) </div>"#,
         "Web Accessibility Initiative (WAI)"),
        (#"<a id="t" href="/" role="doc-biblioref">ACT rules</a>"#, "ACT rules"),
        (#"<map name="m"><area id="t" shape="rect" coords="0,0,30,100" href="sun.htm" alt="Sun" /></map>"#, "Sun"),
        (#"<map name="m"><area id="t" shape="rect" coords="0,0,82,126" href="sun.htm" /></map>"#, ""),
        (#"<div>last name</div><input id="t" />"#, ""),
        (#"<input id="t" aria-label=" " />"#, ""),
        (#"<div id="country"></div><select id="t" aria-labelledby="country"><option>England</option></select>"#, ""),
        (#"<label>first name <div id="t" role="textbox"></div></label>"#, ""),
        (#"<label for="t">first name</label><div role="textbox" id="t"></div>"#, ""),
        (#"<div id="t" role="textbox">first name</div>"#, ""),
        (#"<label> first name <input id="t" /></label>"#, "first name"),
        (#"<div>last name</div><input id="t" aria-label="last name" disabled />"#, "last name"),
        (#"<label for="t">Country</label><select id="t"><option>England</option><option>Wales</option></select>"#,
         "Country"),
        (#"<input id="t" placeholder="Your search query" /> <button type="submit">search</button>"#,
         "Your search query"),
        (#"<div id="t" aria-label="country" role="combobox" aria-disabled="true">England</div>"#, "country"),
        (#"<label>Password<input id="t" type="password" aria-required="true"/></label>"#, "Password"),
        (#"<img id="t" src="logo.png" />"#, ""),
        (#"<img id="t" src="logo.png" alt=" " />"#, ""),
        (#"<img id="t" alt="W3C logo" src="logo.png" />"#, "W3C logo"),
        (#"<img id="t" title="W3C logo" src="logo.png" />"#, "W3C logo"),
        (#"<div id="t" role="img" aria-label="W3C logo"></div>"#, "W3C logo"),
        (#"<iframe id="t" name="Grocery List" src="list.html"> </iframe>"#, ""),
        (#"<iframe id="t" title="" src="list.html"> </iframe>"#, ""),
        (#"<iframe id="t" title="Grocery List" src="list.html"> </iframe>"#, "Grocery List"),
        (#"<iframe id="t" aria-label="Grocery list" src="list.html"> </iframe>"#, "Grocery list"),
    ])
    func actExamples(html: String, expected: String) throws {
        #expect(try accessibleName(html) == expected)
    }

    @Test func menuItemsLabelledByAriaHiddenSpans() throws {
        let html = """
            <p id="dip">Add one or more dip:</p>
            <div role="menu" id="menu" aria-labelledby="dip">
              <input type="checkbox" id="t1" role="menuitemcheckbox" aria-labelledby="ketchup" /><span
                id="ketchup" aria-hidden="true">Ketchup</span><br />
              <input type="checkbox" id="t2" role="menuitemcheckbox" /><span aria-hidden="true">Mayonnaise</span>
            </div>
            """
        #expect(try accessibleName(html, id: "t1") == "Ketchup")
        #expect(try accessibleName(html, id: "t2") == "")
        #expect(try accessibleName(html, id: "menu") == "Add one or more dip:")
    }

    @Test func labelledByHiddenTargetStillNames() throws {
        let html = """
            <div style="display: none" id="img-label">W3C logo</div>
            <div id="t" role="img" aria-labelledby="img-label"></div>
            """
        #expect(try accessibleName(html) == "W3C logo")
        let hiddenWithHiddenContent = """
            <div id="l" hidden>Secret <span style="display:none">deep</span></div>
            <button id="t" aria-labelledby="l">x</button>
            """
        #expect(try accessibleName(hiddenWithHiddenContent) == "Secret deep")
    }

    @Test func hiddenContentOfAVisibleTargetIsLeftOut() throws {
        let html = """
            <div id="l">Visible <span hidden>Hidden</span><span aria-hidden="true">Aria</span></div>
            <button id="t" aria-labelledby="l">x</button>
            """
        #expect(try accessibleName(html) == "Visible")
    }

    /// AccName 1.2, step 2B: aria-labelledby is not followed from inside a traversal.
    @Test func labelledByIsNotFollowedRecursively() throws {
        let html = """
            <div id="el1" aria-labelledby="el3"></div>
            <div id="el2" aria-labelledby="el1"></div>
            <div id="el3"> hello </div>
            """
        #expect(try accessibleName(html, id: "el1") == "hello")
        #expect(try accessibleName(html, id: "el2") == "")
    }

    /// AccName 1.2 example: a self-reference names the element from its own aria-label.
    @Test func selfReferenceJoinsOwnLabelAndOthers() throws {
        let html = """
            <h1>Files</h1>
            <ul><li>
              <a id="file_row1" href="./files/Documentation.pdf">Documentation.pdf</a>
              <span role="button" tabindex="0" id="t" aria-label="Delete"
                aria-labelledby="t file_row1"></span>
            </li></ul>
            """
        #expect(try accessibleName(html) == "Delete Documentation.pdf")
        let fromContent = #"<a id="t" href="/x" aria-labelledby="t s">Delete</a><span id="s">file.pdf</span>"#
        #expect(try accessibleName(fromContent) == "Delete file.pdf")
    }

    @Test func labelledByCyclesEnd() throws {
        let html = """
            <div id="a" role="button" aria-labelledby="b">A</div>
            <div id="b" role="button" aria-labelledby="a">B</div>
            """
        #expect(try accessibleName(html, id: "a") == "B")
        #expect(try accessibleName(html, id: "b") == "A")
    }

    @Test func labelledBySkipsMissingIDs() throws {
        let html = #"<span id="x">First</span><span id="y">Second</span><input id="t" aria-labelledby="x nope y">"#
        #expect(try accessibleName(html) == "First Second")
        #expect(try accessibleName(#"<input id="t" aria-labelledby="nope" aria-label="Fallback">"#) == "Fallback")
    }

    /// AccName 1.2 example: an embedded textbox contributes its value.
    @Test func embeddedTextboxInNameFromContent() throws {
        let html = """
            <div id="t" role="checkbox" aria-checked="false">Flash the screen
              <span role="textbox" aria-multiline="false"> 5 </span> times.
            </div>
            """
        #expect(try accessibleName(html) == "Flash the screen 5 times.")
        let native = #"<input type="checkbox" id="t"><label for="t">Flash the screen <input value="5"> times</label>"#
        #expect(try accessibleName(native) == "Flash the screen 5 times")
    }

    @Test func labelWrappingInputWithEmbeddedSelect() throws {
        let html = """
            <label><input id="t" type="checkbox"> Ship to
              <select><option>France</option><option selected>China</option></select></label>
            """
        #expect(try accessibleName(html) == "Ship to China")
        let firstOption = #"<label for="t">Size <select><option disabled>XS</option><option>M</option></select></label><input id="t" type="radio">"#
        #expect(try accessibleName(firstOption) == "Size M")
        // A wrapping label labels its first labelable descendant only: here the select.
        let selectFirst = #"<label>Ship to <select><option>China</option></select><input id="t" type="checkbox"></label>"#
        #expect(try accessibleName(selectFirst) == "")
    }

    @Test func controlLeavesItsOwnValueOutOfItsLabel() throws {
        #expect(try accessibleName(#"<label>Name <input id="t" value="Bob"></label>"#) == "Name")
    }

    @Test func embeddedRangeAndListbox() throws {
        let range = #"<div id="t" role="checkbox">Set to <input type="range" min="0" max="10"> now</div>"#
        #expect(try accessibleName(range) == "Set to 5 now")
        let slider = #"<div id="t" role="link">Volume <span role="slider" aria-valuenow="3" aria-valuetext="low"></span></div>"#
        #expect(try accessibleName(slider) == "Volume low")
        let listbox = """
            <div id="t" role="button">Pick <ul role="listbox"><li role="option">Red</li>
              <li role="option" aria-selected="true">Blue</li></ul></div>
            """
        #expect(try accessibleName(listbox) == "Pick Blue")
    }

    @Test func multipleLabelsJoin() throws {
        let html = #"<label for="t">First</label><input id="t"><label for="t">Second</label>"#
        #expect(try accessibleName(html) == "First Second")
    }

    @Test func textFieldsFallBackToTitleThenPlaceholder() throws {
        #expect(try accessibleName(#"<input id="t" title="Title" placeholder="Hint">"#) == "Title")
        #expect(try accessibleName(#"<textarea id="t" placeholder="Message"></textarea>"#) == "Message")
        #expect(try accessibleName(#"<input id="t" type="checkbox" placeholder="No">"#) == "")
    }

    @Test func hostLanguageElements() throws {
        #expect(try accessibleName(#"<fieldset id="t"><legend>Contact</legend><input></fieldset>"#) == "Contact")
        #expect(try accessibleName(#"<figure id="t"><img src="a.png" alt="A"><figcaption>Chart</figcaption></figure>"#)
                == "Chart")
        #expect(try accessibleName(#"<table id="t"><caption>Prices</caption><tr><td>1</td></tr></table>"#) == "Prices")
        #expect(try accessibleName(#"<details id="t"><summary>More</summary><p>Body</p></details>"#) == "More")
        #expect(try accessibleName(#"<details><summary id="t">More <b>info</b></summary></details>"#) == "More info")
        #expect(try accessibleName(#"<select><optgroup id="t" label="Fruit"><option>Apple</option></optgroup></select>"#)
                == "Fruit")
        #expect(try accessibleName(#"<select><option id="t" label="Short">Long text</option></select>"#) == "Short")
        #expect(try accessibleName(#"<svg id="t"><title>Chart</title><circle r="4"></circle></svg>"#) == "Chart")
        #expect(try accessibleName(#"<table id="t" title="Rates"><tr><td>1</td></tr></table>"#) == "Rates")
    }

    @Test func nameFromContentOnlyForRolesThatAllowIt() throws {
        #expect(try accessibleName(#"<div id="t">Some text</div>"#) == "")
        #expect(try accessibleName(#"<ul id="t"><li>One</li></ul>"#) == "")
        #expect(try accessibleName(#"<h2 id="t">Title <em>here</em></h2>"#) == "Title here")
        #expect(try accessibleName(#"<table><tr><th id="t">Head</th><td>x</td></tr></table>"#) == "Head")
        #expect(try accessibleName(#"<nav id="t" title="Site">Home</nav>"#) == "Site")
        #expect(try accessibleName(#"<section id="t" aria-label="News"><h2>Other</h2></section>"#) == "News")
    }

    @Test func contentSpacingFollowsDisplay() throws {
        #expect(try accessibleName(#"<a id="t" href="/x"><span>Web</span><span>site</span></a>"#) == "Website")
        #expect(try accessibleName(#"<button id="t"><div>Save</div><div>draft</div></button>"#) == "Save draft")
        #expect(try accessibleName(#"<a id="t" href="/x">Home<br>page</a>"#) == "Home page")
        #expect(try accessibleName("<a id=\"t\" href=\"/x\">\n  Many \t  spaces\n</a>") == "Many spaces")
        #expect(try accessibleName(#"<label for="t">foo<div>bar</div>baz</label><input id="t">"#) == "foo bar baz")
    }

    @Test func hiddenDescendantsAreLeftOut() throws {
        let html = """
            <button id="t">Save <span aria-hidden="true">★</span><span style="display:none">x</span>
              <span style="visibility: hidden">y</span><span hidden>z</span><script>var a;</script>
              <noscript>Enable JS</noscript><template>tpl</template></button>
            """
        #expect(try accessibleName(html) == "Save")
    }

    @Test func childAriaLabelAndTitleCountInContent() throws {
        #expect(try accessibleName(#"<a id="t" href="/"><span aria-label="Home"></span></a>"#) == "Home")
        #expect(try accessibleName(#"<a id="t" href="/"><i title="Settings"></i></a>"#) == "Settings")
        #expect(try accessibleName(#"<a id="t" href="/" title="Tip"></a>"#) == "Tip")
        #expect(try accessibleName(#"<a id="t" href="/"><img src="a.png" alt="Go"> home</a>"#) == "Go home")
    }

    @Test func ariaLabelOverridesContentAndLabelledByOverridesAriaLabel() throws {
        #expect(try accessibleName(#"<button id="t" aria-label="Close">X</button>"#) == "Close")
        #expect(try accessibleName(#"<span id="l">Shut</span><button id="t" aria-labelledby="l" aria-label="Close">X</button>"#)
                == "Shut")
    }

    @Test func presentationalRootGetsNoTitleName() throws {
        #expect(try accessibleName(#"<img id="t" src="a.png" alt="" title="Decor">"#) == "")
        #expect(try accessibleName(#"<img id="t" src="a.png" alt="" aria-label="Logo">"#) == "Logo")
    }

    @Test func deepContentDoesNotOverflowTheStack() throws {
        let html = #"<a id="t" href="/">"# + nested("span", depth: 10_000, text: "deep") + "</a>"
        try withContext(html) { context, document in
            let link = try document.required("t")
            let deepest = try document.required("deepest")
            #expect(context.name(of: link) == "deep")
            #expect(!context.isHidden(deepest))
            #expect(context.isPresentational(deepest) == false)
            #expect(context.role(of: deepest) == nil)
        }
    }

    @Test func descriptions() throws {
        let html = """
            <button id="t" aria-describedby="d1 d2">Pay</button>
            <p id="d1">Charges your card.</p><p id="d2" hidden>Cannot be undone.</p>
            """
        #expect(try accessibleDescription(html) == "Charges your card. Cannot be undone.")
        #expect(try accessibleDescription(#"<button id="t" aria-description="Opens a dialog">Go</button>"#)
                == "Opens a dialog")
        #expect(try accessibleDescription(#"<button id="t" title="Saves the draft">Save</button>"#) == "Saves the draft")
        #expect(try accessibleDescription(#"<a id="t" href="/" title="Home"></a>"#) == "")
        #expect(try accessibleDescription(#"<input id="t" title="Postcode" aria-label="Code">"#) == "Postcode")
    }

    @Test func namesAreCached() throws {
        try withContext(#"<button id="t">One</button>"#) { context, document in
            let button = try document.required("t")
            #expect(context.name(of: button) == "One")
            #expect(context.nameCache[button] == "One")
        }
    }
    /// Only an image button left without any author text has the user agent's stand-in name.
    @Test(arguments: [
        (#"<input id="t" type="image" src="go.png" />"#, true),
        (#"<input id="t" type="image" src="go.png" alt="" />"#, true),
        (#"<input id="t" type="image" src="go.png" aria-labelledby="missing" />"#, true),
        (#"<input id="t" type="image" src="go.png" alt="Submit Query" />"#, false),
        (#"<input id="t" type="image" src="go.png" title="Search" />"#, false),
        (#"<span id="l">Search</span><input id="t" type="image" src="go.png" aria-labelledby="l" />"#, false),
        (#"<input id="t" type="submit" />"#, false),
    ])
    func defaultNames(html: String, expected: Bool) throws {
        try withContext(html) { context, document throws in
            #expect(context.hasDefaultName(try document.required("t")) == expected)
        }
    }
}
