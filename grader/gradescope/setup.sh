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

# Gradescope's image runs as root in a container, where user namespaces may be off. Say now, in the build log,
# whether the isolation level this zip asks for works here, instead of on every submission.
isolation="$(cat isolation.txt 2>/dev/null || echo bubblewrap)"
if [ "$isolation" = bubblewrap ] && ! bwrap --unshare-all --die-with-parent --ro-bind / / --proc /proc --dev /dev true 2>/dev/null; then
  echo "WARNING: bubblewrap cannot run in this image, so every submission will be refused with a message that says so." >&2
  echo "         Make the autograder with a weaker level named explicitly: ./grader/grader gradescope --out autograder.zip --isolation unshare" >&2
fi
