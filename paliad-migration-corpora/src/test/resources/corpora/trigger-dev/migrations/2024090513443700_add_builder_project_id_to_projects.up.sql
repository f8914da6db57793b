-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "builderProjectId" TEXT;
