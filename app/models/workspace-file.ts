// The workspace export file (format "mediation-casebook/workspace", version 1): what a file must hold to be
// imported, and where in it a problem is, in words the reader's catalogue has. Written by
// workspace-export.server.ts, read by workspace-import.server.ts.
//
// Ids: the file keeps the workspace's own ids, so the codeId/sourceId of tags and citations inside bodies
// match the codes and sources listed. An import gives everything new ids and rewrites the marks.
// People: members are listed for reference only. An import adds nobody to the new workspace: what others
// wrote (revisions, comments) is kept under the importer's name with "Originally by …" in the text.
import { z } from "zod";
import {
  CASE_STATUSES,
  CODE_KINDS,
  CONDITION_VALUES,
  LOCALES,
  type Locale,
  THREAD_STATUSES,
} from "~/models/domain";
import {
  CASE_REGION_MAX,
  CASE_REGIONS_MAX,
  CASE_SUMMARY_MAX,
  CASE_TITLE_MAX,
  CODE_DESCRIPTION_MAX,
  CODE_LABEL_MAX,
  WORKSPACE_NAME_MAX,
} from "~/rules/limits";
import { asMessage, type Message, msg } from "~/utils/messages";
import { Refusal } from "~/utils/refusal";

export const WORKSPACE_FORMAT = "mediation-casebook/workspace";
export const WORKSPACE_FORMAT_VERSION = 1;
/** Largest file the import page accepts. */
export { MAX_WORKSPACE_IMPORT_BYTES } from "~/utils/upload-limits";
export const MAX_WORKSPACE_NAME = WORKSPACE_NAME_MAX;

const fileId = z
  .string({ error: msg("exports.import.issues.notId") })
  .min(1, msg("exports.import.issues.notId"))
  .max(200, msg("exports.import.issues.notId"));
const date = z
  .union([z.string(), z.number()], { error: msg("exports.import.issues.notDate") })
  .transform((value, ctx) => {
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) {
      ctx.addIssue({ code: "custom", message: msg("exports.import.issues.notDate") });
      return z.NEVER;
    }
    return parsed;
  });
const person = z
  .object({ name: z.string().max(300).catch(""), email: z.string().max(320).catch("") })
  .nullable()
  .optional()
  .catch(null)
  .transform((value) => value ?? null);
const text = (max: number) =>
  z
    .string({ error: msg("exports.import.issues.notText") })
    .max(max, msg("exports.import.issues.tooLong", { max }));
const lines = (max: number, each: number) =>
  z.array(text(each)).max(max, msg("exports.import.issues.tooMany", { max }));
const year = z.number().int().min(-9999).max(9999).nullable();

const fieldsShape = {
  title: text(CASE_TITLE_MAX).trim().min(1, msg("exports.import.issues.empty")),
  regions: lines(CASE_REGIONS_MAX, CASE_REGION_MAX),
  periodStart: year,
  periodStartCirca: z.boolean(),
  periodEnd: year,
  periodEndCirca: z.boolean(),
  actors: lines(50, 300),
  mediators: lines(50, 300),
  summary: text(CASE_SUMMARY_MAX),
};

/** A revision's fields snapshot: whatever is missing or odd falls back to empty, as the history view does. */
const snapshot = z
  .object({
    title: z.string().catch(""),
    regions: z.array(z.string()).catch([]),
    periodStart: z.number().int().nullable().catch(null),
    periodStartCirca: z.boolean().catch(false),
    periodEnd: z.number().int().nullable().catch(null),
    periodEndCirca: z.boolean().catch(false),
    actors: z.array(z.string()).catch([]),
    mediators: z.array(z.string()).catch([]),
    summary: z.string().catch(""),
  })
  .catch({
    title: "",
    regions: [],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: [],
    mediators: [],
    summary: "",
  });

const anchor = z.object({
  exact: text(5000),
  prefix: text(500),
  suffix: text(500),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  section: text(300).optional(),
});

const caseRecord = z.object({
  id: fileId,
  ...fieldsShape,
  status: z.enum(CASE_STATUSES),
  revision: z.number().int().min(1),
  approvedRevision: z.number().int().min(1).nullable(),
  trashed: z.boolean().optional().default(false),
  createdAt: date,
  updatedAt: date,
  body: z.unknown(),
  revisions: z
    .array(
      z.object({
        number: z.number().int().min(1),
        baseNumber: z.number().int().min(1).nullable().optional().default(null),
        note: text(2000).optional().default(""),
        fields: snapshot,
        body: z.unknown(),
        author: person,
        createdAt: date,
      }),
    )
    .min(1, msg("exports.import.issues.noRevision")),
  conditions: z
    .array(
      z.object({
        codeId: fileId,
        value: z.enum(CONDITION_VALUES),
        note: text(1000).optional().default(""),
        setBy: person,
        setAt: date,
      }),
    )
    .optional()
    .default([]),
  threads: z
    .array(
      z.object({
        anchor,
        revision: z.number().int().min(1),
        status: z.enum(THREAD_STATUSES),
        author: person,
        createdAt: date,
        resolvedAt: date.nullable().optional().default(null),
        comments: z.array(
          z.object({
            authorName: text(300).optional().default(""),
            authorEmail: text(320).optional().default(""),
            body: text(10_000),
            createdAt: date,
            editedAt: date.nullable().optional().default(null),
          }),
        ),
      }),
    )
    .optional()
    .default([]),
});

const workspaceFile = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_FORMAT_VERSION),
  exportedAt: date.optional(),
  workspace: z.object({ name: text(MAX_WORKSPACE_NAME).trim().min(1, msg("exports.import.issues.empty")) }),
  // Listed for reference only: nobody is added to the new workspace.
  members: z.array(z.unknown()).optional().default([]),
  codes: z.array(
    z.object({
      id: fileId,
      kind: z.enum(CODE_KINDS),
      label: text(CODE_LABEL_MAX).trim().min(1, msg("exports.import.issues.empty")),
      // The label in other interface languages; files exported before it existed have none.
      labelTranslations: z
        .object({ fr: text(CODE_LABEL_MAX).optional(), en: text(CODE_LABEL_MAX).optional() })
        .optional()
        .default({})
        .transform((translations) => {
          const kept: Partial<Record<Locale, string>> = {};
          for (const locale of LOCALES) {
            const value = translations[locale]?.trim();
            if (value) kept[locale] = value;
          }
          return kept;
        }),
      description: text(CODE_DESCRIPTION_MAX).optional().default(""),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, msg("exports.import.issues.notColour")),
      parentId: fileId.nullable().optional().default(null),
    }),
  ),
  sources: z.array(z.object({ id: fileId, csl: z.record(z.string(), z.unknown()) })),
  cases: z.array(caseRecord),
});

export type WorkspaceFile = z.output<typeof workspaceFile>;

/** A file that cannot be imported; nothing was written. The messages say what is wrong and where. */
export class WorkspaceImportError extends Refusal {
  constructor(public problems: Message[]) {
    super(400, problems[0] ?? msg("exports.import.cannotImport"));
  }
}

/** Where in the file a problem is: "Case 3 “Ségou” (revisions › 2):", in the reader's language. */
export function problemPlace(path: ReadonlyArray<PropertyKey>, file: unknown): Message {
  const [section, index, ...rest] = path;
  const inList = typeof index === "number" && ["cases", "codes", "sources"].includes(String(section));
  const tail = (inList ? rest : path)
    .map((part) => (typeof part === "number" ? String(part + 1) : String(part)))
    .join(" › ");
  if (!inList) return msg("exports.import.where.file", { path: tail || "—" });
  const list = (file as Record<string, unknown>)?.[String(section)];
  const item = Array.isArray(list)
    ? (list[index as number] as Record<string, unknown> | undefined)
    : undefined;
  const name =
    typeof item?.title === "string" ? item.title : typeof item?.label === "string" ? item.label : "";
  const key =
    section === "cases"
      ? "exports.import.where.case"
      : section === "codes"
        ? "exports.import.where.code"
        : "exports.import.where.source";
  return msg(key, {
    n: (index as number) + 1,
    path: tail || "—",
    ...(name ? { context: "named", name: name.slice(0, 60) } : {}),
  });
}

/** Reads the file: JSON, then format and version, then the schema. Throws WorkspaceImportError. */
export function parseWorkspaceFile(textContent: string): WorkspaceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch {
    throw new WorkspaceImportError([msg("exports.import.notJson")]);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== "object" || head === null || Array.isArray(head) || head.format !== WORKSPACE_FORMAT) {
    throw new WorkspaceImportError([msg("exports.import.notAnExport", { format: WORKSPACE_FORMAT })]);
  }
  if (head.version !== WORKSPACE_FORMAT_VERSION) {
    throw new WorkspaceImportError([
      msg("exports.import.wrongVersion", {
        version: String(JSON.stringify(head.version)),
        expected: WORKSPACE_FORMAT_VERSION,
      }),
    ]);
  }
  const parsed = workspaceFile.safeParse(raw);
  if (!parsed.success) {
    // Each problem is where it is, then what is wrong (zod's own wording is replaced by a generic message).
    const problems = parsed.error.issues
      .slice(0, 5)
      .flatMap((issue) => [
        problemPlace(issue.path, raw),
        asMessage(issue.message, msg("exports.import.issues.invalid")),
      ]);
    if (parsed.error.issues.length > 5)
      problems.push(msg("exports.import.moreProblems", { count: parsed.error.issues.length - 5 }));
    throw new WorkspaceImportError(problems);
  }
  return parsed.data;
}
