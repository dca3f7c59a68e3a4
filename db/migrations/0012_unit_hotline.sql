-- The receiving office's hotline, shown to citizens on the public look-up page (issue 12).
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "hotline" text;
