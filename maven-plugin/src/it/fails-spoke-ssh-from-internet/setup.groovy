// Copies the templates this build lints from the repository's fixtures (see ../copy-fixtures.groovy).
def copy = evaluate(new File(itSupport))
copy('NSG001/fail-ssh-anywhere.json', 'infra/azuredeploy.json')
return true
