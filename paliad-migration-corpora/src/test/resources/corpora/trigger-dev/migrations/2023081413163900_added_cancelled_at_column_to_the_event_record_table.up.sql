-- AlterTable
ALTER TABLE "EventRecord" ADD COLUMN     "cancelledAt" TIMESTAMP(3);
