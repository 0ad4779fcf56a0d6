# Shared set-up for scripts/start and scripts/test (sourced, not run): a virtual environment with
# wendbaar installed in it, and the front-end packages. Safe to repeat; fast when nothing changed.

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3 \
      "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "wendbaar needs Python 3.12 or newer (Django 6 requires it). Set PYTHON=/path/to/python3.12." >&2
  return 1
}

setup_wendbaar() {
  local extras="$1"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
  fi
  # Reinstall only when the project definition changed since the last install.
  local stamp=".venv/.installed-$extras"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
    touch "$stamp"
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is needed for the NL Design System styles (install Node.js 20 or newer)." >&2
    return 1
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  export PATH="$PWD/.venv/bin:$PATH"
}
