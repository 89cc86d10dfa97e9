import { describe, expect, it } from "vitest";
import { caseFieldsSchema, fieldsToFormValues, formatPeriod } from "~/models/case-fields";
import { msg } from "~/utils/messages";

const base = {
  title: "A case",
  regions: "Mali, Ségou region",
  periodStart: "",
  periodEnd: "",
  actors: "",
  mediators: "",
  summary: "",
};

describe("case fields", () => {
  it("splits regions, actors and mediators and reads circa flags", () => {
    const parsed = caseFieldsSchema.parse({
      ...base,
      periodStart: "2009",
      periodStartCirca: "on",
      periodEnd: "2011",
      actors: "Katiba Macina\n\n Local militias ",
      mediators: "Mahmoud Dicko",
    });
    expect(parsed.regions).toEqual(["Mali", "Ségou region"]);
    expect(parsed.actors).toEqual(["Katiba Macina", "Local militias"]);
    expect(parsed.periodStart).toBe(2009);
    expect(parsed.periodStartCirca).toBe(true);
    expect(parsed.periodEndCirca).toBe(false);
    expect(fieldsToFormValues(parsed).actors).toBe("Katiba Macina\nLocal militias");
  });

  it("explains each bad field", () => {
    const result = caseFieldsSchema.safeParse({
      ...base,
      title: "x",
      regions: " , ",
      periodStart: "2011",
      periodEnd: "2009",
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField.title).toBe(msg("cases.errors.titleTooShort", { min: 3 }));
    expect(byField.regions).toBe(msg("cases.errors.regionsRequired"));
    const period = caseFieldsSchema.safeParse({ ...base, periodStart: "2011", periodEnd: "2009" });
    expect(period.error!.issues[0]).toMatchObject({
      path: ["periodEnd"],
      message: msg("cases.errors.endBeforeStart"),
    });
    expect(caseFieldsSchema.safeParse({ ...base, periodStart: "20x9" }).error!.issues[0].message).toBe(
      msg("cases.errors.year", { min: 1800, max: 2100 }),
    );
  });

  it("formats periods with circa and open ends", () => {
    const p = (periodStart: number | null, periodEnd: number | null, startCirca = false, endCirca = false) =>
      formatPeriod({ periodStart, periodEnd, periodStartCirca: startCirca, periodEndCirca: endCirca });
    expect(p(2009, 2011)).toBe("2009–2011");
    expect(p(1997, 1997)).toBe("1997");
    expect(p(2020, null, true)).toBe("c. 2020– (open)");
    expect(p(null, 2011, false, true)).toBe("(open)–c. 2011");
    expect(p(null, null)).toBe("Period not set");
  });
});
