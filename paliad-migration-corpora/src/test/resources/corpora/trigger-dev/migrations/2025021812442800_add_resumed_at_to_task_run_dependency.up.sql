-- AlterTable
ALTER TABLE "TaskRunDependency" ADD COLUMN     "resumedAt" TIMESTAMP(3);
