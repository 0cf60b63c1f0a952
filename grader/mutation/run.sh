#!/usr/bin/env bash
# Mutation testing of the suites (public + private together) with Stryker.NET, over the solution regions of the
# five reference files (the code students write; provided code in those files is not mutated). Needs python3.
#   bash grader/mutation/run.sh            # writes grader/mutation/out/ (HTML and JSON reports)
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
# Training tests (one epoch in the public suite, ten in the private one) would cost minutes per mutant, since
# Stryker instruments every expression of the project, the matrix kernels included: they are left out of this
# copy of the suites. The bug catalogue's gradings and the full gradings cover training.
rm "$work/grader/PrivateTests/FinalAccuracyTests.cs" "$work/student.Tests/TrainingTests.cs"

cd "$work"
dotnet new tool-manifest >/dev/null
dotnet tool install dotnet-stryker >/dev/null
export MNIST_DIR="$root/data/mnist"
dotnet stryker --project Assignment1.csproj \
  --test-project student.Tests/Assignment1.Tests.csproj --test-project grader/PrivateTests/Assignment1.PrivateTests.csproj \
  "${mutate[@]}" \
  --reporter html --reporter json --reporter progress --reporter cleartext \
  --concurrency 2 --output "$here/out" "$@"
