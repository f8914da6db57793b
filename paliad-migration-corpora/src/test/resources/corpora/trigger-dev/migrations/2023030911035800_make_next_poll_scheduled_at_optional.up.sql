-- AlterTable
ALTER TABLE "DeploymentLogPoll" ALTER COLUMN "nextPollScheduledAt" DROP NOT NULL;
