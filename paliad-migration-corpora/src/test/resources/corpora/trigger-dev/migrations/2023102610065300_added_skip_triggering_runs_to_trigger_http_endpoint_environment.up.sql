-- AlterTable
ALTER TABLE "TriggerHttpEndpointEnvironment" ADD COLUMN     "skipTriggeringRuns" BOOLEAN NOT NULL DEFAULT false;
