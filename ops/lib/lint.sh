# The lint step of ops/stack test (its first step): shellcheck over the repository's shell scripts.
# shellcheck shell=bash

# shell_scripts -> every file under ops/, perf/ and .ci/ whose first line is a bash shebang or whose name ends in .sh,
# one a line, relative to $ROOT, sorted; node_modules and target are skipped
shell_scripts() {
  (
    cd "$ROOT" || exit
    local file first shebang='^#!.*[/[:space:]]bash([[:space:]]|$)'
    find ops perf .ci \( -name node_modules -o -name target \) -prune -o -type f -print | LC_ALL=C sort |
      while IFS= read -r file; do
        first=""
        IFS= read -r first <"$file" || true
        if [[ $file == *.sh || $first =~ $shebang ]]; then
          printf '%s\n' "$file"
        fi
      done
  )
}

# check_shell_scripts -> shellcheck -x over shell_scripts, run from $ROOT; non-zero when it reports anything.
# The scripts' source directives are relative to each script (source-path=SCRIPTDIR), so -x follows them.
check_shell_scripts() {
  local scripts=()
  mapfile -t scripts < <(shell_scripts)
  ((${#scripts[@]} > 0)) || die "no shell scripts found under ops/, perf/ and .ci/"
  note "shellcheck -x over ${#scripts[@]} scripts ($(shellcheck --version | sed -n 's/^version: //p'))"
  (cd "$ROOT" && shellcheck -x "${scripts[@]}")
}
