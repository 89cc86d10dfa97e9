CREATE TABLE `case_access` (
	`case_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`case_id`, `user_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_access_user_idx` ON `case_access` (`user_id`);--> statement-breakpoint
CREATE TABLE `case_documents` (
	`case_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `confidential` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_list_idx` ON `cases` (`workspace_id`,`deleted_at`,`confidential`,`revision`,`approved_revision`,`updated_at`,`created_by`,`language`);--> statement-breakpoint
ALTER TABLE `codes` ADD `label_translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text;