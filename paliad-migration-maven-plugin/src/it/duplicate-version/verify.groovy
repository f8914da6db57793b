def log = new File(basedir, 'build.log').text
assert log.contains('version 3 is claimed by 2 up files')
assert log.contains('db/migration/3_add_email.up.sql')
assert log.contains('db/migration-branch/3_add_name.up.sql')
assert log.contains('Give one of them a version that is not taken yet')
