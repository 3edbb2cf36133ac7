CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`original_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_name` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_record_idx` ON `attachments` (`record_type`,`record_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_uq` ON `attachments` (`stored_name`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`present` integer NOT NULL,
	`absence_reason` text,
	`absence_note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendance_uq` ON `meeting_attendance` (`meeting_id`,`member_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `host_member_id` integer REFERENCES members(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `recorder_member_id` integer REFERENCES members(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes` text;