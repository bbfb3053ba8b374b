2026-01-02T03-04-05.678Z_trigger.sql
CREATE TABLE "t;1" ([x;y] text, `z;w` text, v text DEFAULT 'a;b');
CREATE TRIGGER tr AFTER INSERT ON "t;1" BEGIN UPDATE "t;1" SET v = 'x;'; DELETE FROM "t;1" WHERE 0; END;
-- comment at end without newline