// What the editor's dialogs make of what people type: link addresses and the short new-source form.
import { describe, expect, it } from "vitest";
import { citationNumbers } from "~/components/case-editor/highlights";
import { linkHrefFromInput } from "~/components/case-editor/link-dialog";
import { describeSource, parseSourceForm } from "~/components/case-editor/source-form";
import { parseAuthors } from "~/rules/authors";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("link addresses", () => {
  it("keeps web and e-mail addresses, adding the scheme people leave out", () => {
    expect(linkHrefFromInput(" https://example.org/a ")).toBe("https://example.org/a");
    expect(linkHrefFromInput("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(linkHrefFromInput("example.org/report")).toBe("https://example.org/report");
    expect(linkHrefFromInput("desk@example.org")).toBe("mailto:desk@example.org");
    expect(linkHrefFromInput("localhost:8080/x")).toBe("https://localhost:8080/x");
  });

  it("refuses every other scheme instead of repairing it", () => {
    for (const address of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>1</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "",
      "not a link",
    ]) {
      expect(linkHrefFromInput(address), address).toBeNull();
    }
  });
});

describe("the new-source form", () => {
  it("turns the fields into a CSL item", () => {
    const result = parseSourceForm(
      form({
        title: " Field notes ",
        type: "report",
        authors: "Diallo, Awa; Crisis Group",
        year: "2021",
        url: "https://example.org/notes",
      }),
    );
    expect(result).toEqual({
      ok: true,
      csl: {
        title: "Field notes",
        type: "report",
        author: [{ family: "Diallo", given: "Awa" }, { literal: "Crisis Group" }],
        issued: { "date-parts": [[2021]] },
        URL: "https://example.org/notes",
      },
    });
  });

  it("keeps an approximate year as written", () => {
    const result = parseSourceForm(form({ title: "Notes", type: "document", year: "c. 2020" }));
    expect(result.ok && result.csl.issued).toEqual({ literal: "c. 2020" });
  });

  it("names the field of each problem", () => {
    const result = parseSourceForm(form({ title: "", type: "poem", year: "soon", url: "ftp://x" }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["title", "type", "url", "year"]);
  });

  it("reads people and organisations from one line", () => {
    expect(parseAuthors("Keïta, N.;  ; Crisis Group")).toEqual([
      { family: "Keïta", given: "N." },
      { literal: "Crisis Group" },
    ]);
  });

  it("describes a source by who, when and where", () => {
    expect(
      describeSource({
        author: [{ family: "Diallo", given: "Awa" }, { literal: "Crisis Group" }],
        issued: { "date-parts": [[2021, 5]] },
        "container-title": "Sahel Review",
      }),
    ).toBe("Diallo, Crisis Group · 2021 · Sahel Review");
    expect(describeSource({})).toBe("");
  });
});

describe("citation markers", () => {
  it("number sources in order of first citation, as the case page does", () => {
    const numbers = citationNumbers([{ sourceId: "b" }, { sourceId: "a" }, { sourceId: "b" }]);
    expect([...numbers]).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
  });
});
