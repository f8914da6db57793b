-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "queueId" TEXT,
ADD COLUMN     "queueName" TEXT;
