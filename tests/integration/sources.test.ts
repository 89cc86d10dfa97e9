import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, getCase, saveCaseBody, trashCase } from "~/models/cases.server";
import { sourceFormSchema } from "~/models/source-fields";
import { plainReference } from "~/models/sources/citation-styles";
import { importCslJson } from "~/models/sources/csl-json";
import {
  createSource,
  deleteSource,
  exportSources,
  getSource,
  importSources,
  listSources,
  SourceInUseError,
  searchSources,
  updateSource,
} from "~/models/sources.server";
import * as libraryRoute from "~/routes/w.$workspaceId.sources._index";
import * as sourceRoute from "~/routes/w.$workspaceId.sources.$sourceId";
import * as exportRoute from "~/routes/w.$workspaceId.sources.export";
import * as importRoute from "~/routes/w.$workspaceId.sources.import";
import * as newSourceRoute from "~/routes/w.$workspaceId.sources.new";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import type { Member } from "~/utils/permissions.server";
import { auditLog, sources } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;

/** The HTTP status a model function throws (403/404 as data(), 409 as SourceInUseError), or 0. */
function statusOf(run: () => unknown): number {
  try {
    run();
    return 0;
  } catch (thrown) {
    if (thrown instanceof SourceInUseError) return 409;
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}

/** Makes the case cite the source (through the real save path, so the derived citations row exists). */
function cite(member: Member, caseId: string, sourceId: string, locator = "p. 4") {
  const current = getCase(member, caseId);
  saveCaseBody(member, caseId, {
    baseRevision: current.revision,
    doc: {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "The talks began in prison. " },
            {
              type: "text",
              text: "Religious scholars led them.",
              marks: [{ type: "citation", attrs: { sourceId, locator } }],
            },
          ],
        },
      ],
    },
  });
}

function multipartRequest(path: string, cookie: string, file: { name: string; text: string } | null) {
  const form = new FormData();
  if (file) form.set("file", new File([file.text], file.name, { type: "application/json" }));
  else form.set("note", "no file");
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

async function callImport(team: Team, cookie: string, file: { name: string; text: string } | null) {
  const request = multipartRequest(`/w/${team.workspace.id}/sources/import`, cookie, file);
  const result = await importRoute.action({
    request,
    params: { workspaceId: team.workspace.id },
    context: { cspNonce: "" },
  });
  const value = result as unknown as { init?: { status?: number }; data?: unknown };
  if (value && typeof value === "object" && "init" in value) {
    return { status: value.init?.status ?? 200, body: value.data as ImportBody };
  }
  return { status: 200, body: result as unknown as ImportBody };
}

type ImportBody = {
  error: string | null;
  report: { imported: Array<{ id: string; title: string }>; skipped: Array<{ reason: string }> } | null;
};

const formFor = (overrides: Record<string, string> = {}) => ({
  type: "report",
  title: "Talking to the Katiba Macina",
  authors: "Keïta, Ngolo\nInternational Crisis Group",
  issued: "2021-05-03",
  container: "",
  publisher: "Crisis Group",
  url: "https://example.org/report",
  accessed: "2024-03-05",
  language: "en",
  doi: "",
  note: "Field interviews in Ségou.",
  reliability: "high",
  confidentiality: "public",
  ...overrides,
});

let team: Team;
beforeAll(async () => {
  team = await makeTeam();
});

describe("source form", () => {
  it("turns the form's text into a CSL item: people, organisations, dates", () => {
    const parsed = sourceFormSchema.parse(formFor({ doi: "https://doi.org/10.1234/ABC" }));
    expect(parsed).toMatchObject({
      type: "report",
      title: "Talking to the Katiba Macina",
      author: [{ family: "Keïta", given: "Ngolo" }, { literal: "International Crisis Group" }],
      issued: { "date-parts": [[2021, 5, 3]] },
      accessed: { "date-parts": [[2024, 3, 5]] },
      DOI: "10.1234/ABC",
      custom: { reliability: "high", confidentiality: "public" },
    });
    expect(parsed).not.toHaveProperty("container-title");
  });

  it("puts every problem next to its field", () => {
    const result = sourceFormSchema.safeParse(
      formFor({ title: " ", issued: "2021-13", url: "javascript:alert(1)", doi: "nope", accessed: "soon" }),
    );
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["title", "issued", "url", "doi", "accessed"]));
  });
});

describe("sources: create, edit, search", () => {
  it("lets owners and editors write, and everyone in the workspace read", async () => {
    const { id } = createSource(team.people.editor.member, sourceFormSchema.parse(formFor()));
    for (const role of ["owner", "editor", "reviewer", "trainer"] as const) {
      expect(getSource(team.people[role].member, id).csl.title).toBe("Talking to the Katiba Macina");
    }
    const input = sourceFormSchema.parse(formFor({ title: "Renamed" }));
    for (const role of ["reviewer", "trainer"] as const) {
      const member = team.people[role].member;
      expect(statusOf(() => createSource(member, input))).toBe(403);
      expect(statusOf(() => updateSource(member, id, input))).toBe(403);
      expect(statusOf(() => deleteSource(member, id, { confirmed: true }))).toBe(403);
      expect(statusOf(() => importSources(member, "[]"))).toBe(403);
    }
    updateSource(team.people.owner.member, id, input);
    expect(getSource(team.people.trainer.member, id).csl.title).toBe("Renamed");
  });

  it("creates through the form, and keeps the text with messages when it is wrong", async () => {
    const bad = await callRoute(newSourceRoute, {
      method: "POST",
      path: "/new",
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
      form: formFor({ title: "", url: "ftp://files.example.org/x" }),
    });
    expect(bad.status).toBe(400);
    const body = bad.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(body.errors.title).toEqual(["sources.errors.titleRequired"]);
    expect(body.errors.url).toEqual(["sources.errors.urlInvalid"]);
    expect(body.values.authors).toBe("Keïta, Ngolo\nInternational Crisis Group");

    const good = await callRoute(newSourceRoute, {
      method: "POST",
      path: "/new",
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
      form: formFor({ title: "Local truces in central Mali", authors: "Diallo, Aïssata" }),
    });
    expect(good.status).toBe(302);
    const id = good.location?.split("/").pop() ?? "";
    expect(getSource(team.people.reviewer.member, id).csl.author).toEqual([
      { family: "Diallo", given: "Aïssata" },
    ]);

    const edited = await callRoute(sourceRoute, {
      method: "POST",
      path: "/source",
      params: { workspaceId: team.workspace.id, sourceId: id },
      cookie: team.people.editor.cookie,
      form: { intent: "update", ...formFor({ title: "Local truces in central Mali (2nd ed.)" }) },
    });
    expect(edited.status).toBe(302);
    expect(getSource(team.people.editor.member, id).csl.title).toBe("Local truces in central Mali (2nd ed.)");

    const refused = await callRoute(sourceRoute, {
      method: "POST",
      path: "/source",
      params: { workspaceId: team.workspace.id, sourceId: id },
      cookie: team.people.reviewer.cookie,
      form: { intent: "update", ...formFor({ title: "Reviewer was here" }) },
    });
    expect(refused.status).toBe(403);
    expect(getSource(team.people.editor.member, id).csl.title).not.toBe("Reviewer was here");
  });

  it("searches title, authors and container, ignoring case and accents, within the workspace", async () => {
    const editor = team.people.editor.member;
    createSource(editor, {
      type: "article-journal",
      title: "Dialogue with jihadists in the Sahel",
      author: [{ family: "Thurston", given: "Alexander" }],
      "container-title": "Journal of Peacebuilding Studies",
      issued: { "date-parts": [[2020]] },
    });
    createSource(team.outsider.member, { type: "report", title: "Outsider's Sahel dossier" });
    const titles = (q: string) => searchSources(editor, { q }).sources.map((s) => s.title);
    expect(titles("thurston")).toEqual(["Dialogue with jihadists in the Sahel"]);
    expect(titles("PEACEBUILDING")).toEqual(["Dialogue with jihadists in the Sahel"]);
    expect(titles("keita")).toContain("Local truces in central Mali (2nd ed.)");
    expect(titles("sahel 2020")).toEqual(["Dialogue with jihadists in the Sahel"]);
    expect(titles("sahel")).not.toContain("Outsider's Sahel dossier");
    expect(titles("title")).toEqual([]);
    expect(titles("no such thing")).toEqual([]);

    const page = await callRoute(libraryRoute, {
      path: `/w/${team.workspace.id}/sources?q=Thurston`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.trainer.cookie,
    });
    expect(page.status).toBe(200);
    const body = page.body as { sources: Array<{ title: string; reference: string }>; total: number };
    // APA 7 by default, italics marked for the page to render.
    expect(body.sources.map((s) => plainReference(s.reference))).toEqual([
      "Thurston, A. (2020). Dialogue with jihadists in the Sahel. Journal of Peacebuilding Studies.",
    ]);
    expect(body.total).toBe(listSources(editor).length);
  });
});

describe("sources cited by cases", () => {
  it("lists the citing cases and refuses to delete the source until no case cites it", async () => {
    const editor = team.people.editor.member;
    const { id } = createSource(editor, { type: "interview", title: "Interview with a Ségou elder" });
    const second = createCase(editor, { ...sampleFields, title: "Second citing case" }).id;
    cite(editor, team.caseStudy.id, id, "p. 4");
    cite(editor, second, id, "para. 2");

    const source = getSource(team.people.trainer.member, id);
    expect(source.citedIn.map((c) => [c.title, c.locators])).toEqual([
      ["Second citing case", ["para. 2"]],
      [sampleFields.title, ["p. 4"]],
    ]);
    const listed = searchSources(editor, { q: "Ségou elder" }).sources;
    expect(listed[0].citingCases).toBe(2);

    const refused = await callRoute(sourceRoute, {
      method: "POST",
      path: "/source",
      params: { workspaceId: team.workspace.id, sourceId: id },
      cookie: team.people.editor.cookie,
      form: { intent: "delete", confirm: "yes" },
    });
    expect(refused.status).toBe(409);
    expect((refused.body as { refused: string }).refused).toBe(msg("sources.errors.inUse", { count: 2 }));

    // A case in the trash still holds its citations (it can be restored), so it still blocks.
    trashCase(editor, second);
    expect(getSource(editor, id).citedIn).toHaveLength(1);
    expect(getSource(editor, id).citedInTrash).toBe(1);
    expect(() => deleteSource(editor, id, { confirmed: true })).toThrow(
      msg("sources.errors.inUseSomeTrash", { count: 2, trashed: 1 }),
    );
    expect(getSource(editor, id).csl.title).toBe("Interview with a Ségou elder");
  });

  it("deletes a source no case cites, after a confirmation step", async () => {
    const { id } = createSource(team.people.editor.member, { type: "webpage", title: "A page to delete" });
    const request = (form: Record<string, string>) =>
      callRoute(sourceRoute, {
        method: "POST",
        path: "/source",
        params: { workspaceId: team.workspace.id, sourceId: id },
        cookie: team.people.owner.cookie,
        form,
      });
    const asked = await request({ intent: "delete" });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ intent: "delete", confirm: true });
    expect(getSource(team.people.owner.member, id).csl.title).toBe("A page to delete");
    const done = await request({ intent: "delete", confirm: "yes" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/w/${team.workspace.id}/sources`);
    expect(statusOf(() => getSource(team.people.owner.member, id))).toBe(404);
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.workspace.id), eq(auditLog.action, "source.deleted")))
      .all();
    expect(audit.map((row) => row.detail.title)).toContain("A page to delete");
  });
});

describe("import", () => {
  const file = JSON.stringify([
    { id: "a", type: "report", title: "Imported report one", issued: { "date-parts": [["2019"]] } },
    { id: "b", type: "book", author: [{ family: "Nobody" }] },
    { id: "c", type: "webpage", title: "Imported page", URL: "javascript:alert(1)" },
    { id: "d", type: "dataset", title: "Imported with an unknown type" },
    "not an item",
  ]);

  it("stores every valid item and reports each skipped one with its reason", () => {
    const report = importSources(team.people.editor.member, file);
    expect(report.imported.map((s) => s.title)).toEqual([
      "Imported report one",
      "Imported with an unknown type",
    ]);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'item 2 (id "b"): missing title',
      'item 3 ("Imported page"): URL must be a web address starting with http:// or https://',
      "item 5: is a string, not a CSL item object",
    ]);
    const stored = getSource(team.people.editor.member, report.imported[1].id).csl;
    expect(stored.type).toBe("document");
    expect(stored.id).toBe(report.imported[1].id);
  });

  it("skips items already in the library, so importing a file twice adds nothing", () => {
    const again = importSources(team.people.editor.member, file);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toContain(
      msg("sources.importReasons.alreadyInLibrary", { n: 1, title: "Imported report one" }),
    );
    createSource(team.people.editor.member, {
      type: "report",
      title: "Talking to the Katiba Macina",
      DOI: "10.1234/abc",
    });
    const sameDoi = importSources(
      team.people.editor.member,
      JSON.stringify([{ type: "book", title: "Another edition", DOI: "10.1234/ABC" }]),
    );
    expect(sameDoi.skipped.map((s) => s.reason)).toEqual([
      msg("sources.importReasons.alreadyInLibraryAs", {
        n: 1,
        title: "Another edition",
        twin: "Talking to the Katiba Macina",
      }),
    ]);
  });

  it("answers the upload with a report, and refuses bad or oversized files with a message", async () => {
    const ok = await callImport(team, team.people.owner.cookie, {
      name: "zotero.json",
      text: JSON.stringify([{ type: "speech", title: "Uploaded speech" }, { type: "speech" }]),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.report?.imported.map((s) => s.title)).toEqual(["Uploaded speech"]);
    expect(ok.body.report?.skipped).toHaveLength(1);

    // A .bib file is read as BibTeX: its broken entry is reported, not the whole file.
    const bib = await callImport(team, team.people.owner.cookie, { name: "refs.bib", text: "@book{x," });
    expect(bib.status).toBe(200);
    expect(bib.body.report?.skipped.map((s) => s.reason)).toEqual([
      'entry 1 (key "x"): cannot be read: it is not complete BibTeX (is a brace or quote missing?)',
    ]);
    const notJson = await callImport(team, team.people.owner.cookie, { name: "refs.json", text: "@book{x," });
    expect(notJson.status).toBe(400);
    // The reason is translated on the server, inside the message (English for this request).
    expect(notJson.body.error).toMatch(/^sources\.import\.cannotImport\|/);
    expect(notJson.body.error).toMatch(/the file is not JSON.*looks like BibTeX/);

    const empty = await callImport(team, team.people.owner.cookie, { name: "empty.json", text: "" });
    expect(empty.status).toBe(400);
    const none = await callImport(team, team.people.owner.cookie, null);
    expect(none.status).toBe(400);
    expect(none.body.error).toBe("sources.import.chooseFile");

    const before = listSources(team.people.owner.member).length;
    const huge = await callImport(team, team.people.owner.cookie, {
      name: "huge.json",
      text: `[${'{"type":"report","title":"padding"},'.repeat(160_000)}{"type":"report","title":"end"}]`,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe(msg("sources.import.tooLarge", { mb: 5 }));
    expect(listSources(team.people.owner.member).length).toBe(before);

    const reviewer = await callImport(team, team.people.reviewer.cookie, {
      name: "zotero.json",
      text: "[]",
    }).catch((thrown: { init?: { status?: number } }) => ({ status: thrown.init?.status }));
    expect(reviewer.status).toBe(403);
  });
});

describe("export", () => {
  async function download(cookie: string, format: string) {
    const response = (await exportRoute.loader({
      request: new Request(`http://localhost/w/${team.workspace.id}/sources/export?format=${format}`, {
        headers: { Cookie: cookie },
      }),
      params: { workspaceId: team.workspace.id },
      context: { cspNonce: "" },
    })) as Response;
    return response;
  }

  it("round-trips the library through CSL-JSON into another workspace", async () => {
    const response = await download(team.people.trainer.cookie, "json");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="sources-team-workspace.json"',
    );
    const text = await response.text();
    const exported = listSources(team.people.owner.member).map((s) => s.title);
    expect(exported.length).toBeGreaterThan(3);

    const report = importSources(team.outsider.member, text);
    expect(report.skipped).toEqual([]);
    const outsiderTitles = listSources(team.outsider.member).map((s) => s.title);
    for (const title of exported) expect(outsiderTitles).toContain(title);
    // Same items, new ids: nothing of one workspace's ids leaks into the other.
    const teamIds = new Set(listSources(team.people.owner.member).map((s) => s.id));
    expect(listSources(team.outsider.member).some((s) => teamIds.has(s.id))).toBe(false);
    expect(
      importCslJson(text)
        .items.map((item) => item.title)
        .sort(),
    ).toEqual([...exported].sort());

    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.workspace.id), eq(auditLog.action, "sources.exported")))
      .all();
    expect(audit.at(-1)).toMatchObject({
      userId: team.people.trainer.id,
      detail: { format: "json", count: exported.length },
    });
  });

  it("writes one BibTeX entry per source", async () => {
    const response = await download(team.people.reviewer.cookie, "bib");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/x-bibtex/);
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="sources-team-workspace.bib"',
    );
    const text = await response.text();
    const count = listSources(team.people.owner.member).length;
    expect(text.match(/^@\w+\{/gm)).toHaveLength(count);
    expect(text).toContain("title = {{Dialogue with jihadists in the Sahel}}");
    expect(exportSources(team.people.owner.member, "bib").count).toBe(count);
  });

  it("refuses an unknown format", async () => {
    const status = await download(team.people.owner.cookie, "docx").catch(
      (thrown: { init?: { status?: number } }) => thrown.init?.status,
    );
    expect(status).toBe(400);
  });
});

describe("isolation", () => {
  it("answers 404 for a source of another workspace, however it is reached", async () => {
    const { id } = createSource(team.people.editor.member, { type: "report", title: "Team-only source" });
    const outsider = team.outsider.member;
    expect(statusOf(() => getSource(outsider, id))).toBe(404);
    expect(statusOf(() => updateSource(team.outsider.member, id, { type: "report", title: "x" }))).toBe(404);
    expect(statusOf(() => deleteSource(outsider, id, { confirmed: true }))).toBe(404);
    const viaOwnWorkspace = await callRoute(sourceRoute, {
      path: "/source",
      params: { workspaceId: team.otherWorkspace.id, sourceId: id },
      cookie: team.outsider.cookie,
    });
    expect(viaOwnWorkspace.status).toBe(404);
    const viaTheirs = await callRoute(sourceRoute, {
      path: "/source",
      params: { workspaceId: team.workspace.id, sourceId: id },
      cookie: team.outsider.cookie,
    });
    expect(viaTheirs.status).toBe(404);
    const exported = exportSources(outsider, "json").body;
    expect(exported).not.toContain("Team-only source");
    expect(db.select().from(sources).where(eq(sources.id, id)).get()?.title).toBe("Team-only source");
  });
});
