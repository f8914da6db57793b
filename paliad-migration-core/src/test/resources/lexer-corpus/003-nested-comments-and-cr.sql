/* a /* nested ; */ still ; comment */ SELECT 1 AS n --; trailing; select 2 AS n /* ; */
