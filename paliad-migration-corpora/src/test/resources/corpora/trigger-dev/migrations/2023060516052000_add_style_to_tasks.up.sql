-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "style" JSONB;
