-- paliad:no-transaction
-- CreateIndex
CREATE INDEX CONCURRENTLY IF NOT EXISTS "TaskRunDependency_dependentAttemptId_idx" ON "TaskRunDependency"("dependentAttemptId");