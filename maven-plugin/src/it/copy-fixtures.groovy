// Shared by every integration build's setup.groovy: copies templates from the repository's fixtures into the
// build, so they exist once. Evaluated in the calling script's binding (basedir, fixtures).
return { String fixture, String to ->
    def target = new File(basedir, to)
    target.parentFile.mkdirs()
    target.bytes = new File(fixtures, fixture).bytes
}
