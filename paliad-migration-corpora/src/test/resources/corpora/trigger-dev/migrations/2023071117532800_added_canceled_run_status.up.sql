-- AlterEnum
ALTER TYPE "JobRunStatus" ADD VALUE 'CANCELED';
