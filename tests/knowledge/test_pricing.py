"""Who pays what for a printed copy, and how the price breaks down into book, shipping and VAT."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.knowledge import factories as f
from wendbaar.knowledge import pricing
from wendbaar.knowledge.models import Eligibility, Publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def book():
    return f.publication()


def test_member_of_a_municipality_orders_free(book):
    petra = f.user(organisation=f.municipality())
    quote = pricing.quote(book, petra, "petra@gmail.example")
    assert quote.eligibility == Eligibility.MEMBERSHIP
    assert quote.organisation.name == "Gemeente Zwolle"
    assert (quote.total_cents, quote.book_net_cents, quote.shipping_net_cents, quote.vat_cents) == (
        0,
        0,
        0,
        0,
    )
    assert quote.is_free


def test_municipal_email_domain_orders_free(settings, book):
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = ["zwolle.nl", "tilburg.nl"]
    for email in ["petra@zwolle.nl", "Petra@ZWOLLE.NL", "samir@sociaal.tilburg.nl"]:
        quote = pricing.quote(book, None, email)
        assert quote.eligibility == Eligibility.EMAIL_DOMAIN, email
        assert quote.total_cents == 0


@pytest.mark.parametrize(
    "email", ["petra@notzwolle.nl", "zwolle.nl@gmail.example", "petra@zwolle.nl.evil.example", ""]
)
def test_lookalike_domains_pay(settings, book, email):
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = ["zwolle.nl"]
    assert pricing.quote(book, None, email).eligibility == Eligibility.PAID


def test_signed_in_without_municipality_pays_with_breakdown(book):
    joost = f.user("joost@linde.example", organisation=f.other_organisation())
    quote = pricing.quote(book, joost, joost.email)
    assert quote.eligibility == Eligibility.PAID
    # 25.00 incl. 9 % VAT and 4.95 shipping: VAT 206 (2500 × 9/109), shipping 495 − 41 VAT = 454.
    assert quote.total_cents == 2500
    assert quote.vat_cents == 206
    assert quote.shipping_net_cents == 454
    assert quote.book_net_cents == 1840
    assert quote.vat_rate == Decimal("9.00")


def test_signed_out_pays_the_same(book):
    quote = pricing.quote(book, None, "iemand@example.nl")
    assert (quote.eligibility, quote.total_cents, quote.vat_cents) == (Eligibility.PAID, 2500, 206)


def test_signed_out_with_anonymous_user_object(book):
    from django.contrib.auth.models import AnonymousUser

    assert pricing.quote(book, AnonymousUser(), "").total_cents == 2500


def test_membership_of_a_non_municipal_organisation_does_not_count(book):
    joost = f.user("joost@linde.example", organisation=f.other_organisation())
    assert pricing.municipal_membership(joost) is None


def test_price_rules_follow_the_publication():
    book = f.publication(print_price=Decimal("12.50"), shipping=Decimal("0"), vat_rate=Decimal("9"))
    quote = pricing.quote(book)
    assert (quote.total_cents, quote.vat_cents, quote.shipping_net_cents, quote.book_net_cents) == (
        1250,
        103,
        0,
        1147,
    )


@given(
    total=st.integers(min_value=0, max_value=1_000_000),
    shipping_share=st.floats(min_value=0, max_value=1),
    rate=st.sampled_from([Decimal("0"), Decimal("9"), Decimal("21"), Decimal("5.5")]),
)
def test_lines_always_add_up_to_the_total(total, shipping_share, rate):
    shipping = int(total * shipping_share)
    book = Publication(print_price=Decimal(total) / 100, shipping=Decimal(shipping) / 100, vat_rate=rate)
    quote = pricing.quote(book)
    assert quote.book_net_cents + quote.shipping_net_cents + quote.vat_cents == quote.total_cents == total
    assert min(quote.book_net_cents, quote.shipping_net_cents, quote.vat_cents) >= 0
    # VAT is what the total contains, to the cent.
    assert abs(Decimal(quote.vat_cents) - Decimal(total) * rate / (100 + rate)) <= Decimal("0.5")


def test_rounding_is_half_up():
    assert pricing.to_cents(Decimal("0.005")) == 1
    assert pricing.vat_in(109, Decimal("9")) == 9
    assert pricing.vat_in(6, Decimal("9")) == 0  # 0.495 → 0
    assert pricing.vat_in(1199, Decimal("9")) == 99  # 99.0 → 99


def test_amounts_in_dutch_notation():
    assert pricing.euro(2500) == "€\u00a025,00"
    assert pricing.euro(123456) == "€\u00a01.234,56"
    assert pricing.euro(5) == "€\u00a00,05"
    assert pricing.percent(Decimal("9.00")) == "9\u00a0%"
    assert pricing.percent(Decimal("5.50")) == "5,5\u00a0%"
