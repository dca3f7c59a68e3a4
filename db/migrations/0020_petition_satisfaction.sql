-- The citizen's satisfaction with a petition's outcome (Decision 766, complaint ratio 2; vn-rules §4.3), on the
-- official three levels, answered on Zalo after the outcome is sent.
ALTER TABLE "conversations" ADD COLUMN "satisfaction" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "satisfaction_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_satisfaction_check"
  CHECK ("satisfaction" IS NULL OR "satisfaction" IN ('very_satisfied', 'satisfied', 'dissatisfied'));
