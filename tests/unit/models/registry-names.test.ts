import { describe, expect, it } from "vitest";
import { yearTicks } from "~/components/timeline/axis";
import { nameKey } from "~/rules/actor-names";
import { normalizeShortName, SHORT_NAME_PATTERN, shortNameFrom, uniqueShortName } from "~/rules/short-names";

describe("names in the registry", () => {
  it("folds case, accents, apostrophes, hyphens and spacing, not transliterations", () => {
    expect(nameKey("Jama’at Nusrat al-Islam wal-Muslimin")).toBe(
      nameKey("jamaat nusrat al islam wal muslimin"),
    );
    expect(nameKey("  Ségou ")).toBe(nameKey("SEGOU"));
    expect(nameKey("al-Shabab")).toBe(nameKey("Al Shabab"));
    expect(nameKey("Iyad ag Ghali")).not.toBe(nameKey("Iyad Ag Ghaly"));
    // Arabic: short vowels (harakat) do not make another name; the letters do.
    expect(nameKey("إِيَاد")).toBe(nameKey("إياد"));
    expect(nameKey("إياد")).not.toBe(nameKey("اياد غالي"));
  });
});

describe("short names of codes", () => {
  it("are made from the English label without small words, ASCII, starting with a letter", () => {
    expect(shortNameFrom("Temporary truce or ceasefire")).toBe("TEMPORARY_TRUCE_CEASEFIRE");
    expect(shortNameFrom("Armed group distanced from its transnational patron")).toBe(
      "ARMED_GROUP_DISTANCED",
    );
    expect(shortNameFrom("Réintégration d’ex-combattants")).toBe("REINTEGRATION_EX_COMBATTANTS");
    expect(shortNameFrom("2015 accords")).toBe("C2015_ACCORDS");
    expect(shortNameFrom("—")).toBe("CODE");
    for (const label of ["Temporary truce or ceasefire", "Réintégration", "2015", "“quoted”"])
      expect(shortNameFrom(label)).toMatch(SHORT_NAME_PATTERN);
  });

  it("stay unique in the workspace, and are stored in capitals", () => {
    expect(uniqueShortName("TRUCE", new Set(["TRUCE", "TRUCE_2"]))).toBe("TRUCE_3");
    expect(uniqueShortName("LOCAL", new Set(["TRUCE"]))).toBe("LOCAL");
    expect(uniqueShortName("A".repeat(32), new Set(["A".repeat(32)]))).toHaveLength(32);
    expect(normalizeShortName(" truce ")).toBe("TRUCE");
  });
});

describe("time axes", () => {
  it("ticks round years, about as many as asked", () => {
    expect(yearTicks(1995, 2026, 8)).toEqual([1995, 2000, 2005, 2010, 2015, 2020, 2025]);
    expect(yearTicks(2011, 2014, 12)).toEqual([2011, 2012, 2013, 2014]);
    expect(yearTicks(2012, 2013, 6)).toEqual([2012, 2013]);
  });
});
