-- Search that knows word forms (ADR 0004). case_search becomes a contentless FTS5 table of eight columns:
-- the four texts as written (title, fields, body, sources, accents folded) and the same four stemmed in
-- the case's language (casebook_stems(), registered on every connection by db/client.ts: Snowball English
-- or French, words tagged with their language). The texts stay in case_search_docs; snippets are cut from
-- there by the app. Comments get an index of their own (comment_search), stemmed in their case's language.
DROP TRIGGER IF EXISTS `case_search_docs_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_search_docs_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_search_docs_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `case_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `case_search` USING fts5(
  title, fields, body, sources, title_stems, fields_stems, body_stems, sources_stems,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
UPDATE `case_search_docs` SET language = coalesce((SELECT language FROM cases WHERE cases.id = case_search_docs.case_id), 'en');
--> statement-breakpoint
INSERT INTO case_search(rowid, title, fields, body, sources, title_stems, fields_stems, body_stems, sources_stems)
SELECT id, title, fields, body, sources,
  casebook_stems(title, language), casebook_stems(fields, language), casebook_stems(body, language), casebook_stems(sources, language)
FROM case_search_docs;
--> statement-breakpoint
CREATE TRIGGER `case_search_docs_ai` AFTER INSERT ON `case_search_docs` BEGIN
  INSERT INTO case_search(rowid, title, fields, body, sources, title_stems, fields_stems, body_stems, sources_stems)
  VALUES (new.id, new.title, new.fields, new.body, new.sources,
    casebook_stems(new.title, new.language), casebook_stems(new.fields, new.language),
    casebook_stems(new.body, new.language), casebook_stems(new.sources, new.language));
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_docs_ad` AFTER DELETE ON `case_search_docs` BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;
--> statement-breakpoint
-- A citation written without changing the case's list of source titles leaves the index alone.
CREATE TRIGGER `case_search_docs_au` AFTER UPDATE ON `case_search_docs`
WHEN old.title IS NOT new.title OR old.fields IS NOT new.fields OR old.body IS NOT new.body
  OR old.sources IS NOT new.sources OR old.language IS NOT new.language
BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
  INSERT INTO case_search(rowid, title, fields, body, sources, title_stems, fields_stems, body_stems, sources_stems)
  VALUES (new.id, new.title, new.fields, new.body, new.sources,
    casebook_stems(new.title, new.language), casebook_stems(new.fields, new.language),
    casebook_stems(new.body, new.language), casebook_stems(new.sources, new.language));
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `cases_search_ai` AFTER INSERT ON `cases` BEGIN
  INSERT INTO case_search_docs(case_id, title, fields, body, sources, language) VALUES (
    new.id,
    new.title,
    coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.regions)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.actors)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.mediators)), '') || ' · ' || new.summary,
    new.body_text,
    '',
    new.language
  );
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_search_au`;
--> statement-breakpoint
CREATE TRIGGER `cases_search_au` AFTER UPDATE OF title, regions, actors, mediators, summary, body_text, language ON `cases` BEGIN
  UPDATE case_search_docs SET
    title = new.title,
    fields = coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.regions)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.actors)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.mediators)), '') || ' · ' || new.summary,
    body = new.body_text,
    language = new.language
  WHERE case_id = new.id;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `comment_search` USING fts5(
  body, body_stems,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
INSERT INTO comment_search_docs(comment_id) SELECT id FROM comments WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO comment_search(rowid, body, body_stems)
SELECT d.id, cm.body, casebook_stems(cm.body, c.language)
FROM comment_search_docs d
JOIN comments cm ON cm.id = d.comment_id
JOIN threads t ON t.id = cm.thread_id
JOIN cases c ON c.id = t.case_id;
--> statement-breakpoint
CREATE TRIGGER `comment_search_docs_ad` AFTER DELETE ON `comment_search_docs` BEGIN
  DELETE FROM comment_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO comment_search_docs(comment_id) VALUES (new.id);
  INSERT INTO comment_search(rowid, body, body_stems)
  SELECT d.id, new.body, casebook_stems(new.body, c.language)
  FROM comment_search_docs d, threads t JOIN cases c ON c.id = t.case_id
  WHERE d.comment_id = new.id AND t.id = new.thread_id;
END;
--> statement-breakpoint
-- An edit re-indexes the comment; a deleted comment (body emptied, deleted_at set) leaves the index.
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF body, deleted_at ON `comments` BEGIN
  DELETE FROM comment_search_docs WHERE comment_id = old.id;
  INSERT INTO comment_search_docs(comment_id) SELECT new.id WHERE new.deleted_at IS NULL;
  INSERT INTO comment_search(rowid, body, body_stems)
  SELECT d.id, new.body, casebook_stems(new.body, c.language)
  FROM comment_search_docs d, threads t JOIN cases c ON c.id = t.case_id
  WHERE d.comment_id = new.id AND t.id = new.thread_id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
-- Comments are stemmed in their case's language: a case changing language re-stems its discussion.
CREATE TRIGGER `cases_comment_search_language` AFTER UPDATE OF language ON `cases`
WHEN old.language IS NOT new.language
BEGIN
  DELETE FROM comment_search WHERE rowid IN (
    SELECT d.id FROM comment_search_docs d
    JOIN comments cm ON cm.id = d.comment_id JOIN threads t ON t.id = cm.thread_id
    WHERE t.case_id = new.id
  );
  INSERT INTO comment_search(rowid, body, body_stems)
  SELECT d.id, cm.body, casebook_stems(cm.body, new.language)
  FROM comment_search_docs d
  JOIN comments cm ON cm.id = d.comment_id JOIN threads t ON t.id = cm.thread_id
  WHERE t.case_id = new.id;
END;
