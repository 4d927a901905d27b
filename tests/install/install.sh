#!/usr/bin/env bash
# What `cmake --install` gives a user: installs the build into a prefix and then moves
# the prefix elsewhere (an install tree must not depend on where it was made), then
#   - the installed program, run from a directory with no rules/, uses the installed
#     bundled rules ('--version' names them) and finds the stated edge;
#   - every public header compiles on its own;
#   - a CMake project outside the checkout (tests/install/consumer) builds with
#     find_package(actorgraph) and actorgraph::actorgraph, and so does the same program
#     with pkg-config's flags; both write the same N-Quads as the program.
#   tests/install/install.sh BUILD_DIR SOURCE_DIR CXX_COMPILER [SANITIZE]
# SANITIZE: the build's ACTORGRAPH_SANITIZE (its library needs those flags to link).
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cxx=$3
sanitize=${4:-}

fail() { echo "install: FAIL: $*" >&2; exit 1; }
flags=()
[[ -n "$sanitize" ]] && flags=(-fsanitize="$sanitize")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/made" > "$work/install.log" \
  || { cat "$work/install.log" >&2; fail "cmake --install failed"; }
mv "$work/made" "$work/prefix"
prefix=$work/prefix
for f in bin/actorgraph lib/libactorgraph.a include/actorgraph/actorgraph.h \
         share/actorgraph/rules/world/relations.rules lib/cmake/actorgraph/actorgraphConfig.cmake \
         lib/pkgconfig/actorgraph.pc; do
  [[ -e "$prefix/$f" ]] || fail "the install has no $f"
done

# Our own sentence; the bundled rules make Egypt the mediator between Israel and Hamas.
mkdir "$work/run"
printf 'Egypt mediated talks between Israel and Hamas in Cairo on Monday, officials said.\n' \
  > "$work/run/talks.txt"
edge='<https://w3id.org/actorgraph/actor/egypt> <https://w3id.org/actorgraph/ns#mediator-of> <https://w3id.org/actorgraph/actor/israel> '

cd "$work/run"
"$prefix/bin/actorgraph" --version > version.txt
grep -qxF "bundled rules: $prefix/share/actorgraph/rules" version.txt \
  || fail "the installed program does not use the installed rules: $(cat version.txt)"
"$prefix/bin/actorgraph" build talks.txt -q -f nquads -o program.nq \
  || fail "the installed program failed"
grep -qF "$edge" program.nq || fail "the installed program did not find Egypt mediator-of Israel"

for h in "$prefix"/include/actorgraph/*.h; do
  echo "#include <actorgraph/$(basename "$h")>" \
    | "$cxx" -std=c++17 -fsyntax-only -I"$prefix/include" -x c++ - \
    || fail "$(basename "$h") does not compile on its own"
done

cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="${flags[*]:-}" \
      -DCMAKE_EXE_LINKER_FLAGS="${flags[*]:-}" > "$work/consumer.log" 2>&1 \
  || { cat "$work/consumer.log" >&2; fail "find_package(actorgraph) failed"; }
cmake --build "$work/consumer" > "$work/consumer-build.log" 2>&1 \
  || { cat "$work/consumer-build.log" >&2; fail "the CMake consumer did not build"; }
"$work/consumer/consumer" talks.txt > cmake.nq || fail "the CMake consumer failed"
cmp program.nq cmake.nq || fail "the CMake consumer's N-Quads differ from the program's"

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
read -r -a pc <<< "$(pkg-config --cflags --libs actorgraph)" || fail "pkg-config does not know actorgraph"
"$cxx" -std=c++17 ${flags[@]+"${flags[@]}"} "$src/tests/install/consumer/main.cc" "${pc[@]}" \
  -o "$work/pc-consumer" || fail "the pkg-config consumer did not build"
"$work/pc-consumer" talks.txt "$(pkg-config --variable=rulesdir actorgraph)" > pkgconfig.nq \
  || fail "the pkg-config consumer failed"
cmp program.nq pkgconfig.nq || fail "the pkg-config consumer's N-Quads differ from the program's"
echo "install: ok (prefix moved after install; program, CMake and pkg-config consumers agree)"
