def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] infra\/azuredeploy\.json:\d+:\d+ BAS032 /
assert log.contains('[INFO] nsglint: 0 errors, 1 warning, 0 notes in 1 file')
assert log.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/nsglint')
def github = new File(reports, 'nsglint.github.txt').text
def text = new File(reports, 'nsglint.txt').text
assert github.startsWith('::warning file=')
assert text =~ /warning BAS032 /
assert !text.contains('::warning')
assert new File(reports, 'nsglint.sarif').text.contains('"BAS032"')
return true
