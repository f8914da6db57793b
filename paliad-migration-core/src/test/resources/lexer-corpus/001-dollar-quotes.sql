SELECT 1 AS n, $$;'--/*$$ AS v;
SELECT 2 AS n, $a$ $$ ; $a$ AS v
