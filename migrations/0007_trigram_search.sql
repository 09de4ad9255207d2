-- Substring search on project names and customers (?q= on the projects list) uses a trigram
-- index when pg_trgm is installed; without it the search still answers, by scanning. pg_trgm
-- ships with PostgreSQL's contrib (and with the embedded PostgreSQL) and is a trusted extension,
-- so a database owner may install it. Where it cannot be installed (no contrib package, no
-- privilege), the migration goes on without it. Each generation's projects table gets the index
-- when it is created (a rebuild makes one).
do $$
begin
  create extension if not exists pg_trgm;
exception when others then
  raise notice 'pg_trgm could not be installed (%): project search will scan', sqlerrm;
end
$$;
