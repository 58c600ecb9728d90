def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping nsglint')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/nsglint').exists()
return true
