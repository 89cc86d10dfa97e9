CREATE TABLE `trusted_devices` (
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer NOT NULL,
	PRIMARY KEY(`token_hash`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trusted_devices_user_idx` ON `trusted_devices` (`user_id`);--> statement-breakpoint
ALTER TABLE `case_revisions` ADD `claimed_author` text;--> statement-breakpoint
ALTER TABLE `codes` ADD `description_translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `claimed_author` text;--> statement-breakpoint
ALTER TABLE `sign_in_attempts` ADD `kind` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE `sign_in_attempts` ADD `device` text;--> statement-breakpoint
CREATE INDEX `sign_in_attempts_pair_idx` ON `sign_in_attempts` (`email`,`ip`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_device_idx` ON `sign_in_attempts` (`device`,`at`);--> statement-breakpoint
ALTER TABLE `users` ADD `last_workspace_id` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `default_locale` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `review_by_someone_else` integer DEFAULT true NOT NULL;