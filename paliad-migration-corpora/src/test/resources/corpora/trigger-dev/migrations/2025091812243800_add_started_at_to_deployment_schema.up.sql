ALTER TABLE "public"."WorkerDeployment" ADD COLUMN     "startedAt" TIMESTAMP(3);
