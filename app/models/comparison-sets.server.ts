// Comparison sets: a named selection of cases and codes with the chosen outcome and view, shared by
// link with the workspace. Any member may save one; its creator or an owner may rename or delete it.
// Opening a set re-checks every case against the reader: a case deleted since, or one this reader may
// not read (a trainer and a never-approved case), is left out and counted, never shown.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { foreignCodeIds, seesDrafts } from "~/models/case-body.server";
import { newId } from "~/models/ids.server";
import { buildMatrix, filteredMatrix, visibleCases } from "~/models/matrix.server";
import { type MatrixQuery, matrixSearchParams, type setViewOverrides } from "~/queries/matrix";
import { recordIdSchema } from "~/rules/ids";
import { SET_NAME_MAX } from "~/rules/limits";
import { qcaSettingsFrom } from "~/rules/qca-settings";
import { db } from "~/utils/db.server";
import { asMessage, type Message, msg } from "~/utils/messages";
import {
  allows,
  type Executor,
  forbidden,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { COMPARISON_VIEWS, cases, codes, comparisonSets, users } from "../../db/schema";

const MAX_CASES = 500;
const MAX_CODES = 200;
const MAX_SETTINGS = 4000;

export type ComparisonView = (typeof COMPARISON_VIEWS)[number];

const id = recordIdSchema(msg("compare.errors.badId"));

export const setNameSchema = z
  .string({ error: msg("compare.errors.nameRequired") })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, msg("compare.errors.nameRequired"))
      .max(SET_NAME_MAX, msg("compare.errors.nameTooLong", { max: SET_NAME_MAX })),
  );

export const comparisonSetSchema = z
  .object({
    name: setNameSchema,
    view: z.enum(COMPARISON_VIEWS, { error: msg("compare.errors.viewRequired") }),
    caseIds: z
      .array(id)
      .min(1, msg("compare.errors.noCases"))
      .max(MAX_CASES, msg("compare.errors.setTooManyCases", { max: MAX_CASES }))
      .transform((list) => [...new Set(list)]),
    codeIds: z
      .array(id)
      .max(MAX_CODES)
      .transform((list) => [...new Set(list)]),
    outcomeId: id.nullable(),
    settings: z.record(z.string(), z.unknown()),
  })
  .superRefine((input, ctx) => {
    // The side-by-side page compares two to four cases in columns.
    if (input.view === "side" && (input.caseIds.length < 2 || input.caseIds.length > 4))
      ctx.addIssue({ code: "custom", path: ["caseIds"], message: msg("compare.errors.sideCount") });
  });

export type ComparisonSetInput = z.output<typeof comparisonSetSchema>;

/** The form the compare page (or any page) posts: name, view, case (repeated), code (repeated), outcome, settings (JSON). */
export function readSetForm(formData: FormData) {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : "";
  };
  const values = {
    name: text("name"),
    view: text("view") || "matrix",
    caseIds: formData.getAll("case").filter((v): v is string => typeof v === "string" && v !== ""),
    codeIds: formData.getAll("code").filter((v): v is string => typeof v === "string" && v !== ""),
    outcomeId: text("outcome") || null,
    settings: text("settings"),
  };
  let settings: unknown = {};
  const errors: Record<string, Message[]> = {};
  if (values.settings.length > MAX_SETTINGS) errors.settings = [msg("compare.errors.settingsTooLong")];
  else if (values.settings) {
    try {
      settings = JSON.parse(values.settings);
    } catch {
      errors.settings = [msg("compare.errors.settingsUnreadable")];
    }
  }
  const parsed = comparisonSetSchema.safeParse({ ...values, settings });
  if (parsed.success && Object.keys(errors).length === 0)
    return { ok: true as const, data: parsed.data, values };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] = [...(errors[key] ?? []), asMessage(issue.message, msg("errors.invalidValue"))];
  }
  return { ok: false as const, errors, values };
}

/** The case ids among `caseIds` the member may put in a set (same rule as reading them). */
function readableCaseIds(executor: Executor, member: Member, caseIds: string[]) {
  if (caseIds.length === 0) return new Set<string>();
  return new Set(
    executor
      .select({ id: cases.id, approvedRevision: cases.approvedRevision })
      .from(cases)
      .where(
        and(
          eq(cases.workspaceId, member.workspaceId),
          isNull(cases.deletedAt),
          inArray(cases.id, caseIds),
          visibleCaseCondition(member, cases.id),
        ),
      )
      .all()
      .filter((row) => seesDrafts(member) || row.approvedRevision !== null)
      .map((row) => row.id),
  );
}

/** A field the server will not store as given (400), with messages per form field. */
export class SetRejectedError extends Refusal {
  constructor(public errors: Record<string, Message[]>) {
    super(400, Object.values(errors).flat()[0] ?? msg("compare.errors.badId"));
  }
}

export function createComparisonSet(member: Member, input: ComparisonSetInput, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const current = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(current, "compare.use");
    const readable = readableCaseIds(tx, current, input.caseIds);
    if (input.caseIds.some((caseId) => !readable.has(caseId)))
      throw notFound(msg("compare.errors.casesNotFound"));
    const codeIds = input.outcomeId ? [...input.codeIds, input.outcomeId] : input.codeIds;
    if (foreignCodeIds(tx, member.workspaceId, codeIds).length)
      throw notFound(msg("compare.errors.codesNotFound"));
    if (input.outcomeId) {
      const outcome = tx.select({ kind: codes.kind }).from(codes).where(eq(codes.id, input.outcomeId)).get();
      if (outcome?.kind !== "outcome")
        throw new SetRejectedError({ outcome: [msg("compare.errors.outcomeNotPrecondition")] });
    }
    const setId = newId();
    const now = new Date();
    tx.insert(comparisonSets)
      .values({
        id: setId,
        workspaceId: member.workspaceId,
        name: input.name,
        view: input.view,
        caseIds: input.caseIds,
        codeIds: input.codeIds,
        outcomeId: input.outcomeId,
        settings: input.settings,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(
      {
        action: "comparison_set.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { setId, view: input.view, cases: input.caseIds.length },
        origin,
      },
      tx,
    );
    return { id: setId };
  });
}

function canManage(member: Member, createdBy: string) {
  return allows(member, "comparisonSet.change", { createdBy });
}

export function listComparisonSets(member: Member) {
  requirePermission(member, "compare.use");
  return db
    .select({
      id: comparisonSets.id,
      name: comparisonSets.name,
      view: comparisonSets.view,
      caseIds: comparisonSets.caseIds,
      createdBy: comparisonSets.createdBy,
      createdByName: users.name,
      updatedAt: comparisonSets.updatedAt,
    })
    .from(comparisonSets)
    .leftJoin(users, eq(users.id, comparisonSets.createdBy))
    .where(eq(comparisonSets.workspaceId, member.workspaceId))
    .orderBy(desc(comparisonSets.updatedAt))
    .all()
    .map(({ caseIds, createdBy, ...set }) => ({
      ...set,
      // The count as saved: how many of them this reader may open is worked out when the set is opened.
      caseCount: caseIds.length,
      createdByName: set.createdByName ?? "a former member",
      canManage: canManage(member, createdBy),
    }));
}

/** A set of this workspace (404 otherwise), with who made it and whether this member may change it. */
export function getComparisonSet(member: Member, setId: string) {
  requirePermission(member, "compare.use");
  const set = db
    .select()
    .from(comparisonSets)
    .where(and(eq(comparisonSets.id, setId), eq(comparisonSets.workspaceId, member.workspaceId)))
    .get();
  if (!set) throw notFound(msg("compare.errors.setNotFound"));
  const creator = db.select({ name: users.name }).from(users).where(eq(users.id, set.createdBy)).get();
  return {
    ...set,
    createdByName: creator?.name ?? "a former member",
    canManage: canManage(member, set.createdBy),
  };
}

function findForChange(tx: Executor, member: Member, setId: string) {
  const current = requireMember(member.userId, member.workspaceId, tx);
  requirePermission(current, "compare.use");
  const set = tx
    .select({ id: comparisonSets.id, name: comparisonSets.name, createdBy: comparisonSets.createdBy })
    .from(comparisonSets)
    .where(and(eq(comparisonSets.id, setId), eq(comparisonSets.workspaceId, member.workspaceId)))
    .get();
  if (!set) throw notFound(msg("compare.errors.setNotFound"));
  if (!canManage(current, set.createdBy)) throw forbidden(msg("compare.errors.notYours"));
  return set;
}

export function renameComparisonSet(member: Member, setId: string, name: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const set = findForChange(tx, member, setId);
    tx.update(comparisonSets).set({ name, updatedAt: new Date() }).where(eq(comparisonSets.id, setId)).run();
    recordAudit(
      {
        action: "comparison_set.renamed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { setId, from: set.name, to: name },
        origin,
      },
      tx,
    );
  });
}

export function deleteComparisonSet(member: Member, setId: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const set = findForChange(tx, member, setId);
    tx.delete(comparisonSets).where(eq(comparisonSets.id, setId)).run();
    recordAudit(
      {
        action: "comparison_set.deleted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { setId, name: set.name },
        origin,
      },
      tx,
    );
    return { name: set.name };
  });
}

/** What a saved matrix set remembers of its view, read defensively: settings are free-form JSON. */
export function savedPreIds(settings: Record<string, unknown>): string[] | null {
  const pre = settings.pre;
  return Array.isArray(pre) ? pre.filter((value): value is string => typeof value === "string") : null;
}

/**
 * A set as this member opens it: the saved cases they may still read (the others counted in `missing`),
 * and for a matrix set the matrix over exactly those cases (never re-filtered) with the saved columns.
 */
export function openComparisonSet(
  member: Member,
  setId: string,
  overrides: ReturnType<typeof setViewOverrides> = {
    outcomeId: undefined,
    preIds: undefined,
    qca: undefined,
  },
) {
  const set = getComparisonSet(member, setId);
  if (set.view === "side") {
    const { cases: shown, missing } = visibleCases(member, set.caseIds);
    const scroll = set.settings.scroll === "independent" ? "independent" : "sync";
    return { set, view: "side" as const, caseIds: shown.map((c) => c.id), missing, scroll };
  }
  const outcomeId = overrides.outcomeId === undefined ? set.outcomeId : overrides.outcomeId;
  const preIds = overrides.preIds === undefined ? savedPreIds(set.settings) : overrides.preIds;
  const qca = overrides.qca ?? qcaSettingsFrom(set.settings.qca);
  const built = buildMatrix(member, set.caseIds, { columnIds: set.codeIds, outcomeId, preIds, qca });
  const changed =
    (overrides.outcomeId !== undefined && overrides.outcomeId !== set.outcomeId) ||
    overrides.preIds !== undefined ||
    (overrides.qca !== undefined &&
      JSON.stringify(overrides.qca) !== JSON.stringify(qcaSettingsFrom(set.settings.qca)));
  return { set, view: "matrix" as const, ...built, changed };
}

/** Saves what the matrix page shows: its rows (the filtered cases), columns, outcome and query. */
export function saveMatrixAsSet(member: Member, name: string, query: MatrixQuery, origin?: RequestOrigin) {
  requirePermission(member, "compare.use");
  const { matrix } = filteredMatrix(member, query);
  if (matrix.cases.length === 0)
    throw new SetRejectedError({
      name: [msg("compare.errors.noCasesLoosen")],
    });
  return createComparisonSet(
    member,
    {
      name,
      view: "matrix",
      caseIds: matrix.cases.map((c) => c.id),
      codeIds: matrix.columns.map((code) => code.id),
      outcomeId: matrix.outcome?.id ?? null,
      settings: {
        // The filters that found these cases, so a reader can see how the set was made.
        filters: matrixSearchParams({
          ...query,
          columnIds: [],
          outcomeId: null,
          preIds: null,
          qca: undefined,
        }).toString(),
        pre: query.preIds === null ? null : matrix.selectedPreIds,
        // Negations, thresholds and directional expectations: the analysis opens as it was saved.
        qca: matrix.qca,
      },
    },
    origin,
  );
}
