// Copies the templates this build lints from the repository's fixtures (see ../copy-fixtures.groovy).
def copy = evaluate(new File(itSupport))
copy('BAS032/fail-on.json', 'infra/azuredeploy.json')
return true
