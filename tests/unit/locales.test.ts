import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { catalogues } from "~/locales";
import { formatDate, formatNumber, formatRelative } from "~/utils/format";
import { i18nOptions, missingKeyMarker } from "~/utils/i18n";
import { decodeMessage, msg, translateMessage } from "~/utils/messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  const en = leaves(catalogues.en as unknown as Tree);
  const fr = leaves(catalogues.fr as unknown as Tree);

  it("French and English have exactly the same keys", () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("every text is filled in, with the same {{placeholders}} in both languages", () => {
    for (const [key, text] of en) {
      expect(text.trim(), `en ${key}`).not.toBe("");
      expect(fr.get(key)?.trim(), `fr ${key}`).not.toBe("");
      expect(placeholders(fr.get(key) ?? ""), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it("plural keys come in _one/_other pairs", () => {
    for (const key of en.keys()) {
      const one = key.match(/^(.*)_one$/);
      if (one) expect(en.has(`${one[1]}_other`), key).toBe(true);
    }
  });
});

describe("server messages", () => {
  const instance = createInstance();
  instance.init({
    ...i18nOptions,
    lng: "fr",
    resources: { fr: { translation: catalogues.fr } },
    initImmediate: false,
  });
  const t = instance.getFixedT("fr");

  it("a key with parameters survives the trip through a string and is translated", () => {
    const encoded = msg("auth.errors.passwordTooShort", { min: 10 });
    expect(decodeMessage(encoded)).toEqual({ key: "auth.errors.passwordTooShort", params: { min: 10 } });
    expect(translateMessage(t, encoded)).toBe("Utilisez au moins 10 caractères.");
  });

  it("plurals follow French rules (0 and 1 are singular)", () => {
    expect(translateMessage(t, msg("auth.errors.throttled", { count: 1 }))).toContain("1 minute ");
    expect(translateMessage(t, msg("auth.errors.throttled", { count: 0 }))).toContain("0 minute ");
    expect(translateMessage(t, msg("auth.errors.throttled", { count: 5 }))).toContain("5 minutes");
  });

  it("plain text that is not yet a key is shown as it is", () => {
    expect(translateMessage(t, "Enter a title.")).toBe("Enter a title.");
  });

  it("a missing key renders as a visible marker", () => {
    expect(translateMessage(t, "auth.errors.noSuchKey")).toBe(missingKeyMarker("auth.errors.noSuchKey"));
  });
});

describe("formatting", () => {
  const date = new Date("2026-03-05T23:30:00Z");
  it("formats dates in UTC for each locale", () => {
    expect(formatDate(date, "en")).toBe("5 Mar 2026");
    expect(formatDate(date, "fr")).toBe("5 mars 2026");
  });
  it("formats numbers and relative times for each locale", () => {
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatNumber(12345, "fr").replace(/\s/g, " ")).toBe("12 345");
    const now = new Date("2026-03-06T23:30:00Z");
    expect(formatRelative(date, now, "en")).toBe("yesterday");
    expect(formatRelative(date, now, "fr")).toBe("hier");
    expect(formatRelative(now, now, "fr")).toBeNull();
  });
});
