def log = new File(basedir, 'build.log').text
assert log.count('nsglint: no template folder (infra, src/main/azure) in this project; nothing to check') == 2
assert log.contains('[INFO] nsglint: 0 errors, 0 warnings, 0 notes in 1 file; reports: ')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'network/target/nsglint/nsglint.sarif').isFile()
assert !new File(basedir, 'app/target/nsglint').exists()
return true
