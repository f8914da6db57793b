-- AlterEnum
ALTER TYPE "ExternalSourceType" ADD VALUE 'SCHEDULER';
