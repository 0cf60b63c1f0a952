# Sourced by ./grader/grader: lets it skip `dotnet build` when no source changed since the last successful build.
# MSBuild's own up-to-date check takes 5–6 s per project even when nothing changed, which every single-zip
# grading (and every Gradescope run, whose setup.sh built everything) would otherwise pay twice.
#
# A stamp file is written when a build succeeds, dated to the moment that build started (so an edit made while it ran
# still counts as newer). A build is current when the stamp exists and no file of the repository is newer, apart
# from build outputs, MNIST and results. Delete grader/.build and grader/.kit to force a rebuild.

# Prints the first file under $2 newer than stamp $1 (nothing when the build is current).
newer_than_stamp() {
  local stamp="$1" root="$2"
  find "$root" \( -name .git -o -name bin -o -name obj -o -name 'bin.*' -o -name 'obj.*' -o -name .build -o -name .kit \
    -o -name TestResults -o -name node_modules -o -path "$root/data" -o -path "$root/outputs" \) -prune \
    -o -type f -newer "$stamp" -print -quit
}

# Succeeds when stamp $1 exists and nothing under $2 is newer.
build_is_current() {
  [ -f "$1" ] && [ -z "$(newer_than_stamp "$1" "$2")" ]
}
