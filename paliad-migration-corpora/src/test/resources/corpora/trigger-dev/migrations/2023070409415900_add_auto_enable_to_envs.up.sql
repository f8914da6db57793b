-- AlterTable
ALTER TABLE "RuntimeEnvironment" ADD COLUMN     "autoEnableInternalSources" BOOLEAN NOT NULL DEFAULT true;
