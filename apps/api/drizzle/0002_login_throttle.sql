CREATE TABLE `login_throttle` (
	`username` text NOT NULL,
	`client` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`blocks` integer DEFAULT 0 NOT NULL,
	`blocked_until` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`username`, `client`)
);
--> statement-breakpoint
CREATE INDEX `login_throttle_updated_idx` ON `login_throttle` (`updated_at`);