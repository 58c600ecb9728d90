// Copies the templates this build lints from the repository's fixtures (see ../copy-fixtures.groovy).
def copy = evaluate(new File(itSupport))
copy('scenarios/cross-region-hub-spoke/right/azuredeploy.json', 'infra/azuredeploy.json')
return true
