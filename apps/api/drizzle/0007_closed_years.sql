CREATE TABLE `closed_year_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`facts` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closed_year_units_uq` ON `closed_year_units` (`year`,`unit_id`);--> statement-breakpoint
CREATE TABLE `closed_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`rule_set_version` integer NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closed_years_year_uq` ON `closed_years` (`year`);