#!/usr/bin/env bash
# Fails when a C++ file in the project differs from what the repo's .clang-format gives.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format-14 || command -v clang-format)
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find cpp sync tests -name '*.cpp' -o -name '*.h')
bad=()
for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    "$fmt" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    printf 'Not formatted with .clang-format (run clang-format -i):\n'
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "${#files[@]} files formatted."
