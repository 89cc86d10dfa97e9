CREATE TABLE `comment_search_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` text NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_search_docs_comment_id_unique` ON `comment_search_docs` (`comment_id`);--> statement-breakpoint
CREATE TABLE `spelling_variant_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`origin` text DEFAULT 'list' NOT NULL,
	`origin_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `spelling_variant_groups_workspace_idx` ON `spelling_variant_groups` (`workspace_id`,`origin`);--> statement-breakpoint
CREATE TABLE `spelling_variants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`spelling` text NOT NULL,
	`key` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `spelling_variant_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `spelling_variants_workspace_idx` ON `spelling_variants` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `spelling_variants_group_idx` ON `spelling_variants` (`group_id`);--> statement-breakpoint
ALTER TABLE `case_search_docs` ADD `language` text DEFAULT 'en' NOT NULL;