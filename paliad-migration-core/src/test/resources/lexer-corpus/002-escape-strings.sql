SELECT 1 AS n, E'\';--' AS v; SELECT 2 AS n, E'\\' AS v; SELECT 3 AS n, '\' AS "x;"""
