-- AlterTable
ALTER TABLE "APIConnection" ADD COLUMN     "expiresAt" TIMESTAMP(3);
