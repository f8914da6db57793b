-- AlterTable
ALTER TABLE "User" ADD COLUMN     "confirmedBasicDetails" BOOLEAN NOT NULL DEFAULT false;
