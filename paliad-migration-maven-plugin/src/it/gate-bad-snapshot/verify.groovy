// A dump cut off mid-statement does not restore: exit code 2 of the dry-run mode, naming the file and line; nothing rehearsed.
def log = new File(basedir, 'build.log').text
assert log.contains('The migration gate failed with exit code 2 of the dry-run mode (invalid configuration or usage')
assert log =~ /The snapshot \S*truncated-dump\.sql failed at line 8 \(SQLSTATE 42601\)/
assert !log.contains('Rehearsed ')
true
