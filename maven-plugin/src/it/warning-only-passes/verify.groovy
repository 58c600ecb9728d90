def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] infra\/azuredeploy\.json:\d+:\d+ BAS032 /
assert log.contains('[INFO] nsglint: 0 errors, 1 warning, 0 notes in 1 file')
assert log.contains('BUILD SUCCESS')
return true
