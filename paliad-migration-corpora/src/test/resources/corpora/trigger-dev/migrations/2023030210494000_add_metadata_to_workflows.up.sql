-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN     "metadata" JSONB;
