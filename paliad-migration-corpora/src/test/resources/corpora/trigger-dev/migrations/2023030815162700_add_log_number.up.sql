-- AlterTable
ALTER TABLE "DeploymentLog" ADD COLUMN     "logNumber" INTEGER NOT NULL DEFAULT 0;
