// Searching a workspace (ADR 0004): cases through the FTS5 index `case_search` (or in memory for the
// versions the index does not hold), codes in memory, and the discussions of cases through
// `comment_search`. Each kind keeps the rules of who sees what: the workspace, confidential cases,
// trainers' approved versions, and discussions only for those who take part in them.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { cachedDerived } from "~/models/derived-cache.server";
import type { IndexColumns, PreparedSearch } from "~/models/search/compile";
import { highlightLeaves, type SearchableText, snippetMaker, textsMatcher } from "~/models/search/match";
import { STEMMED_LANGUAGES, type StemLanguage, stemLanguage } from "~/models/search/words";
import { db } from "~/utils/db.server";
import { can, type Member } from "~/utils/permissions.server";
import { caseSearchDocs, codes, comments, threads, users } from "../../../db/schema";

const CASE_INDEX: IndexColumns = {
  exact: ["title", "fields", "body", "sources"],
  stems: ["title_stems", "fields_stems", "body_stems", "sources_stems"],
};
// bm25 weight per column, in the table's order: title > fields > body > sources, and a word as written
// weighs twice its other forms, so exact matches rank first (ADR 0004).
const CASE_WEIGHTS = sql.raw("10.0, 5.0, 2.0, 1.0, 5.0, 2.5, 1.0, 0.5");
const COMMENT_INDEX: IndexColumns = { exact: ["body"], stems: ["body_stems"] };

/** A case's searchable texts, as the index's columns hold them. */
export type CaseDocument = { title: string; fields: string; body: string; sources: string; language: string };

const languagesOf = (tag: string): StemLanguage[] => {
  const language = stemLanguage(tag);
  return language ? [language] : [];
};

function documentTexts(document: CaseDocument): SearchableText[] {
  const languages = languagesOf(document.language);
  return [document.title, document.fields, document.body, document.sources].map((text) => ({
    text,
    languages,
  }));
}

/**
 * The cases of the workspace that match, with their bm25 rank when `ranked` (lower is better; 0 for cases
 * matched in memory, and for every case when not ranked: ranking costs more than matching). `candidates`
 * are the cases this member may see, all of this workspace and none in the trash: no other row of the
 * index is kept. `overlay` holds the versions they read that the index does not (trainers' approved
 * versions), matched in memory instead.
 */
export function matchingCases(
  search: PreparedSearch,
  candidates: ReadonlyMap<string, unknown>,
  overlay: ReadonlyMap<string, CaseDocument>,
  ranked: boolean,
): Map<string, number> {
  const hits = new Map<string, number>();
  if (!search.tree) return hits;
  const { include, exclude } = search.match(CASE_INDEX);
  const query = (match: string, rank: boolean) =>
    db.all<{ caseId: string; rank: number }>(sql`
      SELECT d.case_id AS caseId${rank ? sql`, bm25(case_search, ${CASE_WEIGHTS}) AS rank` : sql``}
      FROM case_search
      JOIN case_search_docs d ON d.id = case_search.rowid
      WHERE case_search MATCH ${match}`);
  if (include) {
    for (const row of query(include, ranked))
      if (candidates.has(row.caseId)) hits.set(row.caseId, ranked ? row.rank : 0);
  } else for (const caseId of candidates.keys()) hits.set(caseId, 0);
  if (exclude) for (const row of query(exclude, false)) hits.delete(row.caseId);
  // The index holds current drafts: for cases read in another version, match that text instead.
  if (overlay.size) {
    const matches = textsMatcher(search.tree);
    for (const [caseId, document] of overlay) {
      hits.delete(caseId);
      if (candidates.has(caseId) && matches(documentTexts(document))) hits.set(caseId, 0);
    }
  }
  return hits;
}

/** Characters of a body read for its snippet; the rest only when the match is further in. */
const BODY_HEAD = 3000;

/** The first `count` characters of a text as SQLite counts them (code points), and whether it has more. */
function firstCharacters(text: string, count: number): { head: string; cut: boolean } {
  // Fewer UTF-16 units than `count` are fewer code points too.
  if (text.length <= count) return { head: text, cut: false };
  let units = 0;
  for (let points = 0; points < count && units < text.length; points++) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return { head: text.slice(0, units), cut: units < text.length };
}

type SnippetSource = {
  title: string;
  fields: string;
  sources: string;
  languages: StemLanguage[];
  /** The body when known (an overlay's): else read from the index only if the fields do not match. */
  body: string | null;
};

const readable = (fields: string) =>
  // Fields without a value leave their separators behind ("Mali · · summary"): not for reading.
  fields.replace(/\s·(?:\s+·)+\s/gu, " · ").replace(/^\s*·\s+/u, "");

/**
 * A snippet of each case: from its fields (summary), else its body, else its sources' titles, else its title.
 * Bodies are long: one is read only when the fields do not match, and its start first (most matches come
 * early), the rest only when the match is further in.
 */
export function caseSnippets(
  search: PreparedSearch,
  caseIds: readonly string[],
  overlay: ReadonlyMap<string, CaseDocument>,
): Map<string, string> {
  const snippets = new Map<string, string>();
  const leaves = highlightLeaves(search.tree);
  if (leaves.length === 0 || caseIds.length === 0) return snippets;
  const snippetIn = snippetMaker(leaves);
  const sources = new Map<string, SnippetSource>();
  for (const caseId of caseIds) {
    const document = overlay.get(caseId);
    if (document) sources.set(caseId, { ...document, languages: languagesOf(document.language) });
  }
  const fromIndex = caseIds.filter((caseId) => !overlay.has(caseId));
  if (fromIndex.length)
    for (const row of db
      .select({
        caseId: caseSearchDocs.caseId,
        title: caseSearchDocs.title,
        fields: caseSearchDocs.fields,
        sources: caseSearchDocs.sources,
        language: caseSearchDocs.language,
      })
      .from(caseSearchDocs)
      .where(inArray(caseSearchDocs.caseId, fromIndex))
      .all())
      sources.set(row.caseId, { ...row, languages: languagesOf(row.language), body: null });

  const found = (caseId: string, text: string) => {
    const snippet = snippetIn({ text, languages: sources.get(caseId)!.languages });
    if (snippet) snippets.set(caseId, snippet);
    return Boolean(snippet);
  };
  const known = caseIds.filter((caseId) => sources.has(caseId));
  const notInFields = known.filter((caseId) => !found(caseId, readable(sources.get(caseId)!.fields)));
  // Bodies: an overlay's as it is, the index's start first, the whole body when the match is further in.
  const heads = new Map<string, { body: string; cut: boolean }>();
  const unread = notInFields.filter((caseId) => sources.get(caseId)!.body === null);
  if (unread.length)
    for (const row of db
      .select({
        caseId: caseSearchDocs.caseId,
        // One character more than the head says whether there is more (length() would count the whole body).
        head: sql<string>`substr(${caseSearchDocs.body}, 1, ${BODY_HEAD + 1})`,
      })
      .from(caseSearchDocs)
      .where(inArray(caseSearchDocs.caseId, unread))
      .all()) {
      const { head, cut } = firstCharacters(row.head, BODY_HEAD);
      // Never end on part of a word: "arm" of "armed" would match what the case does not say.
      heads.set(row.caseId, { body: cut ? head.slice(0, Math.max(0, head.lastIndexOf(" "))) : head, cut });
    }
  const notInHead = notInFields.filter(
    (caseId) => !found(caseId, sources.get(caseId)!.body ?? heads.get(caseId)?.body ?? ""),
  );
  const cut = notInHead.filter((caseId) => heads.get(caseId)?.cut);
  const bodies = new Map(
    cut.length
      ? db
          .select({ caseId: caseSearchDocs.caseId, body: caseSearchDocs.body })
          .from(caseSearchDocs)
          .where(inArray(caseSearchDocs.caseId, cut))
          .all()
          .map((row) => [row.caseId, row.body])
      : [],
  );
  for (const caseId of notInHead) {
    const source = sources.get(caseId)!;
    if (heads.get(caseId)?.cut && found(caseId, bodies.get(caseId) ?? "")) continue;
    if (!found(caseId, source.sources)) found(caseId, source.title);
  }
  return snippets;
}

// ---- Codes ------------------------------------------------------------------------------------------

type CodeText = { id: string; texts: SearchableText[] };

/** Label, labels in other languages and description of each code: read in English and French alike. */
function codeTexts(workspaceId: string): CodeText[] {
  return cachedDerived(`code-texts:${workspaceId}`, () =>
    db
      .select({
        id: codes.id,
        label: codes.label,
        labelTranslations: codes.labelTranslations,
        description: codes.description,
      })
      .from(codes)
      .where(eq(codes.workspaceId, workspaceId))
      .all()
      .map((code) => ({
        id: code.id,
        texts: [code.label, ...Object.values(code.labelTranslations), code.description]
          .filter((text): text is string => Boolean(text))
          .map((text) => ({ text, languages: STEMMED_LANGUAGES })),
      })),
  );
}

/** The codes whose label (in any language) or description matches, each with a snippet of what matched. */
export function matchingCodes(member: Member, search: PreparedSearch) {
  const tree = search.tree;
  if (!tree) return [];
  const matches = textsMatcher(tree);
  const snippetIn = snippetMaker(highlightLeaves(tree));
  return codeTexts(member.workspaceId).flatMap((code) => {
    if (!matches(code.texts)) return [];
    let snippet: string | null = null;
    for (const text of code.texts) {
      snippet = snippetIn(text);
      if (snippet) break;
    }
    return [{ id: code.id, snippet }];
  });
}

// ---- Discussions ------------------------------------------------------------------------------------

/** Threads shown per search; their comments beyond the first two matching ones are counted. */
const DISCUSSION_LIMIT = 20;
const COMMENTS_PER_THREAD = 2;

export type DiscussionHit = {
  threadId: string;
  caseId: string;
  status: "open" | "resolved";
  quote: string;
  comments: Array<{ id: string; authorName: string; createdAt: Date; snippet: string | null }>;
  more: number;
};

/**
 * Threads whose comments match, on the given cases only (those this member may see and that pass the
 * library's filters). Members who do not take part in discussions (trainers) get none (ADR 0005).
 */
export function matchingDiscussions(
  member: Member,
  search: PreparedSearch,
  caseIds: { readonly size: number; has(caseId: string): boolean },
): { threads: DiscussionHit[]; total: number } {
  if (!search.tree || !can(member, "case.comment") || caseIds.size === 0) return { threads: [], total: 0 };
  const { include, exclude } = search.match(COMMENT_INDEX);
  // A search of exclusions only would list every comment: discussions are found by what they say.
  if (!include) return { threads: [], total: 0 };
  const rows = db.all<{ commentId: string; rank: number }>(sql`
    SELECT d.comment_id AS commentId, bm25(comment_search, 2.0, 1.0) AS rank
    FROM comment_search
    JOIN comment_search_docs d ON d.id = comment_search.rowid
    WHERE comment_search MATCH ${include}
    ${exclude ? sql`AND comment_search.rowid NOT IN (SELECT rowid FROM comment_search WHERE comment_search MATCH ${exclude})` : sql``}
    ORDER BY rank
    LIMIT 2000`);
  if (rows.length === 0) return { threads: [], total: 0 };
  const rank = new Map(rows.map((row) => [row.commentId, row.rank]));
  const found = db
    .select({
      id: comments.id,
      body: comments.body,
      createdAt: comments.createdAt,
      authorName: users.name,
      threadId: threads.id,
      caseId: threads.caseId,
      status: threads.status,
      anchor: threads.anchor,
    })
    .from(comments)
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        inArray(
          comments.id,
          rows.map((row) => row.commentId),
        ),
        eq(threads.workspaceId, member.workspaceId),
        isNull(comments.deletedAt),
      ),
    )
    .all()
    .filter((comment) => caseIds.has(comment.caseId))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const byThread = new Map<string, typeof found>();
  for (const comment of found)
    byThread.set(comment.threadId, [...(byThread.get(comment.threadId) ?? []), comment]);
  const snippetIn = snippetMaker(highlightLeaves(search.tree));
  const languages = STEMMED_LANGUAGES;
  const listed = [...byThread.values()].slice(0, DISCUSSION_LIMIT).map((threadComments) => {
    const first = threadComments[0];
    return {
      threadId: first.threadId,
      caseId: first.caseId,
      status: first.status,
      quote: first.anchor.exact,
      comments: threadComments.slice(0, COMMENTS_PER_THREAD).map((comment) => ({
        id: comment.id,
        authorName: comment.authorName ?? "",
        createdAt: comment.createdAt,
        snippet: snippetIn({ text: comment.body, languages }),
      })),
      more: Math.max(0, threadComments.length - COMMENTS_PER_THREAD),
    };
  });
  return { threads: listed, total: byThread.size };
}
