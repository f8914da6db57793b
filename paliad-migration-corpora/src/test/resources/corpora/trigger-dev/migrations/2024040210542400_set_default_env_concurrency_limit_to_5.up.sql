-- AlterTable
ALTER TABLE "RuntimeEnvironment" ALTER COLUMN "maximumConcurrencyLimit" SET DEFAULT 5;
