def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] nsglint: 0 errors, 0 warnings, 0 notes; 3 suppressed in 1 file')
assert log.contains('(suppressed: Partner jump host behind their VPN; accepted in SEC-7)')
assert log.contains('BUILD SUCCESS')
def html = new File(basedir, 'target/nsglint/nsglint.html').text
assert html.contains('Partner jump host behind their VPN; accepted in SEC-7')
assert html.contains('2999-12-31')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nsglint/nsglint.sarif'))
assert sarif.runs[0].results.size() == 3
assert sarif.runs[0].results.every { it.suppressions[0].kind == 'external' }
return true
