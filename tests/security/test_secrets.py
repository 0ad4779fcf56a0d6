"""No secrets in the repository: no private keys, API tokens or hard-coded passwords and secret keys in the
files git tracks (or would add). Test fixtures with made-up passwords live under tests/ and may stay."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVERYWHERE = {
    "private key": re.compile(
        r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----"
    ),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abpr]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "password in a URL": re.compile(
        r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:(?!\$|\{|<|\*|password\b)[^/\s@'\"]{6,}@"
    ),
}
OUTSIDE_TESTS = {
    "hard-coded secret": re.compile(
        r"""\b(SECRET_KEY|PASSWORD|API_KEY|CLIENT_SECRET|TOKEN)\s*=\s*["'][^"'\s]{8,}["']""", re.IGNORECASE
    ),
}
# Known, documented demo values (refused outside DEBUG) are not secrets.
ALLOWED = {"wendbaar-demo"}


def repository_files():
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            capture_output=True,
            cwd=ROOT,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for name in listed.decode().split("\0"):
        path = ROOT / name
        if name and path.is_file() and path.stat().st_size < 2_000_000:
            yield name, path


def test_no_secrets_in_the_repository():
    found = []
    files = 0
    for name, path in repository_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        files += 1
        patterns = dict(EVERYWHERE)
        if not name.startswith(("tests/", "bench/")):
            patterns |= OUTSIDE_TESTS
        for what, pattern in patterns.items():
            for match in pattern.finditer(text):
                if not any(allowed in match.group(0) for allowed in ALLOWED):
                    line = text.count("\n", 0, match.start()) + 1
                    found.append(f"{name}:{line}: {what}")
    assert files > 100
    assert found == []


def test_the_checks_recognise_a_secret():
    key = "-----BEGIN " + "RSA PRIVATE KEY-----"
    assert EVERYWHERE["private key"].search(key)
    assert OUTSIDE_TESTS["hard-coded secret"].search("SECRET_KEY = " + "'django-insecure-abcdefgh'")
    assert EVERYWHERE["password in a URL"].search("postgres://wendbaar:" + "geheim123@db:5432/wendbaar")
    assert not EVERYWHERE["password in a URL"].search("postgres://postgres@127.0.0.1:5432/test")
