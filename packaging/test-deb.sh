#!/usr/bin/env bash
# Tests the .deb as a user would (docs/packaging.md). Not part of `mvn verify`: it takes minutes.
#
#   1. builds it:                mvn -B -Pdist package -DskipTests   (skip with SKIP_BUILD=1)
#   2. installs it into a scratch root with dpkg -x (target/test-deb/root), plus the /usr/bin/failscope link
#      that postinst makes, and checks the Depends line and the maintainer scripts;
#   3. runs the installed `failscope` from PATH on the bundled samples: check exits 1 on catifyme, 0 on
#      catifyme-fixed, and --version names the version;
#   4. checks the runnable jar of the same build (Main-Class, check exits 1 on catifyme);
#   5. starts the installed GUI on catifyme under Xvfb with a fresh HOME, screenshots the screen to
#      target/test-deb/gui.png and fails when the GUI died or the screenshot is blank.
#
# Needs: fakeroot and dpkg-deb (jpackage), Xvfb and ImageMagick's `import`. As root it installs what is missing:
#   apt-get install -y xvfb libgtk-3-0 libxtst6 imagemagick fakeroot
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/test-deb
gui_wait=${GUI_WAIT:-25}
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v import >/dev/null || missing+=(imagemagick)
command -v fakeroot >/dev/null || missing+=(fakeroot)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || missing+=(libgtk-3-0)
dpkg -s libxtst6 >/dev/null 2>&1 || missing+=(libxtst6)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing packages: ${missing[*]} (apt-get install -y ${missing[*]})"
  apt-get install -y xvfb libgtk-3-0 libxtst6 imagemagick fakeroot
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "build the .deb"
  mvn -B -Pdist package -DskipTests
fi
deb=$(ls target/dist/failscope_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no target/dist/failscope_*.deb"
ls -l "$deb"

step "install into a scratch root"
rm -rf "$out"
root=$out/root
mkdir -p "$root" "$out/control" "$out/home"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$out/control"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libgtk-3-0 libxtst6 libgl1 libpangoft2-1.0-0; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
grep -q 'ln -sf /opt/failscope/lib/app/failscope /usr/bin/failscope' "$out/control/postinst" || fail "postinst does not link /usr/bin/failscope"
[ -x "$root/opt/failscope/lib/app/failscope" ] || fail "the package lacks the executable launcher script lib/app/failscope"
[ -x "$root/opt/failscope/lib/runtime/bin/java" ] || fail "the runtime lacks bin/java, which lib/app/failscope runs"
for f in failscope-completion.bash _failscope; do
    [ -s "$root/opt/failscope/lib/app/completion/$f" ] || fail "the package lacks completion/$f"
done
grep -q 'bash-completion/completions/failscope' "$out/control/postinst" || fail "postinst does not install bash completion"
grep -q 'xdg-desktop-menu install' "$out/control/postinst" || fail "postinst does not install the menu entry"
desktop=$(ls "$root"/opt/failscope/lib/*.desktop)
grep -q '^Exec=/opt/failscope/bin/failscope' "$desktop" || fail "$desktop has no Exec line for the launcher"
[ -f "$root/opt/failscope/lib/failscope.png" ] || fail "no icon in the package"
# the JDK modules the app's own classes use must be in the trimmed runtime (a missing one shows only at run time)
if command -v jdeps >/dev/null; then
  linked=" $(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$root/opt/failscope/lib/runtime/release") "
  for module in $(jdeps --multi-release 17 --ignore-missing-deps -s "$root"/opt/failscope/lib/app/failscope-*.jar \
      | awk '$3 ~ /^(java|jdk)\./ { print $3 }' | sort -u); do
    case "$linked" in *" $module "*) ;; *) fail "the app uses $module, which the runtime lacks: add it to dist.modules";; esac
  done
  echo "runtime modules:$linked"
fi
# what postinst does, inside the scratch root (the launcher finds its runtime through the link)
mkdir -p "$root/usr/bin"
ln -s "$PWD/$root/opt/failscope/lib/app/failscope" "$root/usr/bin/failscope"
export PATH="$PWD/$root/usr/bin:$PATH"
# a first run: an empty home (Java takes user.home from the password file, not $HOME, hence -Duser.home)
export HOME="$PWD/$out/home"

step "run the installed CLI"
[ "$(command -v failscope)" = "$PWD/$root/usr/bin/failscope" ] || fail "failscope on PATH is $(command -v failscope)"
failscope --version | tee "$out/version.txt"
grep -Eq '^failscope [0-9]+\.[0-9]+' "$out/version.txt" || fail "--version printed no version"
set +e
failscope check sample-topologies/catifyme > "$out/check-catifyme.txt" 2>&1; rc=$?
set -e
cat "$out/check-catifyme.txt"
[ "$rc" = 1 ] || fail "check catifyme exited $rc, expected 1"
grep -q 'failover-target-decommissioned' "$out/check-catifyme.txt" || fail "check catifyme missed the decommissioned target"
set +e
failscope check sample-topologies/catifyme-fixed > "$out/check-fixed.txt" 2>&1; rc=$?
set -e
cat "$out/check-fixed.txt"
[ "$rc" = 0 ] || fail "check catifyme-fixed exited $rc, expected 0"

step "the CDS archive postinst dumps (docs/performance.md)"
# what postinst does, for the scratch root: the launcher's -XX:SharedArchiveFile names \$APPDIR/failscope.jsa
app="$root/opt/failscope/lib/app"
[ -f "$app/failscope.classlist" ] || fail "no failscope.classlist in the package"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$PWD/$app/failscope.classlist" "$root/opt/failscope/bin/failscope" \
  > "$out/cds-dump.txt" 2>&1 || true
[ -f "$app/failscope.jsa" ] || { cat "$out/cds-dump.txt"; fail "no CDS archive after the dump"; }
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$PWD/$out/class-load.txt" failscope check sample-topologies/catifyme-fixed \
  > /dev/null 2>&1 || true
grep -q 'dev.failscope.Launcher source: shared objects file' "$out/class-load.txt" \
  || fail "the installed failscope (lib/app/failscope) does not use its CDS archive"
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$PWD/$out/class-load-native.txt" "$root/opt/failscope/bin/failscope" check \
  sample-topologies/catifyme-fixed > /dev/null 2>&1 || true
grep -q 'dev.failscope.Launcher source: shared objects file' "$out/class-load-native.txt" \
  || fail "the native launcher bin/failscope (the menu entry) does not use the CDS archive"
echo "CDS archive: $(du -h "$app/failscope.jsa" | cut -f1), used"

step "the runnable jar from the same build"
if command -v java >/dev/null && [ -f target/failscope.jar ]; then
  unzip -p target/failscope.jar META-INF/MANIFEST.MF | grep -q '^Main-Class: dev.failscope.Launcher' \
    || fail "target/failscope.jar: Main-Class is not dev.failscope.Launcher"
  set +e
  java -jar target/failscope.jar check sample-topologies/catifyme > /dev/null 2>&1; rc=$?
  set -e
  [ "$rc" = 1 ] || fail "java -jar target/failscope.jar check catifyme exited $rc, expected 1"
  echo "java -jar target/failscope.jar: OK"
fi

step "start the installed GUI under Xvfb"
display=
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=:$n; break; fi
done
[ -n "$display" ] || fail "no free X display"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
gui=
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
DISPLAY=$display JAVA_TOOL_OPTIONS="-Duser.home=$HOME" failscope sample-topologies/catifyme > "$out/gui.log" 2>&1 &
gui=$!
sleep "$gui_wait"
kill -0 "$gui" 2>/dev/null || { cat "$out/gui.log"; fail "the GUI exited early"; }
DISPLAY=$display import -window root "$out/gui.png"
spread=$(convert "$out/gui.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot $out/gui.png (grey standard deviation $spread)"
awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }' || fail "the screenshot is blank"
# JavaFX unpacked its native libraries into the fresh home: the first run works with an empty ~/.openjfx
ls -d "$HOME"/.openjfx/cache/* || fail "no ~/.openjfx/cache in the fresh home"
cat "$out/gui.log"
echo "test-deb: OK ($deb)"
