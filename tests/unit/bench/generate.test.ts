// The benchmark's synthetic workspace must be data the app itself could have written: valid bodies,
// derived rows that match them, a search index filled by the triggers, threads that anchor.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { deriveCaseRows, SECTION_TITLES, validateCaseDocument } from "~/editor";
import { caseAnchorText, locateAnchor } from "~/models/anchors";
import {
  caseBody,
  createRng,
  DEFAULT_GENERATE,
  generateWorkspace,
  makeVocabulary,
} from "../../../scripts/bench/generate";

const refs = { codeIds: ["code00000001", "code00000002", "code00000003"], sourceIds: ["source000001"] };

describe("benchmark generator", () => {
  it("writes case bodies that pass the server's document check, with tags and citations", () => {
    const rng = createRng(7);
    const body = caseBody(rng, makeVocabulary(rng, 500), 2500, refs);
    const checked = validateCaseDocument(body);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(new Set(checked.references.codeIds)).toEqual(new Set(refs.codeIds));
    expect(checked.references.sourceIds).toEqual(refs.sourceIds);

    const rows = deriveCaseRows(body);
    expect(rows.sections.map((section) => section.title)).toEqual([...SECTION_TITLES]);
    const words = rows.plainText.split(/\s+/).length;
    expect(words).toBeGreaterThan(2400);
    expect(words).toBeLessThan(2600);
    expect(rows.passages.length).toBeGreaterThan(5);
    expect(rows.citations.length).toBeGreaterThan(1);
  });

  it("makes the same body from the same seed", () => {
    const make = () => {
      const rng = createRng(42);
      return caseBody(rng, makeVocabulary(rng, 300), 300, refs);
    };
    expect(make()).toEqual(make());
  });

  it("fills a database whose derived rows, search index and thread anchors match the bodies", async () => {
    const path = join(inject("testTmpDir"), `bench-${process.pid}.db`);
    const made = await generateWorkspace(path, {
      ...DEFAULT_GENERATE,
      cases: 6,
      words: 400,
      codes: 8,
      sources: 5,
      comments: 30,
      longCaseWords: 1000,
    });
    expect(made.counts).toMatchObject({ cases: 7, comments: 30 });
    expect(made.caseIds).toHaveLength(6);

    const sqlite = new Database(path, { readonly: true });
    const cases = sqlite.prepare("SELECT id, body, body_text AS bodyText FROM cases").all() as Array<{
      id: string;
      body: string;
      bodyText: string;
    }>;
    expect(cases).toHaveLength(7);
    for (const row of cases) {
      const body = JSON.parse(row.body);
      expect(validateCaseDocument(body).ok).toBe(true);
      const derived = deriveCaseRows(body);
      expect(row.bodyText).toBe(derived.plainText);
      const stored = sqlite
        .prepare(
          "SELECT code_id AS codeId, text, section, position FROM passages WHERE case_id = ? ORDER BY id",
        )
        .all(row.id);
      expect(stored).toEqual(derived.passages);
      const searchDoc = sqlite
        .prepare("SELECT body, sources FROM case_search_docs WHERE case_id = ?")
        .get(row.id) as { body: string; sources: string };
      expect(searchDoc.body).toBe(derived.plainText);
      expect(searchDoc.sources === "").toBe(derived.citations.length === 0);

      const anchors = sqlite.prepare("SELECT anchor FROM threads WHERE case_id = ?").all(row.id) as Array<{
        anchor: string;
      }>;
      const text = caseAnchorText(body).text;
      for (const { anchor } of anchors) expect(locateAnchor(text, JSON.parse(anchor))?.exact).toBe(true);
    }
    const [word] = made.searchWords;
    const hits = sqlite
      .prepare("SELECT count(*) AS n FROM case_search WHERE case_search MATCH ?")
      .get(`"${word}"*`);
    expect(hits).toBeDefined();
    sqlite.close();
  });
});
