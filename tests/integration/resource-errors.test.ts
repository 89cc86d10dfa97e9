// Refusals of downloads and JSON routes (issue 13): the person gets the right status and the message in
// their language, as a page when a browser navigates and as JSON when a script asks, never
// {"message":"Unexpected Server Error"}.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { startWorkspaceExport, waitForExport } from "~/models/exports.server";
import { updateLocale } from "~/models/users.server";
import * as caseExport from "~/routes/w.$workspaceId.cases.$caseId_.export";
import * as workspaceDownload from "~/routes/w.$workspaceId.export_.$jobId";
import * as matrixExport from "~/routes/w.$workspaceId.matrix.export";
import * as matrixEvidence from "~/routes/w.$workspaceId.matrix_.evidence";
import * as sourcesExport from "~/routes/w.$workspaceId.sources.export";
import { makeTeam } from "../helpers/fixtures";

let team: Awaited<ReturnType<typeof makeTeam>>;

beforeAll(async () => {
  team = await makeTeam();
});

type Loader = (args: LoaderFunctionArgs) => Promise<Response> | Response;

/** A browser navigating to the address (a download link, an address typed in), or a script fetching it. */
async function open(
  loader: Loader,
  path: string,
  params: Record<string, string>,
  as: "page" | "script",
  cookie: string,
) {
  const headers: Record<string, string> = { Cookie: cookie };
  if (as === "page")
    Object.assign(headers, { Accept: "text/html,application/xhtml+xml", "Sec-Fetch-Mode": "navigate" });
  else Object.assign(headers, { Accept: "application/json", "Sec-Fetch-Mode": "cors" });
  const response = await loader({
    request: new Request(`http://localhost/w/${team.workspace.id}${path}`, { headers }),
    params: { workspaceId: team.workspace.id, ...params },
    context: { cspNonce: "" },
  });
  return {
    status: response.status,
    type: response.headers.get("Content-Type") ?? "",
    text: await response.text(),
  };
}

describe("refusals of resource routes", () => {
  it("says a workspace export is gone on a second download, as a page and as JSON", async () => {
    const owner = team.people.owner;
    const job = startWorkspaceExport(owner.member);
    await waitForExport(job.id);
    const first = await open(
      workspaceDownload.loader,
      `/export/${job.id}`,
      { jobId: job.id },
      "page",
      owner.cookie,
    );
    expect(first.status).toBe(200);
    const again = await open(
      workspaceDownload.loader,
      `/export/${job.id}`,
      { jobId: job.id },
      "page",
      owner.cookie,
    );
    expect(again.status).toBe(404);
    expect(again.type).toMatch(/^text\/html/);
    expect(again.text).toContain("<h1>Not found</h1>");
    expect(again.text).toContain("This export is no longer on the server");
    const script = await open(
      workspaceDownload.loader,
      `/export/${job.id}`,
      { jobId: job.id },
      "script",
      owner.cookie,
    );
    expect(script.status).toBe(404);
    expect(JSON.parse(script.text)).toEqual({
      status: 404,
      message: expect.stringContaining("This export is no longer on the server"),
    });
  });

  it("names a bad format and a missing case, in the reader's language", async () => {
    const editor = team.people.editor;
    updateLocale(editor.id, "fr");
    try {
      const caseId = team.caseStudy.id;
      const badFormat = await open(
        caseExport.loader,
        `/cases/${caseId}/export?format=xlsx`,
        { caseId },
        "page",
        editor.cookie,
      );
      expect(badFormat.status).toBe(400);
      expect(badFormat.text).toContain('<html lang="fr">');
      expect(badFormat.text).toContain(
        "Choisissez format=md (Markdown), json (la fiche complète), docx (Word) ou pdf.",
      );
      const missing = await open(
        caseExport.loader,
        "/cases/nosuchcase1234/export?format=md",
        { caseId: "nosuchcase1234" },
        "script",
        editor.cookie,
      );
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.text).message).not.toMatch(/Unexpected|^[a-z]+\.[a-zA-Z.]+/);
      expect(JSON.parse(missing.text).message).toMatch(/[a-zé]/);
    } finally {
      updateLocale(editor.id, null);
    }
  });

  it("answers a bad matrix cell and bad export formats with their own messages", async () => {
    const trainer = team.people.trainer;
    const cell = await open(
      matrixEvidence.loader,
      "/matrix/evidence?at=bad.bad",
      {},
      "script",
      trainer.cookie,
    );
    expect(cell.status).toBe(404);
    expect(JSON.parse(cell.text).message).toMatch(/^This case does not exist|not/i);
    const matrix = await open(matrixExport.loader, "/matrix/export?format=xlsx", {}, "page", trainer.cookie);
    expect(matrix.status).toBe(400);
    expect(matrix.text).toContain(
      "Choose format=csv, md (Markdown), rcsv (CSV for R), r (R script), json (the analysis) or svg (the Venn diagram).",
    );
    const sources = await open(
      sourcesExport.loader,
      "/sources/export?format=xlsx",
      {},
      "script",
      trainer.cookie,
    );
    expect(sources.status).toBe(400);
    expect(JSON.parse(sources.text).message).toBe(
      "Choose format=json (CSL-JSON), bib (BibTeX) or ris (RIS).",
    );
  });

  it("leads back to the page the person came from on this site, never to another site", async () => {
    const caseId = team.caseStudy.id;
    const ask = (referer: string) =>
      caseExport.loader({
        request: new Request(`http://localhost/w/${team.workspace.id}/cases/${caseId}/export?format=xlsx`, {
          headers: { Cookie: team.people.editor.cookie, Accept: "text/html", Referer: referer },
        }),
        params: { workspaceId: team.workspace.id, caseId },
        context: { cspNonce: "" },
      });
    const fromHere = await (
      await ask(`http://localhost/w/${team.workspace.id}/cases?q="><script>alert(1)</script>`)
    ).text();
    expect(fromHere).toContain(`<a href="/w/${team.workspace.id}/cases?q=`);
    expect(fromHere).not.toContain("<script");
    const fromElsewhere = await (await ask("https://evil.example/phish")).text();
    expect(fromElsewhere).not.toContain("evil.example");
    expect(fromElsewhere).toContain('<a href="/">Go back</a>');
  });
});
