-- paliad:no-transaction
-- DropIndex
DROP INDEX CONCURRENTLY IF EXISTS "public"."TaskRun_scheduleId_idx";
