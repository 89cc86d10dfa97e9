CREATE TABLE `case_marks` (
	`workspace_id` text NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `case_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_marks_seq_idx` ON `case_marks` (`seq`);