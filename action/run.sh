#!/usr/bin/env bash
# The GitHub Action's lint step: annotations on standard output (GitHub turns them into annotations on the
# pull request), SARIF into a file for code scanning, and the exit code as the step output 'exit-code' (0 pass,
# 1 findings at or above fail-on, 2 bad input). It never fails itself: the last step of the action does, after
# the SARIF is uploaded.
#   NSGLINT_PATHS (space-separated, required), NSGLINT_FAIL_ON, NSGLINT_CONFIG, NSGLINT_BASELINE,
#   NSGLINT_SARIF (file to write), NSGLINT_FORMAT (an extra report: FORMAT, written to nsglint.FORMAT)
set -uo pipefail

args=(lint -f github --report "sarif=${NSGLINT_SARIF:-nsglint.sarif}")
[ -n "${NSGLINT_FAIL_ON:-}" ] && args+=(--fail-on "$NSGLINT_FAIL_ON")
[ -n "${NSGLINT_CONFIG:-}" ] && args+=(--config "$NSGLINT_CONFIG")
[ -n "${NSGLINT_BASELINE:-}" ] && args+=(--baseline "$NSGLINT_BASELINE")
if [ -n "${NSGLINT_FORMAT:-}" ] && [ "$NSGLINT_FORMAT" != "sarif" ] && [ "$NSGLINT_FORMAT" != "github" ]; then
  args+=(--report "${NSGLINT_FORMAT}=nsglint.${NSGLINT_FORMAT}")
fi
read -r -a paths <<< "${NSGLINT_PATHS:-.}"
nsglint "${args[@]}" -- "${paths[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
echo "sarif-file=${NSGLINT_SARIF:-nsglint.sarif}" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
