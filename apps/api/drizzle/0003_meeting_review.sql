ALTER TABLE `members` ADD `party_standing` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `lost_contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `floating` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `review_status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `review_reason` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `reviewed_by` text;