ALTER TABLE `recruits` ADD `stopped_date` text;--> statement-breakpoint
ALTER TABLE `recruits` ADD `stop_reason` text;