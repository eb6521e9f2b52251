# Run by install-in-clean-root.sh inside the root, after the gateway's package was purged (its
# Java runtime stays): installs hearth-hub, starts `hearth-hub run` through the launcher as root
# would (it becomes the hearth-hub user), checks the uplink's UDP socket and the HTTPS API, adds a
# home, invites and enrols a carer's device, stops the hub, then removes and purges the package.
# Needs HUB_UDP_PORT and HUB_HTTPS_PORT (free on this machine: the root shares its network).
set -uo pipefail  # no -e: every step prints what it saw, and the test judges; the hub is always stopped
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
echo "== hub"
hub_started=$(date +%s)
apt-get install -y -q /tmp/hearth-hub_*.deb 2>&1 | tail -n 2
hearth-hub --version
echo "hub user: $(id hearth-hub)"
echo "hub dirs: $(stat -c '%n %U %a' /var/lib/hearth-hub /var/cache/hearth-hub | tr '\n' ' ')"
echo "hub enabled: $(readlink /etc/systemd/system/multi-user.target.wants/hearth-hub.service || echo no)"
systemd-analyze verify --man=no /lib/systemd/system/hearth-hub.service && echo "hub verify: ok"

# The installed config, moved to loopback and free ports so the test leaves this machine's 5684 and 8443 alone.
mkdir -p /tmp/hub-test
sed -e 's/^  bind: 0\.0\.0\.0$/  bind: 127.0.0.1/' -e "s/^  port: 5684$/  port: $HUB_UDP_PORT/" \
  -e "s/^  port: 8443$/  port: $HUB_HTTPS_PORT/" /etc/hearth-hub/hub.yaml >/tmp/hub-test/hub.yaml
echo "hub config lines changed: $(diff /etc/hearth-hub/hub.yaml /tmp/hub-test/hub.yaml | grep -c '^>' || true)"
config=(--config /tmp/hub-test/hub.yaml)

hearth-hub run "${config[@]}" >/tmp/hub-test/run.log 2>&1 &
pid=$!
started=$(date +%s%N)
for _ in $(seq 1 1200); do
  grep -q 'Hub started' /tmp/hub-test/run.log && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "hub ready after ms: $(( ($(date +%s%N) - started) / 1000000 ))"
echo "hub process: $(stat -c %U "/proc/$pid" 2>/dev/null || echo gone) $(cat "/proc/$pid/comm" 2>/dev/null || echo gone)"

# Who owns the listening sockets (/proc/net shows this machine's network, which the root shares;
# Java's sockets are IPv6 ones that also take IPv4, so they are listed in the *6 files).
listener() { # PROTOCOL PORT [STATE]
  local uid
  uid=$(awk -v p="$(printf ':%04X' "$2")" -v s="${3:-}" '$2 ~ p"$" && (s == "" || $4 == s) {print $8; exit}' \
    "/proc/net/$1" "/proc/net/${1}6")
  if [[ -n "$uid" ]]; then getent passwd "$uid" | cut -d: -f1; else echo none; fi
}
echo "hub udp listener: $(listener udp "$HUB_UDP_PORT")"
echo "hub tcp listener: $(listener tcp "$HUB_HTTPS_PORT" 0A)"

https() { # METHOD PATH [JSON]: the whole answer, headers first
  local body=${3:-}
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#body}" "$body" | timeout 30 openssl s_client -quiet -connect "127.0.0.1:$HUB_HTTPS_PORT" 2>/dev/null | tr -d '\r'
}
echo "hub web app: $(https GET / | head -n 1)"
echo "hub api without a device: $(https GET /api/v1/homes | head -n 1)"
echo "hub certificate: $(timeout 30 openssl s_client -connect "127.0.0.1:$HUB_HTTPS_PORT" </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName | tail -n 1 | xargs)"

echo "== hub commands"
hearth-hub homes add "${config[@]}" --label "Flat 12" --no-qr | tee /tmp/hub-test/add.out
home=$(sed -n 's/^Added home \([^ ]*\) .*/\1/p' /tmp/hub-test/add.out)
hearth-hub invite "${config[@]}" --home "$home" --carer Priya --no-qr | tee /tmp/hub-test/invite.out
code=$(sed -n 2p /tmp/hub-test/invite.out)
https POST /api/v1/enrol "{\"code\":\"$code\",\"device_name\":\"Priya's phone\"}" >/tmp/hub-test/enrol.out
echo "hub enrol: $(head -n 1 /tmp/hub-test/enrol.out)"
echo "hub enrol answer: $(tail -n 1 /tmp/hub-test/enrol.out)"
hearth-hub status "${config[@]}"
echo "hub files: $(stat -c '%n %U' /var/lib/hearth-hub/hub.db /var/lib/hearth-hub/https.p12 | tr '\n' ' ')"
echo "hub native: $(ls /var/cache/hearth-hub | tr '\n' ' ')"

kill -TERM "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
echo "hub exit: $rc"
apt-get remove -y -q hearth-hub >/dev/null 2>&1
echo "hub after remove: $(ls /var/lib/hearth-hub/hub.db /etc/hearth-hub/hub.yaml 2>&1 | tr '\n' ' ')"
apt-get purge -y -q hearth-hub >/dev/null 2>&1
echo "hub after purge: $(ls -d /var/lib/hearth-hub /var/cache/hearth-hub /etc/hearth-hub 2>&1 | tr '\n' ' ')"
echo "hub section took s: $(( $(date +%s) - hub_started ))"
echo "== hub log"
cat /tmp/hub-test/run.log
