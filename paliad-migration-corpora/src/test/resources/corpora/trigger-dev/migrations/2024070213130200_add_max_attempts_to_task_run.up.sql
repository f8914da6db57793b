-- AlterTable
ALTER TABLE "TaskRun" ADD COLUMN     "maxAttempts" INTEGER;
