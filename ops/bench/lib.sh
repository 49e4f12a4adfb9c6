# shellcheck shell=bash
# Shared by the benchmark scripts: a JDK 21+ in JAVA_HOME, and a module's test classpath.
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -r "$candidate/release" ] \
      && [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")" -ge 21 ]; then
    export JAVA_HOME="$candidate"; break
  fi
done
classpath_of() {
  echo "$1/target/test-classes:$1/target/classes:$(./mvnw -q -B -o dependency:build-classpath -pl "$1" \
    -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
}
# The benchmark drivers without an installed build: the test classes next to the shaded jar
# (which brings Jackson and the app's own classes).
bench_classpath() {
  local tree
  tree="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  echo "$tree/bootstrap/target/test-classes:$tree/adapters-process/target/test-classes:$1"
}
