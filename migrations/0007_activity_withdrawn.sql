-- A withdrawn review was recorded as a "submitted" entry marked withdrawn; it gets its own kind.
UPDATE case_activity SET kind = 'withdrawn', detail = json_remove(detail, '$.withdrawn')
WHERE kind = 'submitted' AND json_extract(detail, '$.withdrawn') = 1;
--> statement-breakpoint
-- Revision notes the app wrote in English become catalogue messages, shown in the reader's language.
UPDATE case_revisions SET note = 'history.notes.created' WHERE note = 'Created';
--> statement-breakpoint
UPDATE case_revisions SET note = 'history.notes.fieldsEdited' WHERE note = 'Fields edited';
--> statement-breakpoint
UPDATE case_revisions
SET note = 'history.notes.restoredFrom|{"number":' || substr(note, length('Restored from revision ') + 1) || '}'
WHERE note GLOB 'Restored from revision [0-9]*' AND substr(note, length('Restored from revision ') + 1) NOT GLOB '*[^0-9]*';
