-- Every revision keeps the case's events and dialogue type in its fields snapshot (ADR 0013). Write paths
-- that build the snapshot from the case row (body saves, co-editing, code merges) do not carry them: the
-- trigger adds them from the case as it is when the revision is written. Snapshots that carry them (event
-- edits, restores, imports) are left as written.
CREATE TRIGGER `case_revisions_snapshot_events` AFTER INSERT ON `case_revisions`
WHEN json_type(NEW.fields, '$.events') IS NULL OR json_type(NEW.fields, '$.dialogueType') IS NULL
BEGIN
  UPDATE `case_revisions`
  SET fields = json_insert(
    fields,
    '$.events', json(coalesce((SELECT events FROM `case_events` WHERE case_id = NEW.case_id), '[]')),
    '$.dialogueType', (SELECT dialogue_type FROM `cases` WHERE id = NEW.case_id)
  )
  WHERE id = NEW.id;
END;
