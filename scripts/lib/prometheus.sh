# Debian's Prometheus for the metrics tests and scripts/prometheus-scrape.sh (installed once; the service is not used).
prometheus_ensure_installed() {
  command -v prometheus >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian's prometheus for the metrics scrape test..."
    # The package would start its own service on :9090 (and node exporters); only the binary is wanted.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
    (systemctl stop prometheus 2>/dev/null; systemctl disable prometheus 2>/dev/null) || true
  fi
  command -v prometheus >/dev/null 2>&1 || { echo "prometheus is not installed (sudo apt-get install prometheus): the scrape test will fail." >&2; return 1; }
}
