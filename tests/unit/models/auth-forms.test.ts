import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/models/auth-forms";

describe("safeRedirect", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeRedirect("/w/abc12345/cases?q=Mali#top")).toBe("/w/abc12345/cases?q=Mali#top");
    expect(safeRedirect("/invite/AbC-123_x")).toBe("/invite/AbC-123_x");
  });

  it("falls back for anything that would leave the site once a browser reads it", () => {
    for (const hostile of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example/",
      "\\\\evil.example/",
      // Browsers remove tabs and newlines from addresses: these become "//evil.example".
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r\n/evil.example",
      "/\\/evil.example",
      "/%09/evil.example/../..",
      "javascript:alert(1)",
      " /cases",
      "",
      null,
      undefined,
    ]) {
      const kept = safeRedirect(hostile, "/fallback");
      expect(new URL(kept, "https://casebook.example").origin, String(hostile)).toBe(
        "https://casebook.example",
      );
      if (hostile !== "/%09/evil.example/../..") expect(kept, JSON.stringify(hostile)).toBe("/fallback");
    }
  });
});
