-- AlterEnum
ALTER TYPE "BatchTaskRunStatus"
ADD
  VALUE 'ABORTED';