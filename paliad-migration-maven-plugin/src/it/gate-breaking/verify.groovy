// A dropped column the snapshot has: the build fails with the dry-run mode's exit code 3, naming the finding.
def log = new File(basedir, 'build.log').text
assert log.contains('The migration gate failed with exit code 3 of the dry-run mode (validation failed:')
assert log.contains('BREAKING [drop-column] 200_drop_display_name.up.sql line 1: column public.users.display_name is dropped')
assert log.contains("mark a deliberate contract step with '-- paliad:allow-breaking <reason>'")
assert !log.contains('The migration gate passed.')
assert new File(basedir, 'target/paliad-migration/gate-report.txt').text.contains('Verdict: exit code 3')
// The CI reports: SARIF with the rule and the repository path, Markdown, GitHub annotations in the log.
def path = 'src/main/resources/db/migration/200_drop_display_name.up.sql'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/gate/gate.sarif'))
def results = sarif.runs[0].results
assert results.any { it.ruleId == 'drop-column' && it.locations[0].physicalLocation.artifactLocation.uri == path }
def markdown = new File(basedir, 'target/gate/gate.md').text
assert markdown.contains('drop-column') && markdown.contains('200_drop_display_name.up.sql')
assert log.contains('::error file=' + path)
true
