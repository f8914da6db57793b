-- AlterTable
ALTER TABLE "TaskRun" ADD COLUMN     "queue" JSONB;
