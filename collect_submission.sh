#!/usr/bin/env bash
# Zips what you submit into assignment_1_submission.zip: the five files you implement (at their paths under
# student/) and configs/config_exp.yaml. Run it from anywhere inside the assignment folder.
#
# It builds student/ first. The build runs the grader's own rules (rules/, warnings A1000-A1011) and the
# compiler; when either reports a problem in a file you submit, nothing is zipped, because the grader would
# take that code out (or grade the handout's version of a file that does not compile) and the tests that need
# it would fail. Fix what it lists, or zip anyway with:  bash collect_submission.sh --force
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

FORCE=0
case "${1:-}" in
  "") ;;
  --force) FORCE=1 ;;
  *) echo "usage: bash collect_submission.sh [--force]" >&2; exit 2 ;;
esac

OUTPUT="assignment_1_submission.zip"
FILES=(
  student/Utils.cs
  student/Models/BaseNetwork.cs
  student/Models/SoftmaxRegression.cs
  student/Models/TwoLayerNet.cs
  student/Optimizers/Sgd.cs
  configs/config_exp.yaml
)

missing=0
for file in "${FILES[@]}"; do
  if [ ! -f "$file" ]; then
    echo "error: $file is missing; restore it from the handout before submitting." >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

# A TODO left unimplemented still throws NotImplementedException: warn, but let the student submit partial work.
unfinished=$(grep -l "NotImplementedException" "${FILES[@]}" 2>/dev/null || true)
if [ -n "$unfinished" ]; then
  echo "warning: these files still have unimplemented TODOs (they throw NotImplementedException):" >&2
  grep -n "throw new NotImplementedException" "${FILES[@]}" | sed 's/^/  /' >&2
fi

# Build first, with every file compiled again (an up-to-date build would skip the compiler and its warnings).
if ! command -v dotnet >/dev/null; then
  echo "warning: dotnet is not installed here, so your files were not checked against the grader's rules." >&2
elif [ ! -f student/Assignment1.csproj ]; then
  echo "warning: student/Assignment1.csproj is missing, so your files were not checked against the grader's rules." >&2
else
  echo "Checking your files: dotnet build student (the compiler and the grader's rules) ..."
  build_log="$(mktemp)"
  trap 'rm -f "$build_log"' EXIT
  build_ok=1
  dotnet build student --no-incremental -nologo -v q -clp:NoSummary >"$build_log" 2>&1 || build_ok=0
  # "path/student/X.cs(12,5): warning A1005: message [project]"  ->  "student/X.cs:12: A1005: message"
  findings=$(grep -E ": (warning A1[0-9]{3}|error [A-Z]+[0-9]+):" "$build_log" \
    | sed -E 's#^(.*[/\\])?(student[/\\][^(]+)\(([0-9]+),[0-9]+\): (warning|error) ([A-Z0-9]+): (.*) \[[^]]*\]$#  \2:\3: \5: \6#' \
    | sort -u || true)
  if [ "$build_ok" -eq 0 ] || [ -n "$findings" ]; then
    if [ "$build_ok" -eq 0 ]; then
      echo "error: student/ does not build. The grader grades the handout's version of each file that does not compile, so every test of that file would fail." >&2
    else
      echo "error: the grader would take code out of your submission. Each finding below says what, and what it costs:" >&2
    fi
    if [ -n "$findings" ]; then echo "$findings" >&2; else tail -n 20 "$build_log" >&2; fi
    echo "rules/submission-rules.yaml lists what the five files may use." >&2
    if [ "$FORCE" -eq 0 ]; then
      echo "Nothing was zipped. Fix these, or zip anyway with: bash collect_submission.sh --force" >&2
      exit 1
    fi
    echo "warning: zipping anyway (--force)." >&2
  else
    echo "No problems found: the compiler and the grader's rules accept your files."
  fi
fi

rm -f "$OUTPUT"
if command -v zip >/dev/null; then
  zip -q -X "$OUTPUT" "${FILES[@]}"
elif command -v python3 >/dev/null; then
  python3 -m zipfile -c "$OUTPUT" "${FILES[@]}" 2>/dev/null || python3 - "$OUTPUT" "${FILES[@]}" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[2:]:
        z.write(f, f)
PY
else
  echo "error: neither zip nor python3 is installed; install zip (e.g. sudo apt-get install zip) and run this again." >&2
  exit 1
fi
echo "Wrote $OUTPUT with:"
printf '  %s\n' "${FILES[@]}"
echo "Upload it to Gradescope (or wherever your course collects submissions)."
