-- The forms limit names and descriptions in characters (Unicode code points), which is what
-- PostgreSQL's varchar(n) counts. H2 counts UTF-16 units instead, two for each character
-- outside the Basic Multilingual Plane (most emoji), so on H2 a text within the form's limit
-- could overflow a column of the same size. These columns hold twice the form's limit; the
-- forms keep the limit itself.
alter table workspace alter column name set data type varchar(400);
alter table workspace alter column description set data type varchar(4096);
alter table ecr_repository_resource alter column description set data type varchar(4096);
