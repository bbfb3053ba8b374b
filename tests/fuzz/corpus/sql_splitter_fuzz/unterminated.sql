SELECT $tag$ never closed; SELECT 'x
/* open comment ; 
SELECT "id