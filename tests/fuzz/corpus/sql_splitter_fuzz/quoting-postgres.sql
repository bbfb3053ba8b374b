0003_quoting.sql
-- authmigrate:no-transaction
CREATE TABLE "we;ird ""name""" ("col;1" text DEFAULT 'it''s; here', b text DEFAULT E'back\'slash;\n');
/* outer /* nested; */ still; */ SELECT 1;
CREATE FUNCTION f() RETURNS trigger AS $fn$ BEGIN RAISE NOTICE '$$;'; RETURN NEW; END; $fn$ LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; END $$;
PREPARE p AS SELECT $1, a$b FROM t;
SELECT U&'d\0061t\+000061;', B'101', X'ff' ; -- trailing ; comment
CREATE INDEX CONCURRENTLY "idx;x" ON t (a)
