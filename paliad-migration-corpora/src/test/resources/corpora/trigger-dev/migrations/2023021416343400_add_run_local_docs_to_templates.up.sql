-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "runLocalDocs" TEXT NOT NULL DEFAULT 'Documentation

This template does not have any documentation yet.';
