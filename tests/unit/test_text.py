"""User-written Markdown is rendered safely."""

from marketplace.text import render_markdown


def test_markdown_renders_basic_formatting():
    html = render_markdown("**Important** : venir avec des *gants*.\n\n- un\n- deux")
    assert "<strong>Important</strong>" in html and "<em>gants</em>" in html and "<li>un</li>" in html


def test_scripts_and_event_handlers_are_removed():
    html = render_markdown(
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> [lien](javascript:alert(3))'
    )
    # Raw HTML is shown as text, never as elements, and the javascript: link is not a link.
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_links_are_marked_nofollow_and_headings_demoted():
    html = render_markdown("# Titre\n\n[Site](https://exemple.fr)")
    assert "<h1>" not in html and "<h3>Titre</h3>" in html
    assert 'rel="nofollow noopener noreferrer"' in html
