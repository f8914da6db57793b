-- paliad:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS "TaskRun_completedAt_idx";
