CREATE TABLE `quality_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`as_of` text NOT NULL,
	`rule_version` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`basis` text NOT NULL,
	`audit_head` integer NOT NULL,
	`scores` text NOT NULL,
	`computed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_scores_uq` ON `quality_scores` (`year`,`as_of`,`rule_version`,`unit_id`);