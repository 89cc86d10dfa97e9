// The editor's status line (issue 13): "All changes saved" only once the server said it stored every change
// made on the page; a refused store or change says "Not stored" and never "saved".
import { describe, expect, it } from "vitest";
import type { CollabState } from "~/components/case-editor/collab";
import { saveStatus } from "~/components/case-editor/save-status";

const online: CollabState = {
  connection: "online",
  unsynced: 0,
  ready: true,
  readOnly: false,
  refused: null,
  unstored: false,
  storeProblem: null,
  changeRefused: null,
  others: [],
  message: null,
};

describe("saveStatus", () => {
  it("says saved only when nothing is unacknowledged and the server said it stored the page's changes", () => {
    expect(saveStatus(online).key).toBe("editor.collab.saved");
    expect(saveStatus({ ...online, unsynced: 2 }).key).toBe("editor.collab.saving");
    // Acknowledged is not stored.
    expect(saveStatus({ ...online, unstored: true }).key).toBe("editor.collab.saving");
  });

  it("says not stored when the server refused to store the text, as long as the page has unstored changes", () => {
    const refused = { ...online, unstored: true, storeProblem: ["editor.validation.tooLarge"] };
    expect(saveStatus(refused)).toEqual({ key: "editor.collab.storeRefused", tone: "error" });
    expect(saveStatus({ ...refused, unstored: false }).key).toBe("editor.collab.saved");
  });

  it("says not stored, whatever else, once a change made on the page was refused", () => {
    const refused = { ...online, changeRefused: ["editor.validation.linkHref"] };
    expect(saveStatus(refused)).toEqual({ key: "editor.collab.changeRefused", tone: "error" });
    expect(saveStatus({ ...refused, connection: "offline" }).key).toBe("editor.collab.changeRefused");
  });
});
