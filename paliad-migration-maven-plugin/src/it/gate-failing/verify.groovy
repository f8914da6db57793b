// A migration whose SQL fails against the snapshot: exit code 4 of the dry-run mode, with the file, line and SQLSTATE.
def log = new File(basedir, 'build.log').text
assert log.contains("The migration gate failed with exit code 4 of the dry-run mode (a migration's SQL failed")
assert log.contains('Migration 201 (201_typo.up.sql) failed at line 1 with SQLSTATE 42P01')
assert log =~ /200  200_add_nickname\.up\.sql  OK/
assert log.contains('Action: Fix the migration in a new release.')
true
