-- AlterTable
ALTER TABLE "ProjectDeployment" ADD COLUMN     "buildDuration" INTEGER;
