#!/usr/bin/env bash
# Installs a hearth .deb into a fresh minimal Debian bookworm root and runs it there, without
# touching this machine: the root is a folder under WORK, and /proc, /dev and the apt cache are
# mounted only inside a private mount and PID namespace that disappears with this script.
#
#   install-in-clean-root.sh DEB CACHE WORK COAP_PORT CARER_PORT LOOPBACK_PORT [ARCH [HUB_DEB HUB_UDP_PORT HUB_HTTPS_PORT]]
#
# With HUB_DEB, the same root then installs and runs the care hub's package (hub-in-clean-root.sh),
# reusing the Java runtime the gateway's install brought in.
#
# ARCH is a Debian architecture (default: this machine's). A foreign one, such as arm64 on an
# x86-64 machine, runs every program of the root under qemu-user-static through binfmt_misc,
# which this script registers when it is missing.
#
# CACHE keeps the debootstrapped base (a tarball, rebuilt after 30 days) and every .deb apt
# fetched, so only the first run needs the Debian mirror. The mirror is this machine's own
# (from its apt sources), HEARTH_DEBIAN_MIRROR, or debootstrap's default. Needs root.
set -euo pipefail
deb=$1 cache=$2 work=$3 coap_port=$4 carer_port=$5 loopback_port=$6 arch=${7:-$(dpkg --print-architecture)}
hub_deb=${8:-} hub_udp_port=${9:-} hub_https_port=${10:-}
suite=bookworm

fail() { echo "clean-root: $*" >&2; exit 3; }
for tool in debootstrap unshare chroot socat tar flock; do
  command -v "$tool" >/dev/null || fail "$tool is missing; install it with: scripts/setup test"
done
[[ $(id -u) -eq 0 ]] || fail "debootstrap and chroot need root"
if [[ "$arch" != "$(dpkg --print-architecture)" ]]; then
  case "$arch" in arm64) qemu=aarch64;; armhf) qemu=arm;; *) fail "no qemu-user mapping for $arch";; esac
  [[ -f /usr/lib/binfmt.d/qemu-$qemu.conf ]] || fail "qemu-user-static is missing; install it with: scripts/setup test"
  if [[ ! -e /proc/sys/fs/binfmt_misc/qemu-$qemu ]]; then
    [[ -e /proc/sys/fs/binfmt_misc/register ]] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
      || fail "cannot mount binfmt_misc, so $arch programs cannot run here"
    # The F flag in Debian's entry opens the interpreter now, so it works inside the chroot too.
    cat "/usr/lib/binfmt.d/qemu-$qemu.conf" >/proc/sys/fs/binfmt_misc/register \
      || fail "cannot register qemu-$qemu with binfmt_misc"
  fi
fi
base="$cache/$suite-$arch-base.tar"
archives="$cache/$suite-$arch-archives"
mkdir -p "$archives/partial"
# One run at a time per cache: concurrent runs would race to build the base and share apt's archive lock.
exec 9>"$cache/.lock"
flock 9

mirror() {
  if [[ -n "${HEARTH_DEBIAN_MIRROR:-}" ]]; then echo "$HEARTH_DEBIAN_MIRROR"; return; fi
  # deb822 sources first (Debian 12's default), then the one-line format.
  { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}'
  } | grep -E '/debian/?$' | head -n1
}

if [[ ! -f "$base" ]] || [[ -n "$(find "$base" -mtime +30)" ]]; then
  echo "clean-root: debootstrapping a minimal $suite ($arch) into $cache; only the first run does this"
  staging=$(mktemp -d "$cache/bootstrap.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  # systemd is there on every Raspberry Pi OS: the postinst should take the same path as on a Pi.
  debootstrap --arch="$arch" --variant=minbase --include=systemd --cache-dir="$archives" "$suite" "$staging" $(mirror) >"$cache/debootstrap.log" 2>&1 \
    || { tail -n 30 "$cache/debootstrap.log" >&2; fail "debootstrap failed (full log: $cache/debootstrap.log)"; }
  cp /etc/resolv.conf "$staging/etc/resolv.conf"
  chroot "$staging" apt-get update -qq || fail "apt-get update failed inside the new root"
  rm -f "$staging"/var/cache/apt/archives/*.deb
  chmod 0755 "$staging"  # mktemp made it 0700; it becomes the root's /, which every user must traverse
  tar -C "$staging" -cf "$base.partial" . && mv "$base.partial" "$base"
  rm -rf "$staging"
  trap - EXIT
fi

root="$work/root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
chmod 0755 "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
if [[ -n "$hub_deb" ]]; then
  cp "$hub_deb" "$root/tmp/"
  cp "$(dirname "$0")/hub-in-clean-root.sh" "$root/tmp/hub-inside.sh"
fi

# A home with one mock sensor and one carer on loopback, whose device runs in the root too.
mkdir -p "$root/tmp/hearth-test" "$root/run/hearth-test"
cat >"$root/tmp/hearth-test/hearth.yaml" <<EOF
home: {label: Flat 9, language: en, timezone: Europe/London}
storage: {data_dir: /var/lib/hearth}
gpio: {backend: mock}
sensors:
  - {id: cord-bathroom, room: bathroom, kind: pull_cord, pin: 17}
carers:
  - {name: Priya, level: 1, endpoint: "coaps://127.0.0.1:$carer_port"}
coap: {bind: 127.0.0.1, port: $coap_port, loopback_port: $loopback_port}
secrets_file: secrets.yaml
EOF
printf 'carers:\n  Priya: {identity: priya-9, key: 8899aabbccddeeff0011223344556677}\n' >"$root/tmp/hearth-test/secrets.yaml"
printf '8899aabbccddeeff0011223344556677' >"$root/tmp/hearth-test/priya.key"
chmod 0600 "$root/tmp/hearth-test/priya.key"

cat >"$root/tmp/inside.sh" <<'EOF'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
echo "== install"
apt-get install -y -q /tmp/hearth_*.deb 2>&1 | tail -n 5
echo "== commands"
hearth --version
echo "machine: $(uname -m)"
hearth-carer --version
echo "user: $(id hearth)"
echo "dirs: $(stat -c '%n %U %a' /var/lib/hearth /var/cache/hearth | tr '\n' ' ')"
echo "enabled: $(readlink /etc/systemd/system/multi-user.target.wants/hearth.service || echo no)"
echo "conffile: $(grep -c '^secrets_file: secrets.yaml$' /etc/hearth/hearth.yaml)"
echo "archive: $(stat -c '%U %a' /var/cache/hearth/hearth.jsa 2>/dev/null || { echo missing; cat /var/cache/hearth/start-up-archive.log; })"
systemd-analyze verify --man=no /lib/systemd/system/hearth.service && echo "verify: ok"
echo "== run"
chown -R hearth:hearth /tmp/hearth-test
chmod 0600 /tmp/hearth-test/secrets.yaml
setpriv --reuid=hearth --regid=hearth --init-groups \
  env HOME=/var/lib/hearth CACHE_DIRECTORY=/var/cache/hearth NOTIFY_SOCKET=/run/hearth-test/notify WATCHDOG_USEC=2000000 \
  hearth run --config /tmp/hearth-test/hearth.yaml >/tmp/hearth-test/run.log 2>&1 &
pid=$!
started=$(date +%s%N)
for _ in $(seq 1 1200); do
  grep -q 'Hearth is ready' /tmp/hearth-test/run.log && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "ready after ms: $(( ($(date +%s%N) - started) / 1000000 ))"
sleep 3  # three watchdog periods of 1 s
echo "== alert"
# The carer's own program, acknowledging by itself, and a TEST alert through DTLS and the store.
hearth-carer listen --name Priya --identity priya-9 --key-file /tmp/hearth-test/priya.key \
  --gateway "coaps://127.0.0.1:$COAP_PORT" --bind 127.0.0.1 --port "$CARER_PORT" --auto-ack 1s >/tmp/hearth-test/carer.log 2>&1 &
carer=$!
for _ in $(seq 1 1200); do grep -q '^LISTENING' /tmp/hearth-test/carer.log && break; sleep 0.1; done
setpriv --reuid=hearth --regid=hearth --init-groups env HOME=/var/lib/hearth \
  hearth test-alert --config /tmp/hearth-test/hearth.yaml --wait 3m || echo "test-alert failed: $?"
# The gateway stores the acknowledgement before its answer reaches the carer, which then prints it.
for _ in $(seq 1 600); do grep -q '^ACKNOWLEDGED' /tmp/hearth-test/carer.log && break; sleep 0.1; done
kill -TERM "$carer" 2>/dev/null || true
wait "$carer" 2>/dev/null || true
echo "native: $(ls /var/cache/hearth | tr '\n' ' ')"
echo "main process: $(cat /proc/$pid/comm 2>/dev/null || echo gone)"
echo "archive mapped: $(grep -q '/var/cache/hearth/hearth.jsa' /proc/$pid/maps 2>/dev/null && echo yes || echo no)"
kill -TERM "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
echo "exit: $rc"
echo "database: $(stat -c '%U %a' /var/lib/hearth/hearth.db 2>/dev/null || echo missing)"
echo "== remove and purge"
install -m 0600 -o hearth -g hearth /tmp/hearth-test/secrets.yaml /etc/hearth/secrets.yaml
apt-get remove -y -q hearth >/dev/null 2>&1
echo "after remove: $(ls /var/lib/hearth/hearth.db /etc/hearth/secrets.yaml /etc/hearth/hearth.yaml 2>&1 | tr '\n' ' ')"
apt-get purge -y -q hearth >/dev/null 2>&1
echo "after purge: $(ls -d /var/lib/hearth /var/cache/hearth /etc/hearth 2>&1 | tr '\n' ' ')"
if [[ -f /tmp/hub-inside.sh ]]; then
  bash /tmp/hub-inside.sh || echo "hub script failed: $?"
fi
echo "== carer log"
cat /tmp/hearth-test/carer.log
echo "== daemon log"
cat /tmp/hearth-test/run.log
EOF

# systemd's side of sd_notify, played by socat on this machine's side of the chroot.
socat -u "UNIX-RECV:$root/run/hearth-test/notify,perm=0666" "OPEN:$work/notify.log,creat,trunc" &
socat_pid=$!
trap 'kill "$socat_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [[ -S "$root/run/hearth-test/notify" ]] && break; sleep 0.1; done

unshare --mount --pid --fork --kill-child --propagation private -- bash -euc '
  r=$1 archives=$2
  mount -t proc proc "$r/proc"
  mount -t tmpfs -o mode=0755 tmpfs "$r/dev"
  for d in null zero full random urandom tty; do touch "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
  mkdir -p "$r/dev/shm" "$r/dev/pts"
  mount -t tmpfs tmpfs "$r/dev/shm"
  mount --bind "$archives" "$r/var/cache/apt/archives"
  exec chroot "$r" env COAP_PORT="$3" CARER_PORT="$4" HUB_UDP_PORT="$5" HUB_HTTPS_PORT="$6" /bin/bash /tmp/inside.sh
' _ "$root" "$archives" "$coap_port" "$carer_port" "$hub_udp_port" "$hub_https_port"

sleep 0.5
echo "== notify"
# Datagrams carry no separators; put each sd_notify assignment on its own line.
sed -E 's/(READY=1|WATCHDOG=1|STOPPING=1|STATUS=)/\n\1/g' "$work/notify.log" | sed '/^$/d'
echo
