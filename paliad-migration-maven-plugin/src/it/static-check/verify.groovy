def log = new File(basedir, 'build.log').text
assert log.contains('2_half_committed.up.sql line 2: top-level COMMIT')
assert log.contains('Migrations failed the static checks')
// The index goal ran first and recorded the problem instead of failing.
def index = new File(basedir, 'target/classes/db/migration/paliad-index.txt').text
assert index.contains('2_half_committed.up.sql line 2: top-level COMMIT')
