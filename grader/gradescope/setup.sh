#!/usr/bin/env bash
# Gradescope runs this once, as root, when the autograder image is built (Ubuntu, with internet access).
# It installs what grading needs, fetches MNIST and builds the grader and test kit ahead of time, so that
# grading a submission needs no network and starts at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq curl ca-certificates nodejs npm bubblewrap zip libicu-dev >/dev/null

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1

bash data/get_data.sh
./grader/grader build
