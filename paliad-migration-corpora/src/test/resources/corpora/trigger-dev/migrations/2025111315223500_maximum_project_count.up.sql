-- AlterTable
ALTER TABLE "public"."Organization"
ADD COLUMN "maximumProjectCount" INTEGER NOT NULL DEFAULT 10;