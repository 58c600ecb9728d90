def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] infra/azuredeploy.json:144:11 NSG001 NSG spoke-nsg lets management ports in from the Internet: ')
assert log.contains('[ERROR] infra/azuredeploy.json:144:11 SPK002 subnet workload takes SSH or RDP from outside Bastion bastion')
assert log.contains('nsglint: 3 findings at or above error (3 errors, 0 warnings, 0 notes)')
assert log.contains('  infra/azuredeploy.json:144:11 NSG001 ')
assert log =~ /Reports: .*nsglint\.sarif, .*nsglint\.html/
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nsglint/nsglint.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId.toSet() == ['NSG001', 'NSG004', 'SPK002'] as Set
assert results.every { it.locations[0].physicalLocation.region.startLine == 144 }
assert results.every { it.locations[0].physicalLocation.artifactLocation.uri == 'infra/azuredeploy.json' }
return true
