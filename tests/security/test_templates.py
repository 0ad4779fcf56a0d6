"""Templates and static JavaScript keep to the Content-Security-Policy: no inline scripts, no inline styles
and no event-handler attributes. (The crawl in test_pages.py checks the rendered pages; this also covers
templates that the crawl does not reach, such as e-mails rendered as HTML or error states.)"""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "wendbaar"
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
HANDLER = re.compile(r"\s(?:hx-)?on[a-z:-]*\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""href=["']\s*javascript:""", re.IGNORECASE)


def test_templates_have_no_inline_script_style_or_handlers():
    problems = []
    templates = list(SRC.rglob("templates/**/*.html"))
    assert len(templates) > 50
    for template in templates:
        text = template.read_text(encoding="utf-8")
        for what, pattern in [
            ("inline <script>", INLINE_SCRIPT),
            ("inline style", INLINE_STYLE),
            ("event-handler attribute", HANDLER),
            ("javascript: link", JAVASCRIPT_URL),
        ]:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{template.relative_to(SRC)}:{line}: {what}")
    assert problems == []


def test_static_javascript_does_not_evaluate_strings():
    problems = []
    for script in SRC.rglob("static/**/*.js"):
        text = script.read_text(encoding="utf-8")
        for match in re.finditer(r"\beval\(|new Function\(|setTimeout\(\s*[\"']", text):
            problems.append(f"{script.relative_to(SRC)}: {match.group(0)}")
    assert problems == []
