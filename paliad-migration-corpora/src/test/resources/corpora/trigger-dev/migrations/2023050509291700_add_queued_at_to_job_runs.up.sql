-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "queuedAt" TIMESTAMP(3);
