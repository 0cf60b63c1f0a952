#!/usr/bin/env bash
# Mutation testing of the suites (public + private together) with Stryker.NET, over the solution regions of the
# five reference files (the code students write; provided code in those files is not mutated). Needs python3.
#   bash grader/mutation/run.sh            # writes grader/mutation/out/ (HTML and JSON reports); exits 1 below a 90% score
# It copies the repository into a scratch folder with the reference solution in place of the TODO files (so the
# suites test it as they would a student's) and leaves out the training tests (see below). Needs MNIST
# (data/get_data.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bash "$root/data/get_data.sh" >/dev/null
cp "$root/Directory.Build.props" "$root/Directory.Packages.props" "$work/"
for project in student student.Tests grader/PrivateTests; do
  mkdir -p "$work/$project"
  (cd "$root/$project" && tar --exclude=bin --exclude=obj --exclude=bin.reference --exclude=obj.reference -cf - .) | tar -xf - -C "$work/$project"
done
cp -r "$root/grader/solution/." "$work/student/"

# Stryker's --mutate takes file{from..to} spans in characters (Roslyn text spans): one per BEGIN/END SOLUTION region.
mutate=()
while IFS= read -r span; do mutate+=(--mutate "$span"); done < <(python3 - "$root/grader/solution" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
for path in sorted(root.rglob("*.cs")):
    text = path.read_text(encoding="utf-8-sig")
    start = 0
    while (begin := text.find("// BEGIN SOLUTION", start)) >= 0:
        end = text.index("// END SOLUTION", begin)
        print(f"**/{path.relative_to(root).as_posix()}{{{begin}..{end}}}")
        start = end + 1
PY
)
# Training tests (one epoch in the public suite, ten in the private one) would run again for every mutant of the
# models and the optimizer, seconds to a minute each: they are left out of this copy of the suites. The bug
# catalogue's gradings and the full gradings cover training.
rm "$work/grader/PrivateTests/FinalAccuracyTests.cs" "$work/student.Tests/TrainingTests.cs"
# Stryker mutates and instruments every file of the project before the --mutate spans filter the mutants; in the
# provided code (MNIST parsing, row selection, the matrix kernels) that instrumentation runs per element and makes
# the coverage run take minutes. A "Stryker disable all" comment stops mutants being generated at all, so every file
# that is not one of the five with solution regions gets one.
(cd "$work/student" && find . -name '*.cs' -print0) | while IFS= read -r -d '' file; do
  if [ ! -f "$root/grader/solution/$file" ]; then
    sed -i '1i // Stryker disable all' "$work/student/$file"
  fi
done

cd "$work"
dotnet new tool-manifest >/dev/null
dotnet tool install dotnet-stryker --version 5.1.0 >/dev/null
export MNIST_DIR="$root/data/mnist"
dotnet stryker --project Assignment1.csproj \
  --test-project student.Tests/Assignment1.Tests.csproj --test-project grader/PrivateTests/Assignment1.PrivateTests.csproj \
  "${mutate[@]}" \
  --reporter html --reporter json --reporter progress --reporter cleartext \
  --concurrency 2 --output "$here/out" "$@"

# The verdict, from the JSON report: at least 90% of the mutants in the solution regions detected (killed, or a
# timeout: the mutant made a test hang), and enough mutants tested that the spans above cannot have gone wrong
# silently (72 when written; an empty run would otherwise "pass").
python3 - "$here/out/reports/mutation-report.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
counts = collections.Counter(m["status"] for f in report["files"].values() for m in f["mutants"])
detected = counts["Killed"] + counts["Timeout"]
tested = detected + counts["Survived"] + counts["NoCoverage"]
score = 100.0 * detected / tested if tested else 0.0
print(f"mutation: {tested} mutants tested, {counts['Killed']} killed, {counts['Timeout']} timed out, "
      f"{counts['Survived']} survived, {counts['NoCoverage']} not covered: score {score:.1f}%")
if tested < 60 or score < 90.0:
    print("mutation: FAILED (needs at least 60 mutants tested and a score of 90%; survivors are listed in "
          "grader/mutation/out/reports/mutation-report.html)")
    sys.exit(1)
PY
