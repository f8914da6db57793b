-- AlterTable
ALTER TABLE "public"."Organization" ALTER COLUMN "maximumProjectCount" SET DEFAULT 25;
