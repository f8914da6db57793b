-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "batchId" TEXT;
