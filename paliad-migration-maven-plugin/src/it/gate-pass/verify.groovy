// A safe migration on top of the 34-table snapshot: restored, rehearsed as app_owner, passed.
def log = new File(basedir, 'build.log').text
assert log.contains('against snapshot ') && log.contains('prod-schema.sql on an embedded PostgreSQL 17.')
assert log.contains('as role app_owner')
assert log.contains('Rehearsed 1 pending migration(s) against snapshot prod-schema.sql: all succeeded')
assert log =~ /200  200_add_nickname\.up\.sql  OK  \d+ ms/
assert log.contains('The migration gate passed.')
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/paliad-migration/gate-report.txt')
assert report.isFile()
assert report.text.contains('Verdict: exit code 0 (success, or nothing to do)')
// The default CI reports, next to the text report.
assert new File(basedir, 'target/paliad-migration/gate.sarif').text.contains('"version":"2.1.0"')
assert new File(basedir, 'target/paliad-migration/gate.json').text.contains('"passed":true')
assert new File(basedir, 'target/paliad-migration/gate.md').isFile()
true
