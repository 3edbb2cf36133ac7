-- Foreign keys may be deferred to commit (SET CONSTRAINTS ALL DEFERRED), as SQLite's PRAGMA defer_foreign_keys does:
-- the demo reload replaces the org tree in one transaction while users stay scoped to the same ids.
ALTER TABLE "orgs" ALTER CONSTRAINT "orgs_parent_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "orgs" ALTER CONSTRAINT "orgs_unit_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "member_study" ALTER CONSTRAINT "member_study_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "members" ALTER CONSTRAINT "members_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "committee_members" ALTER CONSTRAINT "committee_members_committee_id_committees_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "committee_members" ALTER CONSTRAINT "committee_members_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "committees" ALTER CONSTRAINT "committees_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ALTER CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ALTER CONSTRAINT "meeting_attendance_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meetings" ALTER CONSTRAINT "meetings_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meetings" ALTER CONSTRAINT "meetings_host_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meetings" ALTER CONSTRAINT "meetings_recorder_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "brands" ALTER CONSTRAINT "brands_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "project_milestones" ALTER CONSTRAINT "project_milestones_project_id_secretary_projects_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "secretary_projects" ALTER CONSTRAINT "secretary_projects_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "vanguard_posts" ALTER CONSTRAINT "vanguard_posts_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "vanguard_posts" ALTER CONSTRAINT "vanguard_posts_leader_member_id_members_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "recruits" ALTER CONSTRAINT "recruits_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "party_workers" ALTER CONSTRAINT "party_workers_unit_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "responsibility_items" ALTER CONSTRAINT "responsibility_items_unit_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "secretary_reviews" ALTER CONSTRAINT "secretary_reviews_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "unit_plans" ALTER CONSTRAINT "unit_plans_unit_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "sessions" ALTER CONSTRAINT "sessions_user_id_users_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "users" ALTER CONSTRAINT "users_scope_org_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "report_paragraphs" ALTER CONSTRAINT "report_paragraphs_unit_id_orgs_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
