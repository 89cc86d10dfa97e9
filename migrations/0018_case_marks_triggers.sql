-- case_marks (db/schema.ts): every write to a case or to the rows it owns marks the case, in the same
-- transaction, so in-memory data derived from a workspace's cases can patch the marked cases only. A mark is
-- moved (UPDATE) or added (INSERT ... WHERE NOT EXISTS) rather than upserted: a conflict clause in a trigger
-- gives way to the one of the statement that fired it. Its number is above every other, so a reader that
-- has seen up to N never misses a change.
CREATE TRIGGER `case_marks_cases_insert` AFTER INSERT ON `cases` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = new.workspace_id AND case_id = new.id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT new.workspace_id, new.id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = new.workspace_id AND case_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_cases_update` AFTER UPDATE ON `cases` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = old.workspace_id AND case_id = old.id AND old.workspace_id IS NOT new.workspace_id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT old.workspace_id, old.id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = old.workspace_id AND case_id = old.id) AND old.workspace_id IS NOT new.workspace_id;
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = new.workspace_id AND case_id = new.id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT new.workspace_id, new.id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = new.workspace_id AND case_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_cases_delete` AFTER DELETE ON `cases` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = old.workspace_id AND case_id = old.id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT old.workspace_id, old.id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = old.workspace_id AND case_id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_passages_insert` AFTER INSERT ON `passages` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_passages_update` AFTER UPDATE ON `passages` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id) AND old.case_id IS NOT new.case_id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id AND old.case_id IS NOT new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_passages_delete` AFTER DELETE ON `passages` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_conditions_insert` AFTER INSERT ON `case_conditions` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_conditions_update` AFTER UPDATE ON `case_conditions` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id) AND old.case_id IS NOT new.case_id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id AND old.case_id IS NOT new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_conditions_delete` AFTER DELETE ON `case_conditions` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_events_insert` AFTER INSERT ON `case_events` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_events_update` AFTER UPDATE ON `case_events` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id) AND old.case_id IS NOT new.case_id;
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id AND old.case_id IS NOT new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = new.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = new.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_case_events_delete` AFTER DELETE ON `case_events` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE (workspace_id, case_id) = (SELECT workspace_id, id FROM cases WHERE id = old.case_id);
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT workspace_id, id, (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) FROM cases
    WHERE id = old.case_id
      AND NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = cases.workspace_id AND m.case_id = cases.id);
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_sources_insert` AFTER INSERT ON `sources` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = new.workspace_id AND case_id = '';
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT new.workspace_id, '', (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = new.workspace_id AND case_id = '');
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_sources_update` AFTER UPDATE ON `sources` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = new.workspace_id AND case_id = '';
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT new.workspace_id, '', (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = new.workspace_id AND case_id = '');
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_sources_delete` AFTER DELETE ON `sources` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = old.workspace_id AND case_id = '';
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT old.workspace_id, '', (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = old.workspace_id AND case_id = '');
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_codes_delete` AFTER DELETE ON `codes` BEGIN
  UPDATE case_marks SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM case_marks) WHERE workspace_id = old.workspace_id AND case_id = '';
  INSERT INTO case_marks (workspace_id, case_id, seq) SELECT old.workspace_id, '', (SELECT coalesce(max(seq), 0) + 1 FROM case_marks)
    WHERE NOT EXISTS (SELECT 1 FROM case_marks WHERE workspace_id = old.workspace_id AND case_id = '');
END;
--> statement-breakpoint
CREATE TRIGGER `case_marks_users_name` AFTER UPDATE OF name ON `users` WHEN old.name IS NOT new.name BEGIN
  -- Every workspace at once. The numbers stay distinct and above every other however SQLite evaluates the
  -- subqueries (once, or again for each row).
  UPDATE case_marks SET seq = seq + (SELECT max(seq) FROM case_marks) WHERE case_id = '';
  INSERT INTO case_marks (workspace_id, case_id, seq)
    SELECT w.id, '', (SELECT coalesce(max(seq), 0) FROM case_marks) + row_number() OVER (ORDER BY w.id) FROM workspaces w
    WHERE NOT EXISTS (SELECT 1 FROM case_marks m WHERE m.workspace_id = w.id AND m.case_id = '');
END;
