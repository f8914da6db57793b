// The index is in the build output and in the jar, one line per file, with checksums.
def index = new File(basedir, 'target/classes/db/migration/paliad-index.txt')
assert index.isFile()
def lines = index.readLines().findAll { !it.startsWith('#') }
assert lines.size() == 4
def up = lines.find { it.endsWith('\t1_create_accounts.up.sql\tok') }
assert up != null
def bytes = new File(basedir, 'src/main/resources/db/migration/1_create_accounts.up.sql').bytes
def sha = java.security.MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
assert up == "1\tup\tcreate_accounts\t${bytes.length}\t${sha}\ttrue\t1_create_accounts.up.sql\tok"
assert lines.any { it.startsWith("2\tup\tindex_accounts\t") && it.contains("\tfalse\t2_index_accounts.up.sql\tok") }
def jar = new java.util.jar.JarFile(new File(basedir, 'target/valid-project-1.0.jar'))
try {
    assert jar.getEntry('db/migration/paliad-index.txt') != null
} finally {
    jar.close()
}
def log = new File(basedir, 'build.log').text
assert log.contains('Indexed 4 migration files of classpath:db/migration')
assert log.contains('Validated 3 migrations')
