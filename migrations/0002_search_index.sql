-- Full-text search over cases (ADR 0004). case_search_docs holds the text; case_search is an FTS5 index
-- over it (external content). Triggers keep both in step with cases, citations and sources, inside the
-- transaction of whatever write changed them. remove_diacritics folds accents: "Segou" finds "Ségou".
CREATE VIRTUAL TABLE `case_search` USING fts5(
  title, fields, body, sources,
  content='case_search_docs', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `case_search_docs_ai` AFTER INSERT ON `case_search_docs` BEGIN
  INSERT INTO case_search(rowid, title, fields, body, sources) VALUES (new.id, new.title, new.fields, new.body, new.sources);
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_docs_ad` AFTER DELETE ON `case_search_docs` BEGIN
  INSERT INTO case_search(case_search, rowid, title, fields, body, sources) VALUES ('delete', old.id, old.title, old.fields, old.body, old.sources);
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_docs_au` AFTER UPDATE ON `case_search_docs` BEGIN
  INSERT INTO case_search(case_search, rowid, title, fields, body, sources) VALUES ('delete', old.id, old.title, old.fields, old.body, old.sources);
  INSERT INTO case_search(rowid, title, fields, body, sources) VALUES (new.id, new.title, new.fields, new.body, new.sources);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_ai` AFTER INSERT ON `cases` BEGIN
  INSERT INTO case_search_docs(case_id, title, fields, body, sources) VALUES (
    new.id,
    new.title,
    coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.regions)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.actors)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.mediators)), '') || ' · ' || new.summary,
    new.body_text,
    ''
  );
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_au` AFTER UPDATE OF title, regions, actors, mediators, summary, body_text ON `cases` BEGIN
  UPDATE case_search_docs SET
    title = new.title,
    fields = coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.regions)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.actors)), '') || ' · ' ||
      coalesce((SELECT group_concat(value, ' · ') FROM json_each(new.mediators)), '') || ' · ' || new.summary,
    body = new.body_text
  WHERE case_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `citations_search_ai` AFTER INSERT ON `citations` BEGIN
  UPDATE case_search_docs SET sources = coalesce((
    SELECT group_concat(title, ' · ') FROM (SELECT DISTINCT s.title AS title FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.case_id = new.case_id)
  ), '') WHERE case_id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `citations_search_ad` AFTER DELETE ON `citations` BEGIN
  UPDATE case_search_docs SET sources = coalesce((
    SELECT group_concat(title, ' · ') FROM (SELECT DISTINCT s.title AS title FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.case_id = old.case_id)
  ), '') WHERE case_id = old.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_au` AFTER UPDATE OF title ON `sources` BEGIN
  UPDATE case_search_docs SET sources = coalesce((
    SELECT group_concat(title, ' · ') FROM (SELECT DISTINCT s.title AS title FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.case_id = case_search_docs.case_id)
  ), '') WHERE case_id IN (SELECT case_id FROM citations WHERE source_id = new.id);
END;
--> statement-breakpoint
-- Index the cases that already exist.
INSERT INTO case_search_docs(case_id, title, fields, body, sources)
SELECT
  c.id,
  c.title,
  coalesce((SELECT group_concat(value, ' · ') FROM json_each(c.regions)), '') || ' · ' ||
    coalesce((SELECT group_concat(value, ' · ') FROM json_each(c.actors)), '') || ' · ' ||
    coalesce((SELECT group_concat(value, ' · ') FROM json_each(c.mediators)), '') || ' · ' || c.summary,
  c.body_text,
  coalesce((SELECT group_concat(title, ' · ') FROM (SELECT DISTINCT s.title AS title FROM citations ci JOIN sources s ON s.id = ci.source_id WHERE ci.case_id = c.id)), '')
FROM cases c;
