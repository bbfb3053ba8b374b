0004_mysql.sql
CREATE TABLE `we;ird``name` (`c;1` varchar(10) DEFAULT 'a\';b', d varchar(10) DEFAULT "x\";y" ); # hash ; comment
INSERT INTO t VALUES ('\\', "\\", 'a''b;', "c""d;"); -- dash comment ;
/* block ; */ ALTER TABLE t ADD COLUMN e int;;;
SELECT 'unterminated ; \
