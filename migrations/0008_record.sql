CREATE TABLE `actor_affiliations` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text NOT NULL,
	`group_id` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`start_year` integer,
	`start_circa` integer DEFAULT false NOT NULL,
	`end_year` integer,
	`end_circa` integer DEFAULT false NOT NULL,
	`wording` text DEFAULT '' NOT NULL,
	`source_id` text,
	`locator` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `actor_affiliations_actor_idx` ON `actor_affiliations` (`actor_id`);--> statement-breakpoint
CREATE INDEX `actor_affiliations_group_idx` ON `actor_affiliations` (`group_id`);--> statement-breakpoint
CREATE TABLE `actor_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`key` text NOT NULL,
	`language` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actor_names_key_idx` ON `actor_names` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `actor_names_actor_idx` ON `actor_names` (`actor_id`);--> statement-breakpoint
CREATE TABLE `actors` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'unspecified' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actors_workspace_idx` ON `actors` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`case_id` text PRIMARY KEY NOT NULL,
	`events` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_links` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`from_case_id` text NOT NULL,
	`to_case_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_links_from_idx` ON `case_links` (`from_case_id`);--> statement-breakpoint
CREATE INDEX `case_links_to_idx` ON `case_links` (`to_case_id`);--> statement-breakpoint
CREATE INDEX `case_links_workspace_idx` ON `case_links` (`workspace_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `dialogue_type` text;--> statement-breakpoint
ALTER TABLE `codes` ADD `short_name` text;--> statement-breakpoint
ALTER TABLE `codes` ADD `when_present` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `codes` ADD `when_absent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `codes` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `codes` ADD `example_case_id` text;--> statement-breakpoint
ALTER TABLE `codes` ADD `example_quote` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `codes_short_name_idx` ON `codes` (`workspace_id`,`short_name`);--> statement-breakpoint
ALTER TABLE `threads` ADD `event_id` text;