def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] infra/broken.json:3:14: error: Unexpected end-of-input within/between Object entries')
assert log.contains('nsglint could not read 1 input; first: infra/broken.json:3:14: error:')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nsglint/nsglint.sarif'))
assert sarif.runs[0].invocations[0].executionSuccessful == false
assert sarif.runs[0].artifacts*.location.uri.contains('infra/azuredeploy.json')
return true
