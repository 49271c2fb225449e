# Sourced by ./mvnw: OpenCETS needs a JDK >= 21. When JAVA_HOME (or the java on PATH) is older,
# pick the newest JDK >= 21 under /usr/lib/jvm and export it as JAVA_HOME.
opencets_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}
opencets_current="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent/bin/java)")")")}"
if [ ! -x "$opencets_current/bin/java" ] || [ "$(opencets_java_major "$opencets_current")" -lt 21 ] 2>/dev/null; then
  for opencets_candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    opencets_candidate="${opencets_candidate%/}"
    if [ -x "$opencets_candidate/bin/javac" ] && [ "$(opencets_java_major "$opencets_candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$opencets_candidate"; export JAVA_HOME; break
    fi
  done
fi
