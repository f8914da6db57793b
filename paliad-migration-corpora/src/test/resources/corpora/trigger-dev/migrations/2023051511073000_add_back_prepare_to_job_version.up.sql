-- AlterTable
ALTER TABLE "JobVersion" ADD COLUMN     "prepare" BOOLEAN NOT NULL DEFAULT false;
