import { describe, expect, it } from "vitest";
import { diffRevisions } from "~/editor";
import { cite, doc, paragraph, section, tag, text } from "./fixtures";

describe("diffRevisions", () => {
  it("reports added and removed words", () => {
    const before = doc(section("Process"), paragraph("The talks began in 2009."));
    const after = doc(section("Process"), paragraph("The secret talks began in 2010."));
    expect(diffRevisions(before, after).text).toEqual([
      { kind: "same", value: "Process\nThe " },
      { kind: "added", value: "secret " },
      { kind: "same", value: "talks began in " },
      { kind: "removed", value: "2009" },
      { kind: "added", value: "2010" },
      { kind: "same", value: "." },
    ]);
  });

  it("reports an unchanged document as one unchanged run", () => {
    const body = doc(section("Context"), paragraph(text("truce", tag("c1"))));
    expect(diffRevisions(body, body)).toEqual({
      text: [{ kind: "same", value: "Context\ntruce" }],
      tagsAdded: [],
      tagsRemoved: [],
      citationsAdded: [],
      citationsRemoved: [],
    });
  });

  it("reports tags added and removed, by code and passage text", () => {
    const before = doc(
      section("Outcomes"),
      paragraph(text("a temporary truce", tag("truce")), " and ", text("hostage exchanges", tag("exchange"))),
    );
    const after = doc(
      section("Lessons"),
      paragraph("Some words first. "),
      // Same code on the same text, moved to another section: not a change.
      paragraph(text("a temporary truce", tag("truce"), tag("local-channel")), " and hostage exchanges"),
    );
    const result = diffRevisions(before, after);
    expect(result.tagsAdded).toEqual([
      { codeId: "local-channel", text: "a temporary truce", section: "Lessons", position: 30 },
    ]);
    expect(result.tagsRemoved).toEqual([
      { codeId: "exchange", text: "hostage exchanges", section: "Outcomes", position: 33 },
    ]);
  });

  it("reports citations added and removed, including a changed locator", () => {
    const before = doc(paragraph(text("Dicko mediated", cite("article", "p. 4")), " in 2012."));
    const after = doc(
      paragraph(text("Dicko mediated", cite("article", "p. 5")), " in ", text("2012", cite("report")), "."),
    );
    const result = diffRevisions(before, after);
    expect(result.citationsRemoved).toEqual([
      { sourceId: "article", locator: "p. 4", text: "Dicko mediated", section: "", position: 1 },
    ]);
    expect(result.citationsAdded).toEqual([
      { sourceId: "article", locator: "p. 5", text: "Dicko mediated", section: "", position: 1 },
      { sourceId: "report", locator: "", text: "2012", section: "", position: 19 },
    ]);
    expect(result.text).toEqual([{ kind: "same", value: "Dicko mediated in 2012." }]);
  });

  it("counts a passage tagged twice with the same code as two passages", () => {
    const once = doc(paragraph(text("truce", tag("c1")), " then truce"));
    const twice = doc(paragraph(text("truce", tag("c1")), " then ", text("truce", tag("c1"))));
    const result = diffRevisions(once, twice);
    expect(result.tagsAdded).toEqual([{ codeId: "c1", text: "truce", section: "", position: 12 }]);
    expect(result.tagsRemoved).toEqual([]);
  });

  it("falls back to a line diff when two long revisions have almost nothing in common", () => {
    const words = (seed: number) =>
      Array.from({ length: 4000 }, (_, i) => `w${(i * 7919 + seed) % 10007}`).join(" ");
    const before = doc(paragraph(words(1)), paragraph("shared last line"));
    const after = doc(paragraph(words(2)), paragraph("shared last line"));
    const started = performance.now();
    const result = diffRevisions(before, after);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.text.map((change) => change.kind)).toEqual(["removed", "added", "same"]);
    expect(result.text[2].value).toBe("shared last line");
  });
});
