// No snapshot: every migration is pending and rehearsed against an empty database, on the requested major 16.
def log = new File(basedir, 'build.log').text
assert log.contains('starting PostgreSQL 16.15')
assert log.contains('against an empty database (no snapshot given) on an embedded PostgreSQL 16.15.0')
assert log.contains('Rehearsed 3 pending migration(s) against an empty database: all succeeded')
assert log =~ /3  3_index_accounts\.up\.sql  OK/
assert log.contains('The migration gate passed.')
true
