def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] nsglint: 0 errors, 0 warnings, 0 notes in 1 file; reports: ')
assert log.contains('BUILD SUCCESS')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nsglint/nsglint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 0
assert sarif.runs[0].tool.driver.rules.size() == 36
assert new File(basedir, 'target/nsglint/nsglint.html').text.contains('<html')
return true
