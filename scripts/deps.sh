#!/bin/sh
# Install what CIM Twin needs on Debian 12 (idempotent: does nothing when all is there).
#   - QGIS 3.22 and the Python geo stack from Debian's packages (one GDAL/PROJ/GEOS per process);
#     python3-numba is optional at run time (speeds up the exact viewshed; results are identical)
#   - .venv (python3 -m venv --system-site-packages) with the pip-only tools of requirements-dev.txt
set -eu
cd "$(dirname "$0")/.."

DEB_PACKAGES="qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-numpy \
python3-geopandas python3-shapely python3-rasterio python3-networkx python3-pyproj \
python3-scipy python3-jieba python3-openpyxl python3-jellyfish python3-numba python3-venv python3-pip \
pyqt5-dev-tools qttools5-dev-tools xvfb xauth zip"
# `scripts/deps.sh --bench`: also the peers the benchmarks compare against (GRASS r.viewshed)
[ "${1:-}" = "--bench" ] && DEB_PACKAGES="$DEB_PACKAGES grass-core"

missing=""
for p in $DEB_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "deps: installing Debian packages:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

# Debian's own interpreter: the one python3-qgis is built for (not a pyenv/conda python on PATH)
PY=/usr/bin/python3
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
    rm -rf .venv
    $PY -m venv --system-site-packages .venv
fi
if ! cmp -s requirements-dev.txt .venv/.requirements-dev.txt; then
    .venv/bin/python -m pip install -q -r requirements-dev.txt
    cp requirements-dev.txt .venv/.requirements-dev.txt
fi
echo "deps: Debian packages and .venv are ready"
