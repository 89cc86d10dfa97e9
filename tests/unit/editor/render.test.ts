import { describe, expect, it } from "vitest";
import { newCaseDocument, renderBibliographyHtml, renderCaseHtml } from "~/editor";
import { bold, cite, doc, heading, link, paragraph, section, tag, text } from "./fixtures";

describe("renderCaseHtml", () => {
  it("gives section headings an anchor id and leaves sub-headings alone", () => {
    const { html } = renderCaseHtml(
      doc(
        paragraph("Intro"),
        section("Context"),
        heading(3, "Mali, 2012"),
        section("Context"),
        section("Leçons & suites"),
      ),
    );
    expect(html).toBe(
      '<p dir="auto">Intro</p><h2 id="section-context" dir="auto">Context</h2><h3 dir="auto">Mali, 2012</h3>' +
        '<h2 id="section-context-2" dir="auto">Context</h2><h2 id="section-lecons-suites" dir="auto">Leçons &amp; suites</h2>',
    );
  });

  it("renders the new case template", () => {
    expect(renderCaseHtml(newCaseDocument()).html).toBe(
      '<h2 id="section-context" dir="auto">Context</h2><p dir="auto"></p><h2 id="section-actors" dir="auto">Actors</h2><p dir="auto"></p>' +
        '<h2 id="section-process" dir="auto">Process</h2><p dir="auto"></p><h2 id="section-preconditions" dir="auto">Preconditions</h2><p dir="auto"></p>' +
        '<h2 id="section-outcomes" dir="auto">Outcomes</h2><p dir="auto"></p><h2 id="section-lessons" dir="auto">Lessons</h2><p dir="auto"></p>',
    );
  });

  it("escapes markup in text", () => {
    const { html } = renderCaseHtml(
      doc(
        section("<img src=x onerror=alert(1)>"),
        paragraph('<script>alert("x")</script> and " onerror="alert(1)'),
      ),
    );
    expect(html).toBe(
      '<h2 id="section-img-src-x-onerror-alert-1" dir="auto">&lt;img src=x onerror=alert(1)&gt;</h2>' +
        '<p dir="auto">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and &quot; onerror=&quot;alert(1)</p>',
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("escapes attribute values from the document and from the codebook", () => {
    const { html } = renderCaseHtml(
      doc(
        paragraph(
          text("tagged", tag('x" onmouseover="alert(1)')),
          text("cited", cite("s1", 'p. 4" onclick="alert(1)')),
          text("linked", {
            type: "link",
            attrs: { href: 'https://example.org/?a=1&b="2"', title: '"><script>' },
          }),
        ),
      ),
      {
        codes: new Map([['x" onmouseover="alert(1)', { label: '<b>"Truce"</b>', color: "#aabbcc" }]]),
        sources: new Map([["s1", { title: "Report <2024>" }]]),
      },
    );
    expect(html).toBe(
      '<p dir="auto">' +
        '<span class="tag" role="mark" data-tag="x&quot; onmouseover=&quot;alert(1)" title="&lt;b&gt;&quot;Truce&quot;&lt;/b&gt;" style="--tag-color:#aabbcc">tagged</span>' +
        '<span class="citation" data-citation="s1" data-locator="p. 4&quot; onclick=&quot;alert(1)" title="Report &lt;2024&gt;, p. 4&quot; onclick=&quot;alert(1)">cited</span>' +
        '<sup class="cite-ref"><a href="#ref-1">[1]</a></sup>' +
        '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow" title="&quot;&gt;&lt;script&gt;">linked</a>' +
        "</p>",
    );
  });

  it("labels tags with their code and only uses a colour that is a hex colour", () => {
    const codes = new Map([
      ["truce", { label: "Temporary truce or ceasefire", color: "#1A2b3C" }],
      ["patron", { label: "Distanced from patron", color: "red;background:url(javascript:alert(1))" }],
    ]);
    const { html } = renderCaseHtml(
      doc(
        paragraph(
          text("a truce", tag("truce")),
          " and ",
          text("a split", tag("patron")),
          text("?", tag("unknown")),
        ),
      ),
      { codes },
    );
    expect(html).toBe(
      '<p dir="auto"><span class="tag" role="mark" data-tag="truce" title="Temporary truce or ceasefire" style="--tag-color:#1A2b3C">a truce</span>' +
        ' and <span class="tag" role="mark" data-tag="patron" title="Distanced from patron">a split</span>' +
        '<span class="tag" role="mark" data-tag="unknown">?</span></p>',
    );
  });

  it("keeps one tag span across formatting changes inside the passage", () => {
    const { html } = renderCaseHtml(
      doc(paragraph(text("plain ", tag("a")), text("bold", tag("a"), bold), text(" plain", tag("a")))),
    );
    expect(html).toBe(
      '<p dir="auto"><span class="tag" role="mark" data-tag="a">plain <strong>bold</strong> plain</span></p>',
    );
  });

  it("numbers sources in order of first citation and reuses the number", () => {
    const sources = new Map([
      ["s1", { title: "Dialogue in the Sahel" }],
      ["s2", { title: "Algiers accord" }],
    ]);
    const { html, bibliography } = renderCaseHtml(
      doc(
        section("Context"),
        paragraph(
          text("first", cite("s2", "p. 1")),
          " then ",
          text("plain ", cite("s1")),
          text("bold", cite("s1"), bold),
        ),
        section("Process"),
        paragraph(text("again", cite("s2", "p. 3")), " and ", text("once more", cite("s2", "p. 1"))),
      ),
      { sources },
    );
    const refs = [...html.matchAll(/<a href="#ref-(\d+)">\[(\d+)\]<\/a>/g)].map((match) => match[1]);
    expect(refs).toEqual(["1", "2", "1", "1"]);
    expect(html).toContain(
      '<span class="citation" data-citation="s1" data-locator="" title="Dialogue in the Sahel">plain <strong>bold</strong></span><sup class="cite-ref"><a href="#ref-2">[2]</a></sup>',
    );
    expect(bibliography).toEqual([
      { number: 1, sourceId: "s2", locators: ["p. 1", "p. 3"] },
      { number: 2, sourceId: "s1", locators: [] },
    ]);
    expect(renderBibliographyHtml(bibliography, sources)).toBe(
      '<ol class="bibliography"><li id="ref-1" value="1">Algiers accord (p. 1; p. 3)</li>' +
        '<li id="ref-2" value="2">Dialogue in the Sahel</li></ol>',
    );
  });

  it("keeps only http(s) and mailto link addresses, always with a safe rel and no target", () => {
    const { html } = renderCaseHtml(
      doc(
        paragraph(
          text("web", {
            type: "link",
            attrs: { href: " https://example.org", target: "_blank", rel: "opener" },
          }),
          " ",
          text("mail", link("mailto:desk@example.org")),
          " ",
          text("bad", link("javascript:alert(1)")),
          " ",
          text("data", link("data:text/html,<script>alert(1)</script>")),
          " ",
          text("tricky", link("java\tscript:alert(1)")),
        ),
      ),
    );
    expect(html).toBe(
      '<p dir="auto"><a href="https://example.org" rel="noopener noreferrer nofollow">web</a> ' +
        '<a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">mail</a> bad data tricky</p>',
    );
  });

  it("renders lists, quotations, line breaks and tables", () => {
    const { html } = renderCaseHtml(
      doc(
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph("one")] }] },
        {
          type: "orderedList",
          attrs: { start: 2 },
          content: [{ type: "listItem", content: [paragraph("two")] }],
        },
        {
          type: "blockquote",
          content: [paragraph("a", { type: "hardBreak" }, text("b", { type: "italic" }))],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                {
                  type: "tableHeader",
                  attrs: { colspan: 2, colwidth: [100, 200] },
                  content: [paragraph("Actors")],
                },
              ],
            },
            {
              type: "tableRow",
              content: [
                { type: "tableCell", attrs: { align: "center" }, content: [paragraph("AQIM")] },
                { type: "tableCell", content: [paragraph(text("Dicko", { type: "underline" }))] },
              ],
            },
          ],
        },
      ),
    );
    expect(html).toBe(
      '<ul dir="auto"><li dir="auto"><p dir="auto">one</p></li></ul>' +
        '<ol start="2" dir="auto"><li dir="auto"><p dir="auto">two</p></li></ol>' +
        '<blockquote dir="auto"><p dir="auto">a<br><em>b</em></p></blockquote>' +
        '<table class="case-table"><tbody><tr><th colspan="2" dir="auto"><p dir="auto">Actors</p></th></tr>' +
        '<tr><td style="text-align: center" dir="auto"><p dir="auto">AQIM</p></td><td dir="auto"><p dir="auto"><u>Dicko</u></p></td></tr></tbody></table>',
    );
  });

  it("refuses content that is not in the case schema", () => {
    expect(() => renderCaseHtml(doc({ type: "image", attrs: { src: "x" } }))).toThrow(/image/);
    expect(() => renderCaseHtml(doc(paragraph(text("x", { type: "strike" }))))).toThrow(/strike/);
  });
});
