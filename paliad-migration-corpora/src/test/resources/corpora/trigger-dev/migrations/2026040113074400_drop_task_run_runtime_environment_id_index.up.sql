-- paliad:no-transaction
-- DropIndex
DROP INDEX CONCURRENTLY IF EXISTS "public"."TaskRun_runtimeEnvironmentId_id_idx";
