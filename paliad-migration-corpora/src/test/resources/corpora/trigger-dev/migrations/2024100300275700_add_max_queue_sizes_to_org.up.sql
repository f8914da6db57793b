-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "maximumDeployedQueueSize" INTEGER,
ADD COLUMN     "maximumDevQueueSize" INTEGER;
