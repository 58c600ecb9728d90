#!/usr/bin/env bash
# Whole-process runs of the hostile templates of issue 17, each beside the time of linting one ordinary fixture
# (the JVM's start and the catalog are in both): a string doubled 40 times, padLeft to a billion, a user function
# that calls itself twice 40 deep, a resource copy of 800 around a property copy of 800, a rule whose pattern
# backtracks, and a suppression glob against a long name. Prints the median of RUNS runs of each, interleaved.
#   benchmarks/bombs.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
"$root/bin/nsglint" lint "$root/fixtures/NSG001/pass-vnet-only.json" >/dev/null 2>&1 || true # build outside timing
work="$(mktemp -d "${TMPDIR:-/tmp}/nsglint-bombs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys, os
out = sys.argv[1]
head = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0"}
def nsg(name, rules=None):
    return {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": name,
            "location": "uksouth", "properties": {"securityRules": rules or []}}
def write(name, t):
    json.dump(dict(head, **t), open(os.path.join(out, name + ".json"), "w"))
v = {"v0": "ab"}
for i in range(1, 41):
    v[f"v{i}"] = f"[concat(variables('v{i-1}'), variables('v{i-1}'))]"
write("double", {"variables": v, "resources": [nsg("[variables('v40')]")]})
write("padleft", {"resources": [nsg("[padLeft('x', 1000000000, 'a')]")]})
members = {"d0": {"parameters": [{"name": "s", "type": "string"}],
                  "output": {"type": "string", "value": "[concat(parameters('s'), parameters('s'))]"}}}
for i in range(1, 41):
    members[f"d{i}"] = {"parameters": [{"name": "s", "type": "string"}],
                        "output": {"type": "string", "value": f"[u.d{i-1}(u.d{i-1}(parameters('s')))]"}}
write("udf", {"functions": [{"namespace": "u", "members": members}], "resources": [nsg("[u.d40('a')]")]})
r = nsg("[concat('n', copyIndex())]")
r["copy"] = {"name": "c", "count": 800}
r["properties"] = {"copy": [{"name": "securityRules", "count": 800, "input": {
    "name": "[concat('r', copyIndex('securityRules'))]",
    "properties": {"priority": "[add(100, copyIndex('securityRules'))]", "direction": "Inbound", "access": "Allow",
                   "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                   "destinationAddressPrefix": "*", "destinationPortRange": "22"}}}]}
write("copy", {"resources": [r]})
write("names", {"resources": [nsg("a" * 79), nsg("prod" + "a" * 75)]})
open(os.path.join(out, "empty.yaml"), "w").write("")
open(os.path.join(out, "backtrack.nsgl"), "w").write(
    'rule ORG_NAMES {\n  name: "names"\n  severity: warning\n  since: "1"\n  summary: "s"\n'
    '  message: "{n.name}"\n  for nsg n\n  expect not (n.name matches "(.*a){20}b")\n}\n')
open(os.path.join(out, ".nsglint.yaml"), "w").write(
    "suppressions:\n  - rule: NSG002\n    resource: \"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b*\"\n    justification: x\n")
PY

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
cases=(fixture double padleft udf copy regex glob)
declare -A times
for ((i = 0; i < runs; i++)); do
  for c in "${cases[@]}"; do
    case "$c" in
      fixture) t=$(ms "$root/bin/nsglint" lint "$root/fixtures/NSG001/pass-vnet-only.json") ;;
      regex) t=$(ms "$root/bin/nsglint" lint --config "$work/empty.yaml" -r "$work/backtrack.nsgl" "$work/names.json") ;;
      glob) t=$(ms "$root/bin/nsglint" lint --config "$work/.nsglint.yaml" "$work/names.json") ;;
      *) t=$(ms "$root/bin/nsglint" lint "$work/$c.json") ;;
    esac
    times[$c]+="$t "
  done
done
base=$(printf '%s\n' ${times[fixture]} | median)
echo "runs: $runs interleaved; $(nproc) cores; whole process through bin/nsglint"
for c in "${cases[@]}"; do
  m=$(printf '%s\n' ${times[$c]} | median)
  awk -v c="$c" -v m="$m" -v b="$base" 'BEGIN {printf "%-8s median %5d ms  %+6d ms over the fixture\n", c, m, m - b}'
done
