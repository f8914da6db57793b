-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_jobrun_versionId" ON "JobRun" ("versionId");