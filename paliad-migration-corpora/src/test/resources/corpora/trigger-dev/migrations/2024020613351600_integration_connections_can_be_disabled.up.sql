-- AlterTable
ALTER TABLE "IntegrationConnection" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;
