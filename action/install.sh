#!/usr/bin/env bash
# The GitHub Action's install step: puts an nsglint on the PATH of the job's later steps.
#   NSGLINT_VERSION   a release version (0.1.0), or empty: the version in the action's own ref (v0.1.0), if any
#   NSGLINT_DOWNLOAD  where releases are: a base URL ending before /vVERSION/ (the project's GitHub releases)
#   NSGLINT_ACTION    the action's folder (github.action_path): a checkout of nsglint at the action's ref
#   GITHUB_ACTION_REF, GITHUB_REPOSITORY, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH: set by GitHub
# Inside nsglint's own repository, or when no version can be told (the action used at a branch), it uses the
# launcher of the checkout, which builds nsglint from source with the runner's Java and Maven.
set -euo pipefail

version="${NSGLINT_VERSION:-}"
version="${version#v}"
if [ -z "$version" ]; then
  ref="${GITHUB_ACTION_REF:-}"
  if [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]]; then
    version="${ref#v}"
  fi
fi

if [ "${GITHUB_REPOSITORY:-}" = "nsglint/nsglint" ] || [ -z "$version" ]; then
  echo "nsglint: using the action's own checkout (${NSGLINT_ACTION}), built from source"
  echo "${NSGLINT_ACTION}/bin" >> "$GITHUB_PATH"
  exit 0
fi

if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]]; then
  echo "::error title=nsglint::version '$version' is not a release version such as 0.1.0"
  exit 2
fi
# The runtime archive needs no Java; elsewhere the portable one uses the runner's.
if [ "${RUNNER_OS:-Linux}" = "Linux" ] && [ "${RUNNER_ARCH:-X64}" = "X64" ]; then
  archive="nsglint-${version}-linux-x64.tar.gz"
else
  archive="nsglint-${version}.tar.gz"
fi
base="${NSGLINT_DOWNLOAD:-https://github.com/nsglint/nsglint/releases/download}/v${version}"
into="${RUNNER_TEMP:-/tmp}/nsglint-${version}"
mkdir -p "$into"
echo "nsglint: downloading $base/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$into/$archive" "$base/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$into/$archive.sha256" "$base/$archive.sha256"
# The checksum file names the archive; check it where the archive is.
if ! (cd "$into" && sha256sum --check --status "$archive.sha256"); then
  echo "::error title=nsglint::$archive does not match its SHA-256 file: not installed"
  exit 2
fi
tar -xzf "$into/$archive" -C "$into"
echo "$into/nsglint-${version}/bin" >> "$GITHUB_PATH"
echo "nsglint: $version installed in $into/nsglint-${version}"
