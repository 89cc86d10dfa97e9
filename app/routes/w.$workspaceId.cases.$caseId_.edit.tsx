import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  type ClientActionFunctionArgs,
  isRouteErrorResponse,
  Link,
  type ShouldRevalidateFunction,
  useLoaderData,
} from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ZodError, z } from "zod";
import { CaseEditor, type EditorActionResult } from "~/components/case-editor/case-editor";
import { caretColor } from "~/components/case-editor/collab";
import { describeSource, parseSourceForm, sourceFieldErrors } from "~/components/case-editor/source-form";
import { StatusBadge } from "~/components/case-labels";
import { isDocumentTooLarge, MAX_DOCUMENT_BYTES } from "~/editor";
import { requestOrigin } from "~/models/audit.server";
import { recordConfidentialOpened } from "~/models/case-access.server";
import { DocumentRejectedError, getCase, StaleRevisionError, saveCaseBody } from "~/models/cases.server";
import { listCodes } from "~/models/codes.server";
import { createSource, listSources } from "~/models/sources.server";
import { listMembers } from "~/models/workspaces.server";
import editorStyles from "~/styles/editor.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { type Member, requirePermission } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";

export const links = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, user } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseStudy = getCase(member, requireId(params, "caseId"));
  recordConfidentialOpened(member, caseStudy, requestOrigin(request));
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("editor.page.metaTitle", { title: caseStudy.title }) }),
    user: { id: user.id, name: user.name, color: caretColor(user.id) },
    workspaceId: member.workspaceId,
    caseId: caseStudy.id,
    title: caseStudy.title,
    language: caseStudy.language,
    status: caseStudy.status,
    codes: listCodes(member),
    sources: listSources(member).map((source) => ({
      id: source.id,
      title: source.title,
      detail: describeSource(source.csl),
    })),
  };
}

const saveSchema = z.object({
  baseRevision: z.number().int().positive(),
  doc: z.unknown(),
});

/** The body is read as text first so that an oversized document is refused before it is parsed. */
async function saveBody(member: Member, caseId: string, request: Request) {
  const text = await request.text();
  if (isDocumentTooLarge(text)) {
    const limit = MAX_DOCUMENT_BYTES / (1024 * 1024);
    return data(
      {
        kind: "rejected" as const,
        errors: [msg("editor.save.tooLarge", { limit })],
      },
      { status: 413 },
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return data({ kind: "rejected" as const, errors: [msg("editor.save.notJson")] }, { status: 400 });
  }
  const parsed = saveSchema.safeParse(payload);
  if (!parsed.success || parsed.data.doc === undefined) {
    return data(
      {
        kind: "rejected" as const,
        errors: [msg("editor.save.missingRevision")],
      },
      { status: 400 },
    );
  }
  try {
    const saved = saveCaseBody(member, caseId, {
      baseRevision: parsed.data.baseRevision,
      doc: parsed.data.doc,
    });
    return { kind: "saved" as const, revision: saved.revision, savedAt: saved.savedAt.toISOString() };
  } catch (error) {
    if (error instanceof DocumentRejectedError) {
      return data(
        { kind: "rejected" as const, errors: error.errors },
        { status: error.tooLarge ? 413 : 400 },
      );
    }
    if (error instanceof StaleRevisionError) {
      // The editor keeps the person's text and shows theirs next to it: send the current version.
      const current = getCase(member, caseId);
      const author = listMembers(member).find((person) => person.userId === current.updatedBy);
      return data(
        {
          kind: "conflict" as const,
          revision: current.revision,
          doc: current.body,
          savedBy:
            current.updatedBy === member.userId
              ? msg("editor.save.savedByYou")
              : (author?.name ?? msg("editor.save.formerMember")),
          savedAt: current.updatedAt.toISOString(),
        },
        { status: 409 },
      );
    }
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  if (request.headers.get("Content-Type")?.includes("application/json")) {
    return saveBody(member, caseId, request);
  }
  const formData = await request.formData();
  if (formData.get("intent") !== "createSource") {
    throw new Refusal(400, msg("editor.save.unknownAction"));
  }
  getCase(member, caseId);
  const parsed = parseSourceForm(formData);
  if (!parsed.ok) return data({ kind: "sourceRejected" as const, errors: parsed.errors }, { status: 400 });
  try {
    const { id } = createSource(member, parsed.csl);
    return {
      kind: "sourceCreated" as const,
      source: { id, title: parsed.csl.title, detail: describeSource(parsed.csl) },
    };
  } catch (error) {
    if (error instanceof ZodError) {
      return data({ kind: "sourceRejected" as const, errors: sourceFieldErrors(error) }, { status: 400 });
    }
    throw error;
  }
}

/**
 * Runs in the browser around the server action: a lost connection or an expired session must not
 * replace the editor with an error page, so every failure comes back as a result the editor shows.
 */
export async function clientAction({ serverAction }: ClientActionFunctionArgs): Promise<EditorActionResult> {
  try {
    return (await serverAction<typeof action>()) as EditorActionResult;
  } catch (error) {
    if (isRouteErrorResponse(error)) {
      const message =
        typeof error.data === "object" && error.data && "message" in error.data
          ? String(error.data.message)
          : error.statusText || msg("editor.save.serverAnswered", { status: error.status });
      return { kind: "failed", status: error.status, message };
    }
    if (error instanceof Response) {
      return {
        kind: "failed",
        status: error.status,
        message: msg("editor.save.signedOut"),
      };
    }
    // fetch() rejects with a TypeError when the request never reached the server.
    if (!navigator.onLine || error instanceof TypeError) return { kind: "offline" };
    return {
      kind: "failed",
      status: 500,
      message: msg("editor.save.serverError"),
    };
  }
}

// Saves answer with their own result; re-reading the case after each one would only cost bandwidth.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formEncType, defaultShouldRevalidate }) =>
  formEncType === "application/json" ? false : defaultShouldRevalidate;

export default function EditCaseText() {
  const { workspaceId, caseId, title, status, user, language, codes, sources } =
    useLoaderData<typeof loader>();
  // Stable across revalidations, so the co-editing session is not reopened.
  const { id: userId, name: userName, color: userColor } = user;
  const self = useMemo(
    () => ({ id: userId, name: userName, color: userColor }),
    [userId, userName, userColor],
  );
  const { t } = useTranslation();
  const caseUrl = `/w/${workspaceId}/cases/${caseId}`;
  return (
    <main id="main" className="page editor-page">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={caseUrl}>{t("editor.page.back")}</Link>
      </nav>
      <div className="editor-page-heading">
        <p className="eyebrow">{t("editor.page.eyebrow")}</p>
        <h1>{title}</h1>
        {status === "approved" ? (
          <p className="editor-notice">
            <StatusBadge status={status} /> {t("editor.page.approvedNotice")}
          </p>
        ) : status === "in_review" ? (
          <p className="editor-notice">
            <StatusBadge status={status} /> {t("editor.page.inReviewNotice")}
          </p>
        ) : null}
      </div>
      <CaseEditor
        key={caseId}
        caseId={caseId}
        workspaceId={workspaceId}
        actionUrl={`${caseUrl}/edit`}
        user={self}
        language={language}
        codes={codes}
        sources={sources}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
