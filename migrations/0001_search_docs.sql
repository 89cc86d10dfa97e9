CREATE TABLE `case_search_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`title` text NOT NULL,
	`fields` text NOT NULL,
	`body` text NOT NULL,
	`sources` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_search_docs_case_id_unique` ON `case_search_docs` (`case_id`);