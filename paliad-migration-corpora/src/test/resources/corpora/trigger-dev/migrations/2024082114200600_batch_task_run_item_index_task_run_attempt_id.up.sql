-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_batchtaskrunitem_taskrunattempt" ON "BatchTaskRunItem" ("taskRunAttemptId");