import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromRis, toRis } from "~/models/sources/ris";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8");

describe("RIS", () => {
  it("reads an EndNote export: pages, volume, issue, editors, edition, place and report numbers", () => {
    const { items, skipped } = fromRis(fixture("endnote.ris"));
    expect(skipped).toEqual([{ index: 2, reason: "entry 3: missing title" }]);
    expect(items.map((i) => i.type)).toEqual(["article-journal", "report", "chapter"]);
    expect(items[0]).toMatchObject({
      title: "Dialogue with jihadists in the Sahel",
      author: [
        { family: "Thurston", given: "Alex" },
        { family: "Keïta", given: "Nadia" },
      ],
      "container-title": "Journal of Peacebuilding",
      volume: "15",
      issue: "3",
      page: "301-318",
      DOI: "10.1080/15423166.2020.1234567",
    });
    expect(items[1]).toMatchObject({
      author: [{ literal: "International Crisis Group" }],
      number: "276",
      genre: "Africa Report",
      "publisher-place": "Brussels",
    });
    expect(items[2]).toMatchObject({ editor: [{ family: "Ba", given: "Aminata" }], edition: "2" });
  });

  it("writes what it reads", () => {
    const { items } = fromRis(fixture("endnote.ris"));
    const again = fromRis(toRis(items)).items;
    expect(again.map(({ id: _id, ...rest }) => rest)).toStrictEqual(
      items.map(({ id: _id, ...rest }) => rest),
    );
    expect(toRis(items)).toMatch(/^TY {2}- JOUR$/m);
  });

  it("says why a file is not RIS and never throws", () => {
    expect(fromRis("").skipped).toEqual([{ index: -1, reason: "the file is empty" }]);
    expect(fromRis("@article{x, title={T}}").skipped[0].reason).toMatch(/^no RIS records found/);
    for (const input of ["TY  - ", "TY  - JOUR\nTI  - ", "TY  - ZZZZ\nTI  - Odd\nER  - "]) {
      expect(() => fromRis(input), input).not.toThrow();
    }
  });
});
