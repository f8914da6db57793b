-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "isTest" BOOLEAN NOT NULL DEFAULT false;
