CREATE TYPE weather AS ENUM ('sunny');
ALTER TYPE weather ADD VALUE 'rainy';
