CREATE TABLE `comparison_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`view` text NOT NULL,
	`case_ids` text NOT NULL,
	`code_ids` text NOT NULL,
	`outcome_id` text,
	`settings` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comparison_sets_workspace_idx` ON `comparison_sets` (`workspace_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `approved_revision` integer;--> statement-breakpoint
UPDATE `cases` SET `approved_revision` = `revision` WHERE `status` = 'approved';
